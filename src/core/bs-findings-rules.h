/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The self-assessment's rules as data (CONTENT.md §5), read by
 * bs-findings.c.  Private to src/core: the tables' shape is not API.
 */

#include "bs-findings.h"

G_BEGIN_DECLS

typedef struct
{
  BsRedFlag flag;
  const char *title;
  const char *text;
  const char *because;
} RedFlagRule;

typedef enum
{
  TEST_ANSWER,    /* the answer at .offset is .answer */
  TEST_ABOVE,     /* the number at .offset is above .limit */
  TEST_BMI_ABOVE, /* the BMI, rounded to one decimal, is above .limit */
} Test;

typedef struct
{
  BsRisk risk;
  Test test;
  gsize offset;
  BsAnswer answer;
  double limit;
  const char *title;
  const char *text;
  /* A clause naming the answer.  For TEST_BMI_ABOVE, and for TEST_ABOVE
   * when .shows_number, its "%s" is the number. */
  const char *because;
  gboolean shows_number;
} RiskRule;

typedef enum
{
  WHEN_END,          /* ends a rule's list */
  WHEN_ALWAYS,       /* everyone; no reason given */
  WHEN_RISK,         /* .value is a BsRisk: its reasons become this advice's */
  WHEN_YES,          /* the answer at .offset is yes */
  WHEN_PAIN_YES,     /* the same, for a pain detail */
  WHEN_PAIN_PATTERN, /* .value is a BsPainPattern that was given */
  WHEN_PAIN_LASTED,  /* the pain has lasted weeks or longer */
  WHEN_CORE_LEVEL,   /* the reasons for the core test level */
} WhenKind;

typedef struct
{
  WhenKind kind;
  int value;
  gsize offset;
  const char *because;
} When;

#define MAX_WHEN 6

typedef struct
{
  BsAdvice advice;
  const char *title;
  const char *text;
  When when[MAX_WHEN];
} AdviceRule;

extern const RedFlagRule bs_red_flag_rules[BS_N_RED_FLAGS];
extern const RiskRule bs_risk_rules[BS_N_RISKS];
extern const AdviceRule bs_advice_rules[BS_N_ADVICE];

G_END_DECLS
