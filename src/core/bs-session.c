/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-core-enums.h"
#include "bs-session-private.h"

/*
 * A session walks a schedule on a clock.  This is the object: its
 * properties, signals and accessors; the walk itself, and the commands
 * that move it, are in bs-session-timeline.c.
 */

GParamSpec *bs_session_properties[N_PROPS];
guint bs_session_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BsSession, bs_session, G_TYPE_OBJECT)

static void
bs_session_dispose (GObject *object)
{
  BsSession *self = BS_SESSION (object);

  if (self->clock != NULL)
    bs_session_cancel_timeout (self);

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
  g_assert (bs_session_n_segments (self) > 0);

  self->held_ms = g_new0 (gint64, bs_session_n_segments (self));
  self->skipped = g_new0 (gboolean, bs_session_n_segments (self));
  self->remaining_seconds = bs_session_segment_at (self, 0)->duration;
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

  bs_session_properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL, BS_TYPE_SCHEDULE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  bs_session_properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, BS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  bs_session_properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, BS_TYPE_SESSION_STATE, BS_SESSION_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  bs_session_properties[PROP_SEGMENT_INDEX] =
    g_param_spec_int ("segment-index", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  bs_session_properties[PROP_REMAINING_SECONDS] =
    g_param_spec_uint ("remaining-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  bs_session_properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, BS_TYPE_RESULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BsSession:paused-by-sleep:
   *
   * %TRUE while the session is paused because the machine was suspended.
   */
  bs_session_properties[PROP_PAUSED_BY_SLEEP] =
    g_param_spec_boolean ("paused-by-sleep", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BsSession:rep:
   *
   * The repetition under way in a paced counted set, from 1; 0 elsewhere.
   */
  bs_session_properties[PROP_REP] =
    g_param_spec_uint ("rep", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, bs_session_properties);

  /**
   * BsSession::segment-started:
   * @index: the segment now current
   */
  bs_session_signals[SEGMENT_STARTED] =
    g_signal_new ("segment-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * BsSession::segment-finished:
   * @index: the segment that ended
   * @completed: %TRUE if it ran its whole time; %FALSE if it was skipped,
   *   left by going back, or ended by giving up
   */
  bs_session_signals[SEGMENT_FINISHED] =
    g_signal_new ("segment-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
  /**
   * BsSession::finished:
   *
   * The run is over: finished, stopped early or cancelled (see "state").
   */
  bs_session_signals[FINISHED] =
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
  return bs_session_segment_at (self, self->index);
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
      return bs_session_segment_usec (self, 0);
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
