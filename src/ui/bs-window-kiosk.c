/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-window-private.h"

/* The window's part in the clinic kiosk: locking away whatever leads out
 * of the app, the administrator's PIN, and the "still there?" warning
 * before the screen starts over for the next person. */

static void
set_template_child_visible (GtkWidget  *page,
                            GType       type,
                            const char *name,
                            gboolean    visible)
{
  GObject *child = gtk_widget_get_template_child (page, type, name);

  if (GTK_IS_WIDGET (child))
    gtk_widget_set_visible (GTK_WIDGET (child), visible);
}

void
bs_window_leave_fullscreen_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
}

static void
on_fullscreened (BsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.leave-fullscreen",
                                 gtk_window_is_fullscreen (GTK_WINDOW (self)) &&
                                 !bs_kiosk_get_enabled (bs_window_get_kiosk (self)));
}

/* Minimise and maximise do nothing under a kiosk compositor, and close
 * is refused: the title bars show none of them while locked. */
static void
show_title_buttons (GtkWidget *widget,
                    gboolean   shown)
{
  if (ADW_IS_HEADER_BAR (widget))
    {
      adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (widget), shown);
      adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (widget), shown);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    show_title_buttons (child, shown);
}

/* Everything that leads out of the app, to the file system or to other
 * windows of the desktop goes while the kiosk is locked. */
static void
apply_kiosk (BsWindow *self)
{
  static const char * const routine_actions[] = {
    "routines.new", "routines.edit", "routines.duplicate", "routines.delete",
    "routines.export", "routines.import",
  };
  static const char * const history_actions[] = {
    "history.export-json", "history.export-csv", "history.export-pdf", "history.import",
    "history.delete-all",
  };
  gboolean locked = bs_kiosk_get_enabled (bs_window_get_kiosk (self));
  GAction *help = g_action_map_lookup_action (G_ACTION_MAP (self), "show-help-overlay");

  if (locked)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk");
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "kiosk");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  gtk_window_set_deletable (GTK_WINDOW (self), !locked);
  show_title_buttons (GTK_WIDGET (self), !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.toggle-fullscreen", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.kiosk-admin", locked);
  if (G_IS_SIMPLE_ACTION (help))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (help), !locked);

  set_template_child_visible (GTK_WIDGET (self->home_page), BS_TYPE_HOME_PAGE, "menu_button", !locked);
  set_template_child_visible (GTK_WIDGET (self->history_page), BS_TYPE_HISTORY_PAGE, "menu_button",
                              !locked);
  set_template_child_visible (GTK_WIDGET (self->routines_page), BS_TYPE_ROUTINES_PAGE, "menu_button",
                              !locked);
  set_template_child_visible (GTK_WIDGET (self->result_page), BS_TYPE_RESULT_PAGE, "kiosk_box", locked);
  set_template_child_visible (GTK_WIDGET (self->assessment_result), BS_TYPE_ASSESSMENT_RESULT, "kiosk_box",
                              locked);
  bs_window_update_visit_actions (self);
  for (guint i = 0; i < G_N_ELEMENTS (routine_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self->routines_page), routine_actions[i], !locked);
  /* The history page turns these back on as entries come and go; with
   * its menu hidden they stay out of reach. */
  for (guint i = 0; i < G_N_ELEMENTS (history_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self->history_page), history_actions[i], !locked);

  if (!locked && self->still_there != NULL)
    gtk_window_destroy (GTK_WINDOW (self->still_there));
  on_fullscreened (self);
}

static void
on_kiosk_enabled (BsWindow *self)
{
  apply_kiosk (self);
}

static void
on_admin_response (AdwMessageDialog *dialog,
                   const char       *response,
                   BsWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  BsKiosk *kiosk = bs_window_get_kiosk (self);
  g_autofree char *message = NULL;
  guint wait;

  if (!g_str_equal (response, "unlock") || entry == NULL)
    return;
  switch (bs_kiosk_try_pin (kiosk, gtk_editable_get_text (entry)))
    {
    case BS_KIOSK_PIN_RIGHT:
      message = g_strdup (_("Kiosk mode is off until Backstay is started again"));
      break;
    case BS_KIOSK_PIN_WRONG:
      wait = bs_kiosk_get_wait_seconds (kiosk);
      message = wait == 0
                ? g_strdup (_("Wrong PIN"))
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Wrong PIN. Try again in %u second",
                                                "Wrong PIN. Try again in %u seconds", wait),
                                   wait);
      break;
    case BS_KIOSK_PIN_WAIT:
      wait = bs_kiosk_get_wait_seconds (kiosk);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Too many wrong PINs. Try again in %u second",
                                              "Too many wrong PINs. Try again in %u seconds", wait),
                                 wait);
      break;
    case BS_KIOSK_PIN_NOT_SET:
    default:
      break;
    }
  gtk_editable_set_text (entry, "");
  if (message != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The administrator's way out: a deliberate key chord, then the PIN. */
void
bs_window_kiosk_admin_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  BsKiosk *kiosk = bs_window_get_kiosk (self);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (!bs_kiosk_get_enabled (kiosk))
    return;
  if (bs_kiosk_get_pin_hash (kiosk) == NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("No Administrator PIN"),
                                                           _("No PIN is set for this kiosk, so it cannot "
                                                             "be unlocked here. See “Clinic kiosk” in "
                                                             "the README.")));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Leave Kiosk Mode?"),
                                                       _("Enter the administrator’s PIN.")));
  /* A plain hidden entry, not GtkPasswordEntry: GTK 4.8's warns on a
   * destroyed dialog, and the PIN purpose brings up a digit keypad on a
   * touch screen. */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PIN);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("PIN"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "unlock", _("_Unlock"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "unlock", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "unlock");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_admin_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
update_still_there (BsWindow *self)
{
  guint left = bs_kiosk_get_warning_left (bs_window_get_kiosk (self));
  g_autofree char *body = NULL;

  if (self->still_there == NULL)
    return;
  if (left == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self->still_there));
      return;
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The screen will start over for the next person in %u second.",
                                       "The screen will start over for the next person in %u seconds.",
                                       left),
                          left);
  adw_message_dialog_set_body (self->still_there, body);
}

static void
on_still_there_response (AdwMessageDialog *dialog,
                         const char       *response,
                         BsWindow         *self)
{
  bs_kiosk_still_here (bs_window_get_kiosk (self));
}

static void
on_still_there_destroyed (BsWindow *self)
{
  self->still_there = NULL;
}

static void
on_idle_warning (BsKiosk  *kiosk,
                 BsWindow *self)
{
  if (self->still_there != NULL)
    return;
  self->still_there = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Still There?"),
                                                                  NULL));
  adw_message_dialog_add_response (self->still_there, "here", _("_I’m Still Here"));
  adw_message_dialog_set_response_appearance (self->still_there, "here", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->still_there, "here");
  adw_message_dialog_set_close_response (self->still_there, "here");
  gtk_widget_add_css_class (GTK_WIDGET (self->still_there), "kiosk");
  g_signal_connect_object (self->still_there, "response", G_CALLBACK (on_still_there_response), self, 0);
  g_signal_connect_object (self->still_there, "destroy", G_CALLBACK (on_still_there_destroyed), self,
                           G_CONNECT_SWAPPED);
  update_still_there (self);
  gtk_window_present (GTK_WINDOW (self->still_there));
}

/* Any touch, click or key counts as someone being there.  Watched in the
 * capture phase and never claimed, so the widgets get every event. */
static gboolean
on_any_event (GtkEventControllerLegacy *controller,
              GdkEvent                 *event,
              BsWindow                 *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_KEY_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_SCROLL:
    case GDK_MOTION_NOTIFY:
      bs_kiosk_report_activity (bs_window_get_kiosk (self));
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/**
 * bs_window_watch_input:
 * @toplevel: this window, or one of its dialogs
 *
 * Counts input in @toplevel as someone being at the kiosk: a patient
 * reading the hand-off, or staff typing a code, is not idle.
 */
void
bs_window_watch_input (BsWindow  *self,
                       GtkWidget *toplevel)
{
  GtkEventController *input = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect_object (input, "event", G_CALLBACK (on_any_event), self, 0);
  gtk_widget_add_controller (toplevel, input);
}

void
bs_window_watch_kiosk (BsWindow *self)
{
  BsKiosk *kiosk = bs_window_get_kiosk (self);

  bs_window_watch_input (self, GTK_WIDGET (self));
  g_signal_connect_object (kiosk, "notify::enabled", G_CALLBACK (on_kiosk_enabled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kiosk, "notify::patient-codes", G_CALLBACK (bs_window_update_visit_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kiosk, "idle-warning", G_CALLBACK (on_idle_warning), self, 0);
  g_signal_connect_object (kiosk, "notify::warning-left", G_CALLBACK (update_still_there), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened), NULL);
  on_fullscreened (self);
  apply_kiosk (self);
}
