/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-history-entry.h"

G_BEGIN_DECLS

/* The history export file format this build writes and reads. */
#define BS_HISTORY_EXPORT_FORMAT 1

/* An export is refused on import above this size: ten years of daily use
 * is a few tens of MiB. */
#define BS_HISTORY_EXPORT_MAX_SIZE (256 * 1024 * 1024)

char      *bs_history_export_json    (GListModel  *entries,
                                      GDateTime   *exported_at);
GPtrArray *bs_history_parse_json     (GBytes      *bytes,
                                      const char  *display_name,
                                      GError     **error);
GPtrArray *bs_history_read_json_file (GFile       *file,
                                      GError     **error);

G_END_DECLS
