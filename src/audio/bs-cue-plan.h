/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-schedule.h"
#include "bs-session.h"

G_BEGIN_DECLS

/**
 * BsCueKind:
 * @BS_CUE_TICK: one second of a countdown (the last 3 s of a hold or lead-in)
 * @BS_CUE_GO: the lead-in is over: start
 * @BS_CUE_STAGE: a new stage begins (stands in for its spoken name)
 * @BS_CUE_HALFWAY: half of a long hold is done
 * @BS_CUE_FINISH: the end of the routine
 * @BS_CUE_SWITCH: change sides (two tones; stands in for "Switch sides")
 * @BS_CUE_REST: a rest begins (stands in for "Rest")
 * @BS_CUE_REP: a soft tick on each repetition of a paced counted set
 * @BS_CUE_VOICE: spoken text
 *
 * Every kind but %BS_CUE_VOICE is a tone of its own; %BS_CUE_VOICE stays
 * last, so that the tones are the kinds before it.
 */
typedef enum
{
  BS_CUE_TICK,
  BS_CUE_GO,
  BS_CUE_STAGE,
  BS_CUE_HALFWAY,
  BS_CUE_FINISH,
  BS_CUE_SWITCH,
  BS_CUE_REST,
  BS_CUE_REP,
  BS_CUE_VOICE,
} BsCueKind;

/**
 * BsCueStyle:
 * @BS_CUE_STYLE_VOICE: spoken stage names and tones
 * @BS_CUE_STYLE_TONES: tones only
 * @BS_CUE_STYLE_OFF: silence
 */
typedef enum
{
  BS_CUE_STYLE_VOICE,
  BS_CUE_STYLE_TONES,
  BS_CUE_STYLE_OFF,
} BsCueStyle;

/**
 * BsCue:
 * @segment: the schedule segment the cue belongs to
 * @offset: microseconds from that segment's start (the finish cue sits at
 *   the end of the last segment)
 * @kind: what sounds
 * @text: (nullable): the words, for %BS_CUE_VOICE
 * @fallback: what sounds instead if the words are not ready in time
 */
typedef struct
{
  guint segment;
  gint64 offset;
  BsCueKind kind;
  const char *text;
  BsCueKind fallback;
} BsCue;

/**
 * BsTimedCue:
 * @time: when it must be heard, on the session clock's time line
 * @cue: what
 */
typedef struct
{
  gint64 time;
  const BsCue *cue;
} BsTimedCue;

/* Holds of at least this long get a halfway tone (when enabled). */
#define BS_CUE_HALFWAY_MIN_SECONDS 30
/* A cue of the current segment this late is still played (as soon as
 * possible): the start cue of a segment just entered by a skip. */
#define BS_CUE_LATE_GRACE_USEC (250 * 1000)
/* A spoken name after the "go" tone waits for the tone to end. */
#define BS_CUE_VOICE_AFTER_GO_USEC (450 * 1000)

#define BS_TYPE_CUE_PLAN (bs_cue_plan_get_type ())
G_DECLARE_FINAL_TYPE (BsCuePlan, bs_cue_plan, BS, CUE_PLAN, GObject)

BsCuePlan   *bs_cue_plan_new         (BsSchedule  *schedule,
                                      BsCueStyle   style,
                                      gboolean     halfway);
BsCuePlan   *bs_cue_plan_new_from    (BsSchedule  *schedule,
                                      BsCueStyle   style,
                                      gboolean     halfway,
                                      guint        first_segment);
int          bs_cue_plan_get_end_segment (BsCuePlan *self);
BsSchedule  *bs_cue_plan_get_schedule (BsCuePlan  *self);
guint        bs_cue_plan_get_n_cues  (BsCuePlan   *self);
const BsCue *bs_cue_plan_get_cue     (BsCuePlan   *self,
                                      guint        index);
gint64       bs_cue_plan_get_time    (BsCuePlan   *self,
                                      const BsCue *cue);
GStrv        bs_cue_plan_dup_texts   (BsCuePlan   *self);
GArray      *bs_cue_plan_upcoming    (BsCuePlan   *self,
                                      BsSession   *session);

const char  *bs_cue_kind_to_string   (BsCueKind    kind);
char        *bs_cue_result_sentence  (BsResult    *result);

G_END_DECLS
