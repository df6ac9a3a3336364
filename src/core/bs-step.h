/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * BsStepKind:
 * @BS_STEP_HOLD: a position held for a number of seconds
 * @BS_STEP_PER_SIDE: a hold done on one side, then the other
 * @BS_STEP_COUNTED: a number of repetitions, paced or at the person's own pace
 * @BS_STEP_REST: a pause
 */
typedef enum
{
  BS_STEP_HOLD,
  BS_STEP_PER_SIDE,
  BS_STEP_COUNTED,
  BS_STEP_REST,
} BsStepKind;

/**
 * BsSide:
 * @BS_SIDE_NONE: the step is not done on one side
 * @BS_SIDE_LEFT: the left side
 * @BS_SIDE_RIGHT: the right side
 */
typedef enum
{
  BS_SIDE_NONE,
  BS_SIDE_LEFT,
  BS_SIDE_RIGHT,
} BsSide;

/* Holds are whole seconds within these bounds; the loader enforces them. */
#define BS_STEP_MIN_SECONDS 1
#define BS_STEP_MAX_SECONDS 3600

#define BS_STEP_MAX_SETS 50
#define BS_STEP_MAX_SWITCH_SECONDS 60
#define BS_STEP_DEFAULT_SWITCH_SECONDS 5
#define BS_STEP_MAX_REPS 500
#define BS_STEP_MIN_PACE 1
#define BS_STEP_MAX_PACE 60
/* A pace of 0 means "until done": the person says when the set is over. */
#define BS_STEP_UNTIL_DONE 0
/* The most an illustration id may be, in bytes. */
#define BS_STEP_MAX_ILLUSTRATION 64

#define BS_TYPE_STEP (bs_step_get_type ())
G_DECLARE_FINAL_TYPE (BsStep, bs_step, BS, STEP, GObject)

BsStep      *bs_step_new                (BsStepKind  kind,
                                         const char *name,
                                         guint       seconds);
BsStepKind   bs_step_get_kind           (BsStep     *self);
const char  *bs_step_get_name           (BsStep     *self);
const char  *bs_step_get_instruction    (BsStep     *self);
void         bs_step_set_instruction    (BsStep     *self,
                                         const char *instruction);
const char  *bs_step_get_illustration   (BsStep     *self);
void         bs_step_set_illustration   (BsStep     *self,
                                         const char *illustration);
BsSide       bs_step_get_side           (BsStep     *self);
void         bs_step_set_side           (BsStep     *self,
                                         BsSide      side);
guint        bs_step_get_seconds        (BsStep     *self);
guint        bs_step_get_form_seconds   (BsStep     *self,
                                         const char *form_id);
void         bs_step_set_form_seconds   (BsStep     *self,
                                         const char *form_id,
                                         guint       seconds);
guint        bs_step_get_sets           (BsStep     *self);
void         bs_step_set_sets           (BsStep     *self,
                                         guint       sets);
guint        bs_step_get_set_rest       (BsStep     *self);
void         bs_step_set_set_rest       (BsStep     *self,
                                         guint       seconds);
guint        bs_step_get_switch_seconds (BsStep     *self);
void         bs_step_set_switch_seconds (BsStep     *self,
                                         guint       seconds);
BsSide       bs_step_get_first_side     (BsStep     *self);
void         bs_step_set_first_side     (BsStep     *self,
                                         BsSide      side);
guint        bs_step_get_reps           (BsStep     *self);
void         bs_step_set_reps           (BsStep     *self,
                                         guint       reps);
guint        bs_step_get_pace           (BsStep     *self);
void         bs_step_set_pace           (BsStep     *self,
                                         guint       seconds_per_rep);
guint        bs_step_get_rest_after     (BsStep     *self);
void         bs_step_set_rest_after     (BsStep     *self,
                                         guint       seconds);

const char  *bs_step_kind_to_string     (BsStepKind  kind);
gboolean     bs_step_kind_from_string   (const char *text,
                                         BsStepKind *kind);
const char  *bs_side_to_string          (BsSide      side);
BsSide       bs_side_other              (BsSide      side);
gboolean     bs_illustration_id_is_valid (const char *id);

G_END_DECLS
