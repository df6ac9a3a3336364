/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "bs-clinic.h"
#include "bs-clinic-window.h"
#include "bs-error.h"
#include "bs-history-fixture.h"
#include "bs-test-util.h"

/*
 * The administrator's window on a real clinic database under Xvfb: the
 * patients listed with their counts, the search, the spreadsheet and a
 * patient's PDF written through the same code as the buttons, deleting a
 * patient through the button and its question, the empty clinic, and a
 * name for every control.
 */

static BsClock *test_clock;
static BsApplication *test_app;

static const char * const codes[] = { "P-1042", "Q-7", "B-2", "K-310", "M-58" };

typedef struct
{
  char *dir;
  char *path;
  BsHistory *store;
  GtkWindow *parent;
  BsClinicWindow *window;
  guint n_results;
} Fixture;

/* Forty days of plausible use, shared out among the patients. */
static void
seed (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last_day = g_date_time_new_local (2026, 11, 20, 0, 0, 0);
  g_autoptr(GPtrArray) entries = bs_history_fixture_generate (40, last_day, 7);

  for (guint i = 0; i < entries->len; i++)
    bs_history_entry_set_patient_code (g_ptr_array_index (entries, i),
                                       codes[i % G_N_ELEMENTS (codes)]);
  g_assert_true (bs_history_import (f->store, entries, &f->n_results, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_results, ==, entries->len);
  g_assert_cmpuint (f->n_results, >=, 2 * G_N_ELEMENTS (codes));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("backstay-clinic-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = bs_history_open (f->path, &error);
  g_assert_no_error (error);
  if (GPOINTER_TO_INT (data))
    seed (f);

  /* Any window will do as the parent: the main window's own state is
   * not what is tested here. */
  f->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->parent, 800, 700);
  gtk_window_present (f->parent);
  f->window = BS_CLINIC_WINDOW (bs_clinic_window_new (f->parent, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
  bs_test_wait_frames (GTK_WIDGET (f->window), 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  gtk_window_destroy (f->parent);
  bs_test_settle ();
  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
  g_free (f->path);
}

static guint
n_results_of (Fixture    *f,
              const char *code)
{
  g_autoptr(GListModel) entries = bs_clinic_dup_entries_of (bs_history_get_entries (f->store), code);

  return g_list_model_get_n_items (entries);
}

static GtkWidget *
patient_list (Fixture *f)
{
  return bs_test_child (GTK_WIDGET (f->window), BS_TYPE_CLINIC_WINDOW, "patient_list");
}

static guint
n_rows (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (patient_list (f)); row;
       row = gtk_widget_get_next_sibling (row))
    n += ADW_IS_ACTION_ROW (row);
  return n;
}

static GtkWidget *
find_tooltip_button (GtkWidget  *root,
                     const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip_button (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  GtkLabel *summary = GTK_LABEL (bs_test_child (root, BS_TYPE_CLINIC_WINDOW, "summary_label"));
  GtkLabel *path = GTK_LABEL (bs_test_child (root, BS_TYPE_CLINIC_WINDOW, "path_label"));
  GtkStack *stack = GTK_STACK (bs_test_child (root, BS_TYPE_CLINIC_WINDOW, "stack"));
  g_autofree char *expected_summary = g_strdup_printf ("5 patients · %u results", f->n_results);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->window)) == f->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Clinic Results");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpstr (gtk_label_get_label (summary), ==, expected_summary);
  g_assert_nonnull (strstr (gtk_label_get_label (path), f->path));

  g_assert_cmpuint (n_rows (f), ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      GtkWidget *row = bs_test_find_row (root, codes[i]);
      g_autofree char *count = g_strdup_printf ("%u results · last visit ", n_results_of (f, codes[i]));

      g_assert_nonnull (row);
      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), count));
      g_assert_nonnull (find_tooltip_button (row, "Export Report…"));
      g_assert_nonnull (find_tooltip_button (row, "Delete…"));
    }

  /* A visit kept while the window is open shows at once. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 21, 0, 0, 0);
    g_autoptr(GPtrArray) visit = bs_history_fixture_generate (1, day, 3);
    BsHistoryEntry *entry;

    g_assert_cmpuint (visit->len, >, 0);
    entry = g_ptr_array_index (visit, 0);
    bs_history_entry_set_patient_code (entry, "N-1");
    g_assert_true (bs_history_save (f->store, entry, &error));
    g_assert_no_error (error);
    bs_test_settle ();
    g_assert_nonnull (bs_test_find_row (root, "N-1"));
    g_assert_cmpuint (n_rows (f), ==, G_N_ELEMENTS (codes) + 1);
    g_assert_true (g_str_has_prefix (gtk_label_get_label (summary), "6 patients · "));
  }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  GListModel *shown = bs_clinic_window_get_shown (f->window);
  GtkWidget *placeholder;

  /* Typed as the therapist would, in any case. */
  bs_clinic_window_set_search (f->window, "p-10");
  bs_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_nonnull (bs_test_find_row (root, "P-1042"));
  g_assert_null (bs_test_find_row (root, "Q-7"));

  bs_clinic_window_set_search (f->window, "-");
  bs_test_settle ();
  g_assert_cmpuint (n_rows (f), ==, G_N_ELEMENTS (codes));

  bs_clinic_window_set_search (f->window, "ZZ-9");
  bs_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_true (bs_test_tree_contains_text (patient_list (f), "No patient code contains “ZZ-9”"));
  placeholder = gtk_widget_get_first_child (patient_list (f));
  g_assert_true (GTK_IS_LABEL (placeholder) && gtk_widget_get_visible (placeholder));

  bs_clinic_window_set_search (f->window, "");
  bs_test_settle ();
  g_assert_cmpuint (n_rows (f), ==, G_N_ELEMENTS (codes));
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "backstay-clinic-2026-11-22.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint per_code[G_N_ELEMENTS (codes)] = { 0 };

  g_assert_true (bs_clinic_window_export_csv_to (f->window, file, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  text[strlen (text) - 2] = '\0';
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, f->n_results + 1);
  g_assert_cmpstr (lines[0], ==, "patient_code,date_time,kind,routine,outcome,result");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 3);
      gboolean known = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
        if (g_str_equal (fields[0], codes[c]))
          {
            per_code[c]++;
            known = TRUE;
          }
      g_assert_true (known);
      /* Local time with its offset. */
      g_assert_cmpuint (strlen (fields[1]), ==, strlen ("2026-11-20T07:30:00+01:00"));
    }
  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    g_assert_cmpuint (per_code[c], ==, n_results_of (f, codes[c]));
}

static char *
pdf_to_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_export_report (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "backstay-P-1042.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_build_filename (f->dir, "nobody.pdf", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;

  g_assert_true (bs_clinic_window_export_report_to (f->window, "P-1042", file, &error));
  g_assert_no_error (error);
  bytes = read_text (path);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

  text = pdf_to_text (path);
  g_assert_nonnull (strstr (text, "Patient code: P-1042"));
  g_assert_nonnull (strstr (text, "the clinic keeps under this code"));
  for (guint c = 1; c < G_N_ELEMENTS (codes); c++)
    g_assert_null (strstr (text, codes[c]));

  /* A code with no results makes no report. */
  g_assert_false (bs_clinic_window_export_report_to (f->window, "Z-0", other, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (other, NULL));
}

static int
rows_in_file (Fixture    *f,
              const char *code)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM entries WHERE patient_code = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static AdwMessageDialog *
shown_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  guint n_p = n_results_of (f, "P-1042");
  g_autofree char *count = g_strdup_printf ("All %u results kept under P-1042", n_p);
  AdwMessageDialog *question;
  GtkWidget *row;

  g_assert_cmpint (rows_in_file (f, "P-1042"), ==, n_p);

  /* Asked first; Cancel keeps everything. */
  row = bs_test_find_row (root, "P-1042");
  bs_test_click (find_tooltip_button (row, "Delete…"));
  question = shown_question ();
  g_assert_nonnull (question);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (question)) == GTK_WINDOW (f->window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (question), "P-1042"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), count));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (question, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  bs_test_click (bs_test_find_button (GTK_WIDGET (question), "Cancel"));
  g_assert_null (shown_question ());
  g_assert_nonnull (bs_test_find_row (root, "P-1042"));
  g_assert_cmpint (rows_in_file (f, "P-1042"), ==, n_p);

  /* Delete: gone from the list and the file, the others kept. */
  row = bs_test_find_row (root, "P-1042");
  bs_test_click (find_tooltip_button (row, "Delete…"));
  question = shown_question ();
  g_assert_nonnull (question);
  bs_test_click (bs_test_find_button (GTK_WIDGET (question), "Delete"));
  g_assert_null (shown_question ());
  g_assert_null (bs_test_find_row (root, "P-1042"));
  g_assert_cmpuint (n_rows (f), ==, G_N_ELEMENTS (codes) - 1);
  g_assert_cmpint (rows_in_file (f, "P-1042"), ==, 0);
  for (guint c = 1; c < G_N_ELEMENTS (codes); c++)
    {
      g_assert_nonnull (bs_test_find_row (root, codes[c]));
      g_assert_cmpint (rows_in_file (f, codes[c]), ==, n_results_of (f, codes[c]));
      g_assert_cmpint (rows_in_file (f, codes[c]), >, 0);
    }

  /* The test function does the same, for a code the search hides too. */
  {
    g_autoptr(GError) error = NULL;

    bs_clinic_window_set_search (f->window, "K-");
    g_assert_true (bs_clinic_window_delete_patient (f->window, "Q-7", &error));
    g_assert_no_error (error);
    bs_clinic_window_set_search (f->window, "");
    bs_test_settle ();
    g_assert_null (bs_test_find_row (root, "Q-7"));
    g_assert_cmpint (rows_in_file (f, "Q-7"), ==, 0);
    g_assert_cmpuint (n_rows (f), ==, G_N_ELEMENTS (codes) - 2);
  }
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  GtkStack *stack = GTK_STACK (bs_test_child (root, BS_TYPE_CLINIC_WINDOW, "stack"));
  GtkWidget *export_all = bs_test_child (root, BS_TYPE_CLINIC_WINDOW, "export_all_button");
  AdwStatusPage *empty = ADW_STATUS_PAGE (bs_test_child (root, BS_TYPE_CLINIC_WINDOW, "empty_page"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Clinic Results Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "patient code"));
  g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (empty), f->path));
  g_assert_false (gtk_widget_get_sensitive (export_all));
  g_assert_cmpuint (n_rows (f), ==, 0);
}

static gboolean
is_named (GtkWidget *widget)
{
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

  return (label != NULL && *label != '\0') ||
         gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed,
                 guint     *n_checked)
{
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return;
  if (GTK_IS_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_LIST_BOX (widget))
    {
      (*n_checked)++;
      if (!is_named (widget))
        g_string_append_printf (unnamed, " %s", G_OBJECT_TYPE_NAME (widget));
      /* An icon says nothing by itself: it has a tooltip too. */
      if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL &&
          gtk_widget_get_tooltip_text (widget) == NULL)
        g_string_append_printf (unnamed, " %s(no tooltip)", G_OBJECT_TYPE_NAME (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_checked);
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  GtkWidget *row = bs_test_find_row (GTK_WIDGET (f->window), "Q-7");
  guint n_checked = 0;

  collect_unnamed (GTK_WIDGET (f->window), unnamed, &n_checked);
  g_assert_cmpstr (unnamed->str, ==, "");
  /* The header's button, the search, the list, and two buttons a row. */
  g_assert_cmpuint (n_checked, >=, 3 + 2 * G_N_ELEMENTS (codes));

  gtk_test_accessible_assert_property (find_tooltip_button (row, "Delete…"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Delete Results of Q-7…");
  gtk_test_accessible_assert_property (find_tooltip_button (row, "Export Report…"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Export Report for Q-7…");
  gtk_test_accessible_assert_property (bs_test_child (GTK_WIDGET (f->window), BS_TYPE_CLINIC_WINDOW,
                                                      "export_all_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Export All as CSV…");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();

#define ADD(name, seeded, func) \
  g_test_add ("/clinic-window/" name, Fixture, GINT_TO_POINTER (seeded), fixture_set_up, func, \
              fixture_tear_down)
  ADD ("list", TRUE, test_list);
  ADD ("search", TRUE, test_search);
  ADD ("export-csv", TRUE, test_export_csv);
  ADD ("export-report", TRUE, test_export_report);
  ADD ("delete", TRUE, test_delete);
  ADD ("empty", FALSE, test_empty);
  ADD ("accessible", TRUE, test_accessible);
#undef ADD

  return g_test_run ();
}
