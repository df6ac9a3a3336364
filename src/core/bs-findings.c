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
#include "bs-findings-rules.h"

/* CONTENT.md §1: the test's standard form, the 3:00 one. */
#define CORE_TEST_FORM "standard"
/* "athletes who have trained for more than six months" */
#define TRAINED_YEARS 0.5

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
  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    {
      const RedFlagRule *rule = &bs_red_flag_rules[i];
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

  for (guint i = 0; i < BS_N_RISKS; i++)
    {
      const RiskRule *rule = &bs_risk_rules[i];
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

  for (guint i = 0; i < BS_N_ADVICE; i++)
    {
      const AdviceRule *rule = &bs_advice_rules[i];
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
