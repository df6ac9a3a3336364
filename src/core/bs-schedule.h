/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-routine.h"

G_BEGIN_DECLS

/**
 * BsSegmentKind:
 * @BS_SEGMENT_GET_READY: the lead-in before the first step; not part of a test
 * @BS_SEGMENT_WORK: a hold, one side of a per-side hold, or a set of repetitions
 * @BS_SEGMENT_REST: a rest: between sets, after a step, between rounds, or
 *   a rest step
 * @BS_SEGMENT_SWITCH_SIDES: the pause to change sides in a per-side hold
 */
typedef enum
{
  BS_SEGMENT_GET_READY,
  BS_SEGMENT_WORK,
  BS_SEGMENT_REST,
  BS_SEGMENT_SWITCH_SIDES,
} BsSegmentKind;

/**
 * BsSegment:
 * @kind: what happens in the segment
 * @step_index: the routine step it comes from, or -1 (the lead-in, a rest
 *   between rounds)
 * @stage: 1-based number among the work segments, or 0 for other segments
 * @name: what to show as the title; "Rest" and "Switch sides" for the
 *   rests and switches the schedule adds
 * @instruction: (nullable): one line of how to do it
 * @side: the side worked; for a switch, the side about to be worked
 * @start: seconds from the start of the schedule
 * @duration: seconds; 0 for a set done "until done"
 * @set: 1-based set of the step, for its work segments and switches, when
 *   the step has more than one set; else 0
 * @n_sets: the step's sets when @set is not 0; else 0
 * @round: 1-based round, for every segment but the lead-in, when the
 *   routine has more than one round; else 0
 * @n_rounds: the routine's rounds when @round is not 0; else 0
 * @reps: the repetitions of a counted set; else 0
 * @pace: seconds per repetition of a paced counted set; else 0
 * @until_done: %TRUE for a counted set that lasts until the person says
 *   it is done; the session waits there and @duration is 0
 * @illustration: (nullable): the id of the picture to show
 * @next_work: the index of the next work segment, or -1 at the end: what a
 *   rest or a switch leads to
 *
 * One stretch of time with a single thing to do.  Everything that runs a
 * routine (the session, the cues, the display) reads these.
 */
typedef struct
{
  BsSegmentKind kind;
  int step_index;
  guint stage;
  const char *name;
  const char *instruction;
  BsSide side;
  guint start;
  guint duration;
  guint set;
  guint n_sets;
  guint round;
  guint n_rounds;
  guint reps;
  guint pace;
  gboolean until_done;
  const char *illustration;
  int next_work;
} BsSegment;

#define BS_SCHEDULE_DEFAULT_LEAD_IN 10
#define BS_SCHEDULE_MAX_LEAD_IN 120

#define BS_TYPE_SCHEDULE (bs_schedule_get_type ())
G_DECLARE_FINAL_TYPE (BsSchedule, bs_schedule, BS, SCHEDULE, GObject)

BsSchedule      *bs_schedule_new              (BsRoutine   *routine,
                                               const char  *form_id,
                                               guint        level,
                                               guint        lead_in,
                                               GError     **error);

BsRoutine       *bs_schedule_get_routine      (BsSchedule  *self);
const char      *bs_schedule_get_form_id      (BsSchedule  *self);
const char      *bs_schedule_get_form_name    (BsSchedule  *self);
guint            bs_schedule_get_level        (BsSchedule  *self);
guint            bs_schedule_get_lead_in      (BsSchedule  *self);
guint            bs_schedule_get_n_segments   (BsSchedule  *self);
const BsSegment *bs_schedule_get_segment      (BsSchedule  *self,
                                               guint        index);
guint            bs_schedule_get_n_stages     (BsSchedule  *self);
int              bs_schedule_find_stage       (BsSchedule  *self,
                                               guint        stage);
guint            bs_schedule_get_work_seconds (BsSchedule  *self);
guint            bs_schedule_get_rest_seconds (BsSchedule  *self);
guint            bs_schedule_get_total_seconds (BsSchedule *self);
gboolean         bs_schedule_has_open_ended   (BsSchedule  *self);
char            *bs_schedule_to_json          (BsSchedule  *self);

const char      *bs_segment_kind_to_string    (BsSegmentKind kind);

G_END_DECLS
