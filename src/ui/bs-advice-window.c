/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include "bs-advice-window.h"

/* "About this advice": where the advice comes from, and its limits.  Every
 * screen that gives advice links here (CONTENT.md). */

struct _BsAdviceWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BsAdviceWindow, bs_advice_window, ADW_TYPE_WINDOW)

static void
bs_advice_window_class_init (BsAdviceWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/bs-advice-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bs_advice_window_init (BsAdviceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bs_advice_window_new (GtkWindow *parent)
{
  return g_object_new (BS_TYPE_ADVICE_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
