/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bs-error.h"
#include "bs-routine-writer.h"
#include "bs-routines-page.h"
#include "bs-test-util.h"
#include "bs-window.h"

/*
 * The routines page and the routine editor under Xvfb, on the real user
 * routines folder (a private $XDG_DATA_HOME for every test): a routine made
 * by driving the editor's fields, saved, found by a new library and run in
 * the real window; what the editor refuses and why; moving and removing
 * steps; duplicating a bundled routine; deleting with undo; importing, with
 * the questions and refusals the person sees; files that do not load.
 */

static BsClock *test_clock;
static BsApplication *test_app;

typedef struct
{
  BsRoutineLibrary *library;
  BsWindow *main_window;
  GtkWindow *host;
  AdwToastOverlay *overlay;
  BsRoutinesPage *page;
  char *saved_id;
  char *folder;
  char *downloads;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* The page is shown in a window of its own; its Start buttons reach the
 * real window's action through a "window" group that passes them on. */
static void
forward_start (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (user_data), "window.start-routine", parameter);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) start = g_simple_action_new ("start-routine", G_VARIANT_TYPE ("(ssu)"));
  g_autoptr(GError) error = NULL;

  /* Every test starts with no routines of the person's. */
  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), g_get_tmp_dir ()));
  f->folder = g_build_filename (g_get_user_data_dir (), "backstay", NULL);
  f->downloads = g_build_filename (g_get_user_data_dir (), "downloads", NULL);
  remove_tree (f->folder);
  remove_tree (f->downloads);
  bs_routine_library_reload (bs_application_get_library (test_app), &error);
  g_assert_no_error (error);

  f->library = bs_routine_library_new ();
  f->main_window = BS_WINDOW (bs_test_app_open_window (test_app));

  g_signal_connect (start, "activate", G_CALLBACK (forward_start), f->main_window);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (start));

  f->host = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->host, 900, 760);
  gtk_window_set_transient_for (f->host, GTK_WINDOW (f->main_window));
  gtk_widget_insert_action_group (GTK_WIDGET (f->host), "window", G_ACTION_GROUP (group));
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  f->page = g_object_new (BS_TYPE_ROUTINES_PAGE, NULL);
  adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->page));
  adw_window_set_content (ADW_WINDOW (f->host), GTK_WIDGET (f->overlay));
  bs_routines_page_set_library (f->page, f->library);
  gtk_window_present (f->host);
  bs_test_wait_frames (GTK_WIDGET (f->host), 2);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Editors and dialogs first, then the app's windows. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (gtk_window_get_application (window) == NULL)
        gtk_window_destroy (window);
    }
  bs_test_app_close_windows (test_app);
  g_clear_object (&f->library);
  g_free (f->saved_id);
  remove_tree (f->folder);
  remove_tree (f->downloads);
  g_free (f->folder);
  g_free (f->downloads);
}

/* ---- Helpers ---- */

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*matches) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (matches (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, matches, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A button showing an icon and a label, by the label. */
static gboolean
is_content_button (GtkWidget     *widget,
                   gconstpointer  label)
{
  GtkWidget *child;
  g_autoptr(GString) plain = NULL;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_visible (widget))
    return FALSE;
  child = gtk_button_get_child (GTK_BUTTON (widget));
  if (!ADW_IS_BUTTON_CONTENT (child))
    return FALSE;
  plain = g_string_new (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)));
  g_string_replace (plain, "_", "", 0);
  return g_str_equal (plain->str, label);
}

static GtkWidget *
content_button (GtkWidget  *root,
                const char *label)
{
  GtkWidget *button = find_widget (root, is_content_button, label);

  if (button == NULL)
    g_error ("no button “%s” is shown", label);
  return button;
}

static gboolean
starts_routine (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "window.start-routine") == 0;
}

static GtkWidget *
routine_row (Fixture    *f,
             const char *name)
{
  return bs_test_find_row (GTK_WIDGET (f->page), name);
}

static GtkWidget *
editor_child (BsRoutineEditor *editor,
              const char      *name)
{
  return bs_test_child (GTK_WIDGET (editor), BS_TYPE_ROUTINE_EDITOR, name);
}

static GtkWidget *
step_child (BsStepEditRow *row,
            const char    *name)
{
  return bs_test_child (GTK_WIDGET (row), BS_TYPE_STEP_EDIT_ROW, name);
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  bs_test_settle ();
}

static void
set_spin (GtkWidget *spin,
          double     value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  bs_test_settle ();
}

static void
set_selected (GtkWidget *combo,
              guint      index)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), index);
  bs_test_settle ();
}

static const char *
preview (BsRoutineEditor *editor)
{
  return gtk_label_get_label (GTK_LABEL (editor_child (editor, "preview_label")));
}

static gboolean
can_save (BsRoutineEditor *editor)
{
  return gtk_widget_is_sensitive (bs_test_find_button (GTK_WIDGET (editor), "Save"));
}

static GFile *
routine_file (const char *id)
{
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();
  g_autofree char *name = g_strconcat (id, BS_ROUTINE_FILE_SUFFIX, NULL);

  return g_file_get_child (dir, name);
}

static guint
count_user_files (void)
{
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
on_saved (BsRoutineEditor *editor,
          const char      *id,
          Fixture         *f)
{
  g_free (f->saved_id);
  f->saved_id = g_strdup (id);
}

static BsRoutineEditor *
watch (Fixture         *f,
       BsRoutineEditor *editor)
{
  g_assert_nonnull (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), f);
  bs_test_wait_frames (GTK_WIDGET (editor), 2);
  return editor;
}

/* The editor the page opened. */
static BsRoutineEditor *
shown_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BS_IS_ROUTINE_EDITOR (window))
        return BS_ROUTINE_EDITOR (window);
    }
  return NULL;
}

/* The one message dialog shown, if any. */
static AdwMessageDialog *
shown_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog = shown_dialog ();

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  bs_test_settle ();
}

static void
write_text (GFile      *file,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                           &error);
  g_assert_no_error (error);
}

/* A routine of the person's, put in the folder as if saved earlier. */
static void
add_user_routine (Fixture    *f,
                  const char *id,
                  const char *name)
{
  g_autoptr(BsRoutine) routine = bs_routine_new (id, name);
  g_autoptr(BsStep) step = bs_step_new (BS_STEP_HOLD, "Plank", 45);
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();
  g_autoptr(GFile) file = routine_file (id);
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GError) error = NULL;

  bs_routine_add_step (routine, step);
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  bs_routine_save (routine, file, &error);
  g_assert_no_error (error);
  bs_routine_library_reload (f->library, &error);
  g_assert_no_error (error);
  bs_test_settle ();
}

/* ---- Tests ---- */

/* A routine made in the editor, saved, found again and run. */
static void
test_create_save_run (Fixture       *f,
                      gconstpointer  data)
{
  BsRoutineEditor *editor;
  BsStepEditRow *hold, *tilt;
  g_autofree char *first_preview = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BsRoutine) loaded = NULL;
  g_autoptr(BsRoutineLibrary) restarted = NULL;
  g_autoptr(BsSchedule) expected = NULL;
  g_autofree char *expected_json = NULL;
  g_autofree char *run_json = NULL;
  g_autoptr(GError) error = NULL;
  BsSession *session;
  BsRoutine *found;
  BsStep *step;
  GtkWidget *row;

  /* "New Routine" in the header bar. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "routines.new", NULL);
  bs_test_settle ();
  editor = watch (f, shown_editor ());
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == f->host);

  /* A new routine has one empty step and no name: not yet to be saved. */
  g_assert_cmpuint (bs_routine_editor_get_n_steps (editor), ==, 1);
  g_assert_false (can_save (editor));

  set_text (editor_child (editor, "name_row"), "Evening Core");
  set_text (editor_child (editor, "description_row"), "Side holds and pelvic tilts.");
  hold = bs_routine_editor_get_step_row (editor, 0);
  set_selected (step_child (hold, "kind_row"), BS_STEP_PER_SIDE);
  set_text (step_child (hold, "name_row"), "Side plank");
  set_spin (step_child (hold, "seconds_spin"), 30);
  set_spin (step_child (hold, "sets_spin"), 3);
  set_spin (step_child (hold, "set_rest_spin"), 10);
  g_assert_true (can_save (editor));
  /* Three sets of 30 s a side; three switches of 5 s and two rests of 10 s. */
  g_assert_cmpstr (preview (editor), ==, "Total 3:45 (get ready 0:10, work 3:00, rests 0:35)");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (hold)), ==, "Side plank");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (hold)), ==,
                   "Per side · 30 s · 3 sets");
  /* Only what a per-side step has is shown. */
  g_assert_true (gtk_widget_get_visible (step_child (hold, "switch_row")));
  g_assert_false (gtk_widget_get_visible (step_child (hold, "reps_row")));
  g_assert_false (gtk_widget_get_visible (step_child (hold, "side_row")));
  first_preview = g_strdup (preview (editor));

  bs_test_click (content_button (GTK_WIDGET (editor), "Add Step"));
  g_assert_cmpuint (bs_routine_editor_get_n_steps (editor), ==, 2);
  tilt = bs_routine_editor_get_step_row (editor, 1);
  /* Unnamed, the new step keeps the routine from being saved. */
  g_assert_false (can_save (editor));
  g_assert_cmpstr (bs_routine_editor_get_problem (editor), ==,
                   "Step 2: “name” must be between 1 and 2000 characters long");
  set_selected (step_child (tilt, "kind_row"), BS_STEP_COUNTED);
  set_text (step_child (tilt, "name_row"), "Pelvic tilt");
  set_spin (step_child (tilt, "reps_spin"), 12);
  gtk_switch_set_active (GTK_SWITCH (step_child (tilt, "until_done_switch")), TRUE);
  bs_test_settle ();
  g_assert_true (gtk_widget_get_visible (step_child (tilt, "reps_row")));
  g_assert_false (gtk_widget_get_visible (step_child (tilt, "seconds_row")));
  g_assert_false (gtk_widget_get_visible (step_child (tilt, "pace_row")));
  g_assert_true (can_save (editor));
  g_assert_cmpstr (preview (editor), !=, first_preview);
  g_assert_cmpstr (preview (editor), ==,
                   "Total 3:45 (get ready 0:10, work 3:00, rests 0:35), "
                   "plus counted sets at your pace");

  /* No get-ready for this one, whatever the preferences say. */
  gtk_switch_set_active (GTK_SWITCH (editor_child (editor, "lead_in_switch")), TRUE);
  bs_test_settle ();
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "lead_in_seconds_row")));
  set_spin (editor_child (editor, "lead_in_spin"), 0);
  g_assert_cmpstr (preview (editor), ==,
                   "Total 3:35 (work 3:00, rests 0:35), plus counted sets at your pace");

  bs_test_click (bs_test_find_button (GTK_WIDGET (editor), "Save"));
  g_assert_cmpstr (f->saved_id, ==, "evening-core");
  /* Saved, the editor closes and the page says so. */
  g_assert_null (shown_dialog ());
  g_assert_null (shown_editor ());
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->overlay), "Routine saved"));

  /* The file is what was entered, as the loader reads it. */
  file = routine_file ("evening-core");
  loaded = bs_routine_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_get_id (loaded), ==, "evening-core");
  g_assert_cmpstr (bs_routine_get_name (loaded), ==, "Evening Core");
  g_assert_cmpstr (bs_routine_get_description (loaded), ==, "Side holds and pelvic tilts.");
  g_assert_cmpstr (bs_routine_get_category (loaded), ==, BS_CATEGORY_STRETCH);
  g_assert_cmpint (bs_routine_get_lead_in (loaded), ==, 0);
  g_assert_cmpuint (bs_routine_get_n_steps (loaded), ==, 2);
  step = bs_routine_get_step (loaded, 0);
  g_assert_cmpint (bs_step_get_kind (step), ==, BS_STEP_PER_SIDE);
  g_assert_cmpstr (bs_step_get_name (step), ==, "Side plank");
  g_assert_cmpuint (bs_step_get_seconds (step), ==, 30);
  g_assert_cmpuint (bs_step_get_sets (step), ==, 3);
  g_assert_cmpuint (bs_step_get_set_rest (step), ==, 10);
  g_assert_cmpuint (bs_step_get_switch_seconds (step), ==, BS_STEP_DEFAULT_SWITCH_SECONDS);
  step = bs_routine_get_step (loaded, 1);
  g_assert_cmpint (bs_step_get_kind (step), ==, BS_STEP_COUNTED);
  g_assert_cmpstr (bs_step_get_name (step), ==, "Pelvic tilt");
  g_assert_cmpuint (bs_step_get_reps (step), ==, 12);
  g_assert_cmpuint (bs_step_get_pace (step), ==, BS_STEP_UNTIL_DONE);
  /* No stray temporary file is left beside it. */
  g_assert_cmpuint (count_user_files (), ==, 1);

  /* The page lists it with its length. */
  row = routine_row (f, "Evening Core");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Stretching · 3:35 plus counted sets at your pace");

  /* A store started afresh finds it. */
  restarted = bs_routine_library_new ();
  found = bs_routine_library_lookup (restarted, "evening-core");
  g_assert_nonnull (found);
  g_assert_false (bs_routine_library_is_bundled (restarted, "evening-core"));
  g_assert_cmpuint (bs_routine_library_get_load_errors (restarted)->len, ==, 0);

  /* Run: the app reads the folder again, and the row's Start button
   * starts it in the real window. */
  bs_routine_library_reload (bs_application_get_library (test_app), &error);
  g_assert_no_error (error);
  bs_test_click (find_widget (row, starts_routine, NULL));
  session = bs_window_get_session (f->main_window);
  g_assert_nonnull (session);
  g_assert_cmpstr (bs_window_get_page (f->main_window), ==, "session");
  /* Straight into the first hold: the routine asks for no get-ready. */
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_RUNNING);
  g_assert_cmpstr (bs_session_get_segment (session)->name, ==, "Side plank");
  expected = bs_schedule_new (loaded, NULL, 0,
                              g_settings_get_uint (bs_application_get_settings (test_app),
                                                   "lead-in-seconds"), &error);
  g_assert_no_error (error);
  expected_json = bs_schedule_to_json (expected);
  run_json = bs_schedule_to_json (bs_session_get_schedule (session));
  g_assert_cmpstr (run_json, ==, expected_json);
  g_assert_cmpstr (bs_routine_get_id (bs_schedule_get_routine (bs_session_get_schedule (session))),
                   ==, "evening-core");
  gtk_widget_activate_action (GTK_WIDGET (f->main_window), "session.give-up", NULL);
  bs_test_settle ();
}

/* What the loader refuses, the editor refuses, with the loader's words. */
static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  BsRoutineEditor *editor = watch (f, bs_routines_page_edit (f->page, NULL));
  BsStepEditRow *step = bs_routine_editor_get_step_row (editor, 0);
  GtkWidget *name_row = editor_child (editor, "name_row");
  GtkWidget *problem = editor_child (editor, "problem_label");
  g_autoptr(GError) error = NULL;

  set_text (step_child (step, "name_row"), "Plank");
  set_text (name_row, "");
  g_assert_false (can_save (editor));
  g_assert_false (bs_routine_editor_is_valid (editor));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (problem)), ==,
                   "“name” must be between 1 and 2000 characters long");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (preview (editor), ==, "The total is shown once the routine is complete.");
  /* Saving anyway is refused with the same words, and nothing is written. */
  g_assert_false (bs_routine_editor_save (editor, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“name” must be between 1 and 2000 characters long");
  g_clear_error (&error);
  g_assert_cmpuint (count_user_files (), ==, 0);

  set_text (name_row, "Mine");
  g_assert_true (can_save (editor));
  g_assert_false (gtk_widget_get_visible (problem));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  /* A step's field: the step and the field are marked. */
  set_text (step_child (step, "name_row"), "");
  g_assert_false (can_save (editor));
  g_assert_cmpstr (bs_routine_editor_get_problem (editor), ==,
                   "Step 1: “name” must be between 1 and 2000 characters long");
  g_assert_true (gtk_widget_get_visible (step_child (step, "problem_icon")));
  g_assert_true (gtk_widget_has_css_class (step_child (step, "name_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (step_child (step, "seconds_row"), "error"));
  set_text (step_child (step, "name_row"), "Plank");
  g_assert_false (gtk_widget_get_visible (step_child (step, "problem_icon")));
  g_assert_false (gtk_widget_has_css_class (step_child (step, "name_row"), "error"));
  g_assert_true (can_save (editor));

  /* Nothing but rests is not a routine. */
  set_selected (step_child (step, "kind_row"), BS_STEP_REST);
  g_assert_false (can_save (editor));
  g_assert_cmpstr (bs_routine_editor_get_problem (editor), ==,
                   "A routine needs at least one step that is not a rest");
  set_selected (step_child (step, "kind_row"), BS_STEP_COUNTED);
  g_assert_true (can_save (editor));

  /* The numbers cannot leave the loader's ranges: a pace of 0 is not
   * there to choose (“until done” is its own switch). */
  gtk_switch_set_active (GTK_SWITCH (step_child (step, "until_done_switch")), FALSE);
  set_spin (step_child (step, "pace_spin"), 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (step_child (step, "pace_spin"))),
                   ==, 1);
  set_spin (step_child (step, "reps_spin"), 100000);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (step_child (step, "reps_spin"))),
                   ==, 500);
  set_spin (step_child (step, "sets_spin"), 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (step_child (step, "sets_spin"))),
                   ==, 1);
  g_assert_true (can_save (editor));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (step)), ==,
                   "Counted · 500 reps · 1 s each");

  /* Sets, rounds and rests that add up past 24 hours are refused too. */
  set_spin (step_child (step, "sets_spin"), 50);
  set_spin (step_child (step, "set_rest_spin"), 3600);
  g_assert_false (can_save (editor));
  g_assert_true (g_str_has_prefix (bs_routine_editor_get_problem (editor),
                                   "With its sets, sides, rests and rounds the routine lasts more than"));
}

static const char *
title_of (BsRoutineEditor *editor,
          guint            index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bs_routine_editor_get_step_row (editor, index)));
}

static GtkDropTarget *
drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Steps moved by their buttons and by dragging, and removed. */
static void
test_reorder_remove (Fixture       *f,
                     gconstpointer  data)
{
  BsRoutineEditor *editor = watch (f, bs_routines_page_edit (f->page, NULL));
  static const char * const names[] = { "Plank", "Bridge", "Bird dog" };
  g_autoptr(GFile) file = NULL;
  g_autoptr(BsRoutine) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  BsStepEditRow *row;

  set_text (editor_child (editor, "name_row"), "Three");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      row = i == 0 ? bs_routine_editor_get_step_row (editor, 0)
                   : bs_routine_editor_add_step (editor);
      set_text (step_child (row, "name_row"), names[i]);
      set_spin (step_child (row, "seconds_spin"), 10 * (i + 1));
    }
  /* The plank rests 5 s after it: while it is first, that rest counts. */
  set_spin (step_child (bs_routine_editor_get_step_row (editor, 0), "rest_after_spin"), 5);
  g_assert_cmpstr (preview (editor), ==, "Total 1:15 (get ready 0:10, work 1:00, rests 0:05)");

  /* The first cannot go up, the last cannot go down. */
  row = bs_routine_editor_get_step_row (editor, 0);
  g_assert_false (gtk_widget_is_sensitive (step_child (row, "up_button")));
  g_assert_true (gtk_widget_is_sensitive (step_child (row, "down_button")));
  row = bs_routine_editor_get_step_row (editor, 2);
  g_assert_false (gtk_widget_is_sensitive (step_child (row, "down_button")));

  /* Down twice with its button: the plank ends the routine, and a
   * routine does not end on a rest. */
  row = bs_routine_editor_get_step_row (editor, 0);
  bs_test_click (step_child (row, "down_button"));
  bs_test_click (step_child (row, "down_button"));
  g_assert_cmpstr (title_of (editor, 0), ==, "Bridge");
  g_assert_cmpstr (title_of (editor, 1), ==, "Bird dog");
  g_assert_cmpstr (title_of (editor, 2), ==, "Plank");
  g_assert_false (gtk_widget_is_sensitive (step_child (row, "down_button")));
  g_assert_true (gtk_widget_is_sensitive (step_child (row, "up_button")));
  g_assert_cmpstr (preview (editor), ==, "Total 1:10 (get ready 0:10, work 1:00, rests 0:00)");

  /* Up once. */
  bs_test_click (step_child (row, "up_button"));
  g_assert_cmpstr (title_of (editor, 1), ==, "Plank");
  g_assert_cmpstr (preview (editor), ==, "Total 1:15 (get ready 0:10, work 1:00, rests 0:05)");

  /* Dragged by its handle onto the first row. */
  row = bs_routine_editor_get_step_row (editor, 2);
  g_value_init (&value, BS_TYPE_STEP_EDIT_ROW);
  g_value_set_object (&value, row);
  g_signal_emit_by_name (drop_target (GTK_WIDGET (bs_routine_editor_get_step_row (editor, 0))),
                         "drop", &value, 10.0, 10.0, &dropped);
  bs_test_settle ();
  g_assert_true (dropped);
  g_assert_cmpstr (title_of (editor, 0), ==, "Bird dog");
  g_assert_cmpstr (title_of (editor, 1), ==, "Bridge");
  g_assert_cmpstr (title_of (editor, 2), ==, "Plank");

  /* Removed: the bridge's 20 s go from the total. */
  bs_test_click (content_button (GTK_WIDGET (bs_routine_editor_get_step_row (editor, 1)), "Remove Step"));
  g_assert_cmpuint (bs_routine_editor_get_n_steps (editor), ==, 2);
  g_assert_cmpstr (title_of (editor, 0), ==, "Bird dog");
  g_assert_cmpstr (title_of (editor, 1), ==, "Plank");
  g_assert_cmpstr (preview (editor), ==, "Total 0:50 (get ready 0:10, work 0:40, rests 0:00)");

  /* Saved in the order shown. */
  g_assert_true (bs_routine_editor_save (editor, &error));
  g_assert_no_error (error);
  file = routine_file ("three");
  loaded = bs_routine_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bs_routine_get_n_steps (loaded), ==, 2);
  g_assert_cmpstr (bs_step_get_name (bs_routine_get_step (loaded, 0)), ==, "Bird dog");
  g_assert_cmpstr (bs_step_get_name (bs_routine_get_step (loaded, 1)), ==, "Plank");
  g_assert_cmpuint (bs_step_get_rest_after (bs_routine_get_step (loaded, 1)), ==, 5);
}

/* A bundled routine duplicated and changed: the copy is the person's, the
 * original is as it was. */
static void
test_duplicate_bundled (Fixture       *f,
                        gconstpointer  data)
{
  BsRoutine *bundled = bs_routine_library_lookup (f->library, "daily-stretches");
  g_autofree char *bundled_before = NULL;
  g_autofree char *bundled_after = NULL;
  g_autofree char *copy_name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) not_written = routine_file ("daily-stretches");
  g_autoptr(BsRoutine) copy = NULL;
  g_autoptr(GError) error = NULL;
  BsRoutineEditor *editor;
  BsStepEditRow *first;
  guint first_seconds;

  g_assert_nonnull (bundled);
  g_assert_true (bs_routine_library_is_bundled (f->library, "daily-stretches"));
  bundled_before = bs_routine_to_json (bundled);
  copy_name = g_strdup_printf ("%s (copy)", bs_routine_get_name (bundled));
  /* A bundled routine has no Edit. */
  g_assert_null (bs_routines_page_edit (f->page, "daily-stretches"));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "routines.duplicate", "s", "daily-stretches");
  bs_test_settle ();
  editor = watch (f, shown_editor ());
  /* Opened unsaved, named as a copy. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "name_row"))), ==,
                   copy_name);
  g_assert_null (bs_routine_editor_get_saved_id (editor));
  g_assert_cmpuint (count_user_files (), ==, 0);
  g_assert_cmpuint (bs_routine_editor_get_n_steps (editor), ==, bs_routine_get_n_steps (bundled));
  g_assert_true (can_save (editor));

  first = bs_routine_editor_get_step_row (editor, 0);
  first_seconds = bs_step_get_seconds (bs_routine_get_step (bundled, 0));
  set_spin (step_child (first, "seconds_spin"), first_seconds + 15);
  set_spin (editor_child (editor, "rounds_spin"), 2);
  g_assert_true (bs_routine_editor_has_changes (editor));
  bs_test_click (bs_test_find_button (GTK_WIDGET (editor), "Save"));
  g_assert_cmpstr (f->saved_id, ==, "daily-stretches-copy");

  file = routine_file ("daily-stretches-copy");
  copy = bs_routine_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_get_name (copy), ==, copy_name);
  g_assert_cmpuint (bs_routine_get_rounds (copy), ==, 2);
  g_assert_cmpuint (bs_step_get_seconds (bs_routine_get_step (copy, 0)), ==, first_seconds + 15);
  /* What the editor does not show came along: the pictures. */
  g_assert_cmpstr (bs_step_get_illustration (bs_routine_get_step (copy, 0)), ==,
                   bs_step_get_illustration (bs_routine_get_step (bundled, 0)));
  g_assert_cmpstr (bs_routine_get_category (copy), ==, bs_routine_get_category (bundled));

  /* The bundled one is untouched and still bundled. */
  bundled = bs_routine_library_lookup (f->library, "daily-stretches");
  bundled_after = bs_routine_to_json (bundled);
  g_assert_cmpstr (bundled_after, ==, bundled_before);
  g_assert_true (bs_routine_library_is_bundled (f->library, "daily-stretches"));
  g_assert_false (g_file_query_exists (not_written, NULL));
  g_assert_nonnull (routine_row (f, copy_name));
}

/* Editing keeps the id and the file; deleting offers an undo. */
static void
test_edit_delete_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = routine_file ("morning");
  g_autoptr(BsRoutine) loaded = NULL;
  g_autoptr(GError) error = NULL;
  BsRoutineEditor *editor;
  GtkWidget *undo;

  add_user_routine (f, "morning", "Morning");
  g_assert_nonnull (routine_row (f, "Morning"));
  g_assert_null (bs_test_find_row (GTK_WIDGET (f->page), "None yet"));

  editor = watch (f, bs_routines_page_edit (f->page, "morning"));
  g_assert_cmpstr (bs_routine_editor_get_saved_id (editor), ==, "morning");
  g_assert_false (bs_routine_editor_has_changes (editor));
  set_text (editor_child (editor, "name_row"), "Morning Plank");
  bs_test_click (bs_test_find_button (GTK_WIDGET (editor), "Save"));
  g_assert_cmpstr (f->saved_id, ==, "morning");
  loaded = bs_routine_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_get_name (loaded), ==, "Morning Plank");
  g_assert_cmpuint (count_user_files (), ==, 1);
  g_assert_nonnull (routine_row (f, "Morning Plank"));

  /* Deleted from its menu. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "routines.delete", "s", "morning");
  bs_test_settle ();
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_null (bs_routine_library_lookup (f->library, "morning"));
  g_assert_null (routine_row (f, "Morning Plank"));
  g_assert_nonnull (bs_test_find_row (GTK_WIDGET (f->page), "None yet"));
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->overlay), "“Morning Plank” deleted"));

  /* Undone from the toast. */
  undo = bs_test_find_button (GTK_WIDGET (f->overlay), "Undo");
  g_assert_nonnull (undo);
  bs_test_click (undo);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_nonnull (bs_routine_library_lookup (f->library, "morning"));
  g_assert_nonnull (routine_row (f, "Morning Plank"));

  /* A bundled routine cannot be deleted. */
  g_assert_false (bs_routines_page_delete (f->page, "core-test", &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
}

/* Closing with changes asks first. */
static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  BsRoutineEditor *editor = watch (f, bs_routines_page_edit (f->page, NULL));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  /* Nothing typed: it closes at once. */
  g_assert_false (bs_routine_editor_has_changes (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  bs_test_settle ();
  g_assert_null (editor);

  editor = watch (f, bs_routines_page_edit (f->page, NULL));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_text (editor_child (editor, "name_row"), "Half done");
  g_assert_true (bs_routine_editor_has_changes (editor));
  bs_test_press_key (editor_child (editor, "name_row"), GDK_KEY_Escape);
  g_assert_nonnull (editor);
  g_assert_cmpstr (adw_message_dialog_get_heading (shown_dialog ()), ==, "Discard Changes?");
  answer_dialog ("keep");
  g_assert_nonnull (editor);

  bs_test_click (bs_test_find_button (GTK_WIDGET (editor), "Cancel"));
  answer_dialog ("discard");
  g_assert_null (editor);
  g_assert_cmpuint (count_user_files (), ==, 0);
}

/* Import: a valid file, the same again (keep both), one whose id is a
 * bundled routine's, and one that does not load. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  const char *dir = f->downloads;
  g_autofree char *good_path = g_build_filename (dir, "evening.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *core_path = g_build_filename (dir, "core-test.backstay.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) core = g_file_new_for_path (core_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *second = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_text (good, "{\n"
                    "  \"format\": 2,\n"
                    "  \"id\": \"evening\",\n"
                    "  \"name\": \"Evening\",\n"
                    "  \"steps\": [ { \"kind\": \"per-side\", \"name\": \"Piriformis\", \"seconds\": 30 } ]\n"
                    "}\n");
  write_text (bad, "{\n"
                   "  \"format\": 2,\n"
                   "  \"id\": \"broken\",\n"
                   "  \"name\": \"Broken\",\n"
                   "  \"steps\": [\n"
                   "    { \"name\": \"Plank\", \"seconds\": 0 }\n"
                   "  ]\n"
                   "}\n");

  id = bs_routines_page_import_file (f->page, good, BS_IMPORT_ACTION_KEEP_BOTH, &error);
  g_assert_no_error (error);
  bs_test_settle ();
  g_assert_cmpstr (id, ==, "evening");
  g_assert_nonnull (routine_row (f, "Evening"));

  /* The same file again: its id is taken; keeping both numbers the copy. */
  second = bs_routines_page_import_file (f->page, good, BS_IMPORT_ACTION_KEEP_BOTH, &error);
  g_assert_no_error (error);
  bs_test_settle ();
  g_assert_cmpstr (second, ==, "evening-2");
  g_assert_nonnull (routine_row (f, "Evening (2)"));
  g_assert_cmpuint (count_user_files (), ==, 2);

  /* As from the menu: the person is asked, and may replace their own. */
  bs_routines_page_import (f->page, good);
  dialog = shown_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "This Routine Is Already Here");
  g_assert_true (adw_message_dialog_has_response (dialog, "replace"));
  answer_dialog ("keep-both");
  g_assert_nonnull (bs_routine_library_lookup (f->library, "evening-3"));
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->overlay), "“Evening (3)” imported"));

  /* A bundled routine's id: keeping both is the only way. */
  g_assert_true (bs_routines_page_export_to (f->page, "core-test", core, &error));
  g_assert_no_error (error);
  bs_routines_page_import (f->page, core);
  dialog = shown_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "replace"));
  answer_dialog ("keep-both");
  g_assert_true (bs_routine_library_is_bundled (f->library, "core-test"));
  g_assert_nonnull (bs_routine_library_lookup (f->library, "core-test-2"));
  g_assert_false (bs_routine_library_is_bundled (f->library, "core-test-2"));
  g_assert_cmpuint (count_user_files (), ==, 4);

  /* A file that does not load: the loader's message, with the file, line
   * and column; nothing written. */
  g_assert_null (bs_routines_page_import_file (f->page, bad, BS_IMPORT_ACTION_KEEP_BOTH, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==,
                   "broken.json:6:24: step 1: “seconds” must be a whole number from 1 to 3600");
  g_clear_error (&error);
  bs_routines_page_import (f->page, bad);
  dialog = shown_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Routine Was Not Imported");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "broken.json:6:24: step 1: “seconds” must be a whole number from 1 to 3600");
  answer_dialog ("close");
  g_assert_cmpuint (count_user_files (), ==, 4);
  g_assert_null (bs_routine_library_lookup (f->library, "broken"));
}

/* A file in the folder that does not load is listed with its message. */
static void
test_load_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) broken = routine_file ("broken");
  GtkWidget *errors = bs_test_child (GTK_WIDGET (f->page), BS_TYPE_ROUTINES_PAGE, "errors_group");
  g_autoptr(GError) error = NULL;

  g_assert_false (gtk_widget_get_visible (errors));
  add_user_routine (f, "fine", "Fine");
  write_text (broken, "{ \"format\": 2, \"id\": \"broken\", \"name\": \"Broken\", \"steps\": [] }\n");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "routines.reload", NULL);
  bs_test_settle ();

  g_assert_true (gtk_widget_get_visible (errors));
  g_assert_true (bs_test_tree_contains_text (errors, "broken.backstay.json:1:50: "));
  g_assert_true (bs_test_tree_contains_text (errors, "“steps” must list from 1 to 500 steps"));
  g_assert_nonnull (routine_row (f, "Fine"));

  /* Fixed, and read again: the list is whole. */
  write_text (broken, "{ \"format\": 2, \"id\": \"broken\", \"name\": \"Broken\", "
                      "\"steps\": [ { \"name\": \"Plank\", \"seconds\": 20 } ] }\n");
  bs_test_click (bs_test_child (GTK_WIDGET (f->page), BS_TYPE_ROUTINES_PAGE, "reload_button"));
  g_assert_false (gtk_widget_get_visible (errors));
  g_assert_nonnull (routine_row (f, "Broken"));

  /* A new routine never takes the name of a file that did not load. */
  write_text (broken, "not json");
  bs_routine_library_reload (f->library, &error);
  g_assert_no_error (error);
  {
    g_autofree char *made = bs_routine_editor_make_id (f->library, "Broken!");
    g_autofree char *made_fine = bs_routine_editor_make_id (f->library, "  Fine  ");
    g_autofree char *made_odd = bs_routine_editor_make_id (f->library, "Étirements du soir — 2");
    g_autofree char *made_none = bs_routine_editor_make_id (f->library, "…");

    g_assert_cmpstr (made, ==, "broken-2");
    g_assert_cmpstr (made_fine, ==, "fine-2");
    g_assert_cmpstr (made_odd, ==, "etirements-du-soir-2");
    g_assert_cmpstr (made_none, ==, "routine");
  }
}

/* Every control of the page and the editor has a name a screen reader
 * can say, and nothing is cut off at 360 px. */
static gboolean
is_unnamed_control (GtkWidget     *widget,
                    gconstpointer  data)
{
  GtkWidget *child;

  if (!(GTK_IS_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SWITCH (widget)))
    return FALSE;
  /* Hidden, nobody reaches it; inside libadwaita's own controls, it is
   * libadwaita's to name. */
  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;
  for (GtkWidget *w = gtk_widget_get_parent (widget); w; w = gtk_widget_get_parent (w))
    if (GTK_IS_WINDOW_CONTROLS (w) || ADW_IS_ENTRY_ROW (w) || ADW_IS_COMBO_ROW (w) ||
        GTK_IS_SPIN_BUTTON (w) || GTK_IS_POPOVER (w) || GTK_IS_MENU_BUTTON (w))
      return FALSE;
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return FALSE;
  child = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;
  return !(ADW_IS_BUTTON_CONTENT (child) || GTK_IS_LABEL (child));
}

static void
assert_fits (GtkWidget *widget,
             GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
}

static void
test_accessible_and_narrow (Fixture       *f,
                            gconstpointer  data)
{
  BsRoutineEditor *editor;
  GtkWidget *unnamed;

  add_user_routine (f, "mine", "Mine");
  unnamed = find_widget (GTK_WIDGET (f->host), is_unnamed_control, NULL);
  if (unnamed != NULL)
    g_error ("the page has an unnamed %s", G_OBJECT_TYPE_NAME (unnamed));

  editor = watch (f, bs_routines_page_duplicate (f->page, "strength-circuit"));
  bs_routine_editor_add_step (editor);
  unnamed = find_widget (GTK_WIDGET (editor), is_unnamed_control, NULL);
  if (unnamed != NULL)
    g_error ("the editor has an unnamed %s", G_OBJECT_TYPE_NAME (unnamed));

  /* At its narrowest the header's buttons and a step's stay inside. */
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 720);
  bs_test_wait_frames (GTK_WIDGET (editor), 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, 360);
  assert_fits (bs_test_find_button (GTK_WIDGET (editor), "Save"), GTK_WIDGET (editor));
  assert_fits (bs_test_find_button (GTK_WIDGET (editor), "Cancel"), GTK_WIDGET (editor));
  assert_fits (content_button (GTK_WIDGET (bs_routine_editor_get_step_row (editor, 0)), "Remove Step"),
               GTK_WIDGET (editor));

  gtk_window_set_default_size (f->host, 360, 720);
  bs_test_wait_frames (GTK_WIDGET (f->host), 3);
  assert_fits (find_widget (routine_row (f, "Mine"), starts_routine, NULL), GTK_WIDGET (f->host));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* A data folder of the program's own, set before anything reads it.
   * (G_TEST_OPTION_ISOLATE_DIRS would hide the system's MIME database too,
   * and GTK could no longer read the app's icon.) */
  data_home = g_dir_make_tmp ("backstay-routine-editor-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/routine-editor/" path, Fixture, NULL, setup, func, teardown)
  ADD ("create-save-run", test_create_save_run);
  ADD ("invalid", test_invalid);
  ADD ("reorder-remove", test_reorder_remove);
  ADD ("duplicate-bundled", test_duplicate_bundled);
  ADD ("edit-delete-undo", test_edit_delete_undo);
  ADD ("discard", test_discard);
  ADD ("import", test_import);
  ADD ("load-errors", test_load_errors);
  ADD ("accessible-and-narrow", test_accessible_and_narrow);
#undef ADD

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
