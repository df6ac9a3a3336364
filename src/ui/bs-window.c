/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-advice-window.h"
#include "bs-bench-hook.h"
#include "bs-core-enums.h"
#include "bs-window-private.h"

G_DEFINE_FINAL_TYPE (BsWindow, bs_window, ADW_TYPE_APPLICATION_WINDOW)

BsApplication *
bs_window_get_app (BsWindow *self)
{
  return BS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

BsKiosk *
bs_window_get_kiosk (BsWindow *self)
{
  return bs_application_get_kiosk (bs_window_get_app (self));
}

/* The screen must not dim or the computer sleep in the middle of a plank. */
static void
inhibit (BsWindow *self)
{
  if (self->inhibit_cookie != 0)
    return;
  self->inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (bs_window_get_app (self)),
                                                  GTK_WINDOW (self),
                                                  GTK_APPLICATION_INHIBIT_IDLE |
                                                  GTK_APPLICATION_INHIBIT_SUSPEND,
                                                  _("A routine is being timed"));
  /* Said on the session page, where it matters, for as long as it does. */
  self->inhibit_refused = self->inhibit_cookie == 0;
  bs_session_page_set_notice (self->session_page,
                              self->inhibit_refused
                              ? _("The screen may dim or the computer sleep during this run: "
                                  "the desktop did not let Backstay keep it awake.")
                              : NULL);
}

static void
uninhibit (BsWindow *self)
{
  if (self->inhibit_cookie == 0)
    return;
  gtk_application_uninhibit (GTK_APPLICATION (bs_window_get_app (self)), self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

static void
on_session_finished (BsSession *session,
                     BsWindow  *self)
{
  BsResult *result = bs_session_get_result (session);

  uninhibit (self);
  bs_kiosk_set_idle_suspended (bs_window_get_kiosk (self), FALSE);
  if (result == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "home");
      return;
    }
  bs_result_page_set_result (self->result_page, result);
  gtk_stack_set_visible_child_name (self->stack, "result");
  bs_window_notify_finished (self, result);
  /* The result page's main button takes the focus from the session's. */
  gtk_widget_grab_focus (GTK_WIDGET (self->result_page));
}

static void
on_session_recorded (BsSession *session,
                     BsWindow  *self)
{
  BsHistoryEntry *entry = bs_history_recorder_get_entry (self->recorder);

  if (bs_session_get_result (session) != NULL && entry != NULL &&
      bs_history_entry_get_outcome (entry) != BS_OUTCOME_IN_PROGRESS)
    bs_window_visit_result (self, entry);
}

static void
show_history_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);

  bs_history_page_set_history (self->history_page, bs_application_get_history (bs_window_get_app (self)));
  gtk_stack_set_visible_child_name (self->stack, "history");
  gtk_widget_grab_focus (GTK_WIDGET (self->history_page));
}

static void
show_routines_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "routines");
  gtk_widget_grab_focus (GTK_WIDGET (self->routines_page));
}

static BsCueStyle
cue_style_setting (GSettings *settings)
{
  g_autofree char *style = g_settings_get_string (settings, "cue-style");

  if (g_str_equal (style, "off"))
    return BS_CUE_STYLE_OFF;
  if (g_str_equal (style, "tones"))
    return BS_CUE_STYLE_TONES;
  return BS_CUE_STYLE_VOICE;
}

/* Audio follows the session; if it cannot start, the session runs on in
 * silence and the window says so once. */
static void
start_cues (BsWindow *self)
{
  GSettings *settings = bs_application_get_settings (bs_window_get_app (self));
  BsCueStyle style = cue_style_setting (settings);
  g_autoptr(GError) error = NULL;

  if (style == BS_CUE_STYLE_OFF || !gst_is_initialized ())
    return;
  self->player = bs_cue_player_new (self->session, style,
                                    g_settings_get_boolean (settings, "halfway-tone"),
                                    g_settings_get_double (settings, "volume"),
                                    g_getenv ("BACKSTAY_AUDIO_SINK"));
  g_signal_connect_object (self->player, "failed", G_CALLBACK (bs_window_on_audio_failed), self, 0);
  if (!bs_cue_player_start (self->player, &error))
    bs_window_show_audio_problem (self, error->message);
}

/* In the kiosk, a run being timed is not idleness; a paused one is. */
static void
on_session_state (BsSession  *session,
                  GParamSpec *pspec,
                  BsWindow   *self)
{
  BsSessionState state = bs_session_get_state (session);

  bs_kiosk_set_idle_suspended (bs_window_get_kiosk (self),
                               state == BS_SESSION_GET_READY || state == BS_SESSION_RUNNING ||
                               state == BS_SESSION_WAITING);
}

static void
clear_session (BsWindow *self)
{
  uninhibit (self);
  if (bs_window_get_app (self) != NULL)
    bs_kiosk_set_idle_suspended (bs_window_get_kiosk (self), FALSE);
  if (self->player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->player, self);
      bs_cue_player_stop (self->player);
      g_clear_object (&self->player);
    }
  if (self->session == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->session, self);
  if (bs_session_is_active (self->session))
    {
      /* A run thrown away leaves nothing in the history. */
      bs_history_recorder_abandon (self->recorder);
      bs_session_stop (self->session);
    }
  g_clear_object (&self->recorder);
  g_clear_object (&self->session);
}

/**
 * bs_window_start:
 *
 * Runs @schedule in this window, abandoning any run in progress.
 */
void
bs_window_start (BsWindow   *self,
                 BsSchedule *schedule)
{
  g_return_if_fail (BS_IS_WINDOW (self));
  g_return_if_fail (BS_IS_SCHEDULE (schedule));

  clear_session (self);
  self->session = bs_session_new (schedule, bs_application_get_clock (bs_window_get_app (self)));
  g_signal_connect_object (self->session, "finished", G_CALLBACK (on_session_finished), self, 0);
  self->recorder = bs_history_recorder_new (bs_application_get_history (bs_window_get_app (self)),
                                            self->session);
  g_signal_connect_object (self->session, "notify::paused-by-sleep",
                           G_CALLBACK (bs_window_on_paused_by_sleep), self, 0);
  bs_window_withdraw_notification (self, "finished", &self->notified_finished);
  g_signal_connect_object (self->recorder, "failed", G_CALLBACK (bs_window_on_recording_failed), self, 0);
  /* After the recorder's own handler, so that its entry is final. */
  g_signal_connect_object (self->session, "finished", G_CALLBACK (on_session_recorded), self, 0);
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (on_session_state), self, 0);
  bs_session_page_set_session (self->session_page, self->session);
  gtk_stack_set_visible_child_name (self->stack, "session");
  bs_session_start (self->session);
  inhibit (self);
  start_cues (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->session_page));
}

static void
start_routine_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  BsApplication *app = bs_window_get_app (self);
  g_autoptr(BsSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  const char *id, *form;
  guint level, lead_in;
  BsRoutine *routine;

  g_variant_get (parameter, "(&s&su)", &id, &form, &level);
  routine = bs_routine_library_lookup (bs_application_get_library (app), id);
  if (routine == NULL)
    {
      g_critical ("No routine “%s”", id);
      return;
    }

  lead_in = MIN (g_settings_get_uint (bs_application_get_settings (app), "lead-in-seconds"),
                 BS_SCHEDULE_MAX_LEAD_IN);
  schedule = bs_schedule_new (routine, form[0] ? form : NULL, level, lead_in, &error);
  if (schedule == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  bs_window_start (self, schedule);
}

static void
restart_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  BsSchedule *last;
  g_autoptr(BsSchedule) schedule = NULL;

  if (self->session == NULL)
    return;
  last = bs_session_get_schedule (self->session);
  schedule = bs_schedule_new (bs_schedule_get_routine (last), bs_schedule_get_form_id (last),
                              bs_schedule_get_level (last), bs_schedule_get_lead_in (last), NULL);
  bs_window_start (self, schedule);
}

static void
show_home_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);

  if (self->session != NULL && bs_session_is_active (self->session))
    return;
  gtk_stack_set_visible_child_name (self->stack, "home");
  gtk_widget_grab_focus (GTK_WIDGET (self->home_page));
}

static void
show_advice_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (bs_advice_window_new (GTK_WINDOW (widget))));
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   BsWindow         *self)
{
  if (g_strcmp0 (response, "stop") != 0)
    return;
  clear_session (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
bs_window_close_request (GtkWindow *window)
{
  BsWindow *self = BS_WINDOW (window);
  GSettings *settings = bs_application_get_settings (bs_window_get_app (self));
  AdwMessageDialog *dialog;
  int width, height;

  /* The clinic kiosk is left with the administrator's PIN, not closed. */
  if (bs_kiosk_get_enabled (bs_window_get_kiosk (self)))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  if (self->session == NULL || !bs_session_is_active (self->session))
    return GTK_WINDOW_CLASS (bs_window_parent_class)->close_request (window);

  /* Closing in the middle of a run would lose it without a word. */
  bs_session_pause (self->session);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Stop and Close?"),
                                                       _("The run in progress will not be kept.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Going"),
                                    "stop", _("_Stop and Close"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
bs_window_dispose (GObject *object)
{
  BsWindow *self = BS_WINDOW (object);

  clear_session (self);
  if (self->still_there != NULL)
    gtk_window_destroy (GTK_WINDOW (self->still_there));
  g_clear_pointer (&self->audio_problem, g_free);
  g_clear_pointer (&self->history_problem, g_free);
  g_clear_object (&self->visit_entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), BS_TYPE_WINDOW);

  G_OBJECT_CLASS (bs_window_parent_class)->dispose (object);
}

static void
bs_window_class_init (BsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bs_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bs_window_close_request;

  g_type_ensure (BS_TYPE_HOME_PAGE);
  g_type_ensure (BS_TYPE_SESSION_PAGE);
  g_type_ensure (BS_TYPE_RESULT_PAGE);
  g_type_ensure (BS_TYPE_ASSESSMENT_PAGE);
  g_type_ensure (BS_TYPE_ASSESSMENT_RESULT);
  g_type_ensure (BS_TYPE_HISTORY_PAGE);
  g_type_ensure (BS_TYPE_ROUTINES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BsWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, BsWindow, session_page);
  gtk_widget_class_bind_template_child (widget_class, BsWindow, result_page);
  gtk_widget_class_bind_template_child (widget_class, BsWindow, assessment_page);
  gtk_widget_class_bind_template_child (widget_class, BsWindow, assessment_result);
  gtk_widget_class_bind_template_child (widget_class, BsWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, BsWindow, routines_page);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_assessment_finished",
                                                G_CALLBACK (bs_window_on_assessment_finished));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_assessment_closed",
                                                G_CALLBACK (bs_window_on_assessment_closed));

  gtk_widget_class_install_action (widget_class, "window.start-routine", "(ssu)",
                                   start_routine_activated);
  gtk_widget_class_install_action (widget_class, "window.restart", NULL, restart_activated);
  gtk_widget_class_install_action (widget_class, "window.show-home", NULL, show_home_activated);
  gtk_widget_class_install_action (widget_class, "window.show-advice", NULL, show_advice_activated);
  gtk_widget_class_install_action (widget_class, "window.start-assessment", NULL,
                                   bs_window_start_assessment_activated);
  gtk_widget_class_install_action (widget_class, "window.show-history", NULL, show_history_activated);
  gtk_widget_class_install_action (widget_class, "window.show-routines", NULL, show_routines_activated);
  gtk_widget_class_install_action (widget_class, "window.show-history-problem", NULL,
                                   bs_window_show_history_problem_activated);
  gtk_widget_class_install_action (widget_class, "window.show-audio-problem", NULL,
                                   bs_window_show_audio_problem_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "window.toggle-fullscreen", NULL);
  gtk_widget_class_install_property_action (widget_class, "window.toggle-fullscreen", "fullscreened");
  gtk_widget_class_install_action (widget_class, "window.leave-fullscreen", NULL,
                                   bs_window_leave_fullscreen_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.leave-fullscreen", NULL);
  gtk_widget_class_install_action (widget_class, "window.kiosk-admin", NULL, bs_window_kiosk_admin_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "window.kiosk-admin", NULL);
  gtk_widget_class_install_action (widget_class, "window.patient-code", NULL,
                                   bs_window_patient_code_activated);
  gtk_widget_class_install_action (widget_class, "window.hand-off", NULL, bs_window_hand_off_activated);
  gtk_widget_class_install_action (widget_class, "window.start-over", NULL, bs_window_start_over_activated);
  gtk_widget_class_install_action (widget_class, "window.clinic-results", NULL,
                                   bs_window_clinic_results_activated);
}

static void
bs_window_init (BsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BsWindow *
bs_window_new (BsApplication *application)
{
  GSettings *settings;
  BsWindow *self;
  g_autofree char *notice = NULL;

  g_return_val_if_fail (BS_IS_APPLICATION (application), NULL);

  /* "application" is not a construct property: the window only has it once
   * g_object_new() returns, so the setup that needs it happens here. */
  self = g_object_new (BS_TYPE_WINDOW, "application", application, NULL);
  settings = bs_application_get_settings (application);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  bs_home_page_set_application (self->home_page, application);
  bs_routines_page_set_library (self->routines_page, bs_application_get_library (application));
  g_signal_connect_object (bs_application_get_notifier (application), "activated",
                           G_CALLBACK (bs_window_on_notification_activated), self, 0);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (bs_window_on_is_active), NULL);
  notice = bs_application_take_history_notice (application);
  if (notice != NULL)
    bs_window_show_history_problem (self, notice);
  bs_window_watch_kiosk (self);
  bs_bench_hook_watch (GTK_WINDOW (self));
  return self;
}

/**
 * bs_window_import_routine:
 * @file: a routine file
 *
 * Shows the routines page and imports @file there.
 */
void
bs_window_import_routine (BsWindow *self,
                          GFile    *file)
{
  g_return_if_fail (BS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Not in the middle of a run: the run's page stays, the file waits. */
  if (self->session == NULL || !bs_session_is_active (self->session))
    gtk_stack_set_visible_child_name (self->stack, "routines");
  bs_routines_page_import (self->routines_page, file);
}

/**
 * bs_window_get_session:
 *
 * Returns: (transfer none) (nullable): the session shown, if any
 */
BsSession *
bs_window_get_session (BsWindow *self)
{
  g_return_val_if_fail (BS_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * bs_window_get_audio_problem:
 *
 * Returns: (nullable): the message shown when sound could not be played
 */
/**
 * bs_window_is_keeping_awake:
 *
 * Returns: %TRUE while the window holds an inhibition of idle and suspend
 */
gboolean
bs_window_is_keeping_awake (BsWindow *self)
{
  g_return_val_if_fail (BS_IS_WINDOW (self), FALSE);
  return self->inhibit_cookie != 0;
}

/**
 * bs_window_was_refused_keeping_awake:
 *
 * Returns: %TRUE if the desktop refused to keep the screen awake (and the
 *   window said so)
 */
gboolean
bs_window_was_refused_keeping_awake (BsWindow *self)
{
  g_return_val_if_fail (BS_IS_WINDOW (self), FALSE);
  return self->inhibit_refused;
}

const char *
bs_window_get_audio_problem (BsWindow *self)
{
  g_return_val_if_fail (BS_IS_WINDOW (self), NULL);
  return self->audio_problem;
}

/**
 * bs_window_get_page:
 *
 * Returns: "home", "session" or "result"
 */
const char *
bs_window_get_page (BsWindow *self)
{
  g_return_val_if_fail (BS_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
