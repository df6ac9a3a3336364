/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-routines-page.h"

G_BEGIN_DECLS

/* Shared between the page and its export and import half. */
void       bs_routines_page_say                      (BsRoutinesPage *self,
                                                      const char     *text);
GtkWindow *bs_routines_page_parent_window            (BsRoutinesPage *self);
void       bs_routines_page_show_error               (BsRoutinesPage *self,
                                                      const char     *heading,
                                                      const GError   *error);
void       bs_routines_page_install_transfer_actions (GtkWidgetClass *widget_class);

G_END_DECLS
