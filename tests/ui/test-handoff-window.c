/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bs-error.h"
#include "bs-handoff.h"
#include "bs-handoff-print.h"
#include "bs-handoff-window.h"
#include "bs-qr-view.h"
#include "bs-result.h"
#include "bs-schedule.h"
#include "bs-test-util.h"

/*
 * The hand-off under Xvfb: the QR code, drawn as the screen and the
 * printed page draw it, is read back by a real decoder (zbarimg) and must
 * give the text exactly, umlauts included; the printed page, exported to
 * PDF, carries the title and the text (pdftotext) and a readable code
 * (pdftoppm, then zbarimg); the window names its controls and fits a
 * 360 px wide screen, at large text too; with no printer, the kiosk says
 * what to do.  zbar-tools and poppler-utils are test dependencies: without
 * them these tests fail, they do not skip.
 */

static char *test_dir;

static const char german_text[] =
  "Backstay: Rückenübung für Läufer\n"
  "3. Mai 2024, 14:05\n"
  "Gute Rumpfkraft: Sie haben alle 8 Stufen gehalten (3:00).\n"
  "Plan: Rumpf dreimal pro Woche kräftigen; Oberschenkelrückseite täglich dehnen.\n"
  "Keine Diagnose. Im Zweifel: ärztlich abklären – süß, groß, Öl, Ärger.";

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_test_fail_printf ("%s is missing: it is a test dependency (install zbar-tools and "
                        "poppler-utils, as tools/dev does)", name);
  return path != NULL;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("%s: %s %s", argv[0], error->message, err ? err : "");
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* The text of the one QR code in a PNG, as zbarimg reads it. */
static char *
decode_png (const char *path)
{
  const char *argv[] = { "zbarimg", "--quiet", "--raw", path, NULL };
  char *text = run_tool (argv);

  /* --raw ends each code's text with a line break of its own. */
  if (text != NULL && g_str_has_suffix (text, "\n"))
    text[strlen (text) - 1] = '\0';
  return text;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static void
assert_draw_decodes (const char *text,
                     const char *name,
                     int         module_px)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsQrCode) code = bs_qr_code_new (text, &error);
  g_autofree char *path = tmp_path (name);
  g_autofree char *decoded = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int size;

  g_assert_no_error (error);
  size = (int) bs_qr_get_n_modules (code) * module_px;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cr = cairo_create (surface);
  bs_qr_draw (cr, code, size);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  decoded = decode_png (path);
  g_assert_cmpstr (decoded, ==, text);
}

static BsHistoryEntry *
make_core_entry (guint stage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_resource (RESOURCE_BASE
                                                               "/routines/core-test.json", &error);
  g_autoptr(BsSchedule) schedule = NULL;
  g_autoptr(BsResult) result = NULL;
  g_autoptr(GDateTime) started = g_date_time_new_now_local ();
  g_autofree gint64 *held = NULL;
  g_autofree gboolean *skipped = NULL;
  guint n, last = 0;

  g_assert_no_error (error);
  schedule = bs_schedule_new (routine, "standard", 0, 10, &error);
  g_assert_no_error (error);
  n = bs_schedule_get_n_segments (schedule);
  held = g_new0 (gint64, n);
  skipped = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);

      if (segment->stage > 0 && segment->stage < stage)
        held[i] = (gint64) segment->duration * 1000;
      else if (segment->stage == stage)
        {
          held[i] = 4000;
          last = i;
        }
    }
  result = bs_result_new (schedule, FALSE, held, skipped, last, started, started);
  return bs_history_entry_new_session (result, BS_OUTCOME_STOPPED_EARLY);
}

static void
test_qr_draw_decodes (void)
{
  g_autoptr(BsHistoryEntry) entry = make_core_entry (5);
  g_autofree char *summary = bs_handoff_dup_text (entry, NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);

  if (!have_tool ("zbarimg"))
    return;

  assert_draw_decodes (summary, "summary.png", 4);
  assert_draw_decodes (german_text, "german.png", 4);
  /* Near the limit of a hand-off text, and at 3 px a module. */
  while (long_text->len < BS_HANDOFF_MAX_BYTES - 40)
    g_string_append (long_text, "Übung für Rücken und Hüfte; ");
  g_string_append (long_text, "Ende.");
  assert_draw_decodes (long_text->str, "long.png", 3);
}

/* The widget itself, in a window, in light and dark style: the code stays
 * black on white, and what the screen shows decodes. */
static void
test_qr_view_decodes (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };

  if (!have_tool ("zbarimg"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BsQrCode) code = bs_qr_code_new (german_text, &error);
      g_autofree char *path = tmp_path (i == 0 ? "view-light.png" : "view-dark.png");
      g_autofree char *decoded = NULL;
      GtkWidget *window = gtk_window_new ();
      GtkWidget *view = bs_qr_view_new ();
      int minimum, natural;

      g_assert_no_error (error);
      adw_style_manager_set_color_scheme (style, schemes[i]);
      bs_qr_view_set_code (BS_QR_VIEW (view), code);
      g_assert_true (bs_qr_view_get_code (BS_QR_VIEW (view)) == code);
      gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      /* Whole pixels a module, the quiet zone included. */
      g_assert_cmpint (natural % bs_qr_get_n_modules (code), ==, 0);
      g_assert_cmpint (minimum, <=, 240);
      g_assert_cmpint (natural, <=, 320);
      g_assert_cmpint (natural, >=, 3 * (int) bs_qr_get_n_modules (code));

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "QR code of your result");
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, german_text);

      gtk_window_set_child (GTK_WINDOW (window), view);
      gtk_window_present (GTK_WINDOW (window));
      bs_test_wait_frames (window, 3);
      g_assert_true (bs_test_save_png (window, path, &error));
      g_assert_no_error (error);
      decoded = decode_png (path);
      g_assert_cmpstr (decoded, ==, german_text);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_print_pdf (void)
{
  g_autoptr(BsHistoryEntry) entry = make_core_entry (5);
  g_autofree char *text = bs_handoff_dup_text (entry, NULL);
  g_autofree char *title = bs_handoff_dup_title (entry);
  g_autofree char *pdf = tmp_path ("page.pdf");
  g_autofree char *png_base = tmp_path ("page");
  g_autofree char *png = tmp_path ("page.png");
  g_autofree char *words = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *flat = NULL;

  if (!have_tool ("pdftotext") || !have_tool ("pdftoppm") || !have_tool ("zbarimg"))
    return;

  g_assert_true (bs_handoff_print_export_pdf (title, text, file, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    words = run_tool (argv);
  }
  g_assert_nonnull (words);
  /* Lines may wrap on paper: compare with the breaks as spaces. */
  flat = g_strdelimit (g_strdup (words), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Your result: Core strength test"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", -1);

      /* Each word of the line, in order. */
      for (guint j = 0; parts[j] != NULL; j++)
        g_assert_nonnull (strstr (flat, parts[j]));
    }
  g_assert_nonnull (strstr (flat, "Made with Backstay. Not a diagnosis."));
  g_assert_nonnull (strstr (flat, "Scan with your phone"));

  {
    const char *argv[] = { "pdftoppm", "-r", "150", "-png", "-singlefile", pdf, png_base, NULL };
    g_autofree char *out = run_tool (argv);

    g_assert_nonnull (out);
  }
  decoded = decode_png (png);
  g_assert_cmpstr (decoded, ==, text);
}

/* With only the "Print to File" printer, which GTK never prints on
 * without a dialog, the kiosk has no printer: it says so, in words a
 * patient can act on. */
static void
test_print_no_printer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backends = NULL;
  GtkSettings *settings = gtk_settings_get_default ();

  g_object_get (settings, "gtk-print-backends", &backends, NULL);
  g_object_set (settings, "gtk-print-backends", "file", NULL);

  g_assert_false (bs_handoff_print_run (NULL, "Your result", german_text, FALSE, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No printer is set up here. Ask a member of staff.");
  g_clear_error (&error);

  /* Too long for a QR code: an error, before any printing. */
  {
    g_autofree char *too_long = g_strnfill (5000, 'x');

    g_assert_false (bs_handoff_print_run (NULL, "Your result", too_long, FALSE, &error));
    g_assert_error (error, BS_ERROR, BS_ERROR_RANGE);
  }

  g_object_set (settings, "gtk-print-backends", backends, NULL);
}

static GtkWidget *
open_window (BsHistoryEntry *entry,
             gboolean        kiosk,
             int             width)
{
  GtkWidget *window = bs_handoff_window_new (NULL, entry, kiosk);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 900);
  gtk_window_present (GTK_WINDOW (window));
  bs_test_wait_frames (window, 3);
  return window;
}

static void
test_window_kiosk_no_printer (void)
{
  g_autoptr(BsHistoryEntry) entry = make_core_entry (3);
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *backends = NULL;
  GtkWidget *window = open_window (entry, TRUE, 360);
  GtkWidget *print = bs_test_child (window, BS_TYPE_HANDOFF_WINDOW, "print_button");
  GtkWidget *error_label = bs_test_child (window, BS_TYPE_HANDOFF_WINDOW, "error_label");
  g_autofree char *path = tmp_path ("window-kiosk-no-printer.png");
  g_autoptr(GError) error = NULL;

  g_object_get (settings, "gtk-print-backends", &backends, NULL);
  g_object_set (settings, "gtk-print-backends", "file", NULL);

  g_assert_false (gtk_widget_get_visible (error_label));
  bs_test_click (print);
  /* Printing runs on the main loop; the button waits for it. */
  while (!gtk_widget_get_sensitive (print))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==,
                   "No printer is set up here. Ask a member of staff.");
  /* No print dialog, and so no file chooser, was opened. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  bs_test_wait_frames (window, 2);
  g_assert_true (bs_test_save_png (window, path, &error));
  g_assert_no_error (error);

  g_object_set (settings, "gtk-print-backends", backends, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  bs_test_settle ();
}

static void
test_window_layout (void)
{
  g_autoptr(BsHistoryEntry) entry = make_core_entry (5);
  g_autofree char *expected = bs_handoff_dup_text (entry, NULL);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi;

  if (!have_tool ("zbarimg"))
    return;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  for (guint i = 0; i < 3; i++)
    {
      /* Light; dark; large text (GNOME's 1.25 text scale). */
      gboolean dark = i == 1, large = i == 2;
      g_autofree char *path = tmp_path (dark ? "window-dark.png"
                                        : large ? "window-large.png" : "window-light.png");
      g_autofree char *decoded = NULL;
      g_autoptr(GError) error = NULL;
      GtkWidget *window, *print, *close, *view, *text_label, *content;
      graphene_rect_t bounds;
      int minimum, natural;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      g_object_set (settings, "gtk-xft-dpi", large ? 96 * 1024 * 5 / 4 : dpi, NULL);
      window = open_window (entry, FALSE, 360);
      print = bs_test_child (window, BS_TYPE_HANDOFF_WINDOW, "print_button");
      close = bs_test_find_button (window, "Close");
      view = bs_test_child (window, BS_TYPE_HANDOFF_WINDOW, "qr_view");
      text_label = bs_test_child (window, BS_TYPE_HANDOFF_WINDOW, "text_label");

      /* What the window shows, the code decodes to. */
      g_assert_true (bs_test_save_png (window, path, &error));
      g_assert_no_error (error);
      decoded = decode_png (path);
      g_assert_cmpstr (decoded, ==, expected);

      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Take Your Result Home");
      g_assert_cmpstr (bs_handoff_window_get_text (BS_HANDOFF_WINDOW (window)), ==, expected);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (text_label)), ==, expected);
      g_assert_false (gtk_label_get_selectable (GTK_LABEL (text_label)));
      g_assert_true (bs_test_tree_contains_text (window, "Scan with your phone’s camera"));

      /* Names for every control, and touch-sized buttons. */
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Print your result");
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "QR code of your result");
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
      g_assert_nonnull (close);
      g_assert_true (gtk_widget_compute_bounds (print, print, &bounds));
      g_assert_cmpfloat (bounds.size.height, >=, 48);
      g_assert_true (gtk_widget_compute_bounds (close, close, &bounds));
      g_assert_cmpfloat (bounds.size.height, >=, 48);
      g_assert_true (gtk_widget_get_sensitive (print));

      /* It fits a 360 px wide screen. */
      content = adw_window_get_content (ADW_WINDOW (window));
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      g_assert_cmpint (natural, <=, 360);
      g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
      g_assert_cmpint (gtk_widget_get_width (view), <=, 336);
      g_assert_cmpint (gtk_widget_get_width (view), >=, 200);


      gtk_window_destroy (GTK_WINDOW (window));
      bs_test_settle ();
    }
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run (tools/dev test does)");
      return g_test_run ();
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  test_dir = g_dir_make_tmp ("backstay-handoff-XXXXXX", NULL);
  g_assert_nonnull (test_dir);

  g_test_add_func ("/handoff/qr/draw-decodes", test_qr_draw_decodes);
  g_test_add_func ("/handoff/qr/view-decodes", test_qr_view_decodes);
  g_test_add_func ("/handoff/print/pdf", test_print_pdf);
  g_test_add_func ("/handoff/print/no-printer", test_print_no_printer);
  g_test_add_func ("/handoff/window/layout", test_window_layout);
  g_test_add_func ("/handoff/window/kiosk-no-printer", test_window_kiosk_no_printer);

  status = g_test_run ();
  /* BACKSTAY_KEEP_TEST_FILES keeps the pictures, to look at them. */
  if (g_getenv ("BACKSTAY_KEEP_TEST_FILES") == NULL)
    remove_tree (test_dir);
  else
    g_printerr ("# pictures kept in %s\n", test_dir);
  g_free (test_dir);
  return status;
}
