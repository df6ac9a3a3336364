/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Which cues a routine gets, and when: exactly on the schedule's
 * boundaries, and still so after pause, skip and back. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bs-cue-plan.h"
#include "bs-fake-clock.h"
#include "bs-routine-library.h"

#define SEC ((gint64) G_USEC_PER_SEC)
#define MS ((gint64) 1000)

static BsSchedule *
core_test (const char *form,
           guint       level)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();

  return bs_schedule_new (bs_routine_library_lookup (library, "core-test"), form, level, 10, NULL);
}

/* The plan as "kind@milliseconds" words, for whole-plan comparisons. */
static char *
describe (BsCuePlan *plan)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < bs_cue_plan_get_n_cues (plan); i++)
    {
      const BsCue *cue = bs_cue_plan_get_cue (plan, i);

      g_string_append_printf (out, "%s%s@%" G_GINT64_FORMAT, i ? " " : "",
                              bs_cue_kind_to_string (cue->kind),
                              bs_cue_plan_get_time (plan, cue) / MS);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_upcoming (GArray *timed,
                   gint64  origin)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < timed->len; i++)
    {
      const BsTimedCue *entry = &g_array_index (timed, BsTimedCue, i);

      g_string_append_printf (out, "%s%s@%" G_GINT64_FORMAT, i ? " " : "",
                              bs_cue_kind_to_string (entry->cue->kind),
                              (entry->time - origin) / MS);
    }
  return g_string_free (out, FALSE);
}

static void
test_tones (void)
{
  g_autoptr(BsSchedule) schedule = core_test ("standard", 0);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, TRUE);
  g_autofree char *text = describe (plan);

  /* Lead-in ticks, "go" on the first boundary, a halfway tone in the 60 s
   * plank, a stage tone on every later boundary, ticks before every end,
   * and the chime on the last. */
  g_assert_cmpstr (text, ==,
                   "tick@7000 tick@8000 tick@9000 go@10000 halfway@40000 "
                   "tick@67000 tick@68000 tick@69000 stage@70000 "
                   "tick@82000 tick@83000 tick@84000 stage@85000 "
                   "tick@97000 tick@98000 tick@99000 stage@100000 "
                   "tick@112000 tick@113000 tick@114000 stage@115000 "
                   "tick@127000 tick@128000 tick@129000 stage@130000 "
                   "tick@142000 tick@143000 tick@144000 stage@145000 "
                   "tick@157000 tick@158000 tick@159000 stage@160000 halfway@175000 "
                   "tick@187000 tick@188000 tick@189000 finish@190000");
}

static void
test_every_boundary_has_a_cue (gconstpointer data)
{
  guint level = GPOINTER_TO_UINT (data);
  g_autoptr(BsSchedule) schedule = core_test ("short", level);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_VOICE, FALSE);

  for (guint i = 0; i < bs_schedule_get_n_segments (schedule); i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);
      gint64 boundary = (gint64) segment->start * SEC;
      gboolean found = FALSE;

      for (guint j = 0; j < bs_cue_plan_get_n_cues (plan); j++)
        {
          const BsCue *cue = bs_cue_plan_get_cue (plan, j);
          if (bs_cue_plan_get_time (plan, cue) == boundary && cue->kind != BS_CUE_TICK)
            found = TRUE;
        }
      g_assert_true (found);
    }
}

static void
test_voice (void)
{
  g_autoptr(BsSchedule) schedule = core_test ("standard", 0);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_VOICE, FALSE);
  g_auto(GStrv) texts = bs_cue_plan_dup_texts (plan);
  const BsCue *first_voice = NULL, *second = NULL;

  for (guint i = 0; i < bs_cue_plan_get_n_cues (plan); i++)
    {
      const BsCue *cue = bs_cue_plan_get_cue (plan, i);

      g_assert_cmpint (cue->kind, !=, BS_CUE_HALFWAY);
      g_assert_cmpint (cue->kind, !=, BS_CUE_STAGE);
      if (cue->kind == BS_CUE_VOICE && first_voice == NULL)
        first_voice = cue;
      else if (cue->kind == BS_CUE_VOICE && second == NULL)
        second = cue;
    }
  g_assert_cmpstr (first_voice->text, ==, "Get ready. First: Plank on your elbows.");
  g_assert_cmpint (bs_cue_plan_get_time (plan, first_voice), ==, 0);
  /* The first stage's name follows the "go" tone. */
  g_assert_cmpstr (second->text, ==, "Plank on your elbows");
  g_assert_cmpint (bs_cue_plan_get_time (plan, second), ==, 10 * SEC + BS_CUE_VOICE_AFTER_GO_USEC);
  g_assert_cmpint (second->fallback, ==, BS_CUE_STAGE);

  /* Each distinct text once, in the order needed. */
  g_assert_cmpuint (g_strv_length (texts), ==, 8);
  g_assert_cmpstr (texts[0], ==, "Get ready. First: Plank on your elbows.");
  g_assert_cmpstr (texts[1], ==, "Plank on your elbows");
  g_assert_cmpstr (texts[7], ==, "Left arm and right leg");
}

static void
test_off (void)
{
  g_autoptr(BsSchedule) schedule = core_test ("standard", 0);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_OFF, TRUE);

  g_assert_cmpuint (bs_cue_plan_get_n_cues (plan), ==, 0);
}

static void
test_short_holds_keep_their_start (void)
{
  /* At the easiest level, 5 s holds: ticks at 2, 3, 4 s, never on the
   * boundary itself where the stage cue sounds. */
  g_autoptr(BsSchedule) schedule = core_test ("short", 15);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, TRUE);
  g_autofree char *text = describe (plan);

  g_assert_nonnull (strstr (text, "stage@25000 tick@27000 tick@28000 tick@29000 stage@30000"));
}

/* The upcoming cues follow the session: on time while it runs, nothing
 * while paused, shifted by the pause after it, and re-anchored on skip
 * and back. */
static void
test_upcoming_follows_the_session (void)
{
  g_autoptr(BsSchedule) schedule = core_test ("standard", 0);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, FALSE);
  g_autoptr(BsClock) clock = bs_fake_clock_new ();
  g_autoptr(BsSession) session = bs_session_new (schedule, clock);
  gint64 origin = bs_clock_get_time (clock);
  g_autoptr(GArray) idle = bs_cue_plan_upcoming (plan, session);
  g_autoptr(GArray) running = NULL;
  g_autoptr(GArray) paused = NULL;
  g_autoptr(GArray) resumed = NULL;
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GArray) back = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (idle->len, ==, 0);

  bs_session_start (session);
  running = bs_cue_plan_upcoming (plan, session);
  g_assert_cmpuint (running->len, ==, bs_cue_plan_get_n_cues (plan));
  for (guint i = 0; i < running->len; i++)
    {
      const BsTimedCue *entry = &g_array_index (running, BsTimedCue, i);
      /* On the session clock, exactly the plan's time from the start. */
      g_assert_cmpint (entry->time - origin, ==, bs_cue_plan_get_time (plan, entry->cue));
    }

  /* 20.5 s into the 60 s plank, pause for 100 s. */
  bs_fake_clock_advance (BS_FAKE_CLOCK (clock), 30 * SEC + 500 * MS);
  bs_session_pause (session);
  paused = bs_cue_plan_upcoming (plan, session);
  g_assert_cmpuint (paused->len, ==, 0);
  bs_fake_clock_advance (BS_FAKE_CLOCK (clock), 100 * SEC);
  bs_session_resume (session);
  resumed = bs_cue_plan_upcoming (plan, session);
  text = describe_upcoming (resumed, origin);
  g_assert_true (g_str_has_prefix (text, "tick@167000 tick@168000 tick@169000 stage@170000 tick@182000"));
  g_assert_true (g_str_has_suffix (text, "finish@290000"));
  g_clear_pointer (&text, g_free);

  /* Skip at 140 s (stage 1 would have ended at 170): stage 2 starts now. */
  bs_fake_clock_advance (BS_FAKE_CLOCK (clock), 9 * SEC + 500 * MS);
  bs_session_skip (session);
  skipped = bs_cue_plan_upcoming (plan, session);
  text = describe_upcoming (skipped, origin);
  g_assert_true (g_str_has_prefix (text, "stage@140000 tick@152000 tick@153000 tick@154000 stage@155000"));
  g_clear_pointer (&text, g_free);

  /* 5 s later, back restarts stage 2. */
  bs_fake_clock_advance (BS_FAKE_CLOCK (clock), 5 * SEC);
  bs_session_back (session);
  back = bs_cue_plan_upcoming (plan, session);
  text = describe_upcoming (back, origin);
  g_assert_true (g_str_has_prefix (text, "stage@145000 tick@157000"));
}

/* The result, spoken: whole words a voice can say. */
static void
test_result_sentence (void)
{
  g_autoptr(BsSchedule) schedule = core_test ("standard", 0);
  g_autoptr(BsClock) clock = bs_fake_clock_new ();
  g_autoptr(BsSession) session = bs_session_new (schedule, clock);
  g_autofree char *sentence = NULL;

  bs_session_start (session);
  bs_fake_clock_advance (BS_FAKE_CLOCK (clock), 10 * SEC + 92 * SEC);
  bs_session_give_up (session);
  sentence = bs_cue_result_sentence (bs_session_get_result (session));
  g_assert_cmpstr (sentence, ==, "You held 1 minute 32 seconds, up to stage 4 of 8.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cue-plan/tones", test_tones);
  g_test_add_func ("/cue-plan/voice", test_voice);
  g_test_add_func ("/cue-plan/off", test_off);
  g_test_add_func ("/cue-plan/short-holds", test_short_holds_keep_their_start);
  for (guint level = 0; level <= 15; level += 5)
    {
      g_autofree char *name = g_strdup_printf ("/cue-plan/every-boundary/level-%u", level);
      g_test_add_data_func (name, GUINT_TO_POINTER (level), test_every_boundary_has_a_cue);
    }
  g_test_add_func ("/cue-plan/upcoming", test_upcoming_follows_the_session);
  g_test_add_func ("/cue-plan/result-sentence", test_result_sentence);

  return g_test_run ();
}
