/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BS_TYPE_HISTORY_CHART (bs_history_chart_get_type ())
G_DECLARE_FINAL_TYPE (BsHistoryChart, bs_history_chart, BS, HISTORY_CHART, GtkWidget)

GtkWidget  *bs_history_chart_new         (void);
GListModel *bs_history_chart_get_entries (BsHistoryChart *self);
void        bs_history_chart_set_entries (BsHistoryChart *self,
                                          GListModel     *entries);

G_END_DECLS
