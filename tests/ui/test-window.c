/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The real window under Xvfb: the core test started from the home page,
 * driven on the fake clock, paused and given up with the key bindings, and
 * the result read off the result page.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "bs-countdown.h"
#include "bs-fake-notifier.h"
#include "bs-result-page.h"
#include "bs-session-page.h"
#include "bs-test-util.h"
#include "bs-window.h"

#define SEC ((gint64) G_USEC_PER_SEC)

static BsClock *test_clock;
static BsApplication *test_app;

typedef struct
{
  BsClock *clock;
  BsApplication *app;
  guint results_before;
  GtkWindow *window;
  GtkWidget *session_page;
  GtkWidget *result_page;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->clock = test_clock;
  f->app = test_app;
  f->results_before = g_list_model_get_n_items (bs_history_get_entries (bs_application_get_history (f->app)));
  f->window = bs_test_app_open_window (f->app);
  f->session_page = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "session_page");
  f->result_page = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "result_page");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  GSettings *settings = bs_application_get_settings (f->app);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  bs_test_app_close_windows (f->app);

  /* Each test starts from the defaults, whatever the last one chose. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    g_settings_reset (settings, keys[i]);
}

static void
advance (Fixture *f,
         gint64   usec)
{
  bs_fake_clock_advance (BS_FAKE_CLOCK (f->clock), usec);
  bs_test_settle ();
}

static const char *
session_label (Fixture    *f,
               const char *name)
{
  return gtk_label_get_label (GTK_LABEL (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE, name)));
}

static const char *
countdown_text (Fixture *f)
{
  return bs_countdown_get_text (BS_COUNTDOWN (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE,
                                                             "countdown")));
}

static const char *
result_label (Fixture    *f,
              const char *name)
{
  return gtk_label_get_label (GTK_LABEL (bs_test_child (f->result_page, BS_TYPE_RESULT_PAGE, name)));
}

static BsWindow *
window (Fixture *f)
{
  return BS_WINDOW (f->window);
}

static void
start_from_home (Fixture *f)
{
  GtkWidget *start;

  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "home");
  start = bs_test_find_button (GTK_WIDGET (f->window), "Start the Test");
  g_assert_nonnull (start);
  bs_test_click (start);
  bs_test_settle ();
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "session");
}

static void
test_give_up_with_keys (Fixture       *f,
                        gconstpointer  data)
{
  BsSession *session;

  start_from_home (f);
  session = bs_window_get_session (window (f));
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_GET_READY);
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Get ready");
  g_assert_cmpstr (session_label (f, "instruction_label"), ==, "First: Plank on your elbows");
  g_assert_cmpstr (countdown_text (f), ==, "10");

  advance (f, 3 * SEC);
  g_assert_cmpstr (countdown_text (f), ==, "7");

  advance (f, 7 * SEC);
  g_assert_cmpstr (session_label (f, "stage_label"), ==, "Stage 1 of 8");
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Plank on your elbows");
  g_assert_cmpstr (session_label (f, "next_label"), ==, "Next: Lift your right arm, 15 seconds");
  g_assert_cmpstr (countdown_text (f), ==, "1:00");
  advance (f, 1 * SEC);
  g_assert_cmpstr (countdown_text (f), ==, "59");

  advance (f, 60 * SEC);
  g_assert_cmpstr (session_label (f, "stage_label"), ==, "Stage 2 of 8");
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Lift your right arm");
  g_assert_cmpstr (session_label (f, "side_label"), ==, "Right side");
  g_assert_true (gtk_widget_get_visible (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE,
                                                        "side_label")));
  g_assert_cmpstr (countdown_text (f), ==, "14");

  /* Space pauses, whichever control has the focus; time stands still. */
  gtk_widget_grab_focus (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE, "give_up_button"));
  g_assert_true (bs_test_press_key (gtk_window_get_focus (f->window), GDK_KEY_space));
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_PAUSED);
  g_assert_true (gtk_widget_get_visible (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE,
                                                        "status_label")));
  advance (f, 100 * SEC);
  g_assert_cmpstr (countdown_text (f), ==, "14");
  g_assert_true (bs_test_press_key (f->session_page, GDK_KEY_space));
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_RUNNING);
  g_assert_false (gtk_widget_get_visible (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE,
                                                         "status_label")));

  advance (f, 2 * SEC + 500000);
  /* Enter: "I had to stop". */
  g_assert_true (bs_test_press_key (f->session_page, GDK_KEY_Return));
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "result");

  g_assert_cmpstr (result_label (f, "title_label"), ==, "You Held 1:03 of 3:00");
  g_assert_cmpstr (result_label (f, "description_label"), ==,
                   "You reached stage 2 of 8, “Lift your right arm”, and held it for 3 seconds.");
  g_assert_cmpstr (result_label (f, "stage_label"), ==, "2 of 8");
  g_assert_cmpstr (result_label (f, "held_label"), ==, "1:03 of 3:00");
  g_assert_cmpstr (result_label (f, "test_label"), ==, "Three-minute form, standard level");
  g_assert_true (bs_test_tree_contains_text (f->result_page, "Strengthen your core three times a week"));
  g_assert_cmpuint (g_list_model_get_n_items (bs_history_get_entries (bs_application_get_history (f->app))), ==,
                    f->results_before + 1);

  /* Done goes home. */
  bs_test_click (bs_test_find_button (f->result_page, "Done"));
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "home");
}

static void
test_full_run_is_good (Fixture       *f,
                       gconstpointer  data)
{

  start_from_home (f);
  /* Right skips the lead-in: the test starts at once. */
  g_assert_true (bs_test_press_key (f->session_page, GDK_KEY_Right));
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Plank on your elbows");
  advance (f, 180 * SEC);
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "result");
  g_assert_cmpstr (result_label (f, "title_label"), ==, "Good Core Strength");

  /* Test Again runs the same form and level once more. */
  bs_test_click (bs_test_find_button (f->result_page, "Test Again"));
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "session");
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Get ready");
}

static void
test_level_and_form_from_home (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *home = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "home_page");
  AdwComboRow *form_row = ADW_COMBO_ROW (gtk_widget_get_template_child (home, G_OBJECT_TYPE (home),
                                                                        "form_row"));
  AdwComboRow *level_row = ADW_COMBO_ROW (gtk_widget_get_template_child (home, G_OBJECT_TYPE (home),
                                                                         "level_row"));
  GtkLabel *summary = GTK_LABEL (gtk_widget_get_template_child (home, G_OBJECT_TYPE (home),
                                                                "summary_label"));
  BsSchedule *schedule;

  g_assert_cmpstr (gtk_label_get_label (summary), ==, "8 stages, 3:00 in all");
  adw_combo_row_set_selected (form_row, 1);
  adw_combo_row_set_selected (level_row, 2);
  g_assert_cmpstr (gtk_label_get_label (summary), ==, "8 stages, 1:10 in all");
  /* Preferences and the home page show the same form. */
  g_settings_set_string (bs_application_get_settings (f->app), "core-test-form", "standard");
  g_assert_cmpuint (adw_combo_row_get_selected (form_row), ==, 0);
  g_settings_set_string (bs_application_get_settings (f->app), "core-test-form", "short");
  g_assert_cmpuint (adw_combo_row_get_selected (form_row), ==, 1);
  /* The choice is remembered. */
  g_assert_cmpuint (g_settings_get_uint (bs_application_get_settings (f->app), "core-test-level"),
                    ==, 10);

  start_from_home (f);
  schedule = bs_session_get_schedule (bs_window_get_session (window (f)));
  g_assert_cmpstr (bs_schedule_get_form_id (schedule), ==, "short");
  g_assert_cmpuint (bs_schedule_get_level (schedule), ==, 10);
  g_assert_cmpuint (bs_schedule_get_work_seconds (schedule), ==, 70);
  advance (f, 10 * SEC);
  g_assert_cmpstr (countdown_text (f), ==, "20");
}

static AdwMessageDialog *
find_dialog (Fixture *f)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (f->app));

  for (GList *l = windows; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return l->data;
  /* A dialog without an application is still a toplevel of ours. */
  {
    g_autoptr(GListModel) toplevels = G_LIST_MODEL (g_object_ref (gtk_window_get_toplevels ()));

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (item))
          return ADW_MESSAGE_DIALOG (item);
      }
  }
  return NULL;
}

static void
test_escape_asks_first (Fixture       *f,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog;

  start_from_home (f);
  advance (f, 20 * SEC);
  g_assert_true (bs_test_press_key (f->session_page, GDK_KEY_Escape));
  bs_test_settle ();
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  /* Asking does not stop anything. */
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "session");
  g_assert_true (bs_session_is_active (bs_window_get_session (window (f))));

  adw_message_dialog_response (dialog, "cancel");
  bs_test_settle ();
  g_assert_true (bs_session_is_active (bs_window_get_session (window (f))));

  g_assert_true (bs_test_press_key (f->session_page, GDK_KEY_Escape));
  bs_test_settle ();
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  bs_test_settle ();
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "home");
  g_assert_cmpuint (g_list_model_get_n_items (bs_history_get_entries (bs_application_get_history (f->app))), ==,
                    f->results_before);
}

static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  static const char *icon_buttons[] = { "back_button", "pause_button", "skip_button" };

  start_from_home (f);
  for (guint i = 0; i < G_N_ELEMENTS (icon_buttons); i++)
    {
      GtkWidget *button = bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE, icon_buttons[i]);
      /* Icon-only buttons need a name a screen reader can say. */
      g_assert_null (gtk_button_get_label (GTK_BUTTON (button)));
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
    }
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bs_test_child (f->session_page,
                                                                                     BS_TYPE_SESSION_PAGE,
                                                                                     "countdown"))),
                   ==, GTK_ACCESSIBLE_ROLE_TIMER);
}

static GtkWindow *
newest_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return GTK_WINDOW (item);
    }
  return NULL;
}

/* Every secondary window builds from its UI file without a warning (the
 * tests run with fatal warnings) and shows what it is for. */
static void
test_secondary_windows (Fixture       *f,
                        gconstpointer  data)
{
  GtkWindow *shown;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-advice", NULL);
  bs_test_settle ();
  shown = newest_window_of_type (ADW_TYPE_WINDOW);
  g_assert_nonnull (shown);
  g_assert_cmpstr (gtk_window_get_title (shown), ==, "About This Advice");
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (shown), "Maselli F"));
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (shown), "see a clinician"));
  gtk_window_destroy (shown);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  bs_test_settle ();
  shown = newest_window_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shown);
  gtk_window_close (shown);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  bs_test_settle ();
  shown = newest_window_of_type (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (shown);
  /* Bound to the settings both ways. */
  {
    GSettings *settings = bs_application_get_settings (f->app);
    AdwComboRow *style = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (shown),
                                                                       G_OBJECT_TYPE (shown),
                                                                       "cue_style_row"));
    g_autofree char *chosen = NULL;

    adw_combo_row_set_selected (style, 1);
    chosen = g_settings_get_string (settings, "cue-style");
    g_assert_cmpstr (chosen, ==, "tones");
    g_settings_set_string (settings, "cue-style", "off");
    g_assert_cmpuint (adw_combo_row_get_selected (style), ==, 2);
    g_settings_reset (settings, "cue-style");
  }
  gtk_window_destroy (shown);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  bs_test_settle ();
  shown = newest_window_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (shown);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (shown)), ==, "Backstay");
  gtk_window_destroy (shown);
  bs_test_settle ();
}

/* No sound output (under Xvfb there is no sound server; here an output that
 * cannot open is forced, so the test does not depend on the machine): the
 * run goes on, and the window says so once, in a message that stays. */
static void
test_no_audio_message (Fixture       *f,
                       gconstpointer  data)
{
  const char *message;

  g_setenv ("BACKSTAY_AUDIO_SINK", "filesink location=/nonexistent-dir/sound", TRUE);
  start_from_home (f);
  g_unsetenv ("BACKSTAY_AUDIO_SINK");

  message = bs_window_get_audio_problem (window (f));
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "No sound output: the timer runs without audio cues"));
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->window), "No sound output: cues are off"));

  advance (f, 10 * SEC);
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Plank on your elbows");
  g_assert_cmpstr (countdown_text (f), ==, "1:00");
}

/* Awake for the whole run, paused included, and released at its end.  A
 * session bus without a session manager (as here) refuses: then the window
 * says so once. */
static void
test_keeps_awake (Fixture       *f,
                  gconstpointer  data)
{
  start_from_home (f);
  g_assert_true (bs_window_is_keeping_awake (window (f)) ||
                 bs_window_was_refused_keeping_awake (window (f)));
  if (bs_window_was_refused_keeping_awake (window (f)))
    g_assert_true (bs_test_tree_contains_text (f->session_page, "did not let Backstay keep it awake"));

  bs_test_press_key (f->session_page, GDK_KEY_space);
  g_assert_true (bs_window_is_keeping_awake (window (f)) ||
                 bs_window_was_refused_keeping_awake (window (f)));
  bs_test_press_key (f->session_page, GDK_KEY_Return);
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "result");
  g_assert_false (bs_window_is_keeping_awake (window (f)));
}

/* Suspended mid-run: the page says why it paused. */
static void
test_sleep_is_shown (Fixture       *f,
                     gconstpointer  data)
{
  start_from_home (f);
  advance (f, 15 * SEC);
  bs_fake_clock_sleep (BS_FAKE_CLOCK (f->clock), 300 * SEC);
  advance (f, 1 * SEC);
  g_assert_cmpstr (session_label (f, "status_label"), ==, "Paused: the computer was asleep");
  g_assert_true (gtk_widget_get_visible (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE,
                                                        "status_label")));
  bs_test_press_key (f->session_page, GDK_KEY_space);
  g_assert_cmpint (bs_session_get_state (bs_window_get_session (window (f))), ==, BS_SESSION_RUNNING);
  g_assert_false (gtk_widget_get_visible (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE,
                                                         "status_label")));
}

/* Away from the window (here: hidden), the end of a run and a pause for
 * sleep are notified; clicking brings the window back, and a notification
 * no longer true is taken back. */
static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  BsFakeNotifier *notifier = BS_FAKE_NOTIFIER (bs_application_get_notifier (f->app));
  guint before = bs_fake_notifier_get_n_records (notifier);
  const BsFakeNotifierRecord *shown;
  BsSession *session;

  /* Looked at: nothing is notified. */
  start_from_home (f);
  advance (f, 200 * SEC);
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "result");
  g_assert_cmpuint (bs_fake_notifier_get_n_records (notifier), ==, before);

  /* Hidden: asleep, then awake again, then finished. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.restart", NULL);
  session = bs_window_get_session (window (f));
  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  advance (f, 15 * SEC);
  bs_fake_clock_sleep (BS_FAKE_CLOCK (f->clock), 300 * SEC);
  advance (f, 1 * SEC);
  shown = bs_fake_notifier_get_shown (notifier, "asleep");
  g_assert_nonnull (shown);
  g_assert_cmpstr (shown->title, ==, "Paused: the computer was asleep");

  bs_session_resume (session);
  g_assert_null (bs_fake_notifier_get_shown (notifier, "asleep"));
  advance (f, 200 * SEC);
  shown = bs_fake_notifier_get_shown (notifier, "finished");
  g_assert_nonnull (shown);
  g_assert_cmpstr (shown->title, ==, "Core strength test finished");
  g_assert_cmpstr (shown->body, ==, "Good core strength: 180 of 180 s");
  g_assert_cmpstr (shown->action_label, ==, "Show Result");

  /* The click shows the window with the result. */
  g_assert_true (bs_fake_notifier_click (notifier, "finished"));
  bs_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "result");
  g_assert_null (bs_fake_notifier_get_shown (notifier, "finished"));
}

/* A routine of the person's own, hands-free: the side to work, the switch,
 * a set done "until done" that waits as long as it takes and ends with
 * Enter, and the run kept in the history as completed. */
static const char own_routine[] =
  "{ \"format\": 2, \"id\": \"test-own\", \"name\": \"Own routine\", \"category\": \"stretch\",\n"
  "  \"steps\": [\n"
  "    { \"kind\": \"per-side\", \"name\": \"Knee to chest\", \"seconds\": 20,\n"
  "      \"switch-seconds\": 5, \"first-side\": \"right\", \"illustration\": \"knee-to-chest\" },\n"
  "    { \"kind\": \"counted\", \"name\": \"Pelvic tilt\", \"reps\": 12, \"pace\": \"until-done\" },\n"
  "    { \"name\": \"Seated hamstring stretch\", \"seconds\": 10 }\n"
  "  ] }\n";

static void
test_own_routine_hands_free (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, "test-own.backstay.json");
  BsRoutineLibrary *library = bs_application_get_library (f->app);
  BsSession *session;
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistoryEntry) recorded = NULL;
  GListModel *entries = bs_history_get_entries (bs_application_get_history (f->app));

  g_file_make_directory_with_parents (dir, NULL, NULL);
  g_assert_true (g_file_replace_contents (file, own_routine, strlen (own_routine), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bs_routine_library_reload (library, &error));
  g_assert_nonnull (bs_routine_library_lookup (library, "test-own"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.start-routine", "(ssu)",
                              "test-own", "", 0);
  bs_test_settle ();
  session = bs_window_get_session (window (f));
  g_assert_nonnull (session);

  /* Lead-in, then the right side. */
  advance (f, (BS_SCHEDULE_DEFAULT_LEAD_IN + 3) * SEC);
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Knee to chest");
  g_assert_cmpstr (session_label (f, "side_label"), ==, "Right side");
  g_assert_cmpstr (session_label (f, "stage_label"), ==, "Exercise 1 of 3");

  /* The switch names the side to come and what it is for. */
  advance (f, 18 * SEC);
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Switch sides");
  g_assert_cmpstr (session_label (f, "side_label"), ==, "Left side");
  g_assert_cmpstr (session_label (f, "instruction_label"), ==, "Next: Knee to chest");

  /* Until done: no countdown, a Done button, and time does not move it. */
  advance (f, (4 + 20) * SEC);
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_WAITING);
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Pelvic tilt");
  g_assert_cmpstr (session_label (f, "reps_label"), ==, "12 repetitions, at your own pace");
  g_assert_false (gtk_widget_get_visible (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE, "countdown")));
  g_assert_true (gtk_widget_get_visible (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE, "done_button")));
  advance (f, 3600 * SEC);
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_WAITING);

  /* Enter is "done" here, not "I had to stop". */
  bs_test_press_key (f->session_page, GDK_KEY_Return);
  bs_test_settle ();
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_RUNNING);
  g_assert_cmpstr (session_label (f, "name_label"), ==, "Seated hamstring stretch");
  g_assert_false (gtk_widget_get_visible (bs_test_child (f->session_page, BS_TYPE_SESSION_PAGE, "done_button")));

  advance (f, 11 * SEC);
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_FINISHED);
  g_assert_cmpstr (bs_window_get_page (window (f)), ==, "result");
  recorded = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (bs_history_entry_get_routine_id (recorded), ==, "test-own");
  g_assert_cmpint (bs_history_entry_get_outcome (recorded), ==, BS_OUTCOME_COMPLETED);
  g_assert_cmpuint (bs_history_entry_get_stages_done (recorded), ==, 4);

  g_assert_true (g_file_delete (file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bs_routine_library_reload (library, &error));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();

  g_test_add ("/window/give-up-with-keys", Fixture, NULL, setup, test_give_up_with_keys, teardown);
  g_test_add ("/window/full-run-is-good", Fixture, NULL, setup, test_full_run_is_good, teardown);
  g_test_add ("/window/level-and-form", Fixture, NULL, setup, test_level_and_form_from_home,
              teardown);
  g_test_add ("/window/escape-asks-first", Fixture, NULL, setup, test_escape_asks_first, teardown);
  g_test_add ("/window/accessible-names", Fixture, NULL, setup, test_accessible_names, teardown);
  g_test_add ("/window/secondary-windows", Fixture, NULL, setup, test_secondary_windows, teardown);
  g_test_add ("/window/no-audio-message", Fixture, NULL, setup, test_no_audio_message, teardown);
  g_test_add ("/window/keeps-awake", Fixture, NULL, setup, test_keeps_awake, teardown);
  g_test_add ("/window/sleep-is-shown", Fixture, NULL, setup, test_sleep_is_shown, teardown);
  g_test_add ("/window/notifications", Fixture, NULL, setup, test_notifications, teardown);
  g_test_add ("/window/own-routine-hands-free", Fixture, NULL, setup, test_own_routine_hands_free,
              teardown);

  return g_test_run ();
}
