/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BS_TYPE_HISTORY_ROW (bs_history_row_get_type ())
G_DECLARE_FINAL_TYPE (BsHistoryRow, bs_history_row, BS, HISTORY_ROW, GtkWidget)

GtkWidget *bs_history_row_new      (void);
void       bs_history_row_set_item (BsHistoryRow *self,
                                    GObject      *item,
                                    GDateTime    *now);

G_END_DECLS
