/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The core test chart and the stretching calendar in a real window under
 * Xvfb, as narrow as a phone: what a screen reader is told, what the keys
 * show, and that both draw something, in the light and the dark style.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gstdio.h>

#include "bs-adherence-grid.h"
#include "bs-history-chart.h"
#include "bs-history-entry-private.h"
#include "bs-history-stats.h"
#include "bs-routine.h"
#include "bs-test-util.h"

static BsClock *test_clock;
static BsApplication *test_app;
static char *test_dir;

typedef struct
{
  GtkWindow *window;
  GtkWidget *box;
  GListStore *store;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  f->store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (f->window, GTK_APPLICATION (test_app));
  gtk_window_set_default_size (f->window, 360, 640);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  f->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_start (f->box, 12);
  gtk_widget_set_margin_end (f->box, 12);
  gtk_widget_set_margin_top (f->box, 12);
  gtk_widget_set_margin_bottom (f->box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), f->box);
  gtk_window_set_child (f->window, scrolled);
}

static void
show (Fixture *f)
{
  gtk_window_present (f->window);
  bs_test_wait_frames (GTK_WIDGET (f->window), 3);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  bs_test_app_close_windows (test_app);
  g_clear_object (&f->store);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  bs_test_settle ();
}

static GDateTime *
parse_time (const char *iso)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (parsed);
  return g_date_time_to_utc (parsed);
}

static void
add_core_test (GListStore *store,
               const char *when,
               guint       held_s,
               guint       stage_reached,
               guint       level)
{
  g_autoptr(BsHistoryEntry) entry = bs_history_entry_new_empty (BS_HISTORY_SESSION);
  guint n_stages = 6;
  gint64 left = (gint64) held_s * 1000;

  entry->started_at = parse_time (when);
  entry->ended_at = g_date_time_add_seconds (entry->started_at, held_s);
  entry->routine_id = g_strdup (BS_CORE_TEST_ROUTINE_ID);
  entry->routine_name = g_strdup ("Core strength test");
  entry->category = g_strdup (BS_CATEGORY_TEST);
  entry->form_id = g_strdup ("standard");
  entry->form_name = g_strdup ("Three-minute form");
  entry->level = level;
  entry->outcome = held_s >= 180 ? BS_OUTCOME_COMPLETED : BS_OUTCOME_STOPPED_EARLY;
  entry->scored = TRUE;
  entry->stage_reached = stage_reached;
  entry->target_seconds = 180;
  g_array_set_size (entry->stages, n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      BsStageRecord *record = &g_array_index (entry->stages, BsStageRecord, i);

      record->seconds = 30;
      record->held_ms = MIN (left, 30000);
      left -= record->held_ms;
    }
  /* Newest first, as the store keeps them. */
  g_list_store_insert (store, 0, entry);
}

static void
add_session (GListStore *store,
             const char *when,
             const char *category)
{
  g_autoptr(BsHistoryEntry) entry = bs_history_entry_new_empty (BS_HISTORY_SESSION);

  entry->started_at = parse_time (when);
  entry->ended_at = g_date_time_add_seconds (entry->started_at, 600);
  entry->routine_id = g_strdup (category);
  entry->routine_name = g_strdup (category);
  entry->category = g_strdup (category);
  entry->outcome = BS_OUTCOME_COMPLETED;
  g_array_set_size (entry->stages, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_array_index (entry->stages, BsStageRecord, i).seconds = 60;
      g_array_index (entry->stages, BsStageRecord, i).held_ms = 60000;
    }
  g_list_store_insert (store, 0, entry);
}

static void
assert_accessible (GtkWidget                *widget,
                   GtkAccessibleProperty     property,
                   const char               *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  property, expected);

  if (mismatch != NULL)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (widget), mismatch);
}

static const char *
details_text (GtkWidget *chart)
{
  GtkWidget *label = gtk_widget_get_first_child (chart);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* GTK 4 cannot inject pointer events: the chart's motion controller is
 * told what it would be told. */
static void
emit_motion (GtkWidget  *widget,
             const char *signal,
             double      x,
             double      y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        continue;
      if (g_str_equal (signal, "motion"))
        g_signal_emit_by_name (controller, "motion", x, y);
      else
        g_signal_emit_by_name (controller, signal);
      bs_test_settle ();
      return;
    }
  g_error ("%s has no motion controller", G_OBJECT_TYPE_NAME (widget));
}

static void
test_chart_keys_and_summary (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *chart = bs_history_chart_new ();

  add_core_test (f->store, "2026-05-03T07:00:00Z", 180, 6, 0);
  add_core_test (f->store, "2026-06-10T07:00:00Z", 150, 6, 10);
  add_core_test (f->store, "2026-11-20T18:00:00Z", 132, 5, 0);
  bs_history_chart_set_entries (BS_HISTORY_CHART (chart), G_LIST_MODEL (f->store));
  gtk_box_append (GTK_BOX (f->box), chart);
  show (f);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  assert_accessible (chart, GTK_ACCESSIBLE_PROPERTY_LABEL, "Core test results");
  assert_accessible (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                     "3 core tests. Best: 180 of 180 seconds on 3 May 2026. "
                     "Latest: 132 of 180 seconds, stage 5 of 6, on 20 November 2026.");

  /* Nothing is picked yet: the line says how to pick. */
  g_assert_cmpstr (details_text (chart), ==,
                   "Point at a result, or use the arrow keys, to see its details.");

  gtk_widget_grab_focus (chart);
  g_assert_true (gtk_window_get_focus (f->window) == chart);
  g_assert_true (bs_test_press_key (chart, GDK_KEY_Right));
  g_assert_cmpstr (details_text (chart), ==,
                   "20 November 2026: 132 of 180 s, stage 5 of 6, Three-minute form, standard level");
  g_assert_true (bs_test_press_key (chart, GDK_KEY_Home));
  g_assert_cmpstr (details_text (chart), ==,
                   "3 May 2026: 180 of 180 s, all 6 stages held, Three-minute form, standard level");
  g_assert_true (bs_test_press_key (chart, GDK_KEY_Left));
  g_assert_cmpstr (details_text (chart), ==,
                   "3 May 2026: 180 of 180 s, all 6 stages held, Three-minute form, standard level");
  g_assert_true (bs_test_press_key (chart, GDK_KEY_Right));
  g_assert_cmpstr (details_text (chart), ==,
                   "10 June 2026: 150 of 180 s, stage 6 of 6, Three-minute form, −10 s");
  g_assert_true (bs_test_press_key (chart, GDK_KEY_End));
  g_assert_cmpstr (details_text (chart), ==,
                   "20 November 2026: 132 of 180 s, stage 5 of 6, Three-minute form, standard level");
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);

  /* The pointer over the chart's left end shows the oldest result while it
   * stays; when it leaves, the picked one is back. */
  emit_motion (chart, "motion", 1, 60);
  g_assert_cmpstr (details_text (chart), ==,
                   "3 May 2026: 180 of 180 s, all 6 stages held, Three-minute form, standard level");
  emit_motion (chart, "leave", 0, 0);
  g_assert_cmpstr (details_text (chart), ==,
                   "20 November 2026: 132 of 180 s, stage 5 of 6, Three-minute form, standard level");

  /* A new result arrives in the store: the summary follows. */
  add_core_test (f->store, "2026-11-27T18:00:00Z", 140, 5, 0);
  assert_accessible (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                     "4 core tests. Best: 180 of 180 seconds on 3 May 2026. "
                     "Latest: 140 of 180 seconds, stage 5 of 6, on 27 November 2026.");
  g_assert_true (bs_test_press_key (chart, GDK_KEY_End));
  g_assert_cmpstr (details_text (chart), ==,
                   "27 November 2026: 140 of 180 s, stage 5 of 6, Three-minute form, standard level");
}

static void
test_chart_empty (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *chart = bs_history_chart_new ();

  add_session (f->store, "2026-03-01T07:00:00Z", BS_CATEGORY_STRETCH);
  g_object_set (chart, "entries", f->store, NULL);
  g_assert_true (bs_history_chart_get_entries (BS_HISTORY_CHART (chart)) == G_LIST_MODEL (f->store));
  gtk_box_append (GTK_BOX (f->box), chart);
  show (f);

  assert_accessible (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No core tests yet.");
  g_assert_null (details_text (chart));
  /* No result to move to: the keys are left to the window, and still
   * nothing is described. */
  bs_test_press_key (chart, GDK_KEY_Right);
  g_assert_null (details_text (chart));
}

static void
fill_adherence (GListStore *store)
{
  const char *stretches[] = { "2026-03-06T07:00:00Z", "2026-03-07T07:00:00Z", "2026-03-09T07:00:00Z",
                              "2026-03-10T07:00:00Z", "2026-03-11T07:00:00Z", "2026-03-12T07:00:00Z" };

  for (guint i = 0; i < G_N_ELEMENTS (stretches); i++)
    add_session (store, stretches[i], BS_CATEGORY_STRETCH);
  add_session (store, "2026-03-09T18:00:00Z", BS_CATEGORY_STRENGTH);
  add_session (store, "2026-03-11T18:00:00Z", BS_CATEGORY_STRENGTH);
}

static void
test_adherence_text (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *grid = bs_adherence_grid_new ();
  g_autoptr(GDate) today = g_date_new_dmy (12, 3, 2026);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GListStore) sorted = NULL;

  fill_adherence (f->store);
  bs_adherence_grid_set_today (BS_ADHERENCE_GRID (grid), today, utc);
  bs_adherence_grid_set_entries (BS_ADHERENCE_GRID (grid), G_LIST_MODEL (f->store));
  gtk_box_append (GTK_BOX (f->box), grid);
  show (f);

  assert_accessible (grid, GTK_ACCESSIBLE_PROPERTY_LABEL, "Stretching and strength, last 8 weeks");
  assert_accessible (grid, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                     "Stretched 6 of the last 7 days. Current streak 4 days; best 4. "
                     "Strength sessions this week: 2 of 3.");
  g_assert_true (bs_test_tree_contains_text (grid, "Current streak: 4 days"));
  g_assert_true (bs_test_tree_contains_text (grid, "Best streak: 4 days"));
  g_assert_true (bs_test_tree_contains_text (grid, "Stretched 6 of the last 7 days"));

  /* The missing Sunday is done after all: the figures follow the store. */
  add_session (f->store, "2026-03-08T20:00:00Z", BS_CATEGORY_STRETCH);
  assert_accessible (grid, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                     "Stretched 7 of the last 7 days. Current streak 7 days; best 7. "
                     "Strength sessions this week: 2 of 3.");
  g_assert_true (bs_test_tree_contains_text (grid, "Current streak: 7 days"));

  /* One more strength day meets the week's target. */
  add_session (f->store, "2026-03-12T18:00:00Z", BS_CATEGORY_STRENGTH);
  assert_accessible (grid, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                     "Stretched 7 of the last 7 days. Current streak 7 days; best 7. "
                     "Strength sessions this week: 3 of 3.");
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
}

/* Pixels of @widget's area in the saved window that differ from the
 * colour at its top left corner. */
static guint
count_drawn_pixels (GdkTexture *texture,
                    GtkWidget  *window,
                    GtkWidget  *widget,
                    guint32    *background)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  graphene_rect_t bounds;
  int x0, y0, x1, y1;
  guint n = 0;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  gdk_texture_download (texture, (guchar *) pixels, width * sizeof (guint32));
  x0 = CLAMP ((int) bounds.origin.x, 0, width - 1);
  y0 = CLAMP ((int) bounds.origin.y, 0, height - 1);
  x1 = CLAMP ((int) (bounds.origin.x + bounds.size.width), 0, width);
  y1 = CLAMP ((int) (bounds.origin.y + bounds.size.height), 0, height);
  *background = pixels[y0 * width + x0];
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (pixels[y * width + x] != *background)
        n++;
  return n;
}

static double
lightness (guint32 argb)
{
  return (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / (3.0 * 255);
}

static void
save_and_check (Fixture    *f,
                GtkWidget  *chart,
                GtkWidget  *grid,
                const char *name,
                double     *chart_background)
{
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint32 background;
  guint drawn;

  g_assert_true (bs_test_save_png (GTK_WIDGET (f->window), path, &error));
  g_assert_no_error (error);
  g_test_message ("saved %s", path);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (f->window)));

  drawn = count_drawn_pixels (texture, GTK_WIDGET (f->window), chart, &background);
  g_test_message ("%s: chart %u pixels drawn", name, drawn);
  g_assert_cmpuint (drawn, >, 2000);
  *chart_background = lightness (background);

  drawn = count_drawn_pixels (texture, GTK_WIDGET (f->window), grid, &background);
  g_test_message ("%s: grid %u pixels drawn", name, drawn);
  g_assert_cmpuint (drawn, >, 2000);
}

static void
test_draw_narrow_light_and_dark (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *chart = bs_history_chart_new ();
  GtkWidget *grid = bs_adherence_grid_new ();
  g_autoptr(GDate) today = g_date_new_dmy (12, 3, 2026);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) first = g_date_time_new_utc (2025, 3, 1, 7, 0, 0);
  double light_background, dark_background;

  /* A year of weekly tests, some shortened, some full. */
  for (guint week = 0; week < 52; week++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_weeks (first, week);
      g_autofree char *iso = g_date_time_format_iso8601 (when);
      guint held = week % 9 == 0 ? 180 : 90 + (week * 7) % 85;

      add_core_test (f->store, iso, held, held >= 180 ? 6 : held / 30 + 1, week % 5 == 0 ? 10 : 0);
    }
  fill_adherence (f->store);

  bs_history_chart_set_entries (BS_HISTORY_CHART (chart), G_LIST_MODEL (f->store));
  bs_adherence_grid_set_today (BS_ADHERENCE_GRID (grid), today, utc);
  bs_adherence_grid_set_entries (BS_ADHERENCE_GRID (grid), G_LIST_MODEL (f->store));
  gtk_box_append (GTK_BOX (f->box), chart);
  gtk_box_append (GTK_BOX (f->box), grid);
  show (f);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 360);
  gtk_widget_grab_focus (chart);
  bs_test_press_key (chart, GDK_KEY_End);
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);

  save_and_check (f, chart, grid, "history-light.png", &light_background);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  bs_test_wait_frames (GTK_WIDGET (f->window), 3);
  save_and_check (f, chart, grid, "history-dark.png", &dark_background);
  g_assert_cmpfloat (dark_background, <, light_background);
}

static void
test_draw_thousands (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *chart = bs_history_chart_new ();
  g_autoptr(GDateTime) first = g_date_time_new_utc (2016, 1, 1, 7, 0, 0);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) scratch = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  g_autofree char *path = g_build_filename (test_dir, "history-thousands.png", NULL);
  g_autoptr(GError) error = NULL;

  /* Three thousand tests on a 336 pixel wide chart: more than it has
   * pixels.  Built in a scratch list, then moved in one change. */
  for (guint day = 0; day < 3000; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (first, day);
      g_autofree char *iso = g_date_time_format_iso8601 (when);

      add_core_test (scratch, iso, 60 + day % 121, 3, day % 3 == 0 ? 5 : 0);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (scratch)); i++)
    g_ptr_array_add (entries, g_list_model_get_item (G_LIST_MODEL (scratch), i));
  g_list_store_splice (f->store, 0, 0, entries->pdata, entries->len);

  bs_history_chart_set_entries (BS_HISTORY_CHART (chart), G_LIST_MODEL (f->store));
  gtk_box_append (GTK_BOX (f->box), chart);
  show (f);
  gtk_widget_grab_focus (chart);
  g_assert_true (bs_test_press_key (chart, GDK_KEY_Home));
  g_assert_true (g_str_has_prefix (details_text (chart), "1 January 2016: 60 of 180 s"));
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (bs_test_save_png (GTK_WIDGET (f->window), path, &error));
  g_assert_no_error (error);
}

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
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  test_dir = g_dir_make_tmp ("backstay-history-widgets-XXXXXX", NULL);
  data_home = g_build_filename (test_dir, "data", NULL);
  /* The dates read are UTC ones, whatever the machine's zone; the app's
   * files go to a private folder. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_STATE_HOME", data_home, TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/history-widgets/chart/keys-and-summary", Fixture, NULL,
              setup, test_chart_keys_and_summary, teardown);
  g_test_add ("/history-widgets/chart/empty", Fixture, NULL, setup, test_chart_empty, teardown);
  g_test_add ("/history-widgets/adherence/text", Fixture, NULL, setup, test_adherence_text, teardown);
  g_test_add ("/history-widgets/draw/narrow-light-and-dark", Fixture, NULL,
              setup, test_draw_narrow_light_and_dark, teardown);
  g_test_add ("/history-widgets/draw/thousands", Fixture, NULL, setup, test_draw_thousands, teardown);

  status = g_test_run ();
  /* BACKSTAY_KEEP_TEST_FILES keeps the pictures, to look at them. */
  if (g_getenv ("BACKSTAY_KEEP_TEST_FILES") == NULL)
    remove_tree (test_dir);
  else
    g_printerr ("# pictures kept in %s\n", test_dir);
  return status;
}
