/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-result.h"

/*
 * What a run of a routine came to.  For the core strength test the score is
 * not a number anyone types: it is how far the person got.  A run counts as
 * "good core strength" only if every stage was held for its whole time,
 * so a skipped stage means a finished run that does not count.
 */
struct _BsResult
{
  GObject parent_instance;

  BsSchedule *schedule;
  gboolean completed;
  GArray *stage_held_ms;   /* gint64, index = stage - 1 */
  GArray *stage_skipped;   /* gboolean, index = stage - 1 */
  guint stage_reached;
  GDateTime *started_at;
  GDateTime *ended_at;
};

G_DEFINE_FINAL_TYPE (BsResult, bs_result, G_TYPE_OBJECT)

static void
bs_result_finalize (GObject *object)
{
  BsResult *self = BS_RESULT (object);

  g_clear_object (&self->schedule);
  g_array_unref (self->stage_held_ms);
  g_array_unref (self->stage_skipped);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);

  G_OBJECT_CLASS (bs_result_parent_class)->finalize (object);
}

static void
bs_result_class_init (BsResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_result_finalize;
}

static void
bs_result_init (BsResult *self)
{
  self->stage_held_ms = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->stage_skipped = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

/**
 * bs_result_new:
 * @schedule: what was run
 * @completed: whether the run reached the end of the schedule
 * @held_ms: (array): for every segment, the milliseconds held in it
 * @skipped: (array): for every segment, whether it was skipped
 * @last_segment: the segment the run ended in
 * @started_at: (nullable): wall-clock start
 * @ended_at: (nullable): wall-clock end
 */
BsResult *
bs_result_new (BsSchedule     *schedule,
               gboolean        completed,
               const gint64   *held_ms,
               const gboolean *skipped,
               guint           last_segment,
               GDateTime      *started_at,
               GDateTime      *ended_at)
{
  BsResult *self;
  guint n_stages;

  g_return_val_if_fail (BS_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (last_segment < bs_schedule_get_n_segments (schedule), NULL);

  self = g_object_new (BS_TYPE_RESULT, NULL);
  self->schedule = g_object_ref (schedule);
  self->completed = completed;
  self->started_at = started_at ? g_date_time_to_utc (started_at) : NULL;
  self->ended_at = ended_at ? g_date_time_to_utc (ended_at) : NULL;

  n_stages = bs_schedule_get_n_stages (schedule);
  g_array_set_size (self->stage_held_ms, n_stages);
  g_array_set_size (self->stage_skipped, n_stages);
  for (guint i = 0; i < bs_schedule_get_n_segments (schedule); i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);

      if (segment->stage == 0)
        continue;
      g_array_index (self->stage_held_ms, gint64, segment->stage - 1) = held_ms[i];
      g_array_index (self->stage_skipped, gboolean, segment->stage - 1) = skipped[i];
    }

  if (completed)
    {
      self->stage_reached = n_stages;
    }
  else
    {
      /* Stopping in the lead-in, or in any segment before the first hold,
       * reaches no stage at all. */
      self->stage_reached = 0;
      for (guint i = 0; i <= last_segment; i++)
        {
          const BsSegment *segment = bs_schedule_get_segment (schedule, i);
          if (segment->stage > 0)
            self->stage_reached = segment->stage;
        }
    }

  return self;
}

BsSchedule *
bs_result_get_schedule (BsResult *self)
{
  g_return_val_if_fail (BS_IS_RESULT (self), NULL);
  return self->schedule;
}

gboolean
bs_result_get_completed (BsResult *self)
{
  g_return_val_if_fail (BS_IS_RESULT (self), FALSE);
  return self->completed;
}

gboolean
bs_result_get_scored (BsResult *self)
{
  g_return_val_if_fail (BS_IS_RESULT (self), FALSE);
  return bs_routine_get_scoring (bs_schedule_get_routine (self->schedule)) == BS_SCORING_HOLD_TEST;
}

/**
 * bs_result_get_good:
 *
 * Returns: %TRUE for a scored test finished with every stage held in full
 */
gboolean
bs_result_get_good (BsResult *self)
{
  g_return_val_if_fail (BS_IS_RESULT (self), FALSE);
  return bs_result_get_scored (self) && self->completed && bs_result_get_n_skipped (self) == 0;
}

/**
 * bs_result_get_stage_reached:
 *
 * Returns: the 1-based stage the run ended in, the number of stages if it
 *   was completed, or 0 if it ended before the first stage
 */
guint
bs_result_get_stage_reached (BsResult *self)
{
  g_return_val_if_fail (BS_IS_RESULT (self), 0);
  return self->stage_reached;
}

gint64
bs_result_get_stage_held_ms (BsResult *self,
                             guint     stage)
{
  g_return_val_if_fail (BS_IS_RESULT (self), 0);
  g_return_val_if_fail (stage >= 1 && stage <= self->stage_held_ms->len, 0);
  return g_array_index (self->stage_held_ms, gint64, stage - 1);
}

/**
 * bs_result_get_held_ms:
 *
 * Returns: the milliseconds held over all stages, without the lead-in
 */
gint64
bs_result_get_held_ms (BsResult *self)
{
  gint64 total = 0;

  g_return_val_if_fail (BS_IS_RESULT (self), 0);
  for (guint i = 0; i < self->stage_held_ms->len; i++)
    total += g_array_index (self->stage_held_ms, gint64, i);
  return total;
}

guint
bs_result_get_target_seconds (BsResult *self)
{
  g_return_val_if_fail (BS_IS_RESULT (self), 0);
  return bs_schedule_get_work_seconds (self->schedule);
}

guint
bs_result_get_n_skipped (BsResult *self)
{
  guint n = 0;

  g_return_val_if_fail (BS_IS_RESULT (self), 0);
  for (guint i = 0; i < self->stage_skipped->len; i++)
    n += g_array_index (self->stage_skipped, gboolean, i) ? 1 : 0;
  return n;
}

/**
 * bs_result_stage_was_skipped:
 * @stage: 1-based
 */
gboolean
bs_result_stage_was_skipped (BsResult *self,
                             guint     stage)
{
  g_return_val_if_fail (BS_IS_RESULT (self), FALSE);

  if (stage == 0 || stage > self->stage_skipped->len)
    return FALSE;
  return g_array_index (self->stage_skipped, gboolean, stage - 1);
}

GDateTime *
bs_result_get_started_at (BsResult *self)
{
  g_return_val_if_fail (BS_IS_RESULT (self), NULL);
  return self->started_at;
}

GDateTime *
bs_result_get_ended_at (BsResult *self)
{
  g_return_val_if_fail (BS_IS_RESULT (self), NULL);
  return self->ended_at;
}
