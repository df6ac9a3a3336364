/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The self-assessment's rules (CONTENT.md §5): three tables, each entry
 * with the line of CONTENT.md it encodes.  A rule reads only answers that
 * were given; bs-findings.c walks the tables.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bs-findings-rules.h"

/* Red flags */

/* CONTENT.md §5, "Red flags: stop and see a clinician now". */
const RedFlagRule bs_red_flag_rules[BS_N_RED_FLAGS] = {
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

G_STATIC_ASSERT (G_N_ELEMENTS (bs_red_flag_rules) == BS_N_RED_FLAGS);

/* Risk factors */

#define ANSWER_IS(member, value) TEST_ANSWER, G_STRUCT_OFFSET (BsAnswers, member), value, 0
#define ABOVE(member, value) TEST_ABOVE, G_STRUCT_OFFSET (BsAnswers, member), 0, value

/* In the order of CONTENT.md §5, "Risk factors": the 2020 review first,
 * then the other sources.  This is the order the result page lists them. */
const RiskRule bs_risk_rules[BS_N_RISKS] = {
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

G_STATIC_ASSERT (G_N_ELEMENTS (bs_risk_rules) == BS_N_RISKS);

/* Advice */

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
const AdviceRule bs_advice_rules[BS_N_ADVICE] = {
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

G_STATIC_ASSERT (G_N_ELEMENTS (bs_advice_rules) == BS_N_ADVICE);
