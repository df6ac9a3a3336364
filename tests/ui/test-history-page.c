/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bs-history-entry-private.h"
#include "bs-history-days.h"
#include "bs-history-fixture.h"
#include "bs-history-json.h"
#include "bs-history-page.h"
#include "bs-history-stats.h"
#include "bs-history-text.h"
#include "bs-session-page.h"
#include "bs-test-util.h"
#include "bs-window.h"

/*
 * The history page under Xvfb, on a real SQLite file seeded with four
 * months of plausible use: what the log, the chart and the assessments
 * show, editing and deleting with undo, export to JSON, CSV and PDF and
 * import back, and a run recorded by the window itself.
 */

#define SEC ((gint64) G_USEC_PER_SEC)
#define N_DAYS 120

static BsClock *test_clock;
static BsApplication *test_app;

typedef struct
{
  char *dir;
  BsHistory *history;
  GtkWindow *window;
  BsHistoryPage *page;
} Fixture;

static GDateTime *
local_midnight_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), 0, 0, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) today = local_midnight_today ();

  f->dir = g_dir_make_tmp ("backstay-history-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "history.db", NULL);
  f->history = bs_history_open (path, &error);
  g_assert_no_error (error);
  if (GPOINTER_TO_INT (data))
    bs_history_fixture_seed (f->history, N_DAYS, today, 42);
  bs_application_set_history (test_app, f->history);

  f->window = bs_test_app_open_window (test_app);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-history", NULL);
  bs_test_settle ();
  f->page = BS_HISTORY_PAGE (bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "history_page"));
  g_assert_cmpstr (bs_window_get_page (BS_WINDOW (f->window)), ==, "history");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bs_test_app_close_windows (test_app);
  g_clear_object (&f->history);
  remove_tree (f->dir);
  g_free (f->dir);
}

static GListModel *
entries (Fixture *f)
{
  return bs_history_get_entries (f->history);
}

static guint
count_kind (Fixture       *f,
            BsHistoryKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries (f)); i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries (f), i);
      n += bs_history_entry_get_kind (entry) == kind;
    }
  return n;
}

static BsHistoryEntry *
latest_core_test (Fixture *f)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries (f)); i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries (f), i);

      if (g_strcmp0 (bs_history_entry_get_routine_id (entry), "core-test") == 0)
        return g_steal_pointer (&entry);
    }
  return NULL;
}

static void
assert_description (GtkWidget  *widget,
                    const char *text)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                  text);
  if (mismatch != NULL)
    g_error ("accessible description: %s", mismatch);
}

/* What the log, the chart and the assessments show for the seeded store. */
static void
test_views (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BsHistoryEntry) latest = latest_core_test (f);
  g_autofree char *figure = NULL;
  g_autoptr(GArray) points = bs_history_core_series (entries (f));
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autofree char *expected_summary = NULL;
  BsCoreSummary summary;
  GtkWidget *chart = bs_test_child (GTK_WIDGET (f->page), BS_TYPE_HISTORY_PAGE, "chart");
  GtkWidget *list_view = bs_test_child (GTK_WIDGET (f->page), BS_TYPE_HISTORY_PAGE, "list_view");
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  guint n_days = 0;

  /* The log: every entry, and a heading for each day with one. */
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), >, N_DAYS);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);
      n_days += BS_IS_HISTORY_DAY (item);
    }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (entries (f)) + n_days);
  g_assert_cmpuint (n_days, <=, N_DAYS);
  bs_history_page_show_view (f->page, "log");
  bs_test_wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->page), "Today"));
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->page), "Core strength test"));
  figure = bs_history_entry_dup_figure (latest);
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->page), figure));

  /* The chart says in words what it draws. */
  bs_core_summary_init (&summary, (const BsChartPoint *) points->data, points->len);
  expected_summary = bs_core_summary_to_text (&summary, tz);
  g_assert_cmpuint (summary.n, ==, (N_DAYS + 13) / 14);
  g_assert_true (g_str_has_prefix (expected_summary, "9 core tests. Best: "));
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->page), "Current streak"));
  assert_description (chart, expected_summary);

  /* Assessments: newest first, each with what changed. */
  bs_history_page_show_view (f->page, "assessments");
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (count_kind (f, BS_HISTORY_ASSESSMENT), ==, 2);
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->page), "The first self-assessment recorded"));
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->page), "Since the one before"));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  bs_history_page_show_view (f->page, "log");
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->page), "Nothing Recorded Yet"));
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->page), "No Self-Assessments Yet"));
  assert_description (bs_test_child (GTK_WIDGET (f->page), BS_TYPE_HISTORY_PAGE, "chart"),
                      "No core tests yet.");
}

/* A note is kept in the file; a note too long is refused and not kept. */
static void
test_note_and_delete_with_undo (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(BsHistoryEntry) entry = latest_core_test (f);
  g_autofree char *uuid = g_strdup (bs_history_entry_get_uuid (entry));
  guint n = g_list_model_get_n_items (entries (f));
  BsEntryWindow *window = bs_history_page_open_entry (f->page, entry);
  GtkWidget *note_row = bs_test_child (GTK_WIDGET (window), BS_TYPE_ENTRY_WINDOW, "note_row");
  g_autofree char *too_long = g_strnfill (BS_HISTORY_NOTE_MAX_CHARS + 1, 'x');
  GtkWidget *undo;

  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (window), "Plank on your elbows"));
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Left hip tight at stage 4");
  g_signal_emit_by_name (note_row, "apply");
  g_assert_cmpstr (bs_history_entry_get_note (entry), ==, "Left hip tight at stage 4");

  gtk_editable_set_text (GTK_EDITABLE (note_row), too_long);
  g_signal_emit_by_name (note_row, "apply");
  bs_test_settle ();
  g_assert_true (gtk_widget_has_css_class (note_row, "error"));
  g_assert_cmpstr (bs_history_entry_get_note (entry), ==, "Left hip tight at stage 4");
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);

  /* Delete from the window; the toast's Undo brings it back whole. */
  bs_test_click (bs_test_find_button (GTK_WIDGET (window), "Delete Entry"));
  bs_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), ==, n - 1);
  g_assert_null (bs_history_find_uuid (f->history, uuid));
  undo = bs_test_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  bs_test_click (undo);
  bs_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), ==, n);
  g_assert_nonnull (bs_history_find_uuid (f->history, uuid));
  g_assert_cmpstr (bs_history_entry_get_note (bs_history_find_uuid (f->history, uuid)), ==,
                   "Left hip tight at stage 4");
}

static char *
read_text (const char *path)
{
  char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static guint
count_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  return g_strv_length (lines) - 1;
}

/* Export to all three formats; delete everything; import the JSON back. */
static void
test_export_delete_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "summary.pdf", NULL);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) parent = g_file_new_for_path (f->dir);
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sessions_csv = NULL, *assessments_csv = NULL, *pdf_text = NULL;
  guint n = g_list_model_get_n_items (entries (f));
  guint n_sessions = count_kind (f, BS_HISTORY_SESSION);
  guint n_added = 0;
  AdwMessageDialog *confirm = NULL;

  g_assert_true (bs_history_page_export_json_to (f->page, json, &error));
  g_assert_no_error (error);
  csv = bs_history_page_export_csv_into (f->page, parent, &error);
  g_assert_no_error (error);
  g_assert_true (bs_history_page_export_pdf_to (f->page, pdf, &error));
  g_assert_no_error (error);

  {
    g_autofree char *dir = g_file_get_path (csv);
    g_autofree char *sessions_path = g_build_filename (dir, "sessions.csv", NULL);
    g_autofree char *assessments_path = g_build_filename (dir, "assessments.csv", NULL);

    sessions_csv = read_text (sessions_path);
    assessments_csv = read_text (assessments_path);
  }
  g_assert_cmpuint (count_lines (sessions_csv), ==, n_sessions + 1);
  g_assert_cmpuint (count_lines (assessments_csv), ==, n - n_sessions + 1);
  g_assert_nonnull (strstr (sessions_csv, ",core-test,Core strength test,test,"));
  pdf_text = read_text (pdf_path);
  g_assert_true (g_str_has_prefix (pdf_text, "%PDF-"));

  /* Delete all asks first. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "history.delete-all", NULL);
  bs_test_settle ();
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      confirm = l->data;
  g_assert_nonnull (confirm);
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), ==, n);
  adw_message_dialog_response (confirm, "delete");
  bs_test_settle ();
  gtk_window_destroy (GTK_WINDOW (confirm));
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), ==, 0);
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (f->page), "Nothing Recorded Yet"));

  /* Import restores every entry; importing again adds nothing. */
  g_assert_true (bs_history_page_import_from (f->page, json, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, n);
  g_assert_true (bs_history_page_import_from (f->page, json, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), ==, n);
}

/* A run in the window is written as it goes and when it ends. */
static void
test_run_is_recorded (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *session_page;
  BsHistoryEntry *entry;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.start-routine", "(ssu)",
                              "core-test", "standard", 0);
  bs_test_settle ();
  session_page = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "session_page");

  /* Through the lead-in and the opening plank: a checkpoint is there. */
  bs_fake_clock_advance (BS_FAKE_CLOCK (test_clock), (10 + 60 + 5) * SEC);
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), ==, 1);
  entry = g_list_model_get_item (entries (f), 0);
  g_object_unref (entry);
  g_assert_cmpint (bs_history_entry_get_outcome (entry), ==, BS_OUTCOME_IN_PROGRESS);
  g_assert_cmpint (bs_history_entry_get_stage (entry, 1)->held_ms, ==, 60000);

  /* "I had to stop" in stage 2. */
  bs_test_press_key (session_page, GDK_KEY_Return);
  bs_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), ==, 1);
  g_assert_cmpint (bs_history_entry_get_outcome (entry), ==, BS_OUTCOME_STOPPED_EARLY);
  g_assert_cmpuint (bs_history_entry_get_stage_reached (entry), ==, 2);
  g_assert_cmpint (bs_history_entry_get_stage (entry, 2)->held_ms, ==, 5000);

  /* A run abandoned part-way (here by starting again) leaves nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.restart", NULL);
  bs_fake_clock_advance (BS_FAKE_CLOCK (test_clock), (10 + 60 + 5) * SEC);
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "window.restart", NULL);
  bs_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (entries (f)), ==, 1);
  g_assert_cmpint (bs_history_entry_get_outcome (entry), ==, BS_OUTCOME_STOPPED_EARLY);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();

  g_test_add ("/history-page/views", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_views, fixture_tear_down);
  g_test_add ("/history-page/empty", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/history-page/note-and-delete", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_note_and_delete_with_undo, fixture_tear_down);
  g_test_add ("/history-page/export-delete-import", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_export_delete_import, fixture_tear_down);
  g_test_add ("/history-page/run-is-recorded", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_run_is_recorded, fixture_tear_down);

  return g_test_run ();
}
