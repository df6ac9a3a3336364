/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-gtk-compat.h"

/*
 * Work-arounds for what GTK 4.8, our minimum, lacks or gets wrong.  Each
 * says which version fixes it, so it can go when the minimum moves.
 */

/**
 * bs_menu_button_set_accessible_label:
 *
 * Names a menu button and the toggle button inside it, which is what takes
 * the focus: GTK before 4.10 does not pass the menu button's label on.
 */
void
bs_menu_button_set_accessible_label (GtkMenuButton *button,
                                     const char    *label)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
