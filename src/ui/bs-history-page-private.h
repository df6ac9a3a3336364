/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-history-page.h"

G_BEGIN_DECLS

/* Shared between the page and its export and import half. */
void bs_history_page_say                    (BsHistoryPage  *self,
                                             const char     *text);
void bs_history_page_show_error             (BsHistoryPage  *self,
                                             const char     *heading,
                                             const GError   *error);
void bs_history_page_install_export_actions (GtkWidgetClass *widget_class);

G_END_DECLS
