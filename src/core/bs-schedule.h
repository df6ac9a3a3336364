/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-routine.h"

G_BEGIN_DECLS

/**
 * BsSegmentKind:
 * @BS_SEGMENT_GET_READY: the lead-in before the first step; not part of a test
 * @BS_SEGMENT_WORK: a hold
 */
typedef enum
{
  BS_SEGMENT_GET_READY,
  BS_SEGMENT_WORK,
} BsSegmentKind;

/**
 * BsSegment:
 * @kind: what happens in the segment
 * @step_index: the routine step it comes from, or -1
 * @stage: 1-based number among the work segments, or 0 for other segments
 * @name: what to show as the title
 * @instruction: (nullable): one line of how to do it
 * @side: the side worked, if any
 * @start: seconds from the start of the schedule
 * @duration: seconds
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
guint            bs_schedule_get_total_seconds (BsSchedule *self);
char            *bs_schedule_to_json          (BsSchedule  *self);

const char      *bs_segment_kind_to_string    (BsSegmentKind kind);

G_END_DECLS
