/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BS_TYPE_HISTORY_DAY (bs_history_day_get_type ())
G_DECLARE_FINAL_TYPE (BsHistoryDay, bs_history_day, BS, HISTORY_DAY, GObject)

GDateTime *bs_history_day_get_date   (BsHistoryDay *self);
guint      bs_history_day_get_n_entries (BsHistoryDay *self);

#define BS_TYPE_HISTORY_DAYS (bs_history_days_get_type ())
G_DECLARE_FINAL_TYPE (BsHistoryDays, bs_history_days, BS, HISTORY_DAYS, GObject)

BsHistoryDays *bs_history_days_new           (GListModel    *entries,
                                              GTimeZone     *time_zone);
GListModel    *bs_history_days_get_entries   (BsHistoryDays *self);

G_END_DECLS
