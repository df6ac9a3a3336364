/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-entry-window.h"
#include "bs-history.h"

G_BEGIN_DECLS

#define BS_TYPE_HISTORY_PAGE (bs_history_page_get_type ())
G_DECLARE_FINAL_TYPE (BsHistoryPage, bs_history_page, BS, HISTORY_PAGE, GtkWidget)

void           bs_history_page_set_history     (BsHistoryPage  *self,
                                                BsHistory      *history);
BsHistory     *bs_history_page_get_history     (BsHistoryPage  *self);
void           bs_history_page_show_view       (BsHistoryPage  *self,
                                                const char     *name);
BsEntryWindow *bs_history_page_open_entry      (BsHistoryPage  *self,
                                                BsHistoryEntry *entry);
gboolean       bs_history_page_delete_entry    (BsHistoryPage  *self,
                                                BsHistoryEntry *entry,
                                                GError        **error);
gboolean       bs_history_page_export_json_to  (BsHistoryPage  *self,
                                                GFile          *file,
                                                GError        **error);
GFile         *bs_history_page_export_csv_into (BsHistoryPage  *self,
                                                GFile          *parent,
                                                GError        **error);
gboolean       bs_history_page_export_pdf_to   (BsHistoryPage  *self,
                                                GFile          *file,
                                                GError        **error);
gboolean       bs_history_page_import_from     (BsHistoryPage  *self,
                                                GFile          *file,
                                                guint          *n_added,
                                                GError        **error);

G_END_DECLS
