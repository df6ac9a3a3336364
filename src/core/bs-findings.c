/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The self-assessment's rules (CONTENT.md §5).
 *
 * The findings are a pure function of the answers, worked out once in
 * bs_findings_new().  The rules are the three tables below; the code after
 * them only walks the tables.  A rule reads only answers that were given:
 * BS_ANSWER_UNKNOWN and unknown numbers never trigger anything, and "not
 * answered" is never read as "no".
 *
 * Pain details (where, how long, worse with activity ...) are ignored when
 * the person said they have no pain now: the wizard may keep them from a
 * page it went back over.  When "has pain" was not answered they still
 * count, so a pain running down the legs is never dropped for want of a
 * yes.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bs-findings.h"

/* CONTENT.md §1: the test's standard form, the 3:00 one. */
#define CORE_TEST_FORM "standard"
/* "athletes who have trained for more than six months" */
#define TRAINED_YEARS 0.5

/* Red flags */

typedef struct
{
  BsRedFlag flag;
  const char *title;
  const char *text;
  const char *because;
} RedFlagRule;

/* CONTENT.md §5, "Red flags: stop and see a clinician now". */
static const RedFlagRule red_flag_rules[] = {
  /* "sudden severe pain" */
  { BS_RED_FLAG_SEVERE_PAIN,
    N_("Sudden severe pain"),
    N_("Sudden, severe back pain has to be checked by a doctor before any exercise. "
       "Seek medical attention now."),
    N_("you have sudden, severe back pain") },
  /* "numbness or tingling in the legs" */
  { BS_RED_FLAG_NUMBNESS,
    N_("Numbness or tingling in the legs"),
    N_("Numbness or tingling in the legs can mean that a nerve is being pressed on. "
       "Seek medical attention now."),
    N_("your legs feel numb or tingle") },
  /* "weakness in the legs, or loss of bladder or bowel control" */
  { BS_RED_FLAG_WEAKNESS,
    N_("Weak legs or loss of bladder or bowel control"),
    N_("Weak legs, or losing control of your bladder or bowels, can mean that nerves in "
       "your back are under pressure. Seek medical attention now."),
    N_("your legs feel weak, or you have lost some bladder or bowel control") },
  /* "fever or chills with the back pain" */
  { BS_RED_FLAG_FEVER,
    N_("Fever or chills"),
    N_("Back pain that comes with fever or chills can point to an infection. "
       "Seek medical attention now."),
    N_("you have fever or chills with your back pain") },
  /* "a recent fall, blow or other trauma to the lower back" */
  { BS_RED_FLAG_TRAUMA,
    N_("Recent fall or injury"),
    N_("After a fall, a blow or another injury to the lower back, have it looked at "
       "before you run or exercise. Seek medical attention now."),
    N_("you recently had a fall, a blow or another injury to your lower back") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (red_flag_rules) == BS_N_RED_FLAGS);

/* Risk factors */

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

#define ANSWER_IS(member, value) TEST_ANSWER, G_STRUCT_OFFSET (BsAnswers, member), value, 0
#define ABOVE(member, value) TEST_ABOVE, G_STRUCT_OFFSET (BsAnswers, member), 0, value

/* In the order of CONTENT.md §5, "Risk factors": the 2020 review first,
 * then the other sources.  This is the order the result page lists them. */
static const RiskRule risk_rules[] = {
  /* "BMI above 24 (compute from height and weight, metric or imperial)" */
  { BS_RISK_BMI_OVER_24, TEST_BMI_ABOVE, 0, 0, 24.0,
    N_("BMI above 24"),
    N_("Every stride lands your body weight on your lower back, and runners with a BMI "
       "above 24 report back pain more often."),
    /* Translators: %s is a body mass index such as 25.3 */
    N_("your BMI is %s") },
  /* "a leg-length difference" */
  { BS_RISK_LEG_LENGTH, ANSWER_IS (leg_length_difference, BS_ANSWER_YES),
    N_("Leg-length difference"),
    N_("When one leg is longer, the pelvis tips to one side with every step and the lower "
       "back takes up the difference."),
    N_("one of your legs is longer than the other") },
  /* "no weekly aerobic activity besides running" */
  { BS_RISK_NO_OTHER_AEROBIC, ANSWER_IS (other_aerobic_activity, BS_ANSWER_NO),
    N_("No other aerobic exercise"),
    N_("Runners who do no other aerobic exercise in the week have back pain more often "
       "than those who mix in something else."),
    N_("you do no aerobic exercise besides running") },
  /* "poor back flexibility" */
  { BS_RISK_STIFF_BACK, ANSWER_IS (stiff_back, BS_ANSWER_YES),
    N_("Stiff back"),
    N_("A back that does not bend easily is one of the factors that studies of runners "
       "link to low back pain."),
    N_("your back is stiff") },
  /* "poor hamstring flexibility"; §3: "Tight hamstrings are the most common
   * cause of low-back trouble in runners ... Hamstrings pull the pelvis and
   * deepen the lumbar curve." */
  { BS_RISK_TIGHT_HAMSTRINGS, ANSWER_IS (tight_hamstrings, BS_ANSWER_YES),
    N_("Tight hamstrings"),
    N_("Tight hamstrings tug on the pelvis and deepen the curve of the lower back; they are "
       "the most common cause of back trouble in runners."),
    N_("your hamstrings feel tight") },
  /* "restricted hip flexion" */
  { BS_RISK_RESTRICTED_HIP, ANSWER_IS (restricted_hip_flexion, BS_ANSWER_YES),
    N_("Restricted hip movement"),
    N_("Hips that do not bend freely are one of the factors that studies of runners link "
       "to low back pain."),
    N_("your hips do not bend freely") },
  /* "running for more than six years" */
  { BS_RISK_RUNNING_OVER_SIX_YEARS, ABOVE (years_running, 6),
    N_("More than six years of running"),
    N_("Runners who have been running for more than six years report low back pain more "
       "often than those who started more recently."),
    N_("you have run for more than six years") },
  /* "being tall (the review gives no threshold: ask "taller than most
   * people your sex" rather than invent a number)" */
  { BS_RISK_TALL, ANSWER_IS (tall, BS_ANSWER_YES),
    N_("Being tall"),
    N_("Taller runners are more likely to have low back pain."),
    N_("you are taller than most people of your sex") },
  /* Other factors the sources name: "flat feet" */
  { BS_RISK_FLAT_FEET, ANSWER_IS (flat_feet, BS_ANSWER_YES),
    N_("Flat feet"),
    N_("Flat feet change how each landing is cushioned, and the sources count them among "
       "the causes of back pain in runners."),
    N_("you have flat feet") },
  /* "mostly hard surfaces (concrete)"; recommends: "trails and treadmills
   * load the back less than concrete" */
  { BS_RISK_HARD_SURFACES, ANSWER_IS (mostly_hard_surfaces, BS_ANSWER_YES),
    N_("Mostly hard surfaces"),
    N_("Concrete gives nothing back, so more of every landing reaches your lower back than "
       "on trails or a treadmill."),
    N_("you run mostly on hard surfaces") },
  /* §4: "Insufficient warm-up is linked to back pain in marathon runners." */
  { BS_RISK_NO_WARM_UP, ANSWER_IS (warms_up, BS_ANSWER_NO),
    N_("No warm-up"),
    N_("Starting a run without warming up is linked to back pain in marathon runners."),
    N_("you do not warm up before running") },
  /* "skipping stretching after runs" */
  { BS_RISK_NO_STRETCHING, ANSWER_IS (stretches_after, BS_ANSWER_NO),
    N_("No stretching after runs"),
    N_("Without stretches after a run, hamstrings and hips stay tight and keep pulling on "
       "the lower back."),
    N_("you do not stretch after running") },
  /* "too little rest" */
  { BS_RISK_NO_REST_DAYS, ANSWER_IS (takes_rest_days, BS_ANSWER_NO),
    N_("No rest days"),
    N_("Without rest days, the muscles that hold up your back never get the time they "
       "need to recover."),
    N_("you do not take rest days") },
  /* "speed work above 10 % of weekly mileage" */
  { BS_RISK_TOO_MUCH_SPEED_WORK, ABOVE (speed_work_percent, 10),
    N_("A lot of speed work"),
    N_("Fast running loads the back harder than easy running, and more than a tenth of "
       "your weekly distance at speed is too much."),
    /* Translators: %s is a number such as 15; "%%" is the percent sign */
    N_("%s %% of your running is speed work"), TRUE },
  /* "mileage raised too fast" */
  { BS_RISK_MILEAGE_RAISED_FAST, ANSWER_IS (mileage_raised_fast, BS_ANSWER_YES),
    N_("Mileage raised fast"),
    N_("Adding distance faster than your body adapts overloads the muscles that support "
       "your back."),
    N_("you raised your weekly distance quickly") },
  /* "worn or ill-fitting shoes" */
  { BS_RISK_WORN_SHOES, ANSWER_IS (shoes_worn, BS_ANSWER_YES),
    N_("Worn or ill-fitting shoes"),
    N_("Shoes that are worn out or do not fit cushion and guide each landing less, which "
       "passes more of the load to your back."),
    N_("your shoes are worn out or do not fit well") },
};

#undef ANSWER_IS
#undef ABOVE

G_STATIC_ASSERT (G_N_ELEMENTS (risk_rules) == BS_N_RISKS);

/* Advice */

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

#define ALWAYS { WHEN_ALWAYS, 0, 0, NULL }
#define RISK(risk) { WHEN_RISK, risk, 0, NULL }
#define YES(member, because) { WHEN_YES, 0, G_STRUCT_OFFSET (BsAnswers, member), because }
#define PAIN_YES(member, because) \
  { WHEN_PAIN_YES, 0, G_STRUCT_OFFSET (BsAnswers, member), because }
#define PAIN_PATTERN(pattern, because) { WHEN_PAIN_PATTERN, pattern, 0, because }
#define PAIN_LASTED { WHEN_PAIN_LASTED, 0, 0, NULL }
#define CORE_LEVEL { WHEN_CORE_LEVEL, 0, 0, NULL }

/* In the order the result page shows them: what needs a professional,
 * then what eases pain now, then the plan. */
static const AdviceRule advice_rules[] = {
  /* §5: "Also tell the user to see a professional (not an emergency) when:
   * pain runs down the leg(s); pain has lasted more than a few weeks, gets
   * worse with activity, or did not ease with rest and core work; pain
   * stops them from running." */
  { BS_ADVICE_SEE_CLINICIAN,
    N_("See a doctor or physiotherapist"),
    N_("This is not an emergency, but pain like yours should be checked by a professional "
       "before you build up your training again."),
    { PAIN_PATTERN (BS_PAIN_DOWN_THE_LEGS, N_("your pain runs down your legs")),
      PAIN_LASTED,
      PAIN_YES (pain_worse_with_activity, N_("your pain gets worse with activity")),
      PAIN_YES (pain_not_eased_by_rest, N_("your pain has not eased with rest")),
      PAIN_YES (pain_stops_running, N_("your pain stops you from running")) } },
  /* "With current pain: stay active (more than two days of bed rest does
   * more harm than good), run less for a while and swap in gentle
   * stretching and core work; heat may ease it; mild soreness may allow
   * easy running, anything worse means a few days off; over-the-counter
   * pain relief is an option to discuss with a pharmacist; a
   * physiotherapist can be seen directly.  (The sources disagree on heat
   * versus ice: present both as options, do not pick one.)" */
  { BS_ADVICE_CURRENT_PAIN,
    N_("While your back hurts"),
    N_("Keep moving: more than two days in bed does more harm than good. Run less for a "
       "while and do gentle stretching and core work instead. Heat or ice may ease the "
       "pain; the experts disagree on which, so use what feels better. Mild soreness may "
       "allow an easy run; anything worse means a few days off. Over-the-counter pain "
       "relief is an option to talk over with a pharmacist, and you can go straight to a "
       "physiotherapist."),
    { YES (has_pain, N_("you have back pain now")) } },
  /* "Core strength test at the level that fits (standard if training > 6
   * months and a distance or high-impact runner, shortened otherwise)".
   * The text depends on the level: see core_test_text(). */
  { BS_ADVICE_CORE_TEST,
    N_("Core strength test"),
    NULL,
    { CORE_LEVEL } },
  /* "then strengthening three times a week"; §2: "at least three times a
   * week, no equipment" */
  { BS_ADVICE_STRENGTH,
    N_("Strengthen three times a week"),
    N_("At least three times a week, work your core and glutes: glute bridges, clamshells, "
       "planks, side planks, bird dogs and more. No equipment needed."),
    { ALWAYS } },
  /* "Daily hamstring wall stretch"; §3: "5 sets of 60 s, every day" */
  { BS_ADVICE_HAMSTRING_STRETCH,
    N_("Daily hamstring stretch"),
    N_("Every day, lie on your back by a wall with your legs straight up it and hold for "
       "60 seconds, five times."),
    { RISK (BS_RISK_TIGHT_HAMSTRINGS),
      RISK (BS_RISK_RUNNING_OVER_SIX_YEARS),
      RISK (BS_RISK_STIFF_BACK) } },
  /* "piriformis stretch"; §3: "5 sets of 30 s, each side"; §5: "dull ache
   * in the glutes ... (piriformis or sciatic irritation)" */
  { BS_ADVICE_PIRIFORMIS_STRETCH,
    N_("Piriformis stretch"),
    N_("Stretch the piriformis, the deep muscle under your glutes: on your back, cross one "
       "ankle over the other knee and pull that knee towards your chest. Hold for 30 "
       "seconds, five times on each side."),
    { PAIN_PATTERN (BS_PAIN_DULL_GLUTES, N_("you feel a dull ache in your glutes")),
      RISK (BS_RISK_RESTRICTED_HIP) } },
  /* "cool-down stretches after every run" */
  { BS_ADVICE_COOL_DOWN,
    N_("Stretch after every run"),
    N_("End every run with a few minutes of stretching: hamstrings, hip flexors and knees "
       "to the chest."),
    { RISK (BS_RISK_NO_STRETCHING) } },
  /* "Warm up 5 to 10 minutes before every run." */
  { BS_ADVICE_WARM_UP,
    N_("Warm up before every run"),
    N_("Take 5 to 10 minutes before every run: a slow jog, then leg swings, high knees, "
       "butt kicks and walking lunges."),
    { RISK (BS_RISK_NO_WARM_UP) } },
  /* "Form: cadence around 170 to 180 steps per minute (a metronome helps),
   * midfoot landing, shorter quicker steps, upright posture, head up,
   * shoulders relaxed."  For pain now, hard surfaces, and the one-sided
   * sharp pain the sources put down to strain, overuse and form. */
  { BS_ADVICE_FORM,
    N_("Check your running form"),
    N_("Aim for about 170 to 180 steps a minute (a metronome helps) with shorter, quicker "
       "steps landing on the middle of the foot. Run tall, head up, shoulders relaxed."),
    { YES (has_pain, N_("you have back pain now")),
      RISK (BS_RISK_HARD_SURFACES),
      PAIN_PATTERN (BS_PAIN_SHARP_ONE_SIDE,
                    N_("you feel a sharp pain on one side of your lower back")) } },
  /* "keep speed work at or below 10 % of weekly mileage" */
  { BS_ADVICE_SPEED_WORK,
    N_("Less speed work"),
    N_("Keep fast running to no more than a tenth of your weekly distance."),
    { RISK (BS_RISK_TOO_MUCH_SPEED_WORK) } },
  /* "raise mileage gradually" */
  { BS_ADVICE_MILEAGE,
    N_("Build up distance gradually"),
    N_("Add distance a little at a time, so your back and legs can adapt before the next "
       "step up."),
    { RISK (BS_RISK_MILEAGE_RAISED_FAST) } },
  /* "rest days" */
  { BS_ADVICE_REST_DAYS,
    N_("Take rest days"),
    N_("Plan rest days into every week: muscles grow stronger while they recover."),
    { RISK (BS_RISK_NO_REST_DAYS) } },
  /* "cross-train (cycling, swimming, strength)" */
  { BS_ADVICE_CROSS_TRAIN,
    N_("Cross-train"),
    N_("Add other exercise to your week, such as cycling, swimming or strength training."),
    { RISK (BS_RISK_NO_OTHER_AEROBIC) } },
  /* "mix surfaces (trails and treadmills load the back less than concrete)" */
  { BS_ADVICE_SURFACES,
    N_("Mix your surfaces"),
    N_("Move some of your runs to trails or a treadmill, which load the back less than "
       "concrete."),
    { RISK (BS_RISK_HARD_SURFACES) } },
  /* "check shoes" */
  { BS_ADVICE_SHOES,
    N_("Check your shoes"),
    N_("Look at the wear and the fit of your running shoes, and replace them when they are "
       "worn out or do not fit."),
    { RISK (BS_RISK_WORN_SHOES) } },
};

#undef ALWAYS
#undef RISK
#undef YES
#undef PAIN_YES
#undef PAIN_PATTERN
#undef PAIN_LASTED
#undef CORE_LEVEL

G_STATIC_ASSERT (G_N_ELEMENTS (advice_rules) == BS_N_ADVICE);

/* The object */

struct _BsFindings
{
  GObject parent_instance;

  BsAnswers answers;
  double bmi;
  GArray *red_flags; /* BsItem, id a BsRedFlag */
  GArray *risks;     /* BsItem, id a BsRisk */
  GArray *advice;    /* BsItem, id a BsAdvice */
  guint core_test_level;
};

G_DEFINE_FINAL_TYPE (BsFindings, bs_findings, G_TYPE_OBJECT)

static void
item_clear (gpointer data)
{
  BsItem *item = data;

  g_free ((char *) item->title);
  g_free ((char *) item->text);
  g_strfreev (item->because);
}

static void
bs_findings_finalize (GObject *object)
{
  BsFindings *self = BS_FINDINGS (object);

  g_array_unref (self->red_flags);
  g_array_unref (self->risks);
  g_array_unref (self->advice);

  G_OBJECT_CLASS (bs_findings_parent_class)->finalize (object);
}

static void
bs_findings_class_init (BsFindingsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_findings_finalize;
}

static GArray *
item_array_new (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (BsItem));

  g_array_set_clear_func (items, item_clear);
  return items;
}

static void
bs_findings_init (BsFindings *self)
{
  bs_answers_init (&self->answers);
  self->bmi = NAN;
  self->red_flags = item_array_new ();
  self->risks = item_array_new ();
  self->advice = item_array_new ();
}

/* Takes @because, a GPtrArray of clauses. */
static void
add_item (GArray     *items,
          int         id,
          const char *title,
          char       *text,
          GPtrArray  *because)
{
  BsItem item = { id, g_strdup (title), text, NULL };

  g_ptr_array_add (because, NULL);
  item.because = (GStrv) g_ptr_array_free (because, FALSE);
  g_array_append_val (items, item);
}

static const BsItem *
find_item (GArray *items,
           int     id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, BsItem, i).id == id)
      return &g_array_index (items, BsItem, i);
  return NULL;
}

static BsAnswer
answer_at (const BsAnswers *answers,
           gsize            offset)
{
  return *(const BsAnswer *) (gconstpointer) ((const char *) answers + offset);
}

static double
number_at (const BsAnswers *answers,
           gsize            offset)
{
  return *(const double *) (gconstpointer) ((const char *) answers + offset);
}

/* "15" or "12.5" */
static char *
format_number (double value)
{
  double rounded = floor (value * 10.0 + 0.5) / 10.0;

  if (rounded == floor (rounded))
    return g_strdup_printf ("%.0f", rounded);
  return g_strdup_printf ("%.1f", rounded);
}

static void
find_red_flags (BsFindings *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (red_flag_rules); i++)
    {
      const RedFlagRule *rule = &red_flag_rules[i];
      GPtrArray *because;

      if (self->answers.red_flags[rule->flag] != BS_ANSWER_YES)
        continue;
      because = g_ptr_array_new ();
      g_ptr_array_add (because, g_strdup (_(rule->because)));
      add_item (self->red_flags, rule->flag, _(rule->title), g_strdup (_(rule->text)), because);
    }
}

static void
find_risks (BsFindings *self)
{
  const BsAnswers *answers = &self->answers;

  for (guint i = 0; i < G_N_ELEMENTS (risk_rules); i++)
    {
      const RiskRule *rule = &risk_rules[i];
      GPtrArray *because;
      char *clause;

      switch (rule->test)
        {
        case TEST_ANSWER:
          if (answer_at (answers, rule->offset) != rule->answer)
            continue;
          clause = g_strdup (_(rule->because));
          break;

        case TEST_ABOVE:
          {
            double value = number_at (answers, rule->offset);

            /* Unknown is negative, so never above a limit; NaN fails too. */
            if (!(value > rule->limit))
              continue;
            if (rule->shows_number)
              {
                g_autofree char *number = format_number (value);
                clause = g_strdup_printf (_(rule->because), number);
              }
            else
              clause = g_strdup (_(rule->because));
          }
          break;

        case TEST_BMI_ABOVE:
        default:
          {
            g_autofree char *number = NULL;

            if (!(self->bmi > rule->limit))
              continue;
            number = g_strdup_printf ("%.1f", self->bmi);
            clause = g_strdup_printf (_(rule->because), number);
          }
          break;
        }

      because = g_ptr_array_new ();
      g_ptr_array_add (because, clause);
      add_item (self->risks, rule->risk, _(rule->title), g_strdup (_(rule->text)), because);
    }
}

/* CONTENT.md §1 and §5: the standard test is for people who have trained
 * for more than six months and run distance or do a high-impact sport;
 * everyone else gets holds shortened by 5 to 15 s.  Beginners (under six
 * months) get the most shortened one.  Anyone else who does not qualify,
 * including someone who left a question unanswered, gets the middle one:
 * unknown is not read as either. */
static guint
choose_core_test_level (const BsAnswers *answers,
                        GPtrArray       *because)
{
  gboolean years_known = answers->years_running >= 0;

  if (years_known && answers->years_running < TRAINED_YEARS)
    {
      g_ptr_array_add (because, g_strdup (_("you have run for less than six months")));
      return 15;
    }
  if (years_known && answers->distance_or_high_impact == BS_ANSWER_YES)
    {
      g_ptr_array_add (because, g_strdup (_("you have run for six months or more")));
      g_ptr_array_add (because,
                       g_strdup (_("you run long distances or do a high-impact sport")));
      return 0;
    }

  if (!years_known)
    g_ptr_array_add (because, g_strdup (_("you did not say how long you have run")));
  if (answers->distance_or_high_impact == BS_ANSWER_NO)
    g_ptr_array_add (because,
                     g_strdup (_("you do not run long distances or do a high-impact sport")));
  else if (answers->distance_or_high_impact == BS_ANSWER_UNKNOWN)
    g_ptr_array_add (because,
                     g_strdup (_("you did not say whether you run long distances or do a "
                                 "high-impact sport")));
  return 10;
}

static char *
core_test_text (guint level)
{
  if (level == 0)
    return g_strdup (_("Take the three-minute core strength test at the standard level. How "
                       "far you get without dropping shows how strong your core is."));
  return g_strdup_printf (ngettext ("Take the core strength test with every hold %u second "
                                    "shorter. How far you get without dropping shows how "
                                    "strong your core is.",
                                    "Take the core strength test with every hold %u seconds "
                                    "shorter. How far you get without dropping shows how "
                                    "strong your core is.",
                                    level), level);
}

static const char *
pain_lasted_clause (BsPainDuration duration)
{
  switch (duration)
    {
    case BS_PAIN_FOR_WEEKS:
      return _("your pain has lasted for weeks");
    case BS_PAIN_FOR_MONTHS:
      return _("your pain has lasted for months");
    case BS_PAIN_FOR_OVER_SIX_MONTHS:
      return _("your pain has lasted for more than six months");
    case BS_PAIN_FOR_UNKNOWN:
    case BS_PAIN_FOR_DAYS:
    default:
      return NULL;
    }
}

static void
find_advice (BsFindings *self)
{
  const BsAnswers *answers = &self->answers;
  gboolean pain_details = answers->has_pain != BS_ANSWER_NO;

  for (guint i = 0; i < G_N_ELEMENTS (advice_rules); i++)
    {
      const AdviceRule *rule = &advice_rules[i];
      g_autoptr(GPtrArray) because = g_ptr_array_new_with_free_func (g_free);
      gboolean applies = FALSE;
      char *text;

      for (guint j = 0; j < MAX_WHEN && rule->when[j].kind != WHEN_END; j++)
        {
          const When *when = &rule->when[j];

          switch (when->kind)
            {
            case WHEN_ALWAYS:
              applies = TRUE;
              break;

            case WHEN_RISK:
              {
                const BsItem *risk = find_item (self->risks, when->value);

                if (risk == NULL)
                  break;
                applies = TRUE;
                for (guint k = 0; risk->because[k]; k++)
                  g_ptr_array_add (because, g_strdup (risk->because[k]));
              }
              break;

            case WHEN_PAIN_YES:
              if (!pain_details)
                break;
              G_GNUC_FALLTHROUGH;
            case WHEN_YES:
              if (answer_at (answers, when->offset) != BS_ANSWER_YES)
                break;
              applies = TRUE;
              g_ptr_array_add (because, g_strdup (_(when->because)));
              break;

            case WHEN_PAIN_PATTERN:
              if (!pain_details || !(answers->pain_patterns & (guint) when->value))
                break;
              applies = TRUE;
              g_ptr_array_add (because, g_strdup (_(when->because)));
              break;

            case WHEN_PAIN_LASTED:
              {
                const char *clause = pain_lasted_clause (answers->pain_duration);

                if (!pain_details || clause == NULL)
                  break;
                applies = TRUE;
                g_ptr_array_add (because, g_strdup (clause));
              }
              break;

            case WHEN_CORE_LEVEL:
              applies = TRUE;
              self->core_test_level = choose_core_test_level (answers, because);
              break;

            case WHEN_END:
            default:
              g_assert_not_reached ();
            }
        }
      if (!applies)
        continue;

      if (rule->advice == BS_ADVICE_CORE_TEST)
        text = core_test_text (self->core_test_level);
      else
        text = g_strdup (_(rule->text));
      /* add_item() owns the array from here: it becomes the item's GStrv. */
      g_ptr_array_set_free_func (because, NULL);
      add_item (self->advice, rule->advice, _(rule->title), text,
                g_steal_pointer (&because));
    }
}

/**
 * bs_findings_new:
 * @answers: the answers; copied
 *
 * Works out everything the result page shows.  The same answers always
 * give the same findings.
 *
 * Returns: (transfer full): the findings
 */
BsFindings *
bs_findings_new (const BsAnswers *answers)
{
  BsFindings *self;

  g_return_val_if_fail (answers != NULL, NULL);

  self = g_object_new (BS_TYPE_FINDINGS, NULL);
  self->answers = *answers;
  self->bmi = bs_answers_get_bmi (answers);

  find_red_flags (self);
  /* With a red flag the wizard ends on the "seek medical attention" page
   * and the UI shows neither risks nor advice.  They are still worked out,
   * so that history and comparisons do not depend on whether one answer
   * was a red flag. */
  find_risks (self);
  find_advice (self);
  return self;
}

gboolean
bs_findings_get_stop (BsFindings *self)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), FALSE);
  return self->red_flags->len > 0;
}

guint
bs_findings_get_n_red_flags (BsFindings *self)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), 0);
  return self->red_flags->len;
}

const BsItem *
bs_findings_get_red_flag (BsFindings *self,
                          guint       index)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), NULL);
  g_return_val_if_fail (index < self->red_flags->len, NULL);
  return &g_array_index (self->red_flags, BsItem, index);
}

/**
 * bs_findings_get_bmi:
 *
 * Returns: the BMI the rules judged, rounded to one decimal, or NAN
 */
double
bs_findings_get_bmi (BsFindings *self)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), NAN);
  return self->bmi;
}

guint
bs_findings_get_n_risks (BsFindings *self)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), 0);
  return self->risks->len;
}

const BsItem *
bs_findings_get_risk (BsFindings *self,
                      guint       index)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), NULL);
  g_return_val_if_fail (index < self->risks->len, NULL);
  return &g_array_index (self->risks, BsItem, index);
}

gboolean
bs_findings_has_risk (BsFindings *self,
                      BsRisk      risk)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), FALSE);
  return find_item (self->risks, risk) != NULL;
}

guint
bs_findings_get_n_advice (BsFindings *self)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), 0);
  return self->advice->len;
}

const BsItem *
bs_findings_get_advice (BsFindings *self,
                        guint       index)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), NULL);
  g_return_val_if_fail (index < self->advice->len, NULL);
  return &g_array_index (self->advice, BsItem, index);
}

gboolean
bs_findings_has_advice (BsFindings *self,
                        BsAdvice    advice)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), FALSE);
  return find_item (self->advice, advice) != NULL;
}

/**
 * bs_findings_get_core_test_form:
 *
 * Returns: the id of the core test form to run, from the routine file
 */
const char *
bs_findings_get_core_test_form (BsFindings *self)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), NULL);
  return CORE_TEST_FORM;
}

/**
 * bs_findings_get_core_test_level:
 *
 * Returns: the seconds to take off every hold: 0 (standard), 10 or 15
 */
guint
bs_findings_get_core_test_level (BsFindings *self)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), 0);
  return self->core_test_level;
}

const BsAnswers *
bs_findings_get_answers (BsFindings *self)
{
  g_return_val_if_fail (BS_IS_FINDINGS (self), NULL);
  return &self->answers;
}

/**
 * bs_item_format_because:
 *
 * Returns: (transfer full) (nullable): "Because A.", "Because A and B.",
 *   "Because A, B and C.", or %NULL if @item applies to everyone
 */
char *
bs_item_format_because (const BsItem *item)
{
  g_autofree char *list = NULL;
  guint n;

  g_return_val_if_fail (item != NULL, NULL);

  n = item->because != NULL ? g_strv_length (item->because) : 0;
  if (n == 0)
    return NULL;

  list = g_strdup (item->because[0]);
  for (guint i = 1; i < n; i++)
    {
      char *longer;

      if (i == n - 1)
        /* Translators: joins the last reason to the ones before it:
         * "your back is stiff and you have flat feet" */
        longer = g_strdup_printf (_("%s and %s"), list, item->because[i]);
      else
        /* Translators: joins reasons in a list of three or more */
        longer = g_strdup_printf (_("%s, %s"), list, item->because[i]);
      g_free (list);
      list = longer;
    }
  /* Translators: %s is one or more reasons, such as "your hamstrings feel
   * tight" */
  return g_strdup_printf (_("Because %s."), list);
}

/* The pain the person rated, with "no pain now" as 0; -1 if unknown. */
static int
pain_level (const BsAnswers *answers)
{
  if (answers->has_pain == BS_ANSWER_NO)
    return 0;
  return answers->pain_severity;
}

static void
compare_amount (GPtrArray  *lines,
                const char *format,
                char       *(*format_amount) (double, BsUnits),
                double      before,
                double      after,
                BsUnits     units)
{
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;

  if (before < 0 || after < 0)
    return;
  was = format_amount (before, units);
  now = format_amount (after, units);
  /* Compared as shown, so a change too small to see is not reported. */
  if (!g_str_equal (was, now))
    g_ptr_array_add (lines, g_strdup_printf (format, was, now));
}

static void
compare_items (GPtrArray *lines,
               GArray    *before,
               GArray    *after,
               guint      n_ids)
{
  for (guint id = 0; id < n_ids; id++)
    {
      const BsItem *was = find_item (before, id);
      const BsItem *now = find_item (after, id);

      if (now != NULL && was == NULL)
        /* Translators: %s is a finding such as "Tight hamstrings" */
        g_ptr_array_add (lines, g_strdup_printf (_("New: %s"), now->title));
      else if (was != NULL && now == NULL)
        /* Translators: %s is a finding such as "No warm-up" */
        g_ptr_array_add (lines, g_strdup_printf (_("No longer: %s"), was->title));
    }
}

static void
compare_findings (GPtrArray  *lines,
                  BsFindings *before,
                  BsFindings *after,
                  BsUnits     units)
{
  int pain_before, pain_after;

  if (!isnan (before->bmi) && !isnan (after->bmi) && before->bmi != after->bmi)
    {
      g_autofree char *was = g_strdup_printf ("%.1f", before->bmi);
      g_autofree char *now = g_strdup_printf ("%.1f", after->bmi);

      /* Translators: a change of body mass index, "BMI 25.1 → 24.3" */
      g_ptr_array_add (lines, g_strdup_printf (_("BMI %s → %s"), was, now));
    }
  /* Translators: a change of weight, "Weight 80 kg → 78 kg" */
  compare_amount (lines, _("Weight %s → %s"), bs_format_weight,
                  before->answers.weight_kg, after->answers.weight_kg, units);
  /* Translators: a change of height, "Height 5′9″ → 5′10″" */
  compare_amount (lines, _("Height %s → %s"), bs_format_height,
                  before->answers.height_cm, after->answers.height_cm, units);

  pain_before = pain_level (&before->answers);
  pain_after = pain_level (&after->answers);
  if (pain_before >= 0 && pain_after >= 0 && pain_before != pain_after)
    /* Translators: a change on the 0 to 10 pain scale, "Pain 6/10 → 3/10" */
    g_ptr_array_add (lines, g_strdup_printf (_("Pain %d/10 → %d/10"), pain_before, pain_after));

  /* Translators: a change of weekly running distance, "Weekly distance 30 km → 40 km" */
  compare_amount (lines, _("Weekly distance %s → %s"), bs_format_distance,
                  before->answers.weekly_km, after->answers.weekly_km, units);

  compare_items (lines, before->red_flags, after->red_flags, BS_N_RED_FLAGS);
  compare_items (lines, before->risks, after->risks, BS_N_RISKS);
}

/**
 * bs_findings_compare:
 * @before: (nullable): an earlier assessment
 * @after: a later one
 * @units: the units to show lengths and weights in
 *
 * Returns: (transfer full): one line for each thing that changed, such as
 *   "BMI 25.1 → 24.3", "New: Tight hamstrings" or "Pain 6/10 → 3/10"; empty
 *   when nothing did or there is nothing to compare with
 */
GStrv
bs_findings_compare (BsFindings *before,
                     BsFindings *after,
                     BsUnits     units)
{
  GPtrArray *lines;

  g_return_val_if_fail (before == NULL || BS_IS_FINDINGS (before), NULL);
  g_return_val_if_fail (BS_IS_FINDINGS (after), NULL);

  lines = g_ptr_array_new ();
  if (before != NULL)
    compare_findings (lines, before, after, units);
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}
