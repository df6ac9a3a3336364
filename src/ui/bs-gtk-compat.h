/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bs_menu_button_set_accessible_label (GtkMenuButton *button,
                                          const char    *label);

G_END_DECLS
