/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * libFuzzer target for the self-assessment answers reader.
 *
 * A paused assessment is kept as this JSON in the settings, and every
 * assessment in the history carries it: both can be edited by hand or
 * arrive in an imported export, so bs_answers_from_json() must refuse
 * anything it cannot use with one error and leave the caller's answers as
 * they were.  What it accepts must survive bs_answers_to_json() and come
 * back the same, or a saved assessment would change each time it is read.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "bs-answers.h"
#include "bs-error.h"
#include "bs-fuzz-check.h"
#include "bs-measure.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
answer_ok (BsAnswer answer)
{
  return answer == BS_ANSWER_UNKNOWN || answer == BS_ANSWER_NO || answer == BS_ANSWER_YES;
}

/* A number the reader accepted is either unknown or inside the range the
 * wizard could have typed, in either unit; NaN and infinities never get
 * through. */
static gboolean
number_ok (double value,
           double min,
           double max)
{
  return value == BS_UNKNOWN_NUMBER || (value >= min && value <= max);
}

static void
check_answers (const BsAnswers *answers)
{
  const BsAnswer more[] = {
    answers->has_pain, answers->pain_worse_with_activity, answers->pain_not_eased_by_rest,
    answers->pain_stops_running, answers->leg_length_difference, answers->flat_feet,
    answers->tall, answers->tight_hamstrings, answers->stiff_back,
    answers->restricted_hip_flexion, answers->distance_or_high_impact,
    answers->mostly_hard_surfaces, answers->warms_up, answers->stretches_after,
    answers->takes_rest_days, answers->other_aerobic_activity, answers->mileage_raised_fast,
    answers->shoes_worn,
  };

  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    FUZZ_CHECK (answer_ok (answers->red_flags[i]));
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    FUZZ_CHECK (answer_ok (more[i]));
  FUZZ_CHECK ((answers->pain_patterns & ~0xfu) == 0);
  FUZZ_CHECK (answers->pain_when <= BS_PAIN_DURING_AND_AFTER);
  FUZZ_CHECK (answers->pain_duration <= BS_PAIN_FOR_OVER_SIX_MONTHS);
  FUZZ_CHECK (answers->pain_severity >= -1 && answers->pain_severity <= BS_MAX_PAIN);
  FUZZ_CHECK (number_ok (answers->height_cm, BS_MIN_HEIGHT_IN * BS_CM_PER_INCH, BS_MAX_HEIGHT_CM));
  FUZZ_CHECK (number_ok (answers->weight_kg, BS_MIN_WEIGHT_LB * BS_KG_PER_POUND,
                         BS_MAX_WEIGHT_KG));
  FUZZ_CHECK (number_ok (answers->years_running, 0, BS_MAX_YEARS));
  FUZZ_CHECK (number_ok (answers->weekly_km, 0, BS_MAX_KM));
  FUZZ_CHECK (number_ok (answers->speed_work_percent, 0, 100));
}

/* Reads @json and checks the contract; returns whether it was accepted. */
static gboolean
read_once (const char *json,
           gssize      length,
           BsAnswers  *answers)
{
  g_autoptr(GError) error = NULL;
  BsAnswers before;
  gboolean ok;

  /* A pattern no reader writes, to see that a refusal changes nothing. */
  memset (answers, 0xa5, sizeof *answers);
  memcpy (&before, answers, sizeof before);

  ok = bs_answers_from_json (json, length, answers, &error);
  FUZZ_CHECK (ok == (error == NULL));
  if (ok)
    {
      check_answers (answers);
      return TRUE;
    }

  FUZZ_CHECK (memcmp (&before, answers, sizeof before) == 0);
  FUZZ_CHECK (error->domain == BS_ERROR);
  FUZZ_CHECK (error->message != NULL && error->message[0] != '\0');
  /* Shown in a GTK label, which needs valid UTF-8. */
  FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* An exact-size copy: the reader is given the length and must not look
   * past it for a NUL.  malloc (0) is a real block, unlike g_malloc (0). */
  char *exact = malloc (size);
  g_autofree char *terminated = NULL;
  BsAnswers answers, again;
  gboolean accepted;

  fuzz_init_once ();
  FUZZ_CHECK (exact != NULL);
  if (size > 0)
    memcpy (exact, data, size);
  accepted = read_once (exact, (gssize) size, &answers);
  free (exact);

  /* The same text NUL-terminated, length -1, gets the same verdict; text
   * with a NUL inside cannot be passed that way. */
  if (memchr (data, '\0', size) == NULL)
    {
      terminated = g_strndup ((const char *) data, size);
      FUZZ_CHECK (read_once (terminated, -1, &again) == accepted);
      if (accepted)
        FUZZ_CHECK (bs_answers_equal (&answers, &again));
    }

  if (accepted)
    {
      g_autofree char *written = bs_answers_to_json (&answers);
      g_autofree char *rewritten = NULL;

      /* Written and read back, the answers are the same, and writing them
       * again gives the same text. */
      FUZZ_CHECK (written != NULL);
      FUZZ_CHECK (read_once (written, -1, &again));
      FUZZ_CHECK (bs_answers_equal (&answers, &again));
      rewritten = bs_answers_to_json (&again);
      FUZZ_CHECK (g_strcmp0 (written, rewritten) == 0);
    }
  return 0;
}
