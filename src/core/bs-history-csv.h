/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean bs_history_export_csv (GListModel  *entries,
                                GFile       *folder,
                                GError     **error);
char    *bs_csv_field          (const char  *text);

G_END_DECLS
