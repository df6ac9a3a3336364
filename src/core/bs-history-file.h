/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  bs_history_file_prepare_directory (const char  *dir,
                                             gboolean     tighten,
                                             GError     **error);
gboolean  bs_history_file_prepare           (const char  *path,
                                             GError     **error);
char     *bs_history_file_move_aside        (const char  *path,
                                             const char  *reason,
                                             GError     **error);

G_END_DECLS
