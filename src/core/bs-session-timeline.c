/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * Walks a schedule on a clock: the session's deadlines and wake-ups, its
 * segments, noticing that the machine slept, and the person's commands.
 *
 * The session keeps the deadline of the current segment, never a count of
 * ticks: each segment's deadline is the previous one plus its duration, so
 * a late wake-up shortens nothing and lengthens nothing, and thousands of
 * seconds later the session is exactly where the schedule says.
 *
 * It wakes up only when the whole number of seconds left changes (so a
 * display bound to "remaining-seconds" updates on the second) and at each
 * segment's end.  A paced counted set needs nothing more: its repetitions
 * are whole seconds long, so every repetition starts on such a wake-up.
 *
 * A set done "until done" has no deadline.  The session waits in it
 * (BS_SESSION_WAITING) with the clock out of the picture, however long it
 * takes, until bs_session_done().  There:
 *   pause    pauses the wait; resuming waits again
 *   skip     leaves the set as skipped and goes on
 *   back     restarts the wait, or goes to the previous segment within
 *            BS_SESSION_BACK_RESTART_USEC of entering it
 *   give up  ends the run there, keeping the time spent in the set
 * The time line after the set starts from the moment it is done.
 */

#include "bs-session-private.h"

static void reschedule (BsSession *self);

static void
set_state (BsSession      *self,
           BsSessionState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), bs_session_properties[PROP_STATE]);
}

static gboolean
in_wait (BsSession *self)
{
  return bs_session_segment_at (self, self->index)->until_done;
}

static void
update_rep (BsSession *self,
            gint64     left)
{
  const BsSegment *segment = bs_session_segment_at (self, self->index);
  guint rep = 0;

  if (segment->pace > 0 && bs_session_is_active (self))
    {
      gint64 elapsed = bs_session_segment_usec (self, self->index) - left;

      rep = (guint) MIN ((gint64) segment->reps, elapsed / (segment->pace * G_USEC_PER_SEC) + 1);
    }
  if (rep == self->rep)
    return;
  self->rep = rep;
  g_object_notify_by_pspec (G_OBJECT (self), bs_session_properties[PROP_REP]);
}

static void
update_remaining (BsSession *self)
{
  gint64 left = bs_session_get_remaining_usec (self);
  guint seconds = (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  update_rep (self, left);
  if (seconds == self->remaining_seconds)
    return;
  self->remaining_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), bs_session_properties[PROP_REMAINING_SECONDS]);
}

void
bs_session_cancel_timeout (BsSession *self)
{
  if (self->timeout_id != 0)
    {
      bs_clock_remove_timeout (self->clock, self->timeout_id);
      self->timeout_id = 0;
    }
}

static gint64
elapsed_in_segment (BsSession *self)
{
  if (in_wait (self))
    {
      if (self->state == BS_SESSION_WAITING)
        return bs_clock_get_time (self->clock) - self->wait_start;
      if (self->state == BS_SESSION_PAUSED)
        return self->paused_elapsed;
      return 0;
    }
  return bs_session_segment_usec (self, self->index) - bs_session_get_remaining_usec (self);
}

static BsSessionState
state_for_segment (BsSession *self,
                   int        index)
{
  const BsSegment *segment = bs_session_segment_at (self, index);

  if (segment->kind == BS_SEGMENT_GET_READY)
    return BS_SESSION_GET_READY;
  return segment->until_done ? BS_SESSION_WAITING : BS_SESSION_RUNNING;
}

/* Enters @index.  While running, it begins at @start (the previous
 * deadline, or now); while paused, it waits with its whole time left. */
static void
enter_segment (BsSession *self,
               int        index,
               gint64     start)
{
  self->index = index;
  self->held_ms[index] = 0;
  self->skipped[index] = FALSE;

  if (self->state == BS_SESSION_PAUSED)
    {
      self->paused_left = bs_session_segment_usec (self, index);
      self->paused_elapsed = 0;
      self->state_before_pause = state_for_segment (self, index);
    }
  else
    {
      self->deadline = start + bs_session_segment_usec (self, index);
      self->wait_start = start;
      set_state (self, state_for_segment (self, index));
    }

  g_object_notify_by_pspec (G_OBJECT (self), bs_session_properties[PROP_SEGMENT_INDEX]);
  update_remaining (self);
  g_signal_emit (self, bs_session_signals[SEGMENT_STARTED], 0, (guint) index);
}

static void
end_segment (BsSession *self,
             gint64     held_usec,
             gboolean   skipped,
             gboolean   completed)
{
  self->held_ms[self->index] = held_usec / 1000;
  self->skipped[self->index] = skipped && bs_session_segment_at (self, self->index)->kind == BS_SEGMENT_WORK;
  g_signal_emit (self, bs_session_signals[SEGMENT_FINISHED], 0, (guint) self->index, completed);
}

static void
finish (BsSession      *self,
        BsSessionState  state)
{
  g_autoptr(GDateTime) ended_at = g_date_time_new_now_utc ();

  bs_session_cancel_timeout (self);

  if (state != BS_SESSION_CANCELLED)
    {
      self->result = bs_result_new (self->schedule, state == BS_SESSION_FINISHED,
                                    self->held_ms, self->skipped, (guint) self->index,
                                    self->started_at, ended_at);
      g_object_notify_by_pspec (G_OBJECT (self), bs_session_properties[PROP_RESULT]);
    }

  set_state (self, state);
  update_remaining (self);
  g_signal_emit (self, bs_session_signals[FINISHED], 0);
}

/* The time line stops while the machine sleeps, so a session would carry
 * on afterwards as if nothing happened, though the person has surely let go.
 * It pauses instead, at the time that was left, and says why. */
static gboolean
check_sleep (BsSession *self)
{
  gint64 slept = bs_clock_get_sleep_time (self->clock);
  gboolean asleep = slept - self->sleep_mark >= BS_SESSION_SLEEP_THRESHOLD_USEC;

  self->sleep_mark = slept;
  if (!asleep)
    return FALSE;
  bs_session_pause (self);
  self->slept = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), bs_session_properties[PROP_PAUSED_BY_SLEEP]);
  return TRUE;
}

static void
on_timeout (gpointer data)
{
  BsSession *self = data;
  gint64 now = bs_clock_get_time (self->clock);

  self->timeout_id = 0;
  if (check_sleep (self))
    return;
  g_object_ref (self);

  /* Catch up on every boundary that has passed, each from its own
   * deadline, so the time line never slips. */
  while (now >= self->deadline &&
         (self->state == BS_SESSION_GET_READY || self->state == BS_SESSION_RUNNING))
    {
      gint64 boundary = self->deadline;

      end_segment (self, bs_session_segment_usec (self, self->index), FALSE, TRUE);
      if ((guint) self->index + 1 >= bs_session_n_segments (self))
        {
          finish (self, BS_SESSION_FINISHED);
          break;
        }
      enter_segment (self, self->index + 1, boundary);
    }

  if (self->state == BS_SESSION_GET_READY || self->state == BS_SESSION_RUNNING)
    {
      update_remaining (self);
      reschedule (self);
    }
  g_object_unref (self);
}

/* Wakes up when the displayed whole second changes, or at the deadline. */
static void
reschedule (BsSession *self)
{
  gint64 left, next;
  gint64 whole;

  bs_session_cancel_timeout (self);
  if (self->state != BS_SESSION_GET_READY && self->state != BS_SESSION_RUNNING)
    return;

  left = self->deadline - bs_clock_get_time (self->clock);
  whole = (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  next = whole > 1 ? self->deadline - (whole - 1) * G_USEC_PER_SEC : self->deadline;
  /* A wake-up judges sleep only since it was planned: a long wait in a
   * set done "until done", with no wake-ups, is not a suspend. */
  self->sleep_mark = bs_clock_get_sleep_time (self->clock);
  self->timeout_id = bs_clock_add_timeout (self->clock, next, on_timeout, self, NULL);
}

/* After a segment the person ended: the next one from now, or the end. */
static void
next_or_finish (BsSession *self)
{
  if ((guint) self->index + 1 >= bs_session_n_segments (self))
    {
      finish (self, BS_SESSION_FINISHED);
      return;
    }
  enter_segment (self, self->index + 1, bs_clock_get_time (self->clock));
  reschedule (self);
}

void
bs_session_start (BsSession *self)
{
  g_return_if_fail (BS_IS_SESSION (self));
  g_return_if_fail (self->state == BS_SESSION_IDLE);

  self->started_at = g_date_time_new_now_utc ();
  self->sleep_mark = bs_clock_get_sleep_time (self->clock);
  enter_segment (self, 0, bs_clock_get_time (self->clock));
  reschedule (self);
}

void
bs_session_pause (BsSession *self)
{
  g_return_if_fail (BS_IS_SESSION (self));

  if (self->state != BS_SESSION_GET_READY && self->state != BS_SESSION_RUNNING &&
      self->state != BS_SESSION_WAITING)
    return;

  self->paused_elapsed = elapsed_in_segment (self);
  self->paused_left = bs_session_get_remaining_usec (self);
  self->state_before_pause = self->state;
  bs_session_cancel_timeout (self);
  set_state (self, BS_SESSION_PAUSED);
}

void
bs_session_resume (BsSession *self)
{
  g_return_if_fail (BS_IS_SESSION (self));

  if (self->state != BS_SESSION_PAUSED)
    return;

  self->deadline = bs_clock_get_time (self->clock) + self->paused_left;
  self->wait_start = bs_clock_get_time (self->clock) - self->paused_elapsed;
  self->sleep_mark = bs_clock_get_sleep_time (self->clock);
  if (self->slept)
    {
      self->slept = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), bs_session_properties[PROP_PAUSED_BY_SLEEP]);
    }
  set_state (self, self->state_before_pause);
  update_remaining (self);
  reschedule (self);
}

void
bs_session_toggle_pause (BsSession *self)
{
  g_return_if_fail (BS_IS_SESSION (self));

  if (self->state == BS_SESSION_PAUSED)
    bs_session_resume (self);
  else
    bs_session_pause (self);
}

/**
 * bs_session_skip:
 *
 * Ends the current segment now and moves to the next; skipping the last
 * one finishes the run.  A skipped hold counts as not held in full.
 */
void
bs_session_skip (BsSession *self)
{
  g_return_if_fail (BS_IS_SESSION (self));

  if (!bs_session_is_active (self))
    return;

  end_segment (self, elapsed_in_segment (self), TRUE, FALSE);
  next_or_finish (self);
}

/**
 * bs_session_done:
 *
 * The person says the counted set is done: in a set done "until done",
 * what the session waits for; in a paced set, done early.  Either way the
 * set counts as completed, held for the time it took, and the run goes on
 * from now.  Paused, it moves on and stays paused, as skip does.  In any
 * other segment it does nothing.
 */
void
bs_session_done (BsSession *self)
{
  const BsSegment *segment;

  g_return_if_fail (BS_IS_SESSION (self));

  if (!bs_session_is_active (self) || self->state == BS_SESSION_GET_READY)
    return;
  segment = bs_session_segment_at (self, self->index);
  if (segment->kind != BS_SEGMENT_WORK || segment->reps == 0)
    return;

  end_segment (self, elapsed_in_segment (self), FALSE, TRUE);
  next_or_finish (self);
}

/**
 * bs_session_back:
 *
 * Restarts the current segment, or goes to the previous one when the
 * current one started less than %BS_SESSION_BACK_RESTART_USEC ago.
 */
void
bs_session_back (BsSession *self)
{
  int target;

  g_return_if_fail (BS_IS_SESSION (self));

  if (!bs_session_is_active (self))
    return;

  target = self->index;
  if (elapsed_in_segment (self) < BS_SESSION_BACK_RESTART_USEC && self->index > 0)
    target = self->index - 1;

  /* Neither the segment left nor the one returned to has been held. */
  end_segment (self, 0, FALSE, FALSE);
  enter_segment (self, target, bs_clock_get_time (self->clock));
  reschedule (self);
}

/**
 * bs_session_give_up:
 *
 * "I had to stop": ends the run here, keeping how far it got.
 */
void
bs_session_give_up (BsSession *self)
{
  g_return_if_fail (BS_IS_SESSION (self));

  if (!bs_session_is_active (self))
    return;

  end_segment (self, elapsed_in_segment (self), FALSE, FALSE);
  finish (self, BS_SESSION_STOPPED_EARLY);
}

/**
 * bs_session_stop:
 *
 * Abandons the run; it leaves no result.
 */
void
bs_session_stop (BsSession *self)
{
  g_return_if_fail (BS_IS_SESSION (self));

  if (!bs_session_is_active (self) && self->state != BS_SESSION_IDLE)
    return;

  finish (self, BS_SESSION_CANCELLED);
}
