/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-clock.h"
#include "bs-result.h"
#include "bs-schedule.h"

G_BEGIN_DECLS

/**
 * BsSessionState:
 * @BS_SESSION_IDLE: not started
 * @BS_SESSION_GET_READY: counting down the lead-in
 * @BS_SESSION_RUNNING: in a hold
 * @BS_SESSION_PAUSED: paused; resuming continues with the time that was left
 * @BS_SESSION_FINISHED: reached the end of the schedule
 * @BS_SESSION_STOPPED_EARLY: the person had to stop; this is how a test is scored
 * @BS_SESSION_CANCELLED: abandoned; the run leaves no result
 * @BS_SESSION_WAITING: in a set done "until done": the clock does not run
 *   and nothing happens until bs_session_done() (or skip, back, give up)
 */
typedef enum
{
  BS_SESSION_IDLE,
  BS_SESSION_GET_READY,
  BS_SESSION_RUNNING,
  BS_SESSION_PAUSED,
  BS_SESSION_FINISHED,
  BS_SESSION_STOPPED_EARLY,
  BS_SESSION_CANCELLED,
  BS_SESSION_WAITING,
} BsSessionState;

/* Back within this many seconds of a segment's start goes to the previous
 * segment; later, it restarts the current one (as media players do). */
#define BS_SESSION_BACK_RESTART_USEC (3 * G_USEC_PER_SEC)

/* Asleep this long or more between two of the session's wake-ups (at most
 * a second apart) means the machine was suspended. */
#define BS_SESSION_SLEEP_THRESHOLD_USEC (G_USEC_PER_SEC / 2)

#define BS_TYPE_SESSION (bs_session_get_type ())
G_DECLARE_FINAL_TYPE (BsSession, bs_session, BS, SESSION, GObject)

BsSession      *bs_session_new                   (BsSchedule *schedule,
                                                  BsClock    *clock);
BsSchedule     *bs_session_get_schedule          (BsSession  *self);
BsClock        *bs_session_get_clock             (BsSession  *self);
BsSessionState  bs_session_get_state             (BsSession  *self);
gboolean        bs_session_is_active             (BsSession  *self);
gboolean        bs_session_get_paused_by_sleep   (BsSession  *self);
int             bs_session_get_segment_index     (BsSession  *self);
const BsSegment *bs_session_get_segment          (BsSession  *self);
gint64          bs_session_get_remaining_usec    (BsSession  *self);
guint           bs_session_get_remaining_seconds (BsSession  *self);
guint           bs_session_get_rep               (BsSession  *self);
BsResult       *bs_session_get_result            (BsSession  *self);
BsResult       *bs_session_snapshot_result       (BsSession  *self);

void            bs_session_start                 (BsSession  *self);
void            bs_session_pause                 (BsSession  *self);
void            bs_session_resume                (BsSession  *self);
void            bs_session_toggle_pause          (BsSession  *self);
void            bs_session_skip                  (BsSession  *self);
void            bs_session_done                  (BsSession  *self);
void            bs_session_back                  (BsSession  *self);
void            bs_session_give_up               (BsSession  *self);
void            bs_session_stop                  (BsSession  *self);

G_END_DECLS
