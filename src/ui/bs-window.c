/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-advice-window.h"
#include "bs-assessment-page.h"
#include "bs-assessment-result.h"
#include "bs-bench-hook.h"
#include "bs-cue-player.h"
#include "bs-core-enums.h"
#include "bs-history-page.h"
#include "bs-history-recorder.h"
#include "bs-history-text.h"
#include "bs-home-page.h"
#include "bs-result-page.h"
#include "bs-routines-page.h"
#include "bs-session-page.h"
#include "bs-window.h"

struct _BsWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  BsHomePage *home_page;
  BsSessionPage *session_page;
  BsResultPage *result_page;
  BsAssessmentPage *assessment_page;
  BsAssessmentResult *assessment_result;
  BsHistoryPage *history_page;
  BsRoutinesPage *routines_page;

  BsSession *session;
  BsHistoryRecorder *recorder;
  BsCuePlayer *player;
  char *audio_problem;   /* said once per window */
  char *history_problem; /* likewise */
  gboolean notified_finished;   /* the notifications shown and still true */
  gboolean notified_asleep;
  guint inhibit_cookie;  /* while a session runs or is paused */
  gboolean inhibit_refused;
  AdwMessageDialog *still_there;  /* the kiosk's idle warning, while shown */
};

G_DEFINE_FINAL_TYPE (BsWindow, bs_window, ADW_TYPE_APPLICATION_WINDOW)

static BsApplication *
get_app (BsWindow *self)
{
  return BS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static BsKiosk *
get_kiosk (BsWindow *self)
{
  return bs_application_get_kiosk (get_app (self));
}

/* The screen must not dim or the computer sleep in the middle of a plank. */
static void
inhibit (BsWindow *self)
{
  if (self->inhibit_cookie != 0)
    return;
  self->inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (get_app (self)), GTK_WINDOW (self),
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
  gtk_application_uninhibit (GTK_APPLICATION (get_app (self)), self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

/* Notifications: only when the person is not looking at the window, and
 * taken back as soon as they are, or no longer true. */
static gboolean
is_looked_at (BsWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self)) && gtk_window_is_active (GTK_WINDOW (self));
}

static void
withdraw_notification (BsWindow   *self,
                       const char *id,
                       gboolean   *shown)
{
  if (!*shown)
    return;
  bs_notifier_withdraw (bs_application_get_notifier (get_app (self)), id);
  *shown = FALSE;
}

static void
notify_finished (BsWindow *self,
                 BsResult *result)
{
  /* Said as the history will say it. */
  g_autoptr(BsHistoryEntry) entry = bs_history_entry_new_session (result, bs_result_get_completed (result)
                                                                          ? BS_OUTCOME_COMPLETED
                                                                          : BS_OUTCOME_STOPPED_EARLY);
  g_autofree char *figure = bs_history_entry_dup_figure (entry);
  g_autofree char *body = g_markup_escape_text (figure, -1);
  BsRoutine *routine = bs_schedule_get_routine (bs_result_get_schedule (result));

  if (is_looked_at (self))
    return;
  withdraw_notification (self, "asleep", &self->notified_asleep);
  /* Translators: a notification's title, %s is the routine: "Daily stretches finished" */
  {
    g_autofree char *title = g_strdup_printf (_("%s finished"), bs_routine_get_name (routine));

    bs_notifier_show (bs_application_get_notifier (get_app (self)), "finished", title, body,
                      _("Show Result"));
  }
  self->notified_finished = TRUE;
}

static void
on_paused_by_sleep (BsSession  *session,
                    GParamSpec *pspec,
                    BsWindow   *self)
{
  if (!bs_session_get_paused_by_sleep (session))
    {
      withdraw_notification (self, "asleep", &self->notified_asleep);
      return;
    }
  if (is_looked_at (self))
    return;
  bs_notifier_show (bs_application_get_notifier (get_app (self)), "asleep",
                    _("Paused: the computer was asleep"),
                    _("Your run waits where it stopped. Resume it when you are ready."),
                    _("Show"));
  self->notified_asleep = TRUE;
}

static void
on_is_active (BsWindow *self)
{
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;
  withdraw_notification (self, "finished", &self->notified_finished);
  withdraw_notification (self, "asleep", &self->notified_asleep);
}

static void
on_notification_activated (BsNotifier *notifier,
                           const char *id,
                           BsWindow   *self)
{
  const char *token = bs_notifier_get_activation_token (notifier);

  /* The desktop took it away when it was clicked. */
  if (g_str_equal (id, "finished"))
    self->notified_finished = FALSE;
  else if (g_str_equal (id, "asleep"))
    self->notified_asleep = FALSE;
  if (token != NULL)
    gtk_window_set_startup_id (GTK_WINDOW (self), token);
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_session_finished (BsSession *session,
                     BsWindow  *self)
{
  BsResult *result = bs_session_get_result (session);

  uninhibit (self);
  bs_kiosk_set_idle_suspended (get_kiosk (self), FALSE);
  if (result == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "home");
      return;
    }
  bs_result_page_set_result (self->result_page, result);
  gtk_stack_set_visible_child_name (self->stack, "result");
  notify_finished (self, result);
  /* The result page's main button takes the focus from the session's. */
  gtk_widget_grab_focus (GTK_WIDGET (self->result_page));
}

static void
show_audio_problem (BsWindow   *self,
                    const char *message)
{
  AdwToast *toast;

  if (self->audio_problem != NULL)
    return;
  self->audio_problem = g_strdup (message);
  /* Short: a toast does not wrap, and a long one would widen the window
   * past a phone's width.  The whole message is one click away.  It stays
   * until dismissed: a person on the mat may not look for a while. */
  toast = adw_toast_new (_("No sound output: cues are off"));
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "window.show-audio-problem");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_audio_problem_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  AdwMessageDialog *dialog;

  if (self->audio_problem == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("No Sound Output"),
                                                       self->audio_problem));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_audio_failed (BsCuePlayer  *player,
                 const GError *error,
                 BsWindow     *self)
{
  show_audio_problem (self, error->message);
}

static void
show_history_problem (BsWindow   *self,
                      const char *message)
{
  AdwToast *toast;

  if (self->history_problem != NULL)
    return;
  self->history_problem = g_strdup (message);
  /* As with sound: a short toast that stays, the whole story behind it. */
  toast = adw_toast_new (_("History problem"));
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "window.show-history-problem");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_history_problem_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  AdwMessageDialog *dialog;

  if (self->history_problem == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("History Problem"),
                                                       self->history_problem));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_recording_failed (BsHistoryRecorder *recorder,
                     const GError      *error,
                     BsWindow          *self)
{
  /* Translators: %s says what went wrong, naming the file */
  g_autofree char *message = g_strdup_printf (_("This run could not be written to the history: %s"),
                                              error->message);
  show_history_problem (self, message);
}

static void
show_history_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);

  bs_history_page_set_history (self->history_page, bs_application_get_history (get_app (self)));
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
  GSettings *settings = bs_application_get_settings (get_app (self));
  BsCueStyle style = cue_style_setting (settings);
  g_autoptr(GError) error = NULL;

  if (style == BS_CUE_STYLE_OFF || !gst_is_initialized ())
    return;
  self->player = bs_cue_player_new (self->session, style,
                                    g_settings_get_boolean (settings, "halfway-tone"),
                                    g_settings_get_double (settings, "volume"),
                                    g_getenv ("BACKSTAY_AUDIO_SINK"));
  g_signal_connect_object (self->player, "failed", G_CALLBACK (on_audio_failed), self, 0);
  if (!bs_cue_player_start (self->player, &error))
    show_audio_problem (self, error->message);
}

/* In the kiosk, a run being timed is not idleness; a paused one is. */
static void
on_session_state (BsSession  *session,
                  GParamSpec *pspec,
                  BsWindow   *self)
{
  BsSessionState state = bs_session_get_state (session);

  bs_kiosk_set_idle_suspended (get_kiosk (self),
                               state == BS_SESSION_GET_READY || state == BS_SESSION_RUNNING ||
                               state == BS_SESSION_WAITING);
}

static void
clear_session (BsWindow *self)
{
  uninhibit (self);
  if (get_app (self) != NULL)
    bs_kiosk_set_idle_suspended (get_kiosk (self), FALSE);
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
  self->session = bs_session_new (schedule, bs_application_get_clock (get_app (self)));
  g_signal_connect_object (self->session, "finished", G_CALLBACK (on_session_finished), self, 0);
  self->recorder = bs_history_recorder_new (bs_application_get_history (get_app (self)), self->session);
  g_signal_connect_object (self->session, "notify::paused-by-sleep", G_CALLBACK (on_paused_by_sleep),
                           self, 0);
  withdraw_notification (self, "finished", &self->notified_finished);
  g_signal_connect_object (self->recorder, "failed", G_CALLBACK (on_recording_failed), self, 0);
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
  BsApplication *app = get_app (self);
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

static BsUnits
units_setting (BsWindow *self)
{
  return bs_application_get_units (get_app (self));
}

static void
begin_assessment (BsWindow        *self,
                  const BsAnswers *answers,
                  const char      *page)
{
  bs_assessment_page_begin (self->assessment_page, answers, page, units_setting (self));
  gtk_stack_set_visible_child_name (self->stack, "assessment");
  gtk_widget_grab_focus (GTK_WIDGET (self->assessment_page));
}

static void
on_resume_response (AdwMessageDialog *dialog,
                    const char       *response,
                    BsWindow         *self)
{
  BsAnswers *answers = g_object_get_data (G_OBJECT (dialog), "bs-answers");
  const char *page = g_object_get_data (G_OBJECT (dialog), "bs-page");

  if (g_str_equal (response, "continue"))
    begin_assessment (self, answers, page);
  else if (g_str_equal (response, "restart"))
    {
      bs_assessment_draft_discard ();
      begin_assessment (self, NULL, NULL);
    }
}

static void
start_assessment_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  g_autoptr(BsAnswers) answers = g_new0 (BsAnswers, 1);
  g_autofree char *page = NULL;
  AdwMessageDialog *dialog;

  if (!bs_assessment_draft_load (answers, &page))
    {
      begin_assessment (self, NULL, NULL);
      return;
    }

  /* Half-way last time: pick up there, or start again. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Continue the Assessment?"),
                                                       _("You left it part-way last time. Your answers so far are kept.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restart", _("_Start Over"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bs-answers", g_steal_pointer (&answers),
                          (GDestroyNotify) bs_answers_free);
  g_object_set_data_full (G_OBJECT (dialog), "bs-page", g_steal_pointer (&page), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_resume_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_assessment_finished (BsWindow *self)
{
  BsApplication *app = get_app (self);
  g_autoptr(BsFindings) findings = bs_findings_new (bs_assessment_page_get_answers (self->assessment_page));
  g_autoptr(BsFindings) previous = bs_application_dup_last_findings (app);
  g_auto(GStrv) changes = previous ? bs_findings_compare (previous, findings, units_setting (self)) : NULL;
  g_autoptr(BsHistoryEntry) entry = bs_history_entry_new_assessment (findings, NULL);
  g_autoptr(GError) error = NULL;

  if (!bs_history_save (bs_application_get_history (app), entry, &error))
    show_history_problem (self, error->message);
  bs_assessment_draft_discard ();
  bs_assessment_result_show (self->assessment_result, findings, (const char * const *) changes);
  gtk_stack_set_visible_child_name (self->stack, "assessment-result");
  gtk_widget_grab_focus (GTK_WIDGET (self->assessment_result));
}

static void
on_assessment_closed (BsWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "home");
  gtk_widget_grab_focus (GTK_WIDGET (self->home_page));
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
  GSettings *settings = bs_application_get_settings (get_app (self));
  AdwMessageDialog *dialog;
  int width, height;

  /* The clinic kiosk is left with the administrator's PIN, not closed. */
  if (bs_kiosk_get_enabled (get_kiosk (self)))
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

/* --- the clinic kiosk --------------------------------------------------- */

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

static void
leave_fullscreen_activated (GtkWidget  *widget,
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
                                 !bs_kiosk_get_enabled (get_kiosk (self)));
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
  gboolean locked = bs_kiosk_get_enabled (get_kiosk (self));
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.toggle-fullscreen", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.kiosk-admin", locked);
  if (G_IS_SIMPLE_ACTION (help))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (help), !locked);

  set_template_child_visible (GTK_WIDGET (self->home_page), BS_TYPE_HOME_PAGE, "menu_button", !locked);
  set_template_child_visible (GTK_WIDGET (self->history_page), BS_TYPE_HISTORY_PAGE, "menu_button",
                              !locked);
  set_template_child_visible (GTK_WIDGET (self->routines_page), BS_TYPE_ROUTINES_PAGE, "menu_button",
                              !locked);
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
  BsKiosk *kiosk = get_kiosk (self);
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
static void
kiosk_admin_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  BsKiosk *kiosk = get_kiosk (self);
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
  guint left = bs_kiosk_get_warning_left (get_kiosk (self));
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
  bs_kiosk_still_here (get_kiosk (self));
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
      bs_kiosk_report_activity (get_kiosk (self));
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
watch_kiosk (BsWindow *self)
{
  BsKiosk *kiosk = get_kiosk (self);
  GtkEventController *input = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect_object (input, "event", G_CALLBACK (on_any_event), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), input);
  g_signal_connect_object (kiosk, "notify::enabled", G_CALLBACK (on_kiosk_enabled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kiosk, "idle-warning", G_CALLBACK (on_idle_warning), self, 0);
  g_signal_connect_object (kiosk, "notify::warning-left", G_CALLBACK (update_still_there), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened), NULL);
  on_fullscreened (self);
  apply_kiosk (self);
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
  gtk_widget_class_bind_template_callback (widget_class, on_assessment_finished);
  gtk_widget_class_bind_template_callback (widget_class, on_assessment_closed);

  gtk_widget_class_install_action (widget_class, "window.start-routine", "(ssu)",
                                   start_routine_activated);
  gtk_widget_class_install_action (widget_class, "window.restart", NULL, restart_activated);
  gtk_widget_class_install_action (widget_class, "window.show-home", NULL, show_home_activated);
  gtk_widget_class_install_action (widget_class, "window.show-advice", NULL, show_advice_activated);
  gtk_widget_class_install_action (widget_class, "window.start-assessment", NULL,
                                   start_assessment_activated);
  gtk_widget_class_install_action (widget_class, "window.show-history", NULL, show_history_activated);
  gtk_widget_class_install_action (widget_class, "window.show-routines", NULL, show_routines_activated);
  gtk_widget_class_install_action (widget_class, "window.show-history-problem", NULL,
                                   show_history_problem_activated);
  gtk_widget_class_install_action (widget_class, "window.show-audio-problem", NULL,
                                   show_audio_problem_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "window.toggle-fullscreen", NULL);
  gtk_widget_class_install_property_action (widget_class, "window.toggle-fullscreen", "fullscreened");
  gtk_widget_class_install_action (widget_class, "window.leave-fullscreen", NULL,
                                   leave_fullscreen_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.leave-fullscreen", NULL);
  gtk_widget_class_install_action (widget_class, "window.kiosk-admin", NULL, kiosk_admin_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "window.kiosk-admin", NULL);
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
                           G_CALLBACK (on_notification_activated), self, 0);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active), NULL);
  notice = bs_application_take_history_notice (application);
  if (notice != NULL)
    show_history_problem (self, notice);
  watch_kiosk (self);
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
