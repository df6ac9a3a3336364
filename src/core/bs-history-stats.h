/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-history-entry.h"

G_BEGIN_DECLS

/* The routine whose runs the core test chart shows. */
#define BS_CORE_TEST_ROUTINE_ID "core-test"

/* Strength sessions on this many different days make a week's target. */
#define BS_STRENGTH_DAYS_PER_WEEK 3

/**
 * BsChartPoint:
 * @when: start of the run, Unix seconds (UTC)
 * @held_s: seconds held over the whole test
 * @target_s: seconds the whole test lasts at its form and level
 * @level: seconds taken off every hold; 0 is the standard level
 * @form_id: (nullable): the form run; an interned string
 * @form_name: (nullable): the form's name as it was then; an interned string
 * @stage_reached: the stage the run ended in, 1-based
 * @n_stages: stages in the test
 * @good: every stage held in full
 *
 * One core test result.  Plain data: the strings are interned, so a point
 * stays valid after its entry is gone and can be copied freely.
 */
typedef struct
{
  gint64 when;
  double held_s;
  guint target_s;
  guint level;
  const char *form_id;
  const char *form_name;
  guint stage_reached;
  guint n_stages;
  gboolean good;
} BsChartPoint;

/**
 * BsCoreSummary:
 * @n: how many results there are; the points are unset when 0
 * @best: the result nearest to (or furthest past) its target; the earliest
 *   of equals, since that is when it was first reached
 * @latest: the newest result
 * @first: the oldest result
 */
typedef struct
{
  guint n;
  BsChartPoint best;
  BsChartPoint latest;
  BsChartPoint first;
} BsCoreSummary;

GArray *bs_history_core_series  (GListModel          *entries);
void    bs_core_summary_init    (BsCoreSummary       *summary,
                                 const BsChartPoint  *points,
                                 guint                n_points);
char   *bs_core_summary_to_text (const BsCoreSummary *summary,
                                 GTimeZone           *tz);
char   *bs_chart_point_describe (const BsChartPoint  *point,
                                 GTimeZone           *tz);
char   *bs_format_date          (gint64               when,
                                 GTimeZone           *tz);

/**
 * BsAdherenceDay:
 * @julian: the day, as g_date_get_julian() counts
 * @stretched: at least one stretch routine was done that day
 * @n_strength: strength sessions done that day
 * @future: the day is after today
 */
typedef struct
{
  guint32 julian;
  gboolean stretched;
  guint n_strength;
  gboolean future;
} BsAdherenceDay;

/**
 * BsAdherenceWeek:
 * @days: Monday to Sunday
 * @strength_days: days of the week with a strength session done
 * @strength_met: @strength_days reached %BS_STRENGTH_DAYS_PER_WEEK
 */
typedef struct
{
  BsAdherenceDay days[7];
  guint strength_days;
  gboolean strength_met;
} BsAdherenceWeek;

/**
 * BsAdherence:
 * @today: the day the figures are counted up to
 * @n_weeks: length of @weeks
 * @weeks: (array length=n_weeks): oldest first; the last is today's week
 * @current_streak: stretched days in a row ending today, or yesterday while
 *   today is not stretched yet
 * @best_streak: the longest run of stretched days in the whole history
 * @stretched_last_7: stretched days among today and the six days before
 *
 * Read-only figures; free with bs_adherence_free().
 */
typedef struct
{
  GDate today;
  guint n_weeks;
  BsAdherenceWeek *weeks;
  guint current_streak;
  guint best_streak;
  guint stretched_last_7;
} BsAdherence;

#define BS_TYPE_ADHERENCE (bs_adherence_get_type ())

GType                  bs_adherence_get_type      (void) G_GNUC_CONST;
BsAdherence           *bs_adherence_compute       (GListModel        *entries,
                                                   const GDate       *today,
                                                   GTimeZone         *tz,
                                                   guint              n_weeks);
BsAdherence           *bs_adherence_copy          (const BsAdherence *self);
void                   bs_adherence_free          (BsAdherence       *self);
const BsAdherenceWeek *bs_adherence_get_this_week (const BsAdherence *self);
char                  *bs_adherence_to_text       (const BsAdherence *self);
gboolean               bs_adherence_entry_is_done (BsHistoryEntry    *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BsAdherence, bs_adherence_free)

G_END_DECLS
