/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bs-answers.h"

G_BEGIN_DECLS

/* Risk factors (CONTENT.md §5: the 2020 review, then the other sources). */
typedef enum
{
  BS_RISK_BMI_OVER_24,
  BS_RISK_LEG_LENGTH,
  BS_RISK_NO_OTHER_AEROBIC,
  BS_RISK_STIFF_BACK,
  BS_RISK_TIGHT_HAMSTRINGS,
  BS_RISK_RESTRICTED_HIP,
  BS_RISK_RUNNING_OVER_SIX_YEARS,
  BS_RISK_TALL,
  BS_RISK_FLAT_FEET,
  BS_RISK_HARD_SURFACES,
  BS_RISK_NO_WARM_UP,
  BS_RISK_NO_STRETCHING,
  BS_RISK_NO_REST_DAYS,
  BS_RISK_TOO_MUCH_SPEED_WORK,
  BS_RISK_MILEAGE_RAISED_FAST,
  BS_RISK_WORN_SHOES,
  BS_N_RISKS,
} BsRisk;

/* What the plan recommends (CONTENT.md §5, "What the result page recommends"). */
typedef enum
{
  BS_ADVICE_SEE_CLINICIAN,       /* non-emergency: see a professional */
  BS_ADVICE_CURRENT_PAIN,        /* stay active, run less, heat or ice, pharmacist, physio */
  BS_ADVICE_CORE_TEST,
  BS_ADVICE_STRENGTH,            /* three times a week */
  BS_ADVICE_HAMSTRING_STRETCH,   /* daily */
  BS_ADVICE_PIRIFORMIS_STRETCH,
  BS_ADVICE_COOL_DOWN,           /* stretches after every run */
  BS_ADVICE_WARM_UP,
  BS_ADVICE_FORM,                /* cadence, landing, posture */
  BS_ADVICE_SPEED_WORK,
  BS_ADVICE_MILEAGE,
  BS_ADVICE_REST_DAYS,
  BS_ADVICE_CROSS_TRAIN,
  BS_ADVICE_SURFACES,
  BS_ADVICE_SHOES,
  BS_N_ADVICE,
} BsAdvice;

/**
 * BsItem:
 * @title: a short heading, translated
 * @text: why it matters, or what to do, in a few sentences
 * @because: (array zero-terminated=1): the answers that led to it, each a
 *   short clause such as "you have run for more than six years"; empty
 *   when it applies to everyone
 */
typedef struct
{
  int id;          /* a BsRisk, BsAdvice or BsRedFlag */
  const char *title;
  const char *text;
  GStrv because;
} BsItem;

#define BS_TYPE_FINDINGS (bs_findings_get_type ())
G_DECLARE_FINAL_TYPE (BsFindings, bs_findings, BS, FINDINGS, GObject)

BsFindings   *bs_findings_new              (const BsAnswers *answers);

gboolean      bs_findings_get_stop         (BsFindings *self);
guint         bs_findings_get_n_red_flags  (BsFindings *self);
const BsItem *bs_findings_get_red_flag     (BsFindings *self,
                                            guint       index);
double        bs_findings_get_bmi          (BsFindings *self);
guint         bs_findings_get_n_risks      (BsFindings *self);
const BsItem *bs_findings_get_risk         (BsFindings *self,
                                            guint       index);
gboolean      bs_findings_has_risk         (BsFindings *self,
                                            BsRisk      risk);
guint         bs_findings_get_n_advice     (BsFindings *self);
const BsItem *bs_findings_get_advice       (BsFindings *self,
                                            guint       index);
gboolean      bs_findings_has_advice       (BsFindings *self,
                                            BsAdvice    advice);
const char   *bs_findings_get_core_test_form  (BsFindings *self);
guint         bs_findings_get_core_test_level (BsFindings *self);
const BsAnswers *bs_findings_get_answers   (BsFindings *self);

char         *bs_item_format_because       (const BsItem *item);
GStrv         bs_findings_compare          (BsFindings *before,
                                            BsFindings *after,
                                            BsUnits     units);

G_END_DECLS
