/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Writes PNGs of the main screens into the folder given as the only
 * argument: `tools/dev screenshots` runs it under Xvfb.  The sessions run
 * on a fake clock, so every picture shows the same moment every time.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "bs-assessment-page.h"
#include "bs-clinic-window.h"
#include "bs-handoff-window.h"
#include "bs-history-fixture.h"
#include "bs-history-page.h"
#include "bs-routine-editor.h"
#include "bs-routines-page.h"
#include "bs-session-page.h"
#include "bs-test-util.h"
#include "bs-window.h"

#define SEC ((gint64) G_USEC_PER_SEC)

typedef struct
{
  const char *name;
  int width;
  int height;
  AdwColorScheme scheme;
  double text_scale;
} Variant;

static const Variant variants[] = {
  { "wide", 900, 760, ADW_COLOR_SCHEME_FORCE_LIGHT, 1.0 },
  { "wide-dark", 900, 760, ADW_COLOR_SCHEME_FORCE_DARK, 1.0 },
  { "narrow", 360, 720, ADW_COLOR_SCHEME_FORCE_LIGHT, 1.0 },
  { "narrow-dark", 360, 720, ADW_COLOR_SCHEME_FORCE_DARK, 1.0 },
  /* The "Large Text" accessibility setting, and twice the usual size. */
  { "narrow-large-text", 360, 720, ADW_COLOR_SCHEME_FORCE_LIGHT, 1.5 },
  { "wide-text-200", 900, 760, ADW_COLOR_SCHEME_FORCE_LIGHT, 2.0 },
};

static const char *out_dir;
static guint written;

static void
shoot (GtkWindow     *window,
       const Variant *variant,
       const char    *screen)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", screen, variant->name);
  g_autofree char *path = g_build_filename (out_dir, file, NULL);
  g_autoptr(GError) error = NULL;

  bs_test_wait_frames (GTK_WIDGET (window), 3);
  if (!bs_test_save_png (GTK_WIDGET (window), path, &error))
    g_error ("%s", error->message);
  g_print ("%s\n", path);
  written++;
}

static void
start_test (GtkWindow *window)
{
  GtkWidget *start = bs_test_find_button (GTK_WIDGET (window), "Start the Test");

  g_assert_nonnull (start);
  bs_test_click (start);
  bs_test_settle ();
}

static void
wizard_next (GtkWidget *wizard)
{
  bs_test_click (bs_test_child (wizard, BS_TYPE_ASSESSMENT_PAGE, "next_button"));
}

/* Every page of the self-assessment with plausible answers, the plan it
 * leads to, and the page a warning sign leads to. */
static void
shoot_assessment (BsApplication *app,
                  const Variant *variant)
{
  static const char * const flags[] = {
    "Sudden, severe back pain", "Numbness or tingling in your legs",
    "Weakness in your legs, or loss of bladder or bowel control",
    "Fever or chills along with the back pain",
    "A recent fall, blow or other injury to your lower back",
  };
  GtkWindow *window = bs_test_app_open_window (app);
  GtkWidget *wizard = bs_test_child (GTK_WIDGET (window), BS_TYPE_WINDOW, "assessment_page");

  bs_assessment_draft_discard ();
  gtk_widget_activate_action (GTK_WIDGET (window), "window.start-assessment", NULL);
  bs_test_settle ();
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    bs_test_answer (wizard, flags[i], "No");
  shoot (window, variant, "assessment-1-red-flags");
  wizard_next (wizard);

  bs_test_answer (wizard, "Does your lower back hurt these days?", "Yes");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bs_test_child (wizard, BS_TYPE_ASSESSMENT_PAGE,
                                                                "pattern_sharp")), TRUE);
  bs_test_type (wizard, "How bad, from 0 (none) to 10 (worst)?", "4");
  shoot (window, variant, "assessment-2-pain");
  wizard_next (wizard);

  bs_test_answer (wizard, "Does it get worse when you are active?", "No");
  bs_test_answer (wizard, "Does it stop you from running?", "No");
  shoot (window, variant, "assessment-3-pain-behaviour");
  wizard_next (wizard);

  bs_test_type (wizard, "Height", "178");
  bs_test_type (wizard, "Weight", "82");
  bs_test_answer (wizard, "Do you have flat feet?", "No");
  shoot (window, variant, "assessment-4-body");
  wizard_next (wizard);

  bs_test_answer (wizard, "Do your hamstrings feel tight?", "Yes");
  bs_test_answer (wizard, "Is your lower back stiff?", "Not sure");
  shoot (window, variant, "assessment-5-flexibility");
  wizard_next (wizard);

  bs_test_type (wizard, "How many years have you been running?", "7");
  bs_test_type (wizard, "How far do you run in a week?", "45");
  bs_test_type (wizard, "Share of it that is speed work", "15");
  bs_test_answer (wizard, "Do you run long distances or do high-impact sports?", "Yes");
  shoot (window, variant, "assessment-6-running");
  wizard_next (wizard);

  bs_test_answer (wizard, "Do you warm up before you run?", "No");
  bs_test_answer (wizard, "Do you stretch after your runs?", "No");
  bs_test_answer (wizard, "Do you take at least one rest day a week?", "Yes");
  shoot (window, variant, "assessment-7-habits");
  wizard_next (wizard);
  shoot (window, variant, "assessment-8-plan");

  /* A warning sign. */
  bs_assessment_draft_discard ();
  gtk_widget_activate_action (GTK_WIDGET (window), "window.start-assessment", NULL);
  bs_test_settle ();
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    bs_test_answer (wizard, flags[i], i == 2 ? "Yes" : "No");
  wizard_next (wizard);
  shoot (window, variant, "assessment-9-see-a-clinician");

  bs_test_app_close_windows (app);
}

/* The first segment of @kind from @first on whose name starts with @name. */
static const BsSegment *
find_segment (BsSchedule    *schedule,
              BsSegmentKind  kind,
              const char    *name,
              guint          set)
{
  for (guint i = 0; i < bs_schedule_get_n_segments (schedule); i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);

      if (segment->kind == kind && (name == NULL || g_str_has_prefix (segment->name, name))
          && (set == 0 || segment->set == set))
        return segment;
    }
  g_error ("no segment “%s” in the schedule", name ? name : "");
}

/* The daily stretches: a per-side set, a rest, a paced counted set; then
 * the routines list and the editor. */
static void
shoot_routines (BsApplication *app,
                BsFakeClock   *fake,
                const Variant *variant)
{
  GtkWindow *window = bs_test_app_open_window (app);
  GtkWidget *page = bs_test_child (GTK_WIDGET (window), BS_TYPE_WINDOW, "routines_page");
  BsSchedule *schedule;
  BsRoutineEditor *editor;
  guint now = 0;
  const BsSegment *segment;

  gtk_widget_activate_action (GTK_WIDGET (window), "window.start-routine", "(ssu)",
                              "daily-stretches", "", 0);
  bs_test_settle ();
  schedule = bs_session_get_schedule (bs_window_get_session (BS_WINDOW (window)));

  segment = find_segment (schedule, BS_SEGMENT_WORK, "Piriformis", 2);
  bs_fake_clock_advance (fake, (segment->start + 12 - now) * SEC);
  now = segment->start + 12;
  shoot (window, variant, "stretch-session");

  segment = find_segment (schedule, BS_SEGMENT_REST, NULL, 0);
  while (segment->start < now || segment->kind != BS_SEGMENT_REST)
    segment++;
  bs_fake_clock_advance (fake, (segment->start + 3 - now) * SEC);
  now = segment->start + 3;
  shoot (window, variant, "stretch-rest");

  segment = find_segment (schedule, BS_SEGMENT_WORK, "Pelvic", 0);
  bs_fake_clock_advance (fake, (segment->start + 9 - now) * SEC);
  shoot (window, variant, "stretch-reps");

  gtk_widget_activate_action (GTK_WIDGET (bs_test_child (GTK_WIDGET (window), BS_TYPE_WINDOW,
                                                         "session_page")),
                              "session.stop", NULL);
  bs_test_settle ();
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      adw_message_dialog_response (l->data, "discard");
  bs_test_settle ();

  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-routines", NULL);
  shoot (window, variant, "routines");

  editor = bs_routines_page_duplicate (BS_ROUTINES_PAGE (page), "daily-stretches");
  gtk_window_set_default_size (GTK_WINDOW (editor), MIN (variant->width, 600), variant->height);
  shoot (GTK_WINDOW (editor), variant, "routine-editor");
  gtk_window_destroy (GTK_WINDOW (editor));

  bs_test_app_close_windows (app);
}

/* Half a year of plausible use, seeded: the same pictures every run but
 * for the dates. */
static void
shoot_history (BsApplication *app,
               const Variant *variant)
{
  GtkWindow *window = bs_test_app_open_window (app);
  GtkWidget *page = bs_test_child (GTK_WIDGET (window), BS_TYPE_WINDOW, "history_page");
  GListModel *entries = bs_history_get_entries (bs_application_get_history (app));
  BsEntryWindow *entry_window = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-history", NULL);
  bs_history_page_show_view (BS_HISTORY_PAGE (page), "progress");
  shoot (window, variant, "history-progress");
  bs_history_page_show_view (BS_HISTORY_PAGE (page), "log");
  shoot (window, variant, "history-log");
  bs_history_page_show_view (BS_HISTORY_PAGE (page), "assessments");
  shoot (window, variant, "history-assessments");

  /* The latest core test, in full. */
  for (guint i = 0; i < g_list_model_get_n_items (entries) && entry_window == NULL; i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries, i);

      if (bs_history_entry_get_scored (entry))
        entry_window = bs_history_page_open_entry (BS_HISTORY_PAGE (page), entry);
    }
  g_assert_nonnull (entry_window);
  gtk_window_set_default_size (GTK_WINDOW (entry_window), MIN (variant->width, 520),
                               variant->height);
  shoot (GTK_WINDOW (entry_window), variant, "history-entry");
  gtk_window_destroy (GTK_WINDOW (entry_window));

  bs_test_app_close_windows (app);
}

/* The clinic kiosk's welcome screen, and the question asked when nobody
 * has touched it for the idle time.  The kiosk keeps its own history in
 * memory; the seeded one comes back for the other screens. */
static void
shoot_kiosk (BsApplication *app,
             BsFakeClock   *fake,
             const Variant *variant)
{
  g_autoptr(BsHistory) seeded = g_object_ref (bs_application_get_history (app));
  BsKiosk *kiosk = bs_application_get_kiosk (app);
  GtkWindow *window;

  bs_kiosk_set_enabled (kiosk, TRUE);
  window = bs_test_app_open_window (app);
  shoot (window, variant, "kiosk-home");

  bs_fake_clock_advance (fake, (gint64) bs_kiosk_get_idle_minutes (kiosk) * 60 * SEC + 3 * SEC);
  bs_test_settle ();
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      shoot (GTK_WINDOW (l->data), variant, "kiosk-still-there");

  /* A visit with a patient code: the welcome screen says so; the test's
   * result offers the hand-off. */
  bs_kiosk_start_over (kiosk);
  bs_test_settle ();
  bs_kiosk_set_patient_codes (kiosk, TRUE);
  bs_kiosk_set_patient_code (kiosk, "P-1042");
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  shoot (window, variant, "kiosk-patient-code");
  start_test (window);
  bs_fake_clock_advance (fake, 100 * SEC);
  bs_test_settle ();
  bs_session_give_up (bs_window_get_session (BS_WINDOW (window)));
  bs_test_settle ();
  shoot (window, variant, "kiosk-result");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.hand-off", NULL);
  bs_test_settle ();
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (BS_IS_HANDOFF_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      shoot (GTK_WINDOW (l->data), variant, "kiosk-hand-off");

  bs_kiosk_set_patient_codes (kiosk, FALSE);
  bs_kiosk_set_enabled (kiosk, FALSE);
  bs_test_app_close_windows (app);
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
  bs_application_set_history (app, seeded);
}

/* The administrator's view of the clinic database, with a few patients'
 * results copied from the seeded history. */
static void
shoot_clinic (BsApplication *app,
              const Variant *variant)
{
  static const char * const codes[] = { "P-1042", "P-1043", "K-77", "R-2031" };
  GListModel *seeded = bs_history_get_entries (bs_application_get_history (app));
  g_autoptr(BsHistory) clinic = bs_history_new_in_memory ();
  GtkWindow *window, *admin;

  for (guint i = 0; i < MIN (g_list_model_get_n_items (seeded), 24); i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (seeded, i);
      g_autoptr(BsHistoryEntry) copy = bs_history_entry_copy (entry);

      bs_history_entry_set_patient_code (copy, codes[i % G_N_ELEMENTS (codes)]);
      if (!bs_history_save (clinic, copy, NULL))
        g_error ("The clinic's history refused an entry");
    }
  window = bs_test_app_open_window (app);
  admin = GTK_WINDOW (bs_clinic_window_new (window, clinic));
  gtk_window_set_default_size (admin, MIN (variant->width, 640), variant->height);
  gtk_window_present (admin);
  bs_test_settle ();
  shoot (admin, variant, "clinic-results");
  gtk_window_destroy (admin);
  bs_test_app_close_windows (app);
}

static void
run_variant (BsApplication *app,
             BsFakeClock   *fake,
             const Variant *variant)
{
  GtkWindow *window;
  GtkWidget *session_page;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), variant->scheme);
  g_object_set (gtk_settings_get_default (),
                "gtk-xft-dpi", (int) (96 * 1024 * variant->text_scale), NULL);
  g_settings_set_int (bs_application_get_settings (app), "window-width", variant->width);
  g_settings_set_int (bs_application_get_settings (app), "window-height", variant->height);

  window = bs_test_app_open_window (app);
  shoot (window, variant, "home");

  /* Mid-test: the lead-in, the opening plank, and 7 s into stage 2. */
  start_test (window);
  session_page = bs_test_child (GTK_WIDGET (window), BS_TYPE_WINDOW, "session_page");
  bs_fake_clock_advance (fake, 4 * SEC);
  shoot (window, variant, "get-ready");
  bs_fake_clock_advance (fake, 6 * SEC + 60 * SEC + 7 * SEC);
  shoot (window, variant, "session");

  bs_test_press_key (session_page, GDK_KEY_space);
  shoot (window, variant, "paused");
  bs_test_press_key (session_page, GDK_KEY_space);

  /* "I had to stop" in stage 4. */
  bs_fake_clock_advance (fake, 8 * SEC + 15 * SEC + 11 * SEC);
  bs_test_press_key (session_page, GDK_KEY_Return);
  shoot (window, variant, "result");

  /* A full run. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.restart", NULL);
  bs_fake_clock_advance (fake, 190 * SEC);
  shoot (window, variant, "result-good");

  bs_test_app_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BsClock) clock = NULL;
  g_autoptr(BsApplication) app = NULL;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTPUT-DIR\n", argv[0]);
      return 2;
    }
  out_dir = argv[1];
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      g_printerr ("%s: cannot create the folder\n", out_dir);
      return 1;
    }

  /* The assessment keeps a draft in the state folder: use a scratch one,
   * never the real one of whoever runs this. */
  {
    g_autofree char *scratch = g_dir_make_tmp ("backstay-screenshots-XXXXXX", NULL);
    g_setenv ("XDG_STATE_HOME", scratch, TRUE);
  }

  gtk_init ();
  adw_init ();
  /* A picture shows a settled screen, not a crossfade half-way, in the
   * font a GNOME desktop sets (nothing sets it under Xvfb). */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", "Cantarell 11",
                NULL);

  clock = bs_fake_clock_new ();
  app = bs_test_app_new (clock);
  g_settings_set_string (bs_application_get_settings (app), "units", "metric");
  {
    g_autoptr(BsHistory) history = bs_history_new_in_memory ();
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                        g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now), 0, 0, 0);

    bs_history_fixture_seed (history, 180, today, 7);
    bs_application_set_history (app, history);
  }
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      run_variant (app, BS_FAKE_CLOCK (clock), &variants[i]);
      shoot_assessment (app, &variants[i]);
      shoot_history (app, &variants[i]);
      shoot_routines (app, BS_FAKE_CLOCK (clock), &variants[i]);
      shoot_kiosk (app, BS_FAKE_CLOCK (clock), &variants[i]);
      shoot_clinic (app, &variants[i]);
    }
  bs_assessment_draft_discard ();

  g_printerr ("%u screenshots in %s\n", written, out_dir);
  return 0;
}
