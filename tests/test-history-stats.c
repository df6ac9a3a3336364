/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "bs-history-entry-private.h"
#include "bs-history-stats.h"
#include "bs-routine.h"
#include "bs-session.h"

/* The figures the history view shows, from entries made here: which runs
 * are core test results and in what order, the summary a screen reader
 * hears, and the stretching and strength calendar in real time zones. */

#define STAGE_SECONDS 30

static GDateTime *
parse_time (const char *iso)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (parsed);
  return g_date_time_to_utc (parsed);
}

static gint64
unix_of (const char *iso)
{
  g_autoptr(GDateTime) when = parse_time (iso);

  return g_date_time_to_unix (when);
}

/* A run of @n_stages stages of STAGE_SECONDS each, the first @n_done held
 * in full and the rest not at all. */
static BsHistoryEntry *
make_session (const char *when,
              const char *routine_id,
              const char *category,
              BsOutcome   outcome,
              guint       n_stages,
              guint       n_done)
{
  BsHistoryEntry *entry = bs_history_entry_new_empty (BS_HISTORY_SESSION);

  entry->started_at = parse_time (when);
  entry->ended_at = g_date_time_add_seconds (entry->started_at, n_stages * STAGE_SECONDS);
  entry->routine_id = g_strdup (routine_id);
  entry->routine_name = g_strdup (routine_id);
  entry->category = g_strdup (category);
  entry->outcome = outcome;
  entry->stage_reached = MIN (n_done + 1, n_stages);
  entry->target_seconds = n_stages * STAGE_SECONDS;
  g_array_set_size (entry->stages, n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      BsStageRecord *record = &g_array_index (entry->stages, BsStageRecord, i);

      record->seconds = STAGE_SECONDS;
      record->held_ms = i < n_done ? STAGE_SECONDS * 1000 : 0;
    }
  return entry;
}

static BsHistoryEntry *
make_stretch (const char *when,
              BsOutcome   outcome,
              guint       n_done)
{
  return make_session (when, "hamstring-stretch", BS_CATEGORY_STRETCH, outcome, 4, n_done);
}

static BsHistoryEntry *
make_strength (const char *when)
{
  return make_session (when, "strength", BS_CATEGORY_STRENGTH, BS_OUTCOME_COMPLETED, 6, 6);
}

/* A core test of @n_stages equal stages that reached @stage_reached and
 * held @held_s seconds in all. */
static BsHistoryEntry *
make_core_test (const char *when,
                guint       held_s,
                guint       target_s,
                guint       stage_reached,
                guint       n_stages,
                guint       level,
                BsOutcome   outcome)
{
  BsHistoryEntry *entry = bs_history_entry_new_empty (BS_HISTORY_SESSION);
  gint64 left = (gint64) held_s * 1000;

  entry->started_at = parse_time (when);
  entry->ended_at = g_date_time_add_seconds (entry->started_at, held_s);
  entry->routine_id = g_strdup (BS_CORE_TEST_ROUTINE_ID);
  entry->routine_name = g_strdup ("Core strength test");
  entry->category = g_strdup (BS_CATEGORY_TEST);
  entry->form_id = g_strdup ("standard");
  entry->form_name = g_strdup ("Three-minute form");
  entry->level = level;
  entry->outcome = outcome;
  entry->scored = TRUE;
  entry->stage_reached = stage_reached;
  entry->target_seconds = target_s;
  g_array_set_size (entry->stages, n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      BsStageRecord *record = &g_array_index (entry->stages, BsStageRecord, i);

      record->seconds = target_s / n_stages;
      record->held_ms = MIN (left, (gint64) record->seconds * 1000);
      left -= record->held_ms;
    }
  /* Whatever does not divide evenly is held in the last stage. */
  g_array_index (entry->stages, BsStageRecord, n_stages - 1).held_ms += left;
  return entry;
}

static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return -g_date_time_compare (bs_history_entry_get_started_at ((BsHistoryEntry *) a),
                               bs_history_entry_get_started_at ((BsHistoryEntry *) b));
}

/* Takes the entries, which end with NULL, and orders them as the store
 * does. */
static GListStore *
make_store (BsHistoryEntry *first,
            ...)
{
  GListStore *store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  va_list args;

  va_start (args, first);
  for (BsHistoryEntry *entry = first; entry != NULL; entry = va_arg (args, BsHistoryEntry *))
    {
      g_list_store_append (store, entry);
      g_object_unref (entry);
    }
  va_end (args);
  g_list_store_sort (store, newest_first, NULL);
  return store;
}

static GDate *
make_date (guint day,
           guint month,
           guint year)
{
  return g_date_new_dmy (day, month, year);
}

static guint32
julian (guint day,
        guint month,
        guint year)
{
  g_autoptr(GDate) date = make_date (day, month, year);

  return g_date_get_julian (date);
}

static void
test_series_filter_and_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_resource (RESOURCE_BASE "/routines/core-test.json",
                                                               &error);
  g_autoptr(BsSchedule) schedule = NULL;
  g_autoptr(BsResult) result = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 5, 10, 7, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_seconds (start, 200);
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GArray) series = NULL;
  g_autofree gint64 *held = NULL;
  g_autofree gboolean *skipped = NULL;
  BsHistoryEntry *real_run, *assessment;
  const BsChartPoint *p;
  guint n;

  /* One run made the way the app makes it: from a real schedule. */
  g_assert_no_error (error);
  schedule = bs_schedule_new (routine, "standard", 10, 0, &error);
  g_assert_no_error (error);
  n = bs_schedule_get_n_segments (schedule);
  held = g_new0 (gint64, n);
  skipped = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    held[i] = (gint64) bs_schedule_get_segment (schedule, i)->duration * 1000;
  result = bs_result_new (schedule, TRUE, held, skipped, n - 1, start, end);
  real_run = bs_history_entry_new_session (result, BS_OUTCOME_COMPLETED);

  assessment = bs_history_entry_new_empty (BS_HISTORY_ASSESSMENT);
  assessment->started_at = parse_time ("2026-05-04T08:00:00Z");

  store = make_store (make_core_test ("2026-05-03T07:00:00Z", 132, 180, 5, 8, 0, BS_OUTCOME_STOPPED_EARLY),
                      make_core_test ("2026-05-01T07:00:00Z", 90, 150, 4, 8, 5, BS_OUTCOME_STOPPED_EARLY),
                      make_core_test ("2026-05-05T07:00:00Z", 40, 180, 2, 8, 0, BS_OUTCOME_IN_PROGRESS),
                      make_core_test ("2026-05-06T07:00:00Z", 60, 180, 3, 8, 0, BS_OUTCOME_INTERRUPTED),
                      make_session ("2026-05-07T07:00:00Z", "hamstring-stretch", BS_CATEGORY_STRETCH,
                                    BS_OUTCOME_COMPLETED, 5, 5),
                      make_session ("2026-05-08T07:00:00Z", "core-test-copy", BS_CATEGORY_TEST,
                                    BS_OUTCOME_COMPLETED, 8, 8),
                      assessment, real_run, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 8);

  series = bs_history_core_series (G_LIST_MODEL (store));
  g_assert_cmpuint (series->len, ==, 3);

  p = &g_array_index (series, BsChartPoint, 0);
  g_assert_cmpint (p->when, ==, unix_of ("2026-05-01T07:00:00Z"));
  g_assert_cmpfloat_with_epsilon (p->held_s, 90.0, 1e-9);
  g_assert_cmpuint (p->target_s, ==, 150);
  g_assert_cmpuint (p->level, ==, 5);
  g_assert_cmpuint (p->stage_reached, ==, 4);
  g_assert_cmpuint (p->n_stages, ==, 8);
  g_assert_false (p->good);
  g_assert_cmpstr (p->form_id, ==, "standard");
  g_assert_true (p->form_name == g_intern_string ("Three-minute form"));

  p = &g_array_index (series, BsChartPoint, 1);
  g_assert_cmpfloat_with_epsilon (p->held_s, 132.0, 1e-9);
  g_assert_cmpuint (p->stage_reached, ==, 5);

  p = &g_array_index (series, BsChartPoint, 2);
  g_assert_cmpint (p->when, ==, g_date_time_to_unix (start));
  g_assert_true (p->good);
  g_assert_cmpuint (p->level, ==, 10);
  g_assert_cmpuint (p->target_s, ==, bs_schedule_get_work_seconds (schedule));
  g_assert_cmpfloat_with_epsilon (p->held_s, bs_schedule_get_work_seconds (schedule), 1e-9);
  g_assert_cmpuint (p->stage_reached, ==, p->n_stages);
}

static void
test_series_unsorted (void)
{
  g_autoptr(GListStore) store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  g_autoptr(GArray) series = NULL;
  const char *times[] = { "2026-01-03T07:00:00Z", "2026-01-01T07:00:00Z", "2026-01-05T07:00:00Z",
                          "2026-01-02T07:00:00Z" };

  /* Not newest first: the series still comes out oldest first. */
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(BsHistoryEntry) entry = make_core_test (times[i], 100 + i, 180, 4, 8, 0,
                                                         BS_OUTCOME_STOPPED_EARLY);
      g_list_store_append (store, entry);
    }
  series = bs_history_core_series (G_LIST_MODEL (store));
  g_assert_cmpuint (series->len, ==, 4);
  for (guint i = 1; i < series->len; i++)
    g_assert_cmpint (g_array_index (series, BsChartPoint, i - 1).when, <,
                     g_array_index (series, BsChartPoint, i).when);
  g_assert_cmpfloat_with_epsilon (g_array_index (series, BsChartPoint, 0).held_s, 101, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (series, BsChartPoint, 3).held_s, 102, 1e-9);
}

static char *
summary_of (GListStore *store)
{
  g_autoptr(GArray) series = bs_history_core_series (G_LIST_MODEL (store));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  BsCoreSummary summary;

  bs_core_summary_init (&summary, (const BsChartPoint *) series->data, series->len);
  return bs_core_summary_to_text (&summary, utc);
}

static void
test_summary_empty (void)
{
  g_autoptr(GListStore) store = make_store (make_stretch ("2026-05-01T07:00:00Z",
                                                          BS_OUTCOME_COMPLETED, 4),
                                            NULL);
  g_autofree char *text = summary_of (store);

  g_assert_cmpstr (text, ==, "No core tests yet.");
}

static void
test_summary_one (void)
{
  g_autoptr(GListStore) store =
    make_store (make_core_test ("2026-11-20T18:00:00Z", 132, 180, 5, 7, 0, BS_OUTCOME_STOPPED_EARLY),
                NULL);
  g_autofree char *text = summary_of (store);

  g_assert_cmpstr (text, ==,
                   "1 core test. Result: 132 of 180 seconds, stage 5 of 7, on 20 November 2026.");
}

static void
test_summary_many (void)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GArray) series = NULL;
  g_autofree char *text = NULL;
  BsCoreSummary summary;

  /* The best is the run nearest its target: 150 of 150 at a shortened
   * level beats 170 of 180.  Of two full runs of the same length the
   * first is the best, since that is when it was reached. */
  store = make_store (make_core_test ("2026-03-01T07:00:00Z", 60, 180, 2, 7, 0, BS_OUTCOME_STOPPED_EARLY),
                      make_core_test ("2026-04-01T07:00:00Z", 170, 180, 7, 7, 0, BS_OUTCOME_STOPPED_EARLY),
                      make_core_test ("2026-04-20T07:00:00Z", 150, 150, 7, 7, 5, BS_OUTCOME_COMPLETED),
                      make_core_test ("2026-05-03T07:00:00Z", 180, 180, 7, 7, 0, BS_OUTCOME_COMPLETED),
                      make_core_test ("2026-06-03T07:00:00Z", 180, 180, 7, 7, 0, BS_OUTCOME_COMPLETED),
                      make_core_test ("2026-11-20T07:00:00Z", 132, 180, 5, 7, 0, BS_OUTCOME_STOPPED_EARLY),
                      NULL);
  series = bs_history_core_series (G_LIST_MODEL (store));
  bs_core_summary_init (&summary, (const BsChartPoint *) series->data, series->len);
  g_assert_cmpuint (summary.n, ==, 6);
  g_assert_cmpfloat_with_epsilon (summary.first.held_s, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.latest.held_s, 132, 1e-9);
  g_assert_cmpint (summary.best.when, ==, unix_of ("2026-05-03T07:00:00Z"));

  text = summary_of (store);
  g_assert_cmpstr (text, ==,
                   "6 core tests. Best: 180 of 180 seconds on 3 May 2026. "
                   "Latest: 132 of 180 seconds, stage 5 of 7, on 20 November 2026.");
}

static void
test_summary_local_date (void)
{
  g_autoptr(GListStore) store =
    make_store (make_core_test ("2026-11-20T23:30:00Z", 132, 180, 5, 7, 0, BS_OUTCOME_STOPPED_EARLY),
                NULL);
  g_autoptr(GArray) series = bs_history_core_series (G_LIST_MODEL (store));
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autofree char *text = NULL;
  BsCoreSummary summary;

  /* Half past eleven in the evening in UTC is already the next day in
   * Berlin: the date is the person's. */
  g_assert_nonnull (berlin);
  bs_core_summary_init (&summary, (const BsChartPoint *) series->data, series->len);
  text = bs_core_summary_to_text (&summary, berlin);
  g_assert_cmpstr (text, ==,
                   "1 core test. Result: 132 of 180 seconds, stage 5 of 7, on 21 November 2026.");
}

static void
test_point_describe (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  BsChartPoint point = {
    .when = unix_of ("2026-11-20T07:00:00Z"),
    .held_s = 132.6,
    .target_s = 180,
    .level = 10,
    .form_id = g_intern_string ("standard"),
    .form_name = g_intern_string ("Three-minute form"),
    .stage_reached = 5,
    .n_stages = 7,
    .good = FALSE,
  };
  g_autofree char *shortened = NULL;
  g_autofree char *standard = NULL;
  g_autofree char *good = NULL;
  g_autofree char *no_form = NULL;

  shortened = bs_chart_point_describe (&point, utc);
  g_assert_cmpstr (shortened, ==,
                   "20 November 2026: 132 of 180 s, stage 5 of 7, Three-minute form, −10 s");

  point.level = 0;
  standard = bs_chart_point_describe (&point, utc);
  g_assert_cmpstr (standard, ==,
                   "20 November 2026: 132 of 180 s, stage 5 of 7, Three-minute form, standard level");

  point.held_s = 180;
  point.stage_reached = 7;
  point.good = TRUE;
  good = bs_chart_point_describe (&point, utc);
  g_assert_cmpstr (good, ==,
                   "20 November 2026: 180 of 180 s, all 7 stages held, Three-minute form, standard level");

  point.form_name = NULL;
  no_form = bs_chart_point_describe (&point, utc);
  g_assert_cmpstr (no_form, ==, "20 November 2026: 180 of 180 s, all 7 stages held, standard level");
}

static BsAdherence *
adherence_of (GListStore *store,
              guint       day,
              guint       month,
              guint       year,
              GTimeZone  *tz)
{
  g_autoptr(GDate) today = make_date (day, month, year);

  return bs_adherence_compute (G_LIST_MODEL (store), today, tz, 8);
}

static void
test_what_counts (void)
{
  g_autoptr(BsHistoryEntry) completed = make_stretch ("2026-03-01T07:00:00Z", BS_OUTCOME_COMPLETED, 4);
  g_autoptr(BsHistoryEntry) half = make_stretch ("2026-03-01T07:00:00Z", BS_OUTCOME_STOPPED_EARLY, 2);
  g_autoptr(BsHistoryEntry) little = make_stretch ("2026-03-01T07:00:00Z", BS_OUTCOME_STOPPED_EARLY, 1);
  g_autoptr(BsHistoryEntry) cut_off = make_stretch ("2026-03-01T07:00:00Z", BS_OUTCOME_INTERRUPTED, 3);
  g_autoptr(BsHistoryEntry) running = make_stretch ("2026-03-01T07:00:00Z", BS_OUTCOME_IN_PROGRESS, 4);
  g_autoptr(BsHistoryEntry) skipped = make_stretch ("2026-03-01T07:00:00Z", BS_OUTCOME_COMPLETED, 4);

  g_array_index (skipped->stages, BsStageRecord, 0).skipped = TRUE;
  g_array_index (skipped->stages, BsStageRecord, 1).skipped = TRUE;
  g_array_index (skipped->stages, BsStageRecord, 2).skipped = TRUE;

  g_assert_true (bs_adherence_entry_is_done (completed));
  g_assert_true (bs_adherence_entry_is_done (half));
  g_assert_false (bs_adherence_entry_is_done (little));
  g_assert_true (bs_adherence_entry_is_done (cut_off));
  g_assert_false (bs_adherence_entry_is_done (running));
  g_assert_false (bs_adherence_entry_is_done (skipped));
}

static void
test_streak_month_boundary (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GListStore) store = NULL;
  g_autoptr(BsAdherence) a = NULL;

  /* 2026 is not a leap year: 26, 27, 28 February, 1 and 2 March. */
  store = make_store (make_stretch ("2026-02-24T07:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-02-26T07:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-02-27T20:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-02-28T07:00:00Z", BS_OUTCOME_STOPPED_EARLY, 2),
                      make_stretch ("2026-03-01T07:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-03-01T09:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-03-02T06:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      NULL);
  a = adherence_of (store, 2, 3, 2026, utc);
  g_assert_cmpuint (a->current_streak, ==, 5);
  g_assert_cmpuint (a->best_streak, ==, 5);
  g_assert_cmpuint (a->stretched_last_7, ==, 6);
  g_assert_cmpuint (g_date_get_julian (&a->today), ==, julian (2, 3, 2026));
}

static void
test_streak_yesterday_and_broken (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GListStore) store = NULL;
  g_autoptr(BsAdherence) today_open = NULL;
  g_autoptr(BsAdherence) broken = NULL;
  g_autoptr(BsAdherence) not_yet = NULL;

  store = make_store (make_stretch ("2026-03-08T07:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-03-09T07:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-03-10T07:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      /* Not enough of it done to count. */
                      make_stretch ("2026-03-11T07:00:00Z", BS_OUTCOME_STOPPED_EARLY, 1),
                      NULL);

  /* On the 11th, the day is not over: the streak that reached the 10th
   * still stands. */
  today_open = adherence_of (store, 11, 3, 2026, utc);
  g_assert_cmpuint (today_open->current_streak, ==, 3);
  g_assert_cmpuint (today_open->best_streak, ==, 3);
  g_assert_cmpuint (today_open->stretched_last_7, ==, 3);

  /* On the 12th, the 11th went by without a stretch. */
  broken = adherence_of (store, 12, 3, 2026, utc);
  g_assert_cmpuint (broken->current_streak, ==, 0);
  g_assert_cmpuint (broken->best_streak, ==, 3);

  /* Looking back from before the runs: nothing after today counts. */
  not_yet = adherence_of (store, 9, 3, 2026, utc);
  g_assert_cmpuint (not_yet->current_streak, ==, 2);
  g_assert_cmpuint (not_yet->best_streak, ==, 2);
  g_assert_false (not_yet->weeks[7].days[2].stretched);
  g_assert_true (not_yet->weeks[7].days[2].future);
}

static void
test_week_boundaries (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GListStore) store = NULL;
  g_autoptr(BsAdherence) a = NULL;
  const BsAdherenceWeek *this_week, *last_week;

  /* 11 March 2026 is a Wednesday. */
  store = make_store (make_strength ("2026-03-08T23:00:00Z"),  /* Sunday */
                      make_strength ("2026-03-09T00:30:00Z"),  /* Monday */
                      make_stretch ("2026-03-08T12:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-03-09T12:00:00Z", BS_OUTCOME_COMPLETED, 4),
                      NULL);
  a = adherence_of (store, 11, 3, 2026, utc);
  g_assert_cmpuint (a->n_weeks, ==, 8);
  this_week = bs_adherence_get_this_week (a);
  last_week = &a->weeks[6];
  g_assert_true (this_week == &a->weeks[7]);

  g_assert_cmpuint (this_week->days[0].julian, ==, julian (9, 3, 2026));
  g_assert_cmpuint (this_week->days[6].julian, ==, julian (15, 3, 2026));
  g_assert_cmpuint (last_week->days[6].julian, ==, julian (8, 3, 2026));
  g_assert_cmpuint (a->weeks[0].days[0].julian, ==, julian (19, 1, 2026));

  g_assert_cmpuint (last_week->days[6].n_strength, ==, 1);
  g_assert_true (last_week->days[6].stretched);
  g_assert_cmpuint (last_week->strength_days, ==, 1);
  g_assert_cmpuint (this_week->days[0].n_strength, ==, 1);
  g_assert_true (this_week->days[0].stretched);
  g_assert_cmpuint (this_week->strength_days, ==, 1);

  /* Wednesday is today; Thursday to Sunday are still to come. */
  g_assert_false (this_week->days[2].future);
  for (guint d = 3; d < 7; d++)
    g_assert_true (this_week->days[d].future);

  /* The week of a Monday starts that day; of a Sunday, six days before. */
  {
    g_autoptr(BsAdherence) monday = adherence_of (store, 9, 3, 2026, utc);
    g_autoptr(BsAdherence) sunday = adherence_of (store, 15, 3, 2026, utc);

    g_assert_cmpuint (monday->weeks[7].days[0].julian, ==, julian (9, 3, 2026));
    g_assert_cmpuint (sunday->weeks[7].days[0].julian, ==, julian (9, 3, 2026));
    g_assert_false (sunday->weeks[7].days[6].future);
  }
}

static void
test_dst_and_late_evening (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GListStore) evening = NULL;
  g_autoptr(BsAdherence) a = NULL;
  g_autoptr(BsAdherence) there = NULL;
  g_autoptr(BsAdherence) in_utc = NULL;
  const BsAdherenceWeek *week_of_change, *week_after;

  g_assert_nonnull (berlin);
  g_assert_nonnull (new_york);

  /* In Berlin, clocks go from 02:00 to 03:00 on Sunday 29 March 2026: that
   * day has 23 hours.  Offsets are written as the clock showed them. */
  store = make_store (make_stretch ("2026-03-27T21:00:00+01:00", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-03-28T23:30:00+01:00", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-03-29T01:30:00+01:00", BS_OUTCOME_COMPLETED, 4),
                      make_stretch ("2026-03-29T23:30:00+02:00", BS_OUTCOME_COMPLETED, 4),
                      /* A quarter past midnight on Monday is still Sunday in UTC. */
                      make_stretch ("2026-03-30T00:15:00+02:00", BS_OUTCOME_COMPLETED, 4),
                      make_strength ("2026-03-30T00:30:00+02:00"),
                      make_stretch ("2026-03-31T23:30:00+02:00", BS_OUTCOME_COMPLETED, 4),
                      NULL);
  a = adherence_of (store, 31, 3, 2026, berlin);
  week_of_change = &a->weeks[6];
  week_after = &a->weeks[7];
  g_assert_cmpuint (week_of_change->days[6].julian, ==, julian (29, 3, 2026));
  g_assert_true (week_of_change->days[4].stretched);   /* Friday 27 */
  g_assert_true (week_of_change->days[5].stretched);   /* Saturday 28 */
  g_assert_true (week_of_change->days[6].stretched);   /* Sunday 29 */
  g_assert_true (week_after->days[0].stretched);       /* Monday 30 */
  g_assert_false (week_after->days[1].future);
  g_assert_true (week_after->days[1].stretched);       /* Tuesday 31 */
  g_assert_cmpuint (week_after->days[0].n_strength, ==, 1);
  g_assert_cmpuint (week_of_change->days[6].n_strength, ==, 0);
  g_assert_cmpuint (week_of_change->strength_days, ==, 0);
  g_assert_cmpuint (week_after->strength_days, ==, 1);
  g_assert_cmpuint (a->current_streak, ==, 5);
  g_assert_cmpuint (a->best_streak, ==, 5);

  /* Read in UTC, the runs just after midnight on Monday fall on Sunday. */
  in_utc = adherence_of (store, 31, 3, 2026, utc);
  g_assert_false (in_utc->weeks[7].days[0].stretched);
  g_assert_cmpuint (in_utc->weeks[6].days[6].n_strength, ==, 1);

  /* Half past eleven at night in New York is already the next day in
   * UTC; the person stretched on the 10th. */
  evening = make_store (make_stretch ("2026-03-10T23:30:00-04:00", BS_OUTCOME_COMPLETED, 4), NULL);
  there = adherence_of (evening, 11, 3, 2026, new_york);
  g_assert_true (there->weeks[7].days[1].stretched);
  g_assert_false (there->weeks[7].days[2].stretched);
  g_assert_cmpuint (there->current_streak, ==, 1);
  g_clear_pointer (&in_utc, bs_adherence_free);
  in_utc = adherence_of (evening, 11, 3, 2026, utc);
  g_assert_false (in_utc->weeks[7].days[1].stretched);
  g_assert_true (in_utc->weeks[7].days[2].stretched);
}

static void
test_strength_met (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GListStore) store = NULL;
  g_autoptr(BsAdherence) a = NULL;
  BsHistoryEntry *too_little;

  too_little = make_session ("2026-03-13T07:00:00Z", "strength", BS_CATEGORY_STRENGTH,
                             BS_OUTCOME_STOPPED_EARLY, 6, 2);
  store = make_store (/* Week of 2 March: Monday, Wednesday, Friday. */
                      make_strength ("2026-03-02T07:00:00Z"),
                      make_strength ("2026-03-04T07:00:00Z"),
                      make_strength ("2026-03-06T07:00:00Z"),
                      /* Week of 9 March: three sessions on two days, and one
                       * stopped after two of six sets. */
                      make_strength ("2026-03-09T07:00:00Z"),
                      make_strength ("2026-03-09T18:00:00Z"),
                      make_strength ("2026-03-11T07:00:00Z"),
                      too_little,
                      /* Another kind of routine does not count. */
                      make_session ("2026-03-12T07:00:00Z", "warm-up", BS_CATEGORY_WARM_UP,
                                    BS_OUTCOME_COMPLETED, 4, 4),
                      NULL);
  a = adherence_of (store, 15, 3, 2026, utc);
  g_assert_true (a->weeks[6].strength_met);
  g_assert_cmpuint (a->weeks[6].strength_days, ==, 3);
  g_assert_false (a->weeks[7].strength_met);
  g_assert_cmpuint (a->weeks[7].strength_days, ==, 2);
  g_assert_cmpuint (a->weeks[7].days[0].n_strength, ==, 2);
  g_assert_cmpuint (a->weeks[7].days[4].n_strength, ==, 0);
  g_assert_cmpuint (a->weeks[7].days[3].n_strength, ==, 0);
  g_assert_cmpuint (a->current_streak, ==, 0);
  g_assert_cmpuint (a->best_streak, ==, 0);
}

static void
test_best_streak_outside_window (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GListStore) store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  g_autoptr(BsAdherence) a = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 1, 10, 7, 0, 0);
  g_autofree char *text = NULL;

  /* 21 days in a row in January 2025, long before the eight weeks shown. */
  for (guint i = 0; i < 21; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (start, i);
      g_autofree char *iso = g_date_time_format_iso8601 (when);
      g_autoptr(BsHistoryEntry) entry = make_stretch (iso, BS_OUTCOME_COMPLETED, 4);

      g_list_store_append (store, entry);
    }
  /* And now: Monday 9 to Wednesday 11 March 2026, Friday 6 and Saturday 7
   * (the 8th missed), two strength days this week. */
  {
    const char *recent[] = { "2026-03-06T07:00:00Z", "2026-03-07T07:00:00Z", "2026-03-09T07:00:00Z",
                             "2026-03-10T07:00:00Z", "2026-03-11T07:00:00Z", "2026-03-12T07:00:00Z" };

    for (guint i = 0; i < G_N_ELEMENTS (recent); i++)
      {
        g_autoptr(BsHistoryEntry) entry = make_stretch (recent[i], BS_OUTCOME_COMPLETED, 4);
        g_list_store_append (store, entry);
      }
  }
  {
    g_autoptr(BsHistoryEntry) monday = make_strength ("2026-03-09T08:00:00Z");
    g_autoptr(BsHistoryEntry) wednesday = make_strength ("2026-03-11T08:00:00Z");

    g_list_store_append (store, monday);
    g_list_store_append (store, wednesday);
  }
  g_list_store_sort (store, newest_first, NULL);

  a = adherence_of (store, 12, 3, 2026, utc);
  g_assert_cmpuint (a->current_streak, ==, 4);
  g_assert_cmpuint (a->best_streak, ==, 21);
  g_assert_cmpuint (a->stretched_last_7, ==, 6);

  text = bs_adherence_to_text (a);
  g_assert_cmpstr (text, ==,
                   "Stretched 6 of the last 7 days. Current streak 4 days; best 21. "
                   "Strength sessions this week: 2 of 3.");
}

static void
test_empty_and_copy (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GListStore) store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  g_autoptr(BsAdherence) a = adherence_of (store, 1, 1, 2026, utc);
  g_autoptr(BsAdherence) copy = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (a->current_streak, ==, 0);
  g_assert_cmpuint (a->best_streak, ==, 0);
  g_assert_cmpuint (a->stretched_last_7, ==, 0);
  text = bs_adherence_to_text (a);
  g_assert_cmpstr (text, ==,
                   "Stretched 0 of the last 7 days. Current streak 0 days; best 0. "
                   "Strength sessions this week: 0 of 3.");

  copy = g_boxed_copy (BS_TYPE_ADHERENCE, a);
  g_assert_true (copy->weeks != a->weeks);
  g_assert_cmpuint (copy->n_weeks, ==, 8);
  g_assert_cmpuint (copy->weeks[7].days[3].julian, ==, a->weeks[7].days[3].julian);
}

/* Ten years of use: 20,000 entries.  The figures must be right; the time
 * is reported, not judged. */
static void
test_long_history (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GListStore) store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  g_autoptr(GDateTime) first_day = g_date_time_new (berlin, 2016, 3, 14, 7, 0, 0);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BsAdherence) a = NULL;
  g_autoptr(GArray) series = NULL;
  g_autoptr(GDate) today = NULL;
  guint n_days = 3650, n_tests = 0;
  gint64 t0, t1, t2;

  for (guint day = 0; day < n_days; day++)
    {
      g_autoptr(GDateTime) morning = g_date_time_add_days (first_day, day);
      g_autoptr(GDateTime) evening = g_date_time_add_hours (morning, 14);
      g_autofree char *am = g_date_time_format_iso8601 (morning);
      g_autofree char *pm = g_date_time_format_iso8601 (evening);

      /* A stretch on nine days out of ten, so the best streak is 9. */
      if (day % 10 != 9)
        g_ptr_array_add (entries, make_stretch (am, BS_OUTCOME_COMPLETED, 4));
      if (day % 2 == 0)
        g_ptr_array_add (entries, make_strength (pm));
      if (day % 7 == 0)
        {
          g_ptr_array_add (entries, make_core_test (pm, 100 + day % 80, 180, 6, 8, 0,
                                                    BS_OUTCOME_STOPPED_EARLY));
          n_tests++;
        }
    }
  for (guint i = 0; entries->len < 20000; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (first_day, 24 * (i % n_days) + 3);
      g_autofree char *iso = g_date_time_format_iso8601 (when);

      g_ptr_array_add (entries, make_session (iso, "warm-up", BS_CATEGORY_WARM_UP,
                                              BS_OUTCOME_COMPLETED, 4, 4));
    }
  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);
  g_list_store_sort (store, newest_first, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 20000);

  /* The last day of the history, day 3649, is a day without a stretch. */
  {
    g_autoptr(GDateTime) last = g_date_time_add_days (first_day, n_days - 1);

    today = g_date_new_dmy (g_date_time_get_day_of_month (last), g_date_time_get_month (last),
                            g_date_time_get_year (last));
  }

  t0 = g_get_monotonic_time ();
  a = bs_adherence_compute (G_LIST_MODEL (store), today, berlin, 8);
  t1 = g_get_monotonic_time ();
  series = bs_history_core_series (G_LIST_MODEL (store));
  t2 = g_get_monotonic_time ();

  g_assert_cmpuint (a->best_streak, ==, 9);
  g_assert_cmpuint (a->current_streak, ==, 9);
  g_assert_cmpuint (a->stretched_last_7, ==, 6);
  g_assert_cmpuint (series->len, ==, n_tests);
  for (guint i = 1; i < series->len; i++)
    g_assert_cmpint (g_array_index (series, BsChartPoint, i - 1).when, <,
                     g_array_index (series, BsChartPoint, i).when);

  g_test_message ("20000 entries: adherence %.1f ms, core series %.1f ms",
                  (t1 - t0) / 1000.0, (t2 - t1) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history-stats/series/filter-and-order", test_series_filter_and_order);
  g_test_add_func ("/history-stats/series/unsorted", test_series_unsorted);
  g_test_add_func ("/history-stats/summary/empty", test_summary_empty);
  g_test_add_func ("/history-stats/summary/one", test_summary_one);
  g_test_add_func ("/history-stats/summary/many", test_summary_many);
  g_test_add_func ("/history-stats/summary/local-date", test_summary_local_date);
  g_test_add_func ("/history-stats/point/describe", test_point_describe);
  g_test_add_func ("/history-stats/adherence/what-counts", test_what_counts);
  g_test_add_func ("/history-stats/adherence/streak-month-boundary", test_streak_month_boundary);
  g_test_add_func ("/history-stats/adherence/streak-yesterday-and-broken",
                   test_streak_yesterday_and_broken);
  g_test_add_func ("/history-stats/adherence/week-boundaries", test_week_boundaries);
  g_test_add_func ("/history-stats/adherence/dst-and-late-evening", test_dst_and_late_evening);
  g_test_add_func ("/history-stats/adherence/strength-met", test_strength_met);
  g_test_add_func ("/history-stats/adherence/best-streak-outside-window",
                   test_best_streak_outside_window);
  g_test_add_func ("/history-stats/adherence/empty-and-copy", test_empty_and_copy);
  g_test_add_func ("/history-stats/long-history", test_long_history);

  return g_test_run ();
}
