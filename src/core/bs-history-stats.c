/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * What the history view shows, worked out from the entries alone: the core
 * test results over time, and how regularly the person stretched and did
 * their strength work.  Pure functions of a list of entries (newest first,
 * as the store gives them), so the same figures serve the screen, the
 * accessible text and a printed report.
 *
 * A history can hold tens of thousands of entries, and these run whenever it
 * changes, so each is one pass over the list that allocates nothing per
 * entry and formats no text per entry.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bs-history-entry-private.h"
#include "bs-history-stats.h"
#include "bs-routine.h"

/* Both come from the same routine file, so a handful of strings serve any
 * number of points; interned, they outlive the entries they came from. */
static const char *
intern_or_null (const char *string)
{
  return string != NULL ? g_intern_string (string) : NULL;
}

static gboolean
is_test_result (BsHistoryEntry *entry)
{
  if (entry->kind != BS_HISTORY_SESSION || entry->started_at == NULL ||
      g_strcmp0 (entry->routine_id, BS_CORE_TEST_ROUTINE_ID) != 0)
    return FALSE;
  /* A run still in progress, or one cut off when the app ended, says how
   * long the app ran, not how long the person could hold: only a run that
   * finished or that the person stopped is a test result. */
  return entry->outcome == BS_OUTCOME_COMPLETED ||
         entry->outcome == BS_OUTCOME_STOPPED_EARLY;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const BsChartPoint *pa = a, *pb = b;

  return (pa->when > pb->when) - (pa->when < pb->when);
}

/**
 * bs_history_core_series:
 * @entries: a list of #BsHistoryEntry, newest first
 *
 * Returns: (transfer full) (element-type BsChartPoint): every core test
 *   result, oldest first
 */
GArray *
bs_history_core_series (GListModel *entries)
{
  GArray *points;
  guint n_items;
  gboolean sorted = TRUE;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  n_items = g_list_model_get_n_items (entries);
  points = g_array_new (FALSE, FALSE, sizeof (BsChartPoint));

  /* Walked from the end, so the oldest comes first. */
  for (guint i = n_items; i > 0; i--)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries, i - 1);
      BsChartPoint point;

      if (entry == NULL || !BS_IS_HISTORY_ENTRY (entry) || !is_test_result (entry))
        continue;

      point.when = g_date_time_to_unix (entry->started_at);
      point.held_s = bs_history_entry_get_held_ms (entry) / 1000.0;
      point.target_s = entry->target_seconds;
      point.level = entry->level;
      point.form_id = intern_or_null (entry->form_id);
      point.form_name = intern_or_null (entry->form_name);
      point.stage_reached = entry->stage_reached;
      point.n_stages = entry->stages->len;
      point.good = bs_history_entry_get_good (entry);

      if (points->len > 0 && point.when < g_array_index (points, BsChartPoint, points->len - 1).when)
        sorted = FALSE;
      g_array_append_val (points, point);
    }

  /* The store keeps its order; a list from anywhere else may not. */
  if (!sorted)
    g_array_sort (points, compare_points);
  return points;
}

/* How close a run came to its target, so that runs of different forms and
 * levels compare fairly. */
static double
score (const BsChartPoint *point)
{
  return point->target_s > 0 ? point->held_s / point->target_s : 0.0;
}

static gboolean
is_better (const BsChartPoint *candidate,
           const BsChartPoint *best)
{
  double a = score (candidate), b = score (best);

  if (a != b)
    return a > b;
  return candidate->held_s > best->held_s;
}

/**
 * bs_core_summary_init:
 * @points: (array length=n_points): results, oldest first
 */
void
bs_core_summary_init (BsCoreSummary      *summary,
                      const BsChartPoint *points,
                      guint               n_points)
{
  g_return_if_fail (summary != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  memset (summary, 0, sizeof *summary);
  summary->n = n_points;
  if (n_points == 0)
    return;

  summary->first = points[0];
  summary->latest = points[n_points - 1];
  summary->best = points[0];
  for (guint i = 1; i < n_points; i++)
    if (is_better (&points[i], &summary->best))
      summary->best = points[i];
}

/**
 * bs_format_date:
 * @when: Unix seconds (UTC)
 * @tz: (nullable): the zone to read the date in; local time if %NULL
 *
 * Returns: (transfer full): the day, as a person reads it: "3 May 2026"
 */
char *
bs_format_date (gint64     when,
                GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) there = NULL;

  if (utc == NULL)
    return g_strdup ("");
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  there = g_date_time_to_timezone (utc, tz);
  /* Translators: a date in a sentence, e.g. "3 May 2026"; see the
   * g_date_time_format() documentation for the codes.  %-d is the day
   * without a leading zero, %B the month's full name, %Y the year. */
  return g_date_time_format (there, _("%-d %B %Y"));
}

static guint
whole_seconds (const BsChartPoint *point)
{
  return point->held_s > 0 ? (guint) point->held_s : 0;
}

/**
 * bs_core_summary_to_text:
 * @tz: (nullable): the zone dates are read in; local time if %NULL
 *
 * Returns: (transfer full): the results in one short paragraph, for people
 *   who cannot see the chart
 */
char *
bs_core_summary_to_text (const BsCoreSummary *summary,
                         GTimeZone           *tz)
{
  g_autofree char *count = NULL;
  g_autofree char *latest_date = NULL;
  g_autofree char *latest = NULL;
  const BsChartPoint *last;

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->n == 0)
    return g_strdup (_("No core tests yet."));

  count = g_strdup_printf (ngettext ("%u core test.", "%u core tests.", summary->n), summary->n);
  last = &summary->latest;
  latest_date = bs_format_date (last->when, tz);

  if (summary->n == 1)
    {
      /* Translators: the only core test so far: seconds held of the
       * test's total seconds, the stage reached of all stages, and the
       * date, e.g. "Result: 132 of 180 seconds, stage 5 of 7, on 20
       * November 2026." */
      latest = g_strdup_printf (ngettext ("Result: %u of %u second, stage %u of %u, on %s.",
                                          "Result: %u of %u seconds, stage %u of %u, on %s.",
                                          last->target_s),
                                whole_seconds (last), last->target_s,
                                last->stage_reached, last->n_stages, latest_date);
      /* Translators: joins two sentences of a summary; change the space
       * if your language joins sentences otherwise. */
      return g_strdup_printf (_("%1$s %2$s"), count, latest);
    }
  else
    {
      const BsChartPoint *best = &summary->best;
      g_autofree char *best_date = bs_format_date (best->when, tz);
      g_autofree char *best_text = NULL;

      /* Translators: the best core test: seconds held of the test's total
       * seconds, and the date, e.g. "Best: 180 of 180 seconds on 3 May
       * 2026." */
      best_text = g_strdup_printf (ngettext ("Best: %u of %u second on %s.",
                                             "Best: %u of %u seconds on %s.",
                                             best->target_s),
                                   whole_seconds (best), best->target_s, best_date);
      /* Translators: the newest core test, e.g. "Latest: 132 of 180
       * seconds, stage 5 of 7, on 20 November 2026." */
      latest = g_strdup_printf (ngettext ("Latest: %u of %u second, stage %u of %u, on %s.",
                                          "Latest: %u of %u seconds, stage %u of %u, on %s.",
                                          last->target_s),
                                whole_seconds (last), last->target_s,
                                last->stage_reached, last->n_stages, latest_date);
      /* Translators: joins three sentences of a summary; change the
       * spaces if your language joins sentences otherwise. */
      return g_strdup_printf (_("%1$s %2$s %3$s"), count, best_text, latest);
    }
}

/**
 * bs_chart_point_describe:
 * @tz: (nullable): the zone the date is read in; local time if %NULL
 *
 * Returns: (transfer full): one result in a line: "20 November 2026: 132
 *   of 180 s, stage 5 of 7, Three-minute form, −10 s"
 */
char *
bs_chart_point_describe (const BsChartPoint *point,
                         GTimeZone          *tz)
{
  g_autofree char *date = NULL;
  g_autofree char *level = NULL;
  g_autofree char *stage = NULL;

  g_return_val_if_fail (point != NULL, NULL);

  date = bs_format_date (point->when, tz);
  if (point->level > 0)
    /* Translators: a shortened level of the core test: every hold was this
     * many seconds shorter.  "s" is the symbol for seconds. */
    level = g_strdup_printf (_("−%u s"), point->level);
  else
    level = g_strdup (_("standard level"));

  if (point->good)
    /* Translators: the whole core test was held, e.g. "all 7 stages held" */
    stage = g_strdup_printf (ngettext ("all %u stage held", "all %u stages held", point->n_stages),
                             point->n_stages);
  else
    /* Translators: the stage a core test ended in, of all its stages. */
    stage = g_strdup_printf (_("stage %u of %u"), point->stage_reached, point->n_stages);

  if (point->form_name != NULL)
    /* Translators: one core test result: its date, seconds held of the
     * test's total seconds ("s" is the symbol for seconds), the stage,
     * the form and the level, e.g. "20 November 2026: 132 of 180 s, stage
     * 5 of 7, Three-minute form, −10 s". */
    return g_strdup_printf (_("%1$s: %2$u of %3$u s, %4$s, %5$s, %6$s"),
                            date, whole_seconds (point), point->target_s, stage,
                            point->form_name, level);
  /* Translators: the same without the form, e.g. "20 November 2026: 132 of
   * 180 s, stage 5 of 7, −10 s". */
  return g_strdup_printf (_("%1$s: %2$u of %3$u s, %4$s, %5$s"),
                          date, whole_seconds (point), point->target_s, stage, level);
}

/*
 * Adherence.
 *
 * A stretch or strength session counts when at least half of its stages
 * (its sets) were held in full, whether it ran to the end, the person
 * stopped it, or the app was closed while it ran: half a routine done is a
 * routine done that day, and a skipped set is not a set done.  A routine
 * with no stages to count counts when it ran to the end.  A checkpoint of a
 * run still in progress never counts; its final entry will.
 *
 * Days are calendar days where the person lives: a session is counted on
 * the local day it started, so one at 23:30 belongs to that evening even
 * when it is already tomorrow in UTC.  Weeks run Monday to Sunday (ISO
 * 8601).  The strength target ("at least three times a week") counts
 * different days, not sessions: two sessions on one day are one day of
 * strength work.  A run dated after today (a clock set wrong) is left out.
 */

G_DEFINE_BOXED_TYPE (BsAdherence, bs_adherence, bs_adherence_copy, bs_adherence_free)

/**
 * bs_adherence_entry_is_done:
 *
 * Returns: whether @entry counts as a routine done for adherence
 */
gboolean
bs_adherence_entry_is_done (BsHistoryEntry *entry)
{
  guint n_stages;

  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), FALSE);

  if (entry->kind != BS_HISTORY_SESSION || entry->outcome == BS_OUTCOME_IN_PROGRESS)
    return FALSE;
  n_stages = entry->stages->len;
  if (n_stages == 0)
    return entry->outcome == BS_OUTCOME_COMPLETED;
  return 2 * bs_history_entry_get_stages_done (entry) >= n_stages;
}

static guint32
epoch_julian (void)
{
  static guint32 julian;

  if (julian == 0)
    {
      GDate epoch;

      g_date_clear (&epoch, 1);
      g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
      julian = g_date_get_julian (&epoch);
    }
  return julian;
}

/* The local calendar day of an instant, as a Julian day number.  Made from
 * the zone's offset, not a GDateTime, so nothing is allocated. */
static gint64
local_julian (GTimeZone *tz,
              gint64     unix_seconds)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_seconds);
  gint64 local = unix_seconds + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);
  gint64 days = local / 86400;

  if (local % 86400 < 0)
    days--;
  return epoch_julian () + days;
}

enum {
  CATEGORY_NONE,
  CATEGORY_STRETCH,
  CATEGORY_STRENGTH,
};

static int
adherence_category (BsHistoryEntry *entry)
{
  if (entry->kind != BS_HISTORY_SESSION || entry->category == NULL)
    return CATEGORY_NONE;
  if (strcmp (entry->category, BS_CATEGORY_STRETCH) == 0)
    return CATEGORY_STRETCH;
  if (strcmp (entry->category, BS_CATEGORY_STRENGTH) == 0)
    return CATEGORY_STRENGTH;
  return CATEGORY_NONE;
}

/**
 * bs_adherence_compute:
 * @entries: a list of #BsHistoryEntry
 * @today: the local date to count up to
 * @tz: the zone whose calendar days count
 * @n_weeks: how many weeks the grid shows, at least 1
 *
 * Returns: (transfer full): the figures
 */
BsAdherence *
bs_adherence_compute (GListModel  *entries,
                      const GDate *today,
                      GTimeZone   *tz,
                      guint        n_weeks)
{
  BsAdherence *self;
  g_autoptr(GByteArray) stretched = NULL;  /* index: days before today */
  guint32 today_julian, week_start, grid_first;
  guint n_items, run;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);

  today_julian = g_date_get_julian (today);
  week_start = today_julian - (g_date_get_weekday (today) - G_DATE_MONDAY);
  grid_first = week_start - 7 * (n_weeks - 1);

  self = g_new0 (BsAdherence, 1);
  self->today = *today;
  self->n_weeks = n_weeks;
  self->weeks = g_new0 (BsAdherenceWeek, n_weeks);

  /* A year's worth up front; a longer history grows it a few times. */
  stretched = g_byte_array_sized_new (366);

  n_items = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries, i);
      int category;
      gint64 julian;

      if (entry == NULL || !BS_IS_HISTORY_ENTRY (entry))
        continue;
      category = adherence_category (entry);
      if (category == CATEGORY_NONE || entry->started_at == NULL ||
          !bs_adherence_entry_is_done (entry))
        continue;

      julian = local_julian (tz, g_date_time_to_unix (entry->started_at));
      if (julian > today_julian)
        continue;

      if (category == CATEGORY_STRETCH)
        {
          guint back = today_julian - julian;

          if (back >= stretched->len)
            {
              guint old_len = stretched->len;

              g_byte_array_set_size (stretched, MAX (back + 1, 2 * old_len));
              memset (stretched->data + old_len, 0, stretched->len - old_len);
            }
          stretched->data[back] = TRUE;
        }
      else if (julian >= grid_first)
        {
          guint offset = julian - grid_first;

          self->weeks[offset / 7].days[offset % 7].n_strength++;
        }
    }

  for (guint w = 0; w < n_weeks; w++)
    {
      BsAdherenceWeek *week = &self->weeks[w];

      for (guint d = 0; d < 7; d++)
        {
          BsAdherenceDay *day = &week->days[d];
          guint32 julian = grid_first + 7 * w + d;

          day->julian = julian;
          day->future = julian > today_julian;
          day->stretched = !day->future && today_julian - julian < stretched->len &&
                           stretched->data[today_julian - julian];
          if (day->n_strength > 0)
            week->strength_days++;
        }
      week->strength_met = week->strength_days >= BS_STRENGTH_DAYS_PER_WEEK;
    }

  for (guint back = 0; back < 7 && back < stretched->len; back++)
    if (stretched->data[back])
      self->stretched_last_7++;

  /* Today is not over: until it is, a streak that reached yesterday goes
   * on. */
  for (guint back = stretched->len > 0 && !stretched->data[0] ? 1 : 0;
       back < stretched->len && stretched->data[back]; back++)
    self->current_streak++;

  run = 0;
  for (guint back = 0; back < stretched->len; back++)
    {
      run = stretched->data[back] ? run + 1 : 0;
      self->best_streak = MAX (self->best_streak, run);
    }
  return self;
}

BsAdherence *
bs_adherence_copy (const BsAdherence *self)
{
  BsAdherence *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->weeks = g_memdup2 (self->weeks, sizeof (BsAdherenceWeek) * self->n_weeks);
  return copy;
}

void
bs_adherence_free (BsAdherence *self)
{
  if (self == NULL)
    return;
  g_free (self->weeks);
  g_free (self);
}

const BsAdherenceWeek *
bs_adherence_get_this_week (const BsAdherence *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->weeks[self->n_weeks - 1];
}

/**
 * bs_adherence_to_text:
 *
 * Returns: (transfer full): the figures in one short paragraph, for people
 *   who cannot see the grid
 */
char *
bs_adherence_to_text (const BsAdherence *self)
{
  g_autofree char *last_7 = NULL;
  g_autofree char *streak = NULL;
  g_autofree char *strength = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: how many of the last seven days had a stretch routine
   * done, e.g. "Stretched 6 of the last 7 days." */
  last_7 = g_strdup_printf (ngettext ("Stretched %u of the last 7 days.",
                                      "Stretched %u of the last 7 days.",
                                      self->stretched_last_7),
                            self->stretched_last_7);
  /* Translators: stretched days in a row up to today, then the longest
   * such run ever, e.g. "Current streak 5 days; best 21." */
  streak = g_strdup_printf (ngettext ("Current streak %u day; best %u.",
                                      "Current streak %u days; best %u.",
                                      self->current_streak),
                            self->current_streak, self->best_streak);
  /* Translators: days this week with a strength routine done, of the days
   * aimed for, e.g. "Strength sessions this week: 2 of 3." */
  strength = g_strdup_printf (_("Strength sessions this week: %u of %u."),
                              bs_adherence_get_this_week (self)->strength_days,
                              BS_STRENGTH_DAYS_PER_WEEK);
  /* Translators: joins three sentences of a summary; change the spaces if
   * your language joins sentences otherwise. */
  return g_strdup_printf (_("%1$s %2$s %3$s"), last_7, streak, strength);
}
