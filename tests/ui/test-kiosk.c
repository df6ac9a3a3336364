/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The clinic kiosk in the real window under Xvfb: every way out refused
 * while locked and working when not, the administrator's PIN with its
 * delays, the idle reset on the fake clock, and nothing about a patient on
 * disk.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bs-assessment-page.h"
#include "bs-assessment-result.h"
#include "bs-clinic-window.h"
#include "bs-handoff-window.h"
#include "bs-history-page.h"
#include "bs-home-page.h"
#include "bs-patient-code.h"
#include "bs-pin.h"
#include "bs-result-page.h"
#include "bs-routines-page.h"
#include "bs-test-util.h"
#include "bs-window.h"

#define SEC ((gint64) G_USEC_PER_SEC)

static BsClock *test_clock;
static BsApplication *test_app;
static char *scratch_home;   /* every XDG folder of this program */

typedef struct
{
  GtkWindow *window;
  BsKiosk *kiosk;
} Fixture;

/* The clinic database a test made, closed by the settings' reset. */
static void
remove_clinic (void)
{
  g_autofree char *dir = g_build_filename (scratch_home, "clinic", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_no_errno (g_remove (path));
    }
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  gboolean locked = GPOINTER_TO_INT (data);

  f->kiosk = bs_application_get_kiosk (test_app);
  bs_kiosk_set_enabled (f->kiosk, locked);
  f->window = bs_test_app_open_window (test_app);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  GSettings *settings = bs_application_get_settings (test_app);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  bs_kiosk_set_enabled (f->kiosk, FALSE);
  bs_test_app_close_windows (test_app);
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
  bs_test_settle ();

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    g_settings_reset (settings, keys[i]);
  remove_clinic ();
}

static void
advance (gint64 usec)
{
  bs_fake_clock_advance (BS_FAKE_CLOCK (test_clock), usec);
  bs_test_settle ();
}

/* The X server answers a full-screen request when it gets round to it. */
static gboolean
settles_fullscreen (GtkWindow *window,
                    gboolean   expected)
{
  gint64 give_up = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  bs_test_wait_frames (GTK_WIDGET (window), 2);
  while (gtk_window_is_fullscreen (window) != expected && g_get_monotonic_time () < give_up)
    bs_test_wait_frames (GTK_WIDGET (window), 1);
  return gtk_window_is_fullscreen (window) == expected;
}

static guint
n_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app)));
}

static guint
n_visible_toplevels (void)
{
  guint n = 0;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (gtk_widget_get_visible (l->data))
      n++;
  return n;
}

static GtkWindow *
main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l; l = l->next)
    if (BS_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  AdwMessageDialog *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      found = l->data;
  return found;
}

/* As bs_test_press_key(), with modifiers: the window's own shortcuts. */
static gboolean
press_chord (GtkWidget       *widget,
             guint            keyval,
             GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  bs_test_settle ();
  return handled;
}

static gboolean
app_action_enabled (const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (test_app), name);
}

static gboolean
ctrl_q_is_quit (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (test_app), "app.quit");

  return accels != NULL && g_strv_contains ((const char * const *) accels, "<Control>q");
}

static gboolean
menu_button_visible (GtkWidget  *page,
                     GType       type)
{
  return gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (page, type, "menu_button")));
}

/* --- ways out ------------------------------------------------------------ */

static void
test_ways_out_open (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *home = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "home_page");

  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (f->window), "kiosk"));
  g_assert_true (menu_button_visible (home, BS_TYPE_HOME_PAGE));
  g_assert_true (app_action_enabled ("preferences"));
  g_assert_true (app_action_enabled ("about"));
  g_assert_true (gtk_window_get_deletable (f->window));

  /* F11 asks for full screen and Escape comes back out.  Bare Xvfb has no
   * window manager, and grants a request on a shown window only some of
   * the time; the keys are checked either way, the state when it came. */
  g_assert_false (bs_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Escape));
  g_assert_true (bs_test_press_key (GTK_WIDGET (f->window), GDK_KEY_F11));
  if (settles_fullscreen (f->window, TRUE))
    {
      g_assert_true (bs_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Escape));
      g_assert_true (settles_fullscreen (f->window, FALSE));
    }
  else
    g_test_message ("the X server did not make the window full screen");

  /* The window manager's close (Alt+F4) is a close request. */
  gtk_window_close (f->window);
  bs_test_settle ();
  g_assert_cmpuint (n_windows (), ==, 0);

  /* Ctrl+Q is app.quit, which closes every window. */
  f->window = bs_test_app_open_window (test_app);
  g_assert_true (ctrl_q_is_quit ());
  g_assert_true (app_action_enabled ("quit"));
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "quit", NULL);
  bs_test_settle ();
  g_assert_cmpuint (n_windows (), ==, 0);

  /* And the window's own close action. */
  f->window = bs_test_app_open_window (test_app);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.close", NULL);
  bs_test_settle ();
  g_assert_cmpuint (n_windows (), ==, 0);
}

static void
test_ways_out_locked (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *home = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "home_page");
  GtkWidget *history = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "history_page");
  GtkWidget *routines = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "routines_page");

  g_assert_true (settles_fullscreen (f->window, TRUE));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->window), "kiosk"));
  g_assert_false (gtk_window_get_deletable (f->window));

  /* Close requests, from the window manager or the window's action. */
  gtk_window_close (f->window);
  bs_test_settle ();
  g_assert_cmpuint (n_windows (), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.close", NULL);
  bs_test_settle ();
  g_assert_cmpuint (n_windows (), ==, 1);

  /* Ctrl+Q is still app.quit, and app.quit does nothing. */
  g_assert_true (ctrl_q_is_quit ());
  g_assert_false (app_action_enabled ("quit"));
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "quit", NULL);
  bs_test_settle ();
  g_assert_cmpuint (n_windows (), ==, 1);

  /* No way out of full screen. */
  g_assert_false (bs_test_press_key (GTK_WIDGET (f->window), GDK_KEY_F11));
  g_assert_false (bs_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Escape));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.toggle-fullscreen", NULL);
  bs_test_wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_true (settles_fullscreen (f->window, TRUE));

  /* Nothing that opens other windows of the desktop or the file system. */
  g_assert_false (app_action_enabled ("preferences"));
  g_assert_false (app_action_enabled ("about"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "show-help-overlay"));
  g_assert_false (menu_button_visible (home, BS_TYPE_HOME_PAGE));
  g_assert_false (menu_button_visible (history, BS_TYPE_HISTORY_PAGE));
  g_assert_false (menu_button_visible (routines, BS_TYPE_ROUTINES_PAGE));
  g_assert_false (press_chord (routines, GDK_KEY_o, GDK_CONTROL_MASK));
  g_assert_false (press_chord (routines, GDK_KEY_n, GDK_CONTROL_MASK));
  g_assert_cmpuint (n_windows (), ==, 1);
  /* No window buttons in any title bar: they do nothing here. */
  g_assert_false (adw_header_bar_get_show_end_title_buttons (ADW_HEADER_BAR (bs_test_find_widget (home,
                                                                                                 ADW_TYPE_HEADER_BAR))));
  g_assert_false (adw_header_bar_get_show_start_title_buttons (ADW_HEADER_BAR (bs_test_find_widget (history,
                                                                                                   ADW_TYPE_HEADER_BAR))));

  /* Big touch targets. */
  {
    GtkWidget *start = bs_test_find_button (GTK_WIDGET (f->window), "Start the Test");

    g_assert_nonnull (start);
    g_assert_cmpint (gtk_widget_get_height (start), >=, 48);
  }
}

/* --- the administrator's PIN --------------------------------------------- */

static void
enter_pin (Fixture    *f,
           const char *pin)
{
  AdwMessageDialog *dialog;
  GtkWidget *unlock;

  g_assert_true (press_chord (GTK_WIDGET (f->window), GDK_KEY_k, GDK_CONTROL_MASK | GDK_ALT_MASK));
  dialog = find_dialog ("Leave Kiosk Mode?");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), pin);
  unlock = bs_test_find_button (GTK_WIDGET (dialog), "Unlock");
  g_assert_nonnull (unlock);
  bs_test_click (unlock);
  bs_test_settle ();
  g_assert_null (find_dialog ("Leave Kiosk Mode?"));
}

static void
enter_wrong_pin (Fixture *f,
                 guint    failure)
{
  g_autofree char *logged = g_strdup_printf ("Wrong kiosk PIN (failure %u)", failure);

  g_test_expect_message ("Backstay", G_LOG_LEVEL_MESSAGE, logged);
  enter_pin (f, "1357");
  g_test_assert_expected_messages ();
}

static void
test_pin (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *stored = bs_pin_hash_new ("2468", NULL);

  /* Outside the kiosk the chord does nothing. */
  bs_kiosk_set_enabled (f->kiosk, FALSE);
  g_assert_false (press_chord (GTK_WIDGET (f->window), GDK_KEY_k, GDK_CONTROL_MASK | GDK_ALT_MASK));
  bs_kiosk_set_enabled (f->kiosk, TRUE);

  /* No PIN set: the dialog says so and nothing unlocks. */
  g_assert_true (press_chord (GTK_WIDGET (f->window), GDK_KEY_k, GDK_CONTROL_MASK | GDK_ALT_MASK));
  g_assert_nonnull (find_dialog ("No Administrator PIN"));
  gtk_window_destroy (GTK_WINDOW (find_dialog ("No Administrator PIN")));

  g_settings_set_string (bs_application_get_settings (test_app), "kiosk-pin-hash", stored);
  g_assert_cmpstr (bs_kiosk_get_pin_hash (f->kiosk), ==, stored);

  enter_wrong_pin (f, 1);
  enter_wrong_pin (f, 2);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 0);
  enter_wrong_pin (f, 3);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 5);

  /* Too soon: even the right PIN is turned away. */
  enter_pin (f, "2468");
  g_assert_true (bs_kiosk_get_enabled (f->kiosk));
  g_assert_cmpuint (n_windows (), ==, 1);
  advance (5 * SEC);
  enter_wrong_pin (f, 4);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 10);
  advance (10 * SEC);

  enter_pin (f, "2468");
  g_assert_false (bs_kiosk_get_enabled (f->kiosk));
  /* Out of full screen is a request to the window manager, and bare Xvfb
   * has none to grant it; what the window allows again is checked. */
  g_assert_true (bs_test_press_key (GTK_WIDGET (f->window), GDK_KEY_F11));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (f->window), "kiosk"));
  g_assert_true (app_action_enabled ("quit"));
  g_assert_true (app_action_enabled ("preferences"));
  g_assert_true (menu_button_visible (bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "home_page"),
                                      BS_TYPE_HOME_PAGE));
  g_assert_true (adw_header_bar_get_show_end_title_buttons (ADW_HEADER_BAR (bs_test_find_widget (GTK_WIDGET (f->window),
                                                                                                ADW_TYPE_HEADER_BAR))));
  gtk_window_close (f->window);
  bs_test_settle ();
  g_assert_cmpuint (n_windows (), ==, 0);
}

/* --- idle reset and privacy ---------------------------------------------- */

static const char * const red_flags[] = {
  "Sudden, severe back pain",
  "Numbness or tingling in your legs",
  "Weakness in your legs, or loss of bladder or bowel control",
  "Fever or chills along with the back pain",
  "A recent fall, blow or other injury to your lower back",
};

#define PATIENT_HEIGHT "187"
#define PATIENT_CODE "P-1042"

static void
wizard_next (GtkWidget *wizard)
{
  bs_test_click (bs_test_child (wizard, BS_TYPE_ASSESSMENT_PAGE, "next_button"));
}

/* A patient runs part of the core test, then starts the assessment and
 * walks away half-way through it. */
static void
patient_visit (Fixture *f)
{
  GtkWidget *wizard = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "assessment_page");
  GListModel *entries = bs_history_get_entries (bs_application_get_history (test_app));
  guint before = g_list_model_get_n_items (entries);
  BsSession *session;

  bs_test_click (bs_test_find_button (GTK_WIDGET (f->window), "Start the Test"));
  session = bs_window_get_session (BS_WINDOW (f->window));
  g_assert_nonnull (session);
  /* A run being timed for longer than the idle time is not idleness. */
  advance (150 * SEC);
  g_assert_null (find_dialog ("Still There?"));
  bs_session_give_up (session);
  bs_test_settle ();
  g_assert_cmpstr (bs_window_get_page (BS_WINDOW (f->window)), ==, "result");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, before + 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.start-assessment", NULL);
  bs_test_settle ();
  g_assert_cmpstr (bs_window_get_page (BS_WINDOW (f->window)), ==, "assessment");
  for (guint i = 0; i < G_N_ELEMENTS (red_flags); i++)
    bs_test_answer (wizard, red_flags[i], "No");
  wizard_next (wizard);
  bs_test_answer (wizard, "Does your lower back hurt these days?", "No");
  wizard_next (wizard);
  bs_test_type (wizard, "Height", PATIENT_HEIGHT);
  bs_test_type (wizard, "Weight", "93");
  /* Outside the kiosk, this is where a draft is written. */
  wizard_next (wizard);
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->window), PATIENT_HEIGHT));
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;
  gsize length;

  gsize n = strlen (text);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  /* Binary files too (a database): NUL bytes do not end the search. */
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, text, n) == 0)
      return TRUE;
  return FALSE;
}

/* Every regular file under @dir, as paths. */
static void
list_files (const char *dir,
            GPtrArray  *found)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, found);
      else
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

static void
assert_nothing_on_disk (const char *text)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  list_files (scratch_home, files);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      /* The clinic database, where a test keeps results on purpose. */
      if (g_str_has_prefix (path + strlen (scratch_home), "/clinic/"))
        continue;

      if (file_contains (path, text))
        g_error ("%s holds the patient's “%s”", path, text);
      /* Nothing of Backstay's at all: no history, no draft. */
      if (strstr (path + strlen (scratch_home), "backstay") != NULL)
        g_error ("%s was written in kiosk mode", path);
    }
}

static void
test_idle_reset (Fixture       *f,
                 gconstpointer  data)
{
  GtkWindow *fresh;
  AdwMessageDialog *still;

  patient_visit (f);
  assert_nothing_on_disk (PATIENT_HEIGHT);
  /* A window of its own, left open. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-advice", NULL);
  bs_test_settle ();
  g_assert_cmpuint (n_visible_toplevels (), ==, 2);

  /* Two minutes without a touch: the question, counting down. */
  advance (119 * SEC);
  g_assert_null (find_dialog ("Still There?"));
  advance (SEC);
  still = find_dialog ("Still There?");
  g_assert_nonnull (still);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (still), "20 seconds"));
  advance (15 * SEC);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (still), "5 seconds"));
  g_assert_true (f->window == main_window ());
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->window), PATIENT_HEIGHT));

  /* No answer: a fresh start for the next person. */
  advance (5 * SEC);
  g_assert_null (find_dialog ("Still There?"));
  fresh = main_window ();
  g_assert_nonnull (fresh);
  g_assert_true (fresh != f->window);
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_cmpuint (n_visible_toplevels (), ==, 1);
  f->window = fresh;
  g_assert_true (settles_fullscreen (fresh, TRUE));
  g_assert_cmpstr (bs_window_get_page (BS_WINDOW (fresh)), ==, "home");
  g_assert_null (bs_window_get_session (BS_WINDOW (fresh)));
  g_assert_false (bs_test_tree_contains_text (GTK_WIDGET (fresh), PATIENT_HEIGHT));
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    g_assert_false (bs_test_tree_contains_text (l->data, PATIENT_HEIGHT));
  g_assert_cmpuint (g_list_model_get_n_items (bs_history_get_entries (bs_application_get_history (test_app))),
                    ==, 0);

  /* The history page shows nobody's results; the wizard starts empty. */
  gtk_widget_activate_action (GTK_WIDGET (fresh), "window.show-history", NULL);
  bs_test_settle ();
  g_assert_false (bs_test_tree_contains_text (GTK_WIDGET (fresh), PATIENT_HEIGHT));
  gtk_widget_activate_action (GTK_WIDGET (fresh), "window.start-assessment", NULL);
  bs_test_settle ();
  g_assert_cmpstr (bs_window_get_page (BS_WINDOW (fresh)), ==, "assessment");
  g_assert_null (find_dialog ("Continue the Assessment?"));
  g_assert_cmpstr (bs_assessment_page_get_page (BS_ASSESSMENT_PAGE (bs_test_child (GTK_WIDGET (fresh),
                                                                                  BS_TYPE_WINDOW,
                                                                                  "assessment_page"))),
                   ==, "red-flags");
  assert_nothing_on_disk (PATIENT_HEIGHT);
}

static void
test_still_here (Fixture       *f,
                 gconstpointer  data)
{
  AdwMessageDialog *still;

  patient_visit (f);
  advance (120 * SEC);
  still = find_dialog ("Still There?");
  g_assert_nonnull (still);
  advance (10 * SEC);
  bs_test_click (bs_test_find_button (GTK_WIDGET (still), "I’m Still Here"));
  g_assert_null (find_dialog ("Still There?"));

  /* Nothing is cleared, and the idle time starts again. */
  advance (60 * SEC);
  g_assert_true (main_window () == f->window);
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->window), PATIENT_HEIGHT));
  g_assert_null (find_dialog ("Still There?"));
  advance (60 * SEC);
  g_assert_nonnull (find_dialog ("Still There?"));
}

static void
test_outside_kiosk_keeps (Fixture       *f,
                          gconstpointer  data)
{
  /* The same visit outside the kiosk: no idle reset, and the draft kept. */
  patient_visit (f);
  advance (3600 * SEC);
  g_assert_null (find_dialog ("Still There?"));
  g_assert_true (main_window () == f->window);
  {
    g_autofree char *draft = g_build_filename (g_get_user_state_dir (), "backstay",
                                               "assessment-draft.json", NULL);

    g_assert_true (file_contains (draft, PATIENT_HEIGHT));
  }
  bs_assessment_draft_discard ();
}

/* --- a visit: patient code, clinic copy, hand-off ------------------------ */

static GtkWidget *
find_toplevel (GType type)
{
  GtkWidget *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  return found;
}

static gboolean
watches_input (GtkWidget *toplevel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (toplevel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_LEGACY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return TRUE;
    }
  return FALSE;
}

static char *
clinic_path (void)
{
  return g_build_filename (scratch_home, "clinic", "results.db", NULL);
}

static void
use_patient_codes (void)
{
  GSettings *settings = bs_application_get_settings (test_app);
  g_autofree char *path = clinic_path ();

  g_settings_set_string (settings, "kiosk-clinic-database", path);
  g_settings_set_boolean (settings, "kiosk-patient-codes", TRUE);
}

static gboolean
visible_in (GtkWidget  *page,
            GType       type,
            const char *name)
{
  return gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (page, type, name)));
}

/* Staff type a code on the welcome screen; it is checked as it is typed. */
static void
type_patient_code (Fixture    *f,
                   const char *text)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.patient-code", NULL);
  bs_test_settle ();
  dialog = find_dialog ("Patient Code");
  g_assert_nonnull (dialog);
  entry = bs_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  bs_test_settle ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "keep"));
  bs_test_click (bs_test_find_button (GTK_WIDGET (dialog), "Keep Results"));
  bs_test_settle ();
  g_assert_null (find_dialog ("Patient Code"));
}

static void
run_core_test (Fixture *f)
{
  bs_test_click (bs_test_find_button (GTK_WIDGET (f->window), "Start the Test"));
  advance (75 * SEC);
  bs_session_give_up (bs_window_get_session (BS_WINDOW (f->window)));
  bs_test_settle ();
  g_assert_cmpstr (bs_window_get_page (BS_WINDOW (f->window)), ==, "result");
}

static void
test_patient_code_refused (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const refused[] = { "Anna", "anna smith", "", "P_1042", "12345678901234567" };
  GtkWidget *home = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "home_page");
  g_autofree char *path = clinic_path ();
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  /* Off by default: no code is offered, and the action does nothing. */
  g_assert_false (visible_in (home, BS_TYPE_HOME_PAGE, "clinic_group"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.patient-code", NULL);
  bs_test_settle ();
  g_assert_null (find_dialog ("Patient Code"));

  use_patient_codes ();
  bs_test_settle ();
  g_assert_true (visible_in (home, BS_TYPE_HOME_PAGE, "clinic_group"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.patient-code", NULL);
  bs_test_settle ();
  dialog = find_dialog ("Patient Code");
  g_assert_nonnull (dialog);
  entry = bs_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      gtk_editable_set_text (GTK_EDITABLE (entry), refused[i]);
      bs_test_settle ();
      g_assert_false (adw_message_dialog_get_response_enabled (dialog, "keep"));
      g_assert_false (bs_patient_code_normalize (refused[i], NULL, &error));
      /* What is wrong is said under the entry, except before any typing. */
      if (*refused[i] != '\0')
        g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (dialog), error->message));
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), " p-1042 ");
  bs_test_settle ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "keep"));
  bs_test_click (bs_test_find_button (GTK_WIDGET (dialog), "Cancel"));
  bs_test_settle ();
  g_assert_null (bs_kiosk_get_patient_code (f->kiosk));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_patient_code_keeps (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *result_page = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "result_page");
  g_autofree char *path = clinic_path ();
  g_autoptr(BsHistory) clinic = NULL;
  g_autoptr(BsHistoryEntry) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *clinic_dir = g_path_get_dirname (path);
  GListModel *entries;
  GtkWindow *fresh;
  GtkWidget *handoff;

  use_patient_codes ();
  type_patient_code (f, " p-1042 ");
  g_assert_cmpstr (bs_kiosk_get_patient_code (f->kiosk), ==, PATIENT_CODE);
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->window), PATIENT_CODE));

  run_core_test (f);
  g_assert_true (visible_in (result_page, BS_TYPE_RESULT_PAGE, "kiosk_box"));

  /* A copy under the code, in the clinic's own file. */
  clinic = bs_history_open (path, &error);
  g_assert_no_error (error);
  entries = bs_history_get_entries (clinic);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  kept = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (bs_history_entry_get_patient_code (kept), ==, PATIENT_CODE);
  g_assert_cmpint (bs_history_entry_get_outcome (kept), ==, BS_OUTCOME_STOPPED_EARLY);
  g_assert_cmpint (bs_history_entry_get_held_ms (kept), >, 0);
  g_clear_object (&clinic);

  /* The hand-off shows what the code says. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.hand-off", NULL);
  bs_test_settle ();
  handoff = find_toplevel (BS_TYPE_HANDOFF_WINDOW);
  g_assert_nonnull (handoff);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (handoff)) == f->window);
  /* Someone reading it is not idle: its input is watched too. */
  g_assert_true (watches_input (handoff));

  /* Finishing the visit forgets the code and the hand-off with it. */
  bs_test_click (bs_test_find_button (GTK_WIDGET (f->window), "Finish the Visit"));
  bs_test_settle ();
  fresh = main_window ();
  g_assert_true (fresh != f->window);
  f->window = fresh;
  g_assert_null (find_toplevel (BS_TYPE_HANDOFF_WINDOW));
  g_assert_cmpuint (n_visible_toplevels (), ==, 1);
  g_assert_null (bs_kiosk_get_patient_code (f->kiosk));
  g_assert_false (bs_test_tree_contains_text (GTK_WIDGET (fresh), PATIENT_CODE));

  /* The next patient without a code: nothing more reaches the clinic. */
  run_core_test (f);
  clinic = bs_history_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bs_history_get_entries (clinic)), ==, 1);

  /* The clinic's file is all that was written. */
  list_files (clinic_dir, files);
  g_assert_cmpuint (files->len, >, 0);
  assert_nothing_on_disk (PATIENT_CODE);
}

/* With codes offered but none typed, a whole visit leaves no file. */
static void
test_anonymous_writes_nothing (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *assessment_result = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "assessment_result");
  g_autofree char *path = clinic_path ();
  GtkWidget *handoff, *wizard;

  use_patient_codes ();
  run_core_test (f);
  patient_visit (f);
  /* The assessment to its end. */
  wizard = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "assessment_page");
  bs_test_answer (wizard, "Do your hamstrings feel tight?", "Yes");
  wizard_next (wizard);
  bs_test_type (wizard, "How many years have you been running?", "8");
  bs_test_type (wizard, "How far do you run in a week?", "40");
  bs_test_answer (wizard, "Do you run long distances or do high-impact sports?", "Yes");
  wizard_next (wizard);
  bs_test_answer (wizard, "Do you warm up before you run?", "No");
  wizard_next (wizard);
  bs_test_settle ();
  g_assert_cmpstr (bs_window_get_page (BS_WINDOW (f->window)), ==, "assessment-result");
  g_assert_true (visible_in (assessment_result, BS_TYPE_ASSESSMENT_RESULT, "kiosk_box"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.hand-off", NULL);
  bs_test_settle ();
  handoff = find_toplevel (BS_TYPE_HANDOFF_WINDOW);
  g_assert_nonnull (handoff);
  gtk_window_destroy (GTK_WINDOW (handoff));

  assert_nothing_on_disk (PATIENT_HEIGHT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (bs_history_get_entries (bs_application_get_history (test_app))),
                    ==, 3);
}

/* A touch screen has no Ctrl+Alt+K: a long press on the title bar. */
static void
test_long_press (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *home = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "home_page");
  GtkWidget *header = bs_test_find_widget (home, ADW_TYPE_HEADER_BAR);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (header);
  GtkGesture *press = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_LONG_PRESS (controller))
        press = GTK_GESTURE (controller);
    }
  g_assert_nonnull (press);

  /* Let go too soon: nothing.  GTK's long press is one second; the
   * administrator holds on for two more. */
  g_signal_emit_by_name (press, "pressed", 10.0, 10.0);
  advance (SEC);
  g_signal_emit_by_name (press, "end", NULL);
  advance (5 * SEC);
  g_assert_null (find_dialog ("No Administrator PIN"));

  g_signal_emit_by_name (press, "pressed", 10.0, 10.0);
  advance (SEC);
  g_assert_null (find_dialog ("No Administrator PIN"));
  advance (SEC);
  g_assert_nonnull (find_dialog ("No Administrator PIN"));
  g_signal_emit_by_name (press, "end", NULL);
  gtk_window_destroy (GTK_WINDOW (find_dialog ("No Administrator PIN")));

  /* Outside the kiosk it is nothing. */
  bs_kiosk_set_enabled (f->kiosk, FALSE);
  g_signal_emit_by_name (press, "pressed", 10.0, 10.0);
  advance (5 * SEC);
  g_assert_null (find_dialog ("No Administrator PIN"));
}

/* The clinic's results are the administrator's, once unlocked. */
static void
test_clinic_results (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *stored = bs_pin_hash_new ("2468", NULL);

  use_patient_codes ();
  g_settings_set_string (bs_application_get_settings (test_app), "kiosk-pin-hash", stored);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.clinic-results", NULL);
  bs_test_settle ();
  g_assert_null (find_toplevel (BS_TYPE_CLINIC_WINDOW));

  enter_pin (f, "2468");
  g_assert_false (bs_kiosk_get_enabled (f->kiosk));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.clinic-results", NULL);
  bs_test_settle ();
  g_assert_nonnull (find_toplevel (BS_TYPE_CLINIC_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* A folder of its own for every XDG base, so that "nothing on disk"
   * means nothing, whatever other tests left in theirs. */
  scratch_home = g_dir_make_tmp ("backstay-kiosk-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const bases[] = { "DATA", "STATE", "CONFIG", "CACHE" };
      g_autofree char *variable = g_strdup_printf ("XDG_%s_HOME", bases[i]);
      g_autofree char *lower = g_ascii_strdown (bases[i], -1);
      g_autofree char *dir = g_build_filename (scratch_home, lower, NULL);

      g_setenv (variable, dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);
  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();
  g_settings_set_string (bs_application_get_settings (test_app), "units", "metric");

  g_test_add ("/kiosk/ways-out/open", Fixture, GINT_TO_POINTER (FALSE), setup, test_ways_out_open,
              teardown);
  g_test_add ("/kiosk/ways-out/locked", Fixture, GINT_TO_POINTER (TRUE), setup, test_ways_out_locked,
              teardown);
  g_test_add ("/kiosk/pin", Fixture, GINT_TO_POINTER (TRUE), setup, test_pin, teardown);
  g_test_add ("/kiosk/idle-reset", Fixture, GINT_TO_POINTER (TRUE), setup, test_idle_reset, teardown);
  g_test_add ("/kiosk/still-here", Fixture, GINT_TO_POINTER (TRUE), setup, test_still_here, teardown);
  g_test_add ("/kiosk/outside-kiosk-keeps", Fixture, GINT_TO_POINTER (FALSE), setup,
              test_outside_kiosk_keeps, teardown);
  g_test_add ("/kiosk/patient-code/refused", Fixture, GINT_TO_POINTER (TRUE), setup,
              test_patient_code_refused, teardown);
  g_test_add ("/kiosk/patient-code/keeps", Fixture, GINT_TO_POINTER (TRUE), setup,
              test_patient_code_keeps, teardown);
  g_test_add ("/kiosk/anonymous-writes-nothing", Fixture, GINT_TO_POINTER (TRUE), setup,
              test_anonymous_writes_nothing, teardown);
  g_test_add ("/kiosk/long-press", Fixture, GINT_TO_POINTER (TRUE), setup, test_long_press, teardown);
  g_test_add ("/kiosk/clinic-results", Fixture, GINT_TO_POINTER (TRUE), setup, test_clinic_results,
              teardown);
  status = g_test_run ();

  g_object_unref (test_app);
  g_object_unref (test_clock);
  return status;
}
