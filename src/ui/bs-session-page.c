/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bs-countdown.h"
#include "bs-format.h"
#include "bs-illustration.h"
#include "bs-session-page.h"
#include "bs-stage-bar.h"

/*
 * The session as seen from the mat.  This page only observes the session
 * and sends it commands through the "session.*" actions; it keeps no
 * time of its own.
 */

struct _BsSessionPage
{
  GtkWidget parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel *notice_label;
  GtkLabel *stage_label;
  GtkLabel *name_label;
  GtkLabel *side_label;
  GtkLabel *instruction_label;
  BsIllustration *illustration;
  BsCountdown *countdown;
  GtkWidget *reps_box;
  GtkLabel *reps_label;
  GtkLevelBar *pace_bar;
  GtkButton *done_button;
  GtkLabel *status_label;
  GtkLabel *next_label;
  BsStageBar *stage_bar;
  GtkButton *back_button;
  GtkButton *pause_button;
  GtkButton *skip_button;
  GtkButton *give_up_button;

  BsSession *session;
};

G_DEFINE_FINAL_TYPE (BsSessionPage, bs_session_page, GTK_TYPE_WIDGET)

static char *
countdown_text (guint seconds)
{
  /* Under a minute the digits alone read larger from across the room. */
  if (seconds < 60)
    return g_strdup_printf ("%u", seconds);
  return bs_format_clock (seconds);
}

/* The widest text this segment will show, with every digit a 0: tabular
 * figures make all digits as wide as 0. */
static char *
countdown_template (guint duration)
{
  char *text = countdown_text (duration);

  for (char *c = text; *c; c++)
    if (g_ascii_isdigit (*c))
      *c = '0';
  return text;
}

static char *
duration_text (guint seconds)
{
  if (seconds < 60)
    return g_strdup_printf (ngettext ("%u second", "%u seconds", seconds), seconds);
  return bs_format_clock (seconds);
}

/* A paced set shows the repetition and, in whole seconds, how far into it
 * the person is; a set done "until done" shows how many to do. */
static void
update_reps (BsSessionPage *self)
{
  const BsSegment *segment = bs_session_get_segment (self->session);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->reps_box, segment->reps > 0);
  if (segment->reps == 0)
    return;

  if (segment->until_done)
    {
      /* Translators: a set of repetitions done at the person's own pace */
      text = g_strdup_printf (ngettext ("%u repetition, at your own pace",
                                        "%u repetitions, at your own pace", segment->reps),
                              segment->reps);
      gtk_widget_set_visible (GTK_WIDGET (self->pace_bar), FALSE);
    }
  else
    {
      gint64 elapsed = (gint64) segment->duration * G_USEC_PER_SEC
                       - bs_session_get_remaining_usec (self->session);
      guint into_rep = (guint) ((elapsed / G_USEC_PER_SEC) % MAX (segment->pace, 1));

      /* Translators: the repetition being done, "Repetition 3 of 10" */
      text = g_strdup_printf (_("Repetition %u of %u"), MAX (bs_session_get_rep (self->session), 1),
                              segment->reps);
      gtk_widget_set_visible (GTK_WIDGET (self->pace_bar), TRUE);
      gtk_level_bar_set_max_value (self->pace_bar, MAX (segment->pace, 1));
      gtk_level_bar_set_value (self->pace_bar, into_rep + 1);
    }
  gtk_label_set_label (self->reps_label, text);
}

static void
update_time (BsSessionPage *self)
{
  const BsSegment *segment = bs_session_get_segment (self->session);
  guint left = bs_session_get_remaining_seconds (self->session);
  g_autofree char *text = countdown_text (left);
  g_autofree char *spoken = g_strdup_printf (ngettext ("%u second left", "%u seconds left", left),
                                             left);
  double fraction = 0;

  bs_countdown_set_text (self->countdown, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  update_reps (self);

  if (segment->duration > 0)
    fraction = 1.0 - (double) bs_session_get_remaining_usec (self->session) /
                     ((double) segment->duration * G_USEC_PER_SEC);
  bs_stage_bar_set_position (self->stage_bar, bs_session_get_segment_index (self->session),
                             fraction);
}

static const BsSegment *
next_work (BsSchedule      *schedule,
           const BsSegment *segment)
{
  return segment->next_work >= 0 ? bs_schedule_get_segment (schedule, (guint) segment->next_work)
                                 : NULL;
}

/* Where the run is, in words: the stage of a test, or the set and round
 * of a stretch or strength routine. */
static char *
position_text (BsSchedule      *schedule,
               const BsSegment *segment)
{
  BsRoutine *routine = bs_schedule_get_routine (schedule);

  if (segment->kind == BS_SEGMENT_GET_READY)
    return g_strdup (_("Get into position"));
  if (bs_routine_get_scoring (routine) == BS_SCORING_HOLD_TEST && segment->stage > 0)
    return g_strdup_printf (_("Stage %u of %u"), segment->stage, bs_schedule_get_n_stages (schedule));
  if (segment->set > 0 && segment->round > 0)
    /* Translators: "Set 2 of 5 · Round 1 of 2" */
    return g_strdup_printf (_("Set %u of %u · Round %u of %u"), segment->set, segment->n_sets,
                            segment->round, segment->n_rounds);
  if (segment->set > 0)
    return g_strdup_printf (_("Set %u of %u"), segment->set, segment->n_sets);
  if (segment->round > 0)
    return g_strdup_printf (_("Round %u of %u"), segment->round, segment->n_rounds);
  if (segment->step_index >= 0)
    return g_strdup_printf (_("Exercise %u of %u"), (guint) segment->step_index + 1,
                            bs_routine_get_n_steps (routine));
  return g_strdup ("");
}

static char *
next_text (BsSchedule *schedule,
           int         index)
{
  const BsSegment *following;
  g_autofree char *length = NULL;

  if ((guint) index + 1 >= bs_schedule_get_n_segments (schedule))
    return g_strdup (bs_routine_get_scoring (bs_schedule_get_routine (schedule)) == BS_SCORING_HOLD_TEST
                     ? _("Last stage: hold on to the end")
                     : _("The last one"));

  following = bs_schedule_get_segment (schedule, (guint) index + 1);
  if (following->until_done)
    /* Translators: the next exercise, done at the person's own pace */
    return g_strdup_printf (_("Next: %s, at your own pace"), following->name);
  length = duration_text (following->duration);
  /* Translators: the next stage and how long it lasts, e.g.
   * "Next: Lift your left arm, 15 seconds". */
  return g_strdup_printf (_("Next: %s, %s"), following->name, length);
}

static void
update_segment (BsSessionPage *self)
{
  BsSchedule *schedule = bs_session_get_schedule (self->session);
  int index = bs_session_get_segment_index (self->session);
  const BsSegment *segment = bs_session_get_segment (self->session);
  const BsSegment *upcoming = segment->kind == BS_SEGMENT_WORK ? segment : next_work (schedule, segment);
  g_autofree char *stage = position_text (schedule, segment);
  g_autofree char *instruction = NULL;
  g_autofree char *next = next_text (schedule, index);
  g_autofree char *template_text = countdown_template (segment->duration);

  if (segment->kind == BS_SEGMENT_WORK)
    instruction = g_strdup (segment->instruction ? segment->instruction : "");
  else if (segment->kind == BS_SEGMENT_GET_READY && upcoming != NULL)
    /* Translators: %s is the first stage, e.g. "Plank on your elbows". */
    instruction = g_strdup_printf (_("First: %s"), upcoming->name);
  else if (upcoming != NULL)
    /* Translators: %s is what comes next, e.g. "Plank on your elbows";
     * shown during the lead-in, rests and side switches. */
    instruction = g_strdup_printf (_("Next: %s"), upcoming->name);
  else
    instruction = g_strdup ("");

  gtk_label_set_label (self->stage_label, stage);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), *stage != '\0');
  gtk_label_set_label (self->name_label, segment->name);
  gtk_label_set_label (self->instruction_label, instruction);

  gtk_widget_set_visible (GTK_WIDGET (self->side_label), segment->side != BS_SIDE_NONE);
  if (segment->side == BS_SIDE_LEFT)
    gtk_label_set_label (self->side_label, _("Left side"));
  else if (segment->side == BS_SIDE_RIGHT)
    gtk_label_set_label (self->side_label, _("Right side"));

  /* The picture of what to do now, or of what comes next while resting. */
  bs_illustration_set_illustration (self->illustration, upcoming ? upcoming->illustration : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->illustration),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, upcoming ? upcoming->name : "", -1);

  gtk_label_set_label (self->next_label, next);

  gtk_widget_set_visible (GTK_WIDGET (self->countdown), !segment->until_done);
  bs_countdown_set_template (self->countdown, template_text);
  update_time (self);
}

/* A counted set can be ended by the person: "until done" sets must be,
 * and a paced one may end early. */
static gboolean
counted_now (BsSessionPage *self)
{
  BsSessionState state = bs_session_get_state (self->session);

  return (state == BS_SESSION_RUNNING || state == BS_SESSION_WAITING)
         && bs_session_get_segment (self->session)->reps > 0;
}

static void
update_state (BsSessionPage *self)
{
  BsSessionState state = bs_session_get_state (self->session);
  gboolean active = bs_session_is_active (self->session);
  gboolean paused = state == BS_SESSION_PAUSED;

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), paused);
  gtk_label_set_label (self->status_label,
                       bs_session_get_paused_by_sleep (self->session)
                       ? _("Paused: the computer was asleep")
                       : _("Paused"));
  if (paused)
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown), "paused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown), "paused");

  gtk_button_set_icon_name (self->pause_button,
                            paused ? "media-playback-start-symbolic" : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button),
                               paused ? _("Resume (Space)") : _("Pause (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _("Resume") : _("Pause"), -1);

  gtk_widget_set_visible (GTK_WIDGET (self->done_button), state == BS_SESSION_WAITING);
  if (state == BS_SESSION_WAITING && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->done_button));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.done", counted_now (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.toggle-pause", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.skip", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.back", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.give-up", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.stop", active);
}

static void
on_session_notify (BsSession     *session,
                   GParamSpec    *pspec,
                   BsSessionPage *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "segment-index"))
    update_segment (self);
  else if (g_str_equal (name, "remaining-seconds"))
    update_time (self);
  else if (g_str_equal (name, "state") || g_str_equal (name, "paused-by-sleep"))
    update_state (self);
  else if (g_str_equal (name, "rep"))
    update_reps (self);
}

static void
toggle_pause_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BsSessionPage *self = BS_SESSION_PAGE (widget);

  if (self->session != NULL)
    bs_session_toggle_pause (self->session);
}

static void
skip_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BsSessionPage *self = BS_SESSION_PAGE (widget);

  if (self->session != NULL)
    bs_session_skip (self->session);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BsSessionPage *self = BS_SESSION_PAGE (widget);

  if (self->session != NULL)
    bs_session_back (self->session);
}

static void
give_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BsSessionPage *self = BS_SESSION_PAGE (widget);

  if (self->session != NULL)
    bs_session_give_up (self->session);
}

static void
done_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BsSessionPage *self = BS_SESSION_PAGE (widget);

  if (self->session != NULL && counted_now (self))
    bs_session_done (self->session);
}

/* Enter: "done" in a counted set of a routine that is not a test, else "I
 * had to stop", which is how a test is scored. */
static void
enter_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BsSessionPage *self = BS_SESSION_PAGE (widget);

  if (self->session == NULL)
    return;
  if (counted_now (self))
    bs_session_done (self->session);
  else
    bs_session_give_up (self->session);
}

static void
on_stop_response (AdwMessageDialog *dialog,
                  const char       *response,
                  BsSessionPage    *self)
{
  if (self->session == NULL)
    return;
  if (g_str_equal (response, "discard"))
    bs_session_stop (self->session);
  else if (g_str_equal (response, "give-up"))
    bs_session_give_up (self->session);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BsSessionPage *self = BS_SESSION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (self->session == NULL || !bs_session_is_active (self->session))
    return;

  /* The clock keeps running while the question is open: pausing would
   * change the test the person may still be holding. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Stop This Run?"),
                                                       _("A discarded run is not kept. If you are stopping because "
                                                         "you could not hold the position any longer, choose "
                                                         "“I had to stop”: that is how the test is scored.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Going"),
                                    "give-up", _("_I Had to Stop"),
                                    "discard", _("_Discard Run"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_named_action_new (action)));
}

static gboolean
bs_session_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BS_SESSION_PAGE (widget)->pause_button));
}

static void
bs_session_page_dispose (GObject *object)
{
  BsSessionPage *self = BS_SESSION_PAGE (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (object), BS_TYPE_SESSION_PAGE);
  /* The template's unnamed top-level box is not one of its bound children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bs_session_page_parent_class)->dispose (object);
}

static void
bs_session_page_class_init (BsSessionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_session_page_dispose;
  widget_class->grab_focus = bs_session_page_grab_focus;

  g_type_ensure (BS_TYPE_COUNTDOWN);
  g_type_ensure (BS_TYPE_STAGE_BAR);
  g_type_ensure (BS_TYPE_ILLUSTRATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/bs-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, side_label);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, illustration);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, countdown);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, reps_box);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, reps_label);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, pace_bar);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, stage_bar);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, skip_button);
  gtk_widget_class_bind_template_child (widget_class, BsSessionPage, give_up_button);

  gtk_widget_class_install_action (widget_class, "session.toggle-pause", NULL,
                                   toggle_pause_activated);
  gtk_widget_class_install_action (widget_class, "session.skip", NULL, skip_activated);
  gtk_widget_class_install_action (widget_class, "session.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "session.give-up", NULL, give_up_activated);
  gtk_widget_class_install_action (widget_class, "session.stop", NULL, stop_activated);
  gtk_widget_class_install_action (widget_class, "session.done", NULL, done_activated);
  gtk_widget_class_install_action (widget_class, "session.enter", NULL, enter_activated);
}

static void
bs_session_page_init (BsSessionPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the capture phase, so that Space always pauses and Enter always
   * means "I had to stop", whichever button has the keyboard focus. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "session-keys");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_space, "session.toggle-pause");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, "session.skip");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, "session.back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Escape, "session.stop");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Return, "session.enter");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Enter, "session.enter");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
bs_session_page_set_session (BsSessionPage *self,
                             BsSession     *session)
{
  BsSchedule *schedule;
  g_autofree char *subtitle = NULL;
  guint level;

  g_return_if_fail (BS_IS_SESSION_PAGE (self));
  g_return_if_fail (BS_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  schedule = bs_session_get_schedule (session);
  level = bs_schedule_get_level (schedule);
  if (level == 0)
    subtitle = g_strdup (bs_schedule_get_form_name (schedule));
  else
    /* Translators: the form, then the level, e.g. "Short form, 10 s shorter". */
    subtitle = g_strdup_printf (_("%s, %u s shorter"),
                                bs_schedule_get_form_name (schedule)
                                  ? bs_schedule_get_form_name (schedule) : "", level);
  adw_window_title_set_title (self->window_title,
                              bs_routine_get_name (bs_schedule_get_routine (schedule)));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  bs_stage_bar_set_schedule (self->stage_bar, schedule);

  gtk_widget_set_visible (GTK_WIDGET (self->give_up_button), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->give_up_button),
                               bs_routine_get_scoring (bs_schedule_get_routine (schedule)) == BS_SCORING_HOLD_TEST
                               ? _("I had to stop (Enter)") : _("I had to stop"));

  g_signal_connect (session, "notify", G_CALLBACK (on_session_notify), self);
  update_segment (self);
  update_state (self);
}

/**
 * bs_session_page_set_notice:
 * @notice: (nullable): a problem the person should know of while the run
 *   goes on, or %NULL for none
 */
void
bs_session_page_set_notice (BsSessionPage *self,
                            const char    *notice)
{
  g_return_if_fail (BS_IS_SESSION_PAGE (self));

  gtk_label_set_label (self->notice_label, notice ? notice : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice != NULL);
}
