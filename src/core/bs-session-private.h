/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-session.h"

G_BEGIN_DECLS

/* Shared by the object (bs-session.c) and its walk along the time line
 * (bs-session-timeline.c). */

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

extern GParamSpec *bs_session_properties[N_PROPS];
extern guint bs_session_signals[N_SIGNALS];

static inline const BsSegment *
bs_session_segment_at (BsSession *self,
                       int        index)
{
  return bs_schedule_get_segment (self->schedule, (guint) index);
}

static inline gint64
bs_session_segment_usec (BsSession *self,
                         int        index)
{
  return (gint64) bs_session_segment_at (self, index)->duration * G_USEC_PER_SEC;
}

static inline guint
bs_session_n_segments (BsSession *self)
{
  return bs_schedule_get_n_segments (self->schedule);
}

void bs_session_cancel_timeout (BsSession *self);

G_END_DECLS
