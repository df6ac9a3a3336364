/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Weeks the grid shows, the current one last. */
#define BS_ADHERENCE_GRID_WEEKS 8

#define BS_TYPE_ADHERENCE_GRID (bs_adherence_grid_get_type ())
G_DECLARE_FINAL_TYPE (BsAdherenceGrid, bs_adherence_grid, BS, ADHERENCE_GRID, GtkWidget)

GtkWidget  *bs_adherence_grid_new         (void);
GListModel *bs_adherence_grid_get_entries (BsAdherenceGrid *self);
void        bs_adherence_grid_set_entries (BsAdherenceGrid *self,
                                           GListModel      *entries);
void        bs_adherence_grid_set_today   (BsAdherenceGrid *self,
                                           const GDate     *today,
                                           GTimeZone       *tz);

G_END_DECLS
