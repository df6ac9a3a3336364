/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * libFuzzer target for the routine-file loader.
 *
 * Routine files are written by hand and shared between people, so the
 * loader must refuse any input cleanly: either a whole routine or one error
 * that names the file, never both, never neither, and never a crash, a leak
 * or a read past the data.  The same function is linked into regress.c so
 * the seed corpus and saved crashes also run as an ordinary test.
 *
 * Every input goes through two entries:
 *   1. bs_routine_new_from_bytes(), with and without translation;
 *   2. bs_json_locator_new()/lookup() directly on the raw bytes.  In the
 *      loader the locator only ever sees valid UTF-8 that json-glib has
 *      already accepted, but it is a hand-written tokenizer and must be safe
 *      on anything, so it is fed the bytes unfiltered here.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "bs-error.h"
#include "bs-fuzz-check.h"
#include "bs-json-locator.h"
#include "bs-routine.h"
#include "bs-schedule.h"

/* Two names, so that a display name used as a format string shows up as a
 * crash (the "%n") rather than going unnoticed. */
#define PLAIN_NAME "fuzz.json"
#define PERCENT_NAME "fuzz-%s%n.json"

/* Pointers the loader asks for, plus ones that need JSON Pointer escapes. */
static const char * const pointers[] = {
  "",
  "/format",
  "/id",
  "/name",
  "/forms/0/id",
  "/levels/0",
  "/steps",
  "/steps/0",
  "/steps/0/seconds",
  "/steps/0/form-seconds/short",
  "/steps/499/seconds",
  "/steps/0/pace",
  "/steps/0/illustration",
  "/rounds",
  "/a~1b",
  "/~0",
  "/~01",
  "//",
  "/0/0/0/0/0/0/0/0",
};

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Texts end up in GTK labels, which reject invalid UTF-8, and the format
 * caps them at 2000 characters. */
static gboolean
is_good_text (const char *s,
              gboolean    nullable)
{
  if (s == NULL)
    return nullable;
  return s[0] != '\0' && g_utf8_validate (s, -1, NULL) && g_utf8_strlen (s, -1) <= 2000;
}

/* What data/routines/README.md promises about any routine that loads; a
 * routine that breaks it got past a check it should not have. */
static void
check_routine (BsRoutine *routine)
{
  guint n_forms = bs_routine_get_n_forms (routine);
  guint n_levels = bs_routine_get_n_levels (routine);
  guint n_steps = bs_routine_get_n_steps (routine);
  guint level_floor = bs_routine_get_level_floor (routine);

  FUZZ_CHECK (bs_routine_id_is_valid (bs_routine_get_id (routine)));
  FUZZ_CHECK (is_good_text (bs_routine_get_name (routine), FALSE));
  FUZZ_CHECK (is_good_text (bs_routine_get_description (routine), TRUE));
  FUZZ_CHECK (bs_routine_get_scoring (routine) == BS_SCORING_NONE ||
              bs_routine_get_scoring (routine) == BS_SCORING_HOLD_TEST);

  for (guint i = 0; i < n_forms; i++)
    {
      const char *form_id = bs_routine_get_form_id (routine, i);

      FUZZ_CHECK (bs_routine_id_is_valid (form_id));
      FUZZ_CHECK (bs_routine_find_form (routine, form_id) == (int) i);
      FUZZ_CHECK (is_good_text (bs_routine_get_form_name (routine, i), FALSE));
      FUZZ_CHECK (is_good_text (bs_routine_get_form_description (routine, i), TRUE));
    }

  FUZZ_CHECK (n_levels >= 1);
  for (guint i = 0; i < n_levels; i++)
    {
      guint level = bs_routine_get_level (routine, i);

      FUZZ_CHECK (level <= 600);
      for (guint j = 0; j < i; j++)
        FUZZ_CHECK (bs_routine_get_level (routine, j) != level);
    }
  FUZZ_CHECK (level_floor >= BS_STEP_MIN_SECONDS && level_floor <= BS_STEP_MAX_SECONDS);

  FUZZ_CHECK (bs_routine_category_is_valid (bs_routine_get_category (routine)));
  FUZZ_CHECK (bs_routine_get_lead_in (routine) >= -1 && bs_routine_get_lead_in (routine) <= 120);
  FUZZ_CHECK (bs_routine_get_rounds (routine) >= 1 && bs_routine_get_rounds (routine) <= 20);
  FUZZ_CHECK (bs_routine_get_round_rest (routine) <= 3600);

  FUZZ_CHECK (n_steps >= 1 && n_steps <= 500);
  for (guint i = 0; i < n_steps; i++)
    {
      BsStep *step = bs_routine_get_step (routine, i);
      BsStepKind kind = bs_step_get_kind (step);
      guint seconds = bs_step_get_seconds (step);
      BsSide side = bs_step_get_side (step);
      const char *illustration = bs_step_get_illustration (step);

      FUZZ_CHECK (kind == BS_STEP_HOLD || kind == BS_STEP_PER_SIDE || kind == BS_STEP_COUNTED ||
                  kind == BS_STEP_REST);
      FUZZ_CHECK (is_good_text (bs_step_get_name (step), FALSE));
      FUZZ_CHECK (is_good_text (bs_step_get_instruction (step), TRUE));
      FUZZ_CHECK (illustration == NULL || bs_illustration_id_is_valid (illustration));
      FUZZ_CHECK (side == BS_SIDE_NONE || (kind == BS_STEP_HOLD &&
                                           (side == BS_SIDE_LEFT || side == BS_SIDE_RIGHT)));
      FUZZ_CHECK (bs_step_get_sets (step) >= 1 && bs_step_get_sets (step) <= 50);
      FUZZ_CHECK (bs_step_get_set_rest (step) <= 3600 && bs_step_get_rest_after (step) <= 3600);
      FUZZ_CHECK (bs_step_get_switch_seconds (step) <= 60);
      FUZZ_CHECK (bs_step_get_first_side (step) == BS_SIDE_LEFT ||
                  bs_step_get_first_side (step) == BS_SIDE_RIGHT);
      if (kind == BS_STEP_COUNTED)
        {
          FUZZ_CHECK (bs_step_get_reps (step) >= 1 && bs_step_get_reps (step) <= 500);
          FUZZ_CHECK (bs_step_get_pace (step) <= 60);
          continue;
        }
      FUZZ_CHECK (bs_step_get_reps (step) == 0);
      FUZZ_CHECK (seconds >= BS_STEP_MIN_SECONDS && seconds <= BS_STEP_MAX_SECONDS);
      for (guint f = 0; f < n_forms; f++)
        {
          guint form_seconds =
            bs_step_get_form_seconds (step, bs_routine_get_form_id (routine, f));

          FUZZ_CHECK (form_seconds >= BS_STEP_MIN_SECONDS && form_seconds <= BS_STEP_MAX_SECONDS);
          for (guint l = 0; l < n_levels; l++)
            FUZZ_CHECK (bs_level_apply (form_seconds, bs_routine_get_level (routine, l),
                                        level_floor) >= BS_STEP_MIN_SECONDS);
        }
    }

  /* Every form at every level expands into a schedule a session can run:
   * not empty, not ending on a rest, no longer than the loader allows. */
  for (guint f = 0; f <= n_forms; f++)
    for (guint l = 0; l < n_levels; l++)
      {
        const char *form_id = f < n_forms ? bs_routine_get_form_id (routine, f) : NULL;
        GError *error = NULL;
        BsSchedule *schedule = bs_schedule_new (routine, form_id, bs_routine_get_level (routine, l),
                                                10, &error);
        guint n_segments;

        FUZZ_CHECK (schedule != NULL && error == NULL);
        n_segments = bs_schedule_get_n_segments (schedule);
        FUZZ_CHECK (n_segments >= 1 && n_segments <= 10001);
        FUZZ_CHECK (bs_schedule_get_n_stages (schedule) >= 1);
        FUZZ_CHECK (bs_schedule_get_segment (schedule, n_segments - 1)->kind == BS_SEGMENT_WORK);
        FUZZ_CHECK (bs_schedule_get_total_seconds (schedule) <= 24 * 3600 + 120);
        g_object_unref (schedule);
      }
}

/* Loads once and checks the contract: exactly one of routine and error,
 * and an error that names the file first.  Returns the error message with
 * the display name taken off (or NULL when the routine loaded), so two
 * loads under different names can be compared. */
static char *
load_once (GBytes             *bytes,
           const char         *display_name,
           BsRoutineLoadFlags  flags)
{
  g_autoptr(GError) error = NULL;
  BsRoutine *routine;
  char *rest = NULL;

  routine = bs_routine_new_from_bytes (bytes, display_name, flags, &error);
  FUZZ_CHECK ((routine == NULL) != (error == NULL));

  if (routine != NULL)
    {
      check_routine (routine);
      g_object_unref (routine);
      return NULL;
    }

  FUZZ_CHECK (error->domain == BS_ERROR);
  FUZZ_CHECK (error->message != NULL);
  FUZZ_CHECK (g_str_has_prefix (error->message, display_name));
  /* The message is shown in the window, which needs valid UTF-8. */
  FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
  rest = g_strdup (error->message + strlen (display_name));
  FUZZ_CHECK (rest[0] == ':');
  return rest;
}

static void
fuzz_loader (const uint8_t *data,
             size_t         size)
{
  /* g_bytes_new() copies into a block of exactly @size bytes, so a read past
   * the end is caught by AddressSanitizer instead of landing on a NUL. */
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *plain = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *translated = NULL;

  plain = load_once (bytes, PLAIN_NAME, BS_ROUTINE_LOAD_NONE);
  percent = load_once (bytes, PERCENT_NAME, BS_ROUTINE_LOAD_NONE);
  translated = load_once (bytes, PLAIN_NAME, BS_ROUTINE_LOAD_TRANSLATE);

  /* The display name must not change the verdict or the rest of the
   * message.  No catalogue is bound here, so translating must not either. */
  FUZZ_CHECK (g_strcmp0 (plain, percent) == 0);
  FUZZ_CHECK (g_strcmp0 (plain, translated) == 0);
}

static void
fuzz_locator (const uint8_t *data,
              size_t         size)
{
  /* An exact-size copy with no terminating NUL: the locator is given a
   * length and must not rely on one.  malloc() rather than g_malloc(),
   * because g_malloc (0) is NULL and the loader never passes NULL (it
   * refuses empty data first); malloc (0) is a real zero-byte block, so
   * any read from it is still caught. */
  char *text = malloc (size);
  g_autofree char *input_pointer = NULL;
  g_autoptr(BsJsonLocator) locator = NULL;
  guint line = 0, column = 0;

  FUZZ_CHECK (text != NULL);
  if (size > 0)
    memcpy (text, data, size);
  locator = bs_json_locator_new (text, size);
  /* Freed before the lookups: the locator must keep copies, not pointers
   * into the text, and AddressSanitizer sees a use after free if not. */
  free (text);

  /* The root is always recorded, at a real position. */
  FUZZ_CHECK (bs_json_locator_lookup (locator, "", &line, &column));
  FUZZ_CHECK (line >= 1 && column >= 1);

  for (gsize i = 0; i < G_N_ELEMENTS (pointers); i++)
    {
      line = column = 0;
      if (bs_json_locator_lookup (locator, pointers[i], &line, &column))
        FUZZ_CHECK (line >= 1 && column >= 1);
    }

  /* And one pointer the fuzzer controls: the input itself, up to its first
   * NUL.  g_strndup (NULL, 0) would be NULL, which no caller passes. */
  input_pointer = size > 0 ? g_strndup ((const char *) data, size) : g_strdup ("");
  line = column = 0;
  if (bs_json_locator_lookup (locator, input_pointer, &line, &column))
    FUZZ_CHECK (line >= 1 && column >= 1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init_once ();
  fuzz_locator (data, size);
  fuzz_loader (data, size);
  return 0;
}
