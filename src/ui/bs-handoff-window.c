/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-handoff.h"
#include "bs-handoff-print.h"
#include "bs-handoff-window.h"
#include "bs-qr-view.h"

/*
 * Taking a result home from the clinic kiosk, without typing anything:
 * a QR code of a short text, the same text in words beside it (so anyone
 * can see what the code holds), and a printed page.  In the kiosk the page
 * goes straight to the default printer: the print dialog's "Print to
 * File" would open a file chooser, a way out of the kiosk.  Elsewhere the
 * print dialog lets the person choose.
 */

struct _BsHandoffWindow
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  BsQrView *qr_view;
  GtkLabel *scan_label;
  GtkLabel *text_label;
  GtkLabel *error_label;
  GtkButton *print_button;

  char *title;
  char *text;
  gboolean kiosk;
  gboolean printing;
};

G_DEFINE_FINAL_TYPE (BsHandoffWindow, bs_handoff_window, ADW_TYPE_WINDOW)

static void
show_error (BsHandoffWindow *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_printed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BsHandoffWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean printed = bs_handoff_print_run_finish (result, &error);

  self->printing = FALSE;
  /* Closed while it printed: nothing left to tell. */
  if (self->print_button == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), TRUE);

  if (printed)
    {
      show_error (self, NULL);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (self->kiosk
                                                  ? _("Printed. Take your page from the printer.")
                                                  : _("Sent to the printer")));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);
}

static void
on_print_clicked (BsHandoffWindow *self)
{
  if (self->printing)
    return;
  self->printing = TRUE;
  show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
  bs_handoff_print_run_async (GTK_WINDOW (self), self->title, self->text, !self->kiosk,
                              on_printed, g_object_ref (self));
}

static void
bs_handoff_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BS_TYPE_HANDOFF_WINDOW);

  G_OBJECT_CLASS (bs_handoff_window_parent_class)->dispose (object);
}

static void
bs_handoff_window_finalize (GObject *object)
{
  BsHandoffWindow *self = BS_HANDOFF_WINDOW (object);

  g_free (self->title);
  g_free (self->text);

  G_OBJECT_CLASS (bs_handoff_window_parent_class)->finalize (object);
}

static void
bs_handoff_window_class_init (BsHandoffWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bs_handoff_window_dispose;
  object_class->finalize = bs_handoff_window_finalize;

  g_type_ensure (BS_TYPE_QR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/bs-handoff-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BsHandoffWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BsHandoffWindow, qr_view);
  gtk_widget_class_bind_template_child (widget_class, BsHandoffWindow, scan_label);
  gtk_widget_class_bind_template_child (widget_class, BsHandoffWindow, text_label);
  gtk_widget_class_bind_template_child (widget_class, BsHandoffWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, BsHandoffWindow, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bs_handoff_window_init (BsHandoffWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bs_handoff_window_new:
 * @parent: (nullable): the window it is modal to
 * @entry: the run or assessment to hand over
 * @kiosk: %TRUE in the clinic kiosk: print on the default printer without
 *   a dialog, and say on the window when that fails
 *
 * Returns: (transfer floating): the window, not yet shown
 */
GtkWidget *
bs_handoff_window_new (GtkWindow      *parent,
                       BsHistoryEntry *entry,
                       gboolean        kiosk)
{
  BsHandoffWindow *self;
  g_autoptr(BsQrCode) code = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), NULL);

  self = g_object_new (BS_TYPE_HANDOFF_WINDOW, "transient-for", parent, NULL);
  self->kiosk = kiosk;
  /* The kiosk's touch targets. */
  if (kiosk)
    gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk");
  self->title = bs_handoff_dup_title (entry);
  self->text = bs_handoff_dup_text (entry, NULL);
  gtk_label_set_label (self->text_label, self->text);

  code = bs_qr_code_new (self->text, &error);
  if (code != NULL)
    bs_qr_view_set_code (self->qr_view, code);
  else
    {
      /* The text is kept short enough that this should not happen; if it
       * does, the words are still there to read, and printing would fail
       * the same way. */
      gtk_widget_set_visible (GTK_WIDGET (self->qr_view), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->scan_label), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
      show_error (self, error->message);
    }
  return GTK_WIDGET (self);
}

/**
 * bs_handoff_window_get_text:
 *
 * Returns: the text shown, in the QR code and on the printed page
 */
const char *
bs_handoff_window_get_text (BsHandoffWindow *self)
{
  g_return_val_if_fail (BS_IS_HANDOFF_WINDOW (self), NULL);

  return self->text;
}
