/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean bs_history_pdf_write             (GListModel  *entries,
                                           GFile       *file,
                                           GError     **error);
gboolean bs_history_pdf_write_for_patient (GListModel  *entries,
                                           const char  *code,
                                           GFile       *file,
                                           GError     **error);

G_END_DECLS
