/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-step.h"

G_BEGIN_DECLS

/**
 * BsScoring:
 * @BS_SCORING_NONE: the routine is followed, not scored
 * @BS_SCORING_HOLD_TEST: the routine is a test scored by how far the person
 *   got without stopping (the core strength test)
 */
typedef enum
{
  BS_SCORING_NONE,
  BS_SCORING_HOLD_TEST,
} BsScoring;

/**
 * BsRoutineLoadFlags:
 * @BS_ROUTINE_LOAD_NONE: texts are shown as written
 * @BS_ROUTINE_LOAD_TRANSLATE: texts are looked up in the app's translations
 *   (bundled routines only; a user's own routine is shown as written)
 */
typedef enum
{
  BS_ROUTINE_LOAD_NONE = 0,
  BS_ROUTINE_LOAD_TRANSLATE = 1 << 0,
} BsRoutineLoadFlags;

/* What a routine is for; the history counts adherence by these. */
#define BS_CATEGORY_TEST "test"
#define BS_CATEGORY_STRETCH "stretch"
#define BS_CATEGORY_STRENGTH "strength"
#define BS_CATEGORY_WARM_UP "warm-up"
#define BS_CATEGORY_OTHER "other"

/* The newest routine file format this build reads and writes; it still
 * reads every older one, and writes the oldest that holds a routine. */
#define BS_ROUTINE_FORMAT 2
/* Every hold is kept at or above this many seconds when a level shortens it,
 * unless the routine names its own floor. */
#define BS_ROUTINE_DEFAULT_LEVEL_FLOOR 5
/* A routine's own lead-in, in seconds, when it names one. */
#define BS_ROUTINE_MAX_LEAD_IN 120
#define BS_ROUTINE_MAX_ROUNDS 20

#define BS_TYPE_ROUTINE (bs_routine_get_type ())
G_DECLARE_FINAL_TYPE (BsRoutine, bs_routine, BS, ROUTINE, GObject)

BsRoutine   *bs_routine_new                  (const char         *id,
                                              const char         *name);
BsRoutine   *bs_routine_new_from_bytes       (GBytes             *bytes,
                                              const char         *display_name,
                                              BsRoutineLoadFlags  flags,
                                              GError            **error);
BsRoutine   *bs_routine_new_from_file        (GFile              *file,
                                              GError            **error);
BsRoutine   *bs_routine_new_from_resource    (const char         *path,
                                              GError            **error);

const char  *bs_routine_get_id               (BsRoutine          *self);
const char  *bs_routine_get_name             (BsRoutine          *self);
const char  *bs_routine_get_description      (BsRoutine          *self);
void         bs_routine_set_description      (BsRoutine          *self,
                                              const char         *description);
const char  *bs_routine_get_category         (BsRoutine          *self);
void         bs_routine_set_category         (BsRoutine          *self,
                                              const char         *category);
BsScoring    bs_routine_get_scoring          (BsRoutine          *self);
void         bs_routine_set_scoring          (BsRoutine          *self,
                                              BsScoring           scoring);
int          bs_routine_get_lead_in          (BsRoutine          *self);
void         bs_routine_set_lead_in          (BsRoutine          *self,
                                              int                 seconds);
guint        bs_routine_get_rounds           (BsRoutine          *self);
void         bs_routine_set_rounds           (BsRoutine          *self,
                                              guint               rounds);
guint        bs_routine_get_round_rest       (BsRoutine          *self);
void         bs_routine_set_round_rest       (BsRoutine          *self,
                                              guint               seconds);

guint        bs_routine_get_n_forms          (BsRoutine          *self);
const char  *bs_routine_get_form_id          (BsRoutine          *self,
                                              guint               index);
const char  *bs_routine_get_form_name        (BsRoutine          *self,
                                              guint               index);
const char  *bs_routine_get_form_description (BsRoutine          *self,
                                              guint               index);
int          bs_routine_find_form            (BsRoutine          *self,
                                              const char         *form_id);
void         bs_routine_add_form             (BsRoutine          *self,
                                              const char         *id,
                                              const char         *name,
                                              const char         *description);

guint        bs_routine_get_n_levels         (BsRoutine          *self);
guint        bs_routine_get_level            (BsRoutine          *self,
                                              guint               index);
gboolean     bs_routine_has_level            (BsRoutine          *self,
                                              guint               level);
void         bs_routine_set_levels           (BsRoutine          *self,
                                              const guint        *levels,
                                              guint               n_levels);
guint        bs_routine_get_level_floor      (BsRoutine          *self);
void         bs_routine_set_level_floor      (BsRoutine          *self,
                                              guint               floor_seconds);

guint        bs_routine_get_n_steps          (BsRoutine          *self);
BsStep      *bs_routine_get_step             (BsRoutine          *self,
                                              guint               index);
void         bs_routine_add_step             (BsRoutine          *self,
                                              BsStep             *step);

gboolean     bs_routine_id_is_valid          (const char         *id);
gboolean     bs_routine_category_is_valid    (const char         *category);
const char  *bs_routine_category_to_label    (const char         *category);
guint        bs_level_apply                  (guint               seconds,
                                              guint               level,
                                              guint               floor_seconds);

G_END_DECLS
