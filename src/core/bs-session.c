/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-core-enums.h"
#include "bs-session.h"

/*
 * Walks a schedule on a clock.
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

struct _BsSession
{
  GObject parent_instance;

  BsSchedule *schedule;
  BsClock *clock;

  BsSessionState state;
  BsSessionState state_before_pause;
  int index;
  gint64 deadline;       /* while get-ready or running */
  gint64 paused_left;    /* while paused */
  guint timeout_id;
  guint remaining_seconds;
  guint rep;             /* of a paced counted set, else 0 */
  gint64 wait_start;     /* while waiting: when the wait began */
  gint64 paused_elapsed; /* while paused in a wait: how long it had lasted */

  gint64 sleep_mark;     /* the clock's sleep time when last checked */
  gboolean slept;        /* paused because the machine was suspended */

  gint64 *held_ms;       /* per segment */
  gboolean *skipped;     /* per segment */
  GDateTime *started_at;
  BsResult *result;
};

enum {
  PROP_0,
  PROP_SCHEDULE,
  PROP_CLOCK,
  PROP_STATE,
  PROP_SEGMENT_INDEX,
  PROP_REMAINING_SECONDS,
  PROP_RESULT,
  PROP_PAUSED_BY_SLEEP,
  PROP_REP,
  N_PROPS
};

enum {
  SEGMENT_STARTED,
  SEGMENT_FINISHED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BsSession, bs_session, G_TYPE_OBJECT)

static void reschedule (BsSession *self);

static const BsSegment *
segment_at (BsSession *self,
            int        index)
{
  return bs_schedule_get_segment (self->schedule, (guint) index);
}

static gint64
segment_usec (BsSession *self,
              int        index)
{
  return (gint64) segment_at (self, index)->duration * G_USEC_PER_SEC;
}

static guint
n_segments (BsSession *self)
{
  return bs_schedule_get_n_segments (self->schedule);
}

static void
set_state (BsSession      *self,
           BsSessionState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
in_wait (BsSession *self)
{
  return segment_at (self, self->index)->until_done;
}

static void
update_rep (BsSession *self,
            gint64     left)
{
  const BsSegment *segment = segment_at (self, self->index);
  guint rep = 0;

  if (segment->pace > 0 && bs_session_is_active (self))
    {
      gint64 elapsed = segment_usec (self, self->index) - left;

      rep = (guint) MIN ((gint64) segment->reps, elapsed / (segment->pace * G_USEC_PER_SEC) + 1);
    }
  if (rep == self->rep)
    return;
  self->rep = rep;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REP]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_SECONDS]);
}

static void
cancel_timeout (BsSession *self)
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
  return segment_usec (self, self->index) - bs_session_get_remaining_usec (self);
}

static BsSessionState
state_for_segment (BsSession *self,
                   int        index)
{
  const BsSegment *segment = segment_at (self, index);

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
      self->paused_left = segment_usec (self, index);
      self->paused_elapsed = 0;
      self->state_before_pause = state_for_segment (self, index);
    }
  else
    {
      self->deadline = start + segment_usec (self, index);
      self->wait_start = start;
      set_state (self, state_for_segment (self, index));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT_INDEX]);
  update_remaining (self);
  g_signal_emit (self, signals[SEGMENT_STARTED], 0, (guint) index);
}

static void
end_segment (BsSession *self,
             gint64     held_usec,
             gboolean   skipped,
             gboolean   completed)
{
  self->held_ms[self->index] = held_usec / 1000;
  self->skipped[self->index] = skipped && segment_at (self, self->index)->kind == BS_SEGMENT_WORK;
  g_signal_emit (self, signals[SEGMENT_FINISHED], 0, (guint) self->index, completed);
}

static void
finish (BsSession      *self,
        BsSessionState  state)
{
  g_autoptr(GDateTime) ended_at = g_date_time_new_now_utc ();

  cancel_timeout (self);

  if (state != BS_SESSION_CANCELLED)
    {
      self->result = bs_result_new (self->schedule, state == BS_SESSION_FINISHED,
                                    self->held_ms, self->skipped, (guint) self->index,
                                    self->started_at, ended_at);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
    }

  set_state (self, state);
  update_remaining (self);
  g_signal_emit (self, signals[FINISHED], 0);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED_BY_SLEEP]);
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

      end_segment (self, segment_usec (self, self->index), FALSE, TRUE);
      if ((guint) self->index + 1 >= n_segments (self))
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

  cancel_timeout (self);
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

static void
bs_session_dispose (GObject *object)
{
  BsSession *self = BS_SESSION (object);

  if (self->clock != NULL)
    cancel_timeout (self);

  G_OBJECT_CLASS (bs_session_parent_class)->dispose (object);
}

static void
bs_session_finalize (GObject *object)
{
  BsSession *self = BS_SESSION (object);

  g_clear_object (&self->schedule);
  g_clear_object (&self->clock);
  g_clear_object (&self->result);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_free (self->held_ms);
  g_free (self->skipped);

  G_OBJECT_CLASS (bs_session_parent_class)->finalize (object);
}

static void
bs_session_constructed (GObject *object)
{
  BsSession *self = BS_SESSION (object);

  G_OBJECT_CLASS (bs_session_parent_class)->constructed (object);

  g_assert (self->schedule != NULL);
  g_assert (self->clock != NULL);
  g_assert (n_segments (self) > 0);

  self->held_ms = g_new0 (gint64, n_segments (self));
  self->skipped = g_new0 (gboolean, n_segments (self));
  self->remaining_seconds = segment_at (self, 0)->duration;
}

static void
bs_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BsSession *self = BS_SESSION (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SEGMENT_INDEX:
      g_value_set_int (value, self->index);
      break;
    case PROP_REMAINING_SECONDS:
      g_value_set_uint (value, self->remaining_seconds);
      break;
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;
    case PROP_PAUSED_BY_SLEEP:
      g_value_set_boolean (value, self->slept);
      break;
    case PROP_REP:
      g_value_set_uint (value, self->rep);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BsSession *self = BS_SESSION (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      self->schedule = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_session_class_init (BsSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bs_session_constructed;
  object_class->dispose = bs_session_dispose;
  object_class->finalize = bs_session_finalize;
  object_class->get_property = bs_session_get_property;
  object_class->set_property = bs_session_set_property;

  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL, BS_TYPE_SCHEDULE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, BS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, BS_TYPE_SESSION_STATE, BS_SESSION_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT_INDEX] =
    g_param_spec_int ("segment-index", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMAINING_SECONDS] =
    g_param_spec_uint ("remaining-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, BS_TYPE_RESULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BsSession:paused-by-sleep:
   *
   * %TRUE while the session is paused because the machine was suspended.
   */
  properties[PROP_PAUSED_BY_SLEEP] =
    g_param_spec_boolean ("paused-by-sleep", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BsSession:rep:
   *
   * The repetition under way in a paced counted set, from 1; 0 elsewhere.
   */
  properties[PROP_REP] =
    g_param_spec_uint ("rep", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BsSession::segment-started:
   * @index: the segment now current
   */
  signals[SEGMENT_STARTED] =
    g_signal_new ("segment-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * BsSession::segment-finished:
   * @index: the segment that ended
   * @completed: %TRUE if it ran its whole time; %FALSE if it was skipped,
   *   left by going back, or ended by giving up
   */
  signals[SEGMENT_FINISHED] =
    g_signal_new ("segment-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
  /**
   * BsSession::finished:
   *
   * The run is over: finished, stopped early or cancelled (see "state").
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bs_session_init (BsSession *self)
{
  self->state = BS_SESSION_IDLE;
}

BsSession *
bs_session_new (BsSchedule *schedule,
                BsClock    *clock)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (BS_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (bs_schedule_get_n_segments (schedule) > 0, NULL);

  return g_object_new (BS_TYPE_SESSION, "schedule", schedule, "clock", clock, NULL);
}

BsSchedule *
bs_session_get_schedule (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), NULL);
  return self->schedule;
}

BsClock *
bs_session_get_clock (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), NULL);
  return self->clock;
}

BsSessionState
bs_session_get_state (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), BS_SESSION_IDLE);
  return self->state;
}

/**
 * bs_session_get_paused_by_sleep:
 *
 * Returns: %TRUE if the session paused itself because the machine slept
 */
gboolean
bs_session_get_paused_by_sleep (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), FALSE);
  return self->slept;
}

/**
 * bs_session_is_active:
 *
 * Returns: %TRUE while the session counts down, waits or is paused
 */
gboolean
bs_session_is_active (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), FALSE);
  return self->state == BS_SESSION_GET_READY || self->state == BS_SESSION_RUNNING ||
         self->state == BS_SESSION_WAITING || self->state == BS_SESSION_PAUSED;
}

int
bs_session_get_segment_index (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), 0);
  return self->index;
}

const BsSegment *
bs_session_get_segment (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), NULL);
  return segment_at (self, self->index);
}

/**
 * bs_session_get_remaining_usec:
 *
 * Returns: the exact time left in the current segment; 0 while waiting
 *   for a set done "until done"
 */
gint64
bs_session_get_remaining_usec (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), 0);

  switch (self->state)
    {
    case BS_SESSION_IDLE:
      return segment_usec (self, 0);
    case BS_SESSION_GET_READY:
    case BS_SESSION_RUNNING:
      return MAX (0, self->deadline - bs_clock_get_time (self->clock));
    case BS_SESSION_PAUSED:
      return self->paused_left;
    case BS_SESSION_WAITING:
    case BS_SESSION_FINISHED:
    case BS_SESSION_STOPPED_EARLY:
    case BS_SESSION_CANCELLED:
    default:
      return 0;
    }
}

/**
 * bs_session_get_remaining_seconds:
 *
 * Returns: the seconds left in the current segment, rounded up, as a
 *   countdown shows them
 */
guint
bs_session_get_remaining_seconds (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), 0);
  return self->remaining_seconds;
}

/**
 * bs_session_get_rep:
 *
 * Returns: in a paced counted set, the repetition under way, from 1 (it
 *   stays at the last one when the set ends); 0 in any other segment
 */
guint
bs_session_get_rep (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), 0);
  return self->rep;
}

/**
 * bs_session_get_result:
 *
 * Returns: (transfer none) (nullable): the result once the session has
 *   finished or was stopped early
 */
BsResult *
bs_session_get_result (BsSession *self)
{
  g_return_val_if_fail (BS_IS_SESSION (self), NULL);
  return self->result;
}

/**
 * bs_session_snapshot_result:
 *
 * What the run holds so far, as if it stopped in the current segment: the
 * checkpoint the history keeps in case the app never sees the end.
 *
 * Returns: (transfer full) (nullable): a new result, or %NULL before the
 *   session starts
 */
BsResult *
bs_session_snapshot_result (BsSession *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (BS_IS_SESSION (self), NULL);

  if (self->result != NULL)
    return g_object_ref (self->result);
  if (self->started_at == NULL || self->index < 0)
    return NULL;

  now = g_date_time_new_now_utc ();
  return bs_result_new (self->schedule, FALSE, self->held_ms, self->skipped,
                        (guint) self->index, self->started_at, now);
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
  cancel_timeout (self);
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED_BY_SLEEP]);
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
  if ((guint) self->index + 1 >= n_segments (self))
    {
      finish (self, BS_SESSION_FINISHED);
      return;
    }
  enter_segment (self, self->index + 1, bs_clock_get_time (self->clock));
  reschedule (self);
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
  segment = segment_at (self, self->index);
  if (segment->kind != BS_SEGMENT_WORK || segment->reps == 0)
    return;

  end_segment (self, elapsed_in_segment (self), FALSE, TRUE);
  if ((guint) self->index + 1 >= n_segments (self))
    {
      finish (self, BS_SESSION_FINISHED);
      return;
    }
  enter_segment (self, self->index + 1, bs_clock_get_time (self->clock));
  reschedule (self);
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
  self->held_ms[self->index] = 0;
  self->skipped[self->index] = FALSE;
  g_signal_emit (self, signals[SEGMENT_FINISHED], 0, (guint) self->index, FALSE);
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
