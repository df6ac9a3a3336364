/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * BsStepKind:
 * @BS_STEP_HOLD: a position held for a number of seconds
 */
typedef enum
{
  BS_STEP_HOLD,
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

#define BS_TYPE_STEP (bs_step_get_type ())
G_DECLARE_FINAL_TYPE (BsStep, bs_step, BS, STEP, GObject)

BsStep      *bs_step_new              (BsStepKind  kind,
                                       const char *name,
                                       guint       seconds);
BsStepKind   bs_step_get_kind         (BsStep     *self);
const char  *bs_step_get_name         (BsStep     *self);
const char  *bs_step_get_instruction  (BsStep     *self);
void         bs_step_set_instruction  (BsStep     *self,
                                       const char *instruction);
BsSide       bs_step_get_side         (BsStep     *self);
void         bs_step_set_side         (BsStep     *self,
                                       BsSide      side);
guint        bs_step_get_seconds      (BsStep     *self);
guint        bs_step_get_form_seconds (BsStep     *self,
                                       const char *form_id);
void         bs_step_set_form_seconds (BsStep     *self,
                                       const char *form_id,
                                       guint       seconds);

const char  *bs_side_to_string        (BsSide      side);

G_END_DECLS
