/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bs-measure.h"

G_BEGIN_DECLS

/**
 * BsAnswer:
 * @BS_ANSWER_UNKNOWN: not answered, or "don't know": never read as "no"
 * @BS_ANSWER_NO: no
 * @BS_ANSWER_YES: yes
 */
typedef enum
{
  BS_ANSWER_UNKNOWN,
  BS_ANSWER_NO,
  BS_ANSWER_YES,
} BsAnswer;

/* CONTENT.md §5, "Red flags": any one stops the assessment. */
typedef enum
{
  BS_RED_FLAG_SEVERE_PAIN,       /* sudden severe pain */
  BS_RED_FLAG_NUMBNESS,          /* numbness or tingling in the legs */
  BS_RED_FLAG_WEAKNESS,          /* weakness in the legs, or loss of bladder or bowel control */
  BS_RED_FLAG_FEVER,             /* fever or chills with the back pain */
  BS_RED_FLAG_TRAUMA,            /* a recent fall, blow or other trauma to the lower back */
  BS_N_RED_FLAGS,
} BsRedFlag;

/* CONTENT.md §5, "Pain profile", where and how: any combination. */
typedef enum
{
  BS_PAIN_SHARP_ONE_SIDE    = 1 << 0, /* sharp, one side of the lower back */
  BS_PAIN_DULL_GLUTES       = 1 << 1, /* dull ache in the glutes, maybe into thighs or calves */
  BS_PAIN_DOWN_THE_LEGS     = 1 << 2, /* radiating down the legs */
  BS_PAIN_MORNING_STIFFNESS = 1 << 3, /* stiff in the morning */
} BsPainPattern;

typedef enum
{
  BS_PAIN_WHEN_UNKNOWN,
  BS_PAIN_DURING,
  BS_PAIN_AFTER,
  BS_PAIN_DURING_AND_AFTER,
} BsPainWhen;

typedef enum
{
  BS_PAIN_FOR_UNKNOWN,
  BS_PAIN_FOR_DAYS,            /* less than two weeks: acute */
  BS_PAIN_FOR_WEEKS,           /* two weeks to three months */
  BS_PAIN_FOR_MONTHS,          /* three to six months */
  BS_PAIN_FOR_OVER_SIX_MONTHS, /* chronic, by the stricter definition */
} BsPainDuration;

/* Numbers not given are BS_UNKNOWN_NUMBER: any negative value reads as
 * unknown. */
#define BS_UNKNOWN_NUMBER (-1.0)

/**
 * BsAnswers:
 *
 * Everything the self-assessment asks, as answered so far.  A plain struct:
 * the wizard fills it page by page, the rules read it, it round-trips
 * through JSON for a paused assessment and for the history.  Lengths and
 * weights are always metric here; the wizard converts what is typed.
 */
typedef struct
{
  BsAnswer red_flags[BS_N_RED_FLAGS];

  /* Pain now */
  BsAnswer has_pain;
  guint pain_patterns;            /* BsPainPattern flags; 0 = none given */
  BsPainWhen pain_when;
  BsPainDuration pain_duration;
  int pain_severity;              /* 0-10; -1 = unknown */
  BsAnswer pain_worse_with_activity;
  BsAnswer pain_not_eased_by_rest;
  BsAnswer pain_stops_running;

  /* Body */
  double height_cm;               /* BS_UNKNOWN_NUMBER if not given */
  double weight_kg;
  BsAnswer leg_length_difference;
  BsAnswer flat_feet;
  BsAnswer tall;                  /* taller than most people of their sex */

  /* Flexibility */
  BsAnswer tight_hamstrings;      /* cannot touch the toes with straight knees */
  BsAnswer stiff_back;            /* poor back flexibility */
  BsAnswer restricted_hip_flexion;

  /* Running */
  double years_running;
  double weekly_km;
  double speed_work_percent;      /* share of weekly distance run fast */
  BsAnswer distance_or_high_impact;
  BsAnswer mostly_hard_surfaces;
  BsAnswer warms_up;
  BsAnswer stretches_after;
  BsAnswer takes_rest_days;
  BsAnswer other_aerobic_activity;
  BsAnswer mileage_raised_fast;
  BsAnswer shoes_worn;            /* worn out or ill-fitting */
} BsAnswers;

#define BS_ANSWERS_FORMAT 1

void       bs_answers_init       (BsAnswers   *answers);
BsAnswers *bs_answers_copy       (const BsAnswers *answers);
void       bs_answers_free       (BsAnswers   *answers);
gboolean   bs_answers_equal      (const BsAnswers *a,
                                  const BsAnswers *b);
gboolean   bs_answers_any_red_flag (const BsAnswers *answers);
double     bs_answers_get_bmi    (const BsAnswers *answers);

char      *bs_answers_to_json    (const BsAnswers *answers);
gboolean   bs_answers_from_json  (const char  *json,
                                  gssize       length,
                                  BsAnswers   *answers,
                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BsAnswers, bs_answers_free)

G_END_DECLS
