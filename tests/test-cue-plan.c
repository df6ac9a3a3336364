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

static BsSchedule *
bundled (const char *id,
         guint       lead_in)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();

  return bs_schedule_new (bs_routine_library_lookup (library, id), NULL, 0, lead_in, NULL);
}

/* The plan as "kind@ms" words, with the words of voice cues, from @from ms
 * to before @to ms. */
static char *
describe_between (BsCuePlan *plan,
                  gint64     from,
                  gint64     to)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < bs_cue_plan_get_n_cues (plan); i++)
    {
      const BsCue *cue = bs_cue_plan_get_cue (plan, i);
      gint64 at = bs_cue_plan_get_time (plan, cue) / MS;

      if (at < from || at >= to)
        continue;
      g_string_append_printf (out, "%s%s", out->len ? " " : "", bs_cue_kind_to_string (cue->kind));
      if (cue->text != NULL)
        g_string_append_printf (out, "[%s]", cue->text);
      g_string_append_printf (out, "@%" G_GINT64_FORMAT, at);
    }
  return g_string_free (out, FALSE);
}

/* Per-side sets, spoken: the side at each start, "Switch sides", the rest
 * with what follows it, and "Set 2 of 5" from the second set on. */
static void
test_per_side_sets_voice (void)
{
  g_autoptr(BsSchedule) schedule = bundled ("piriformis-stretch", 10);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_VOICE, FALSE);
  g_autofree char *text = describe_between (plan, 0, 150000);
  const BsCue *cue = NULL;

  g_assert_cmpstr (text, ==,
                   "voice[Get ready. First: Piriformis stretch.]@0 tick@7000 tick@8000 tick@9000 "
                   "go@10000 voice[Piriformis stretch, right side]@10450 "
                   "tick@37000 tick@38000 tick@39000 "
                   "voice[Switch sides]@40000 tick@42000 tick@43000 tick@44000 "
                   "voice[Left side]@45000 tick@72000 tick@73000 tick@74000 "
                   "voice[Rest. Next: Piriformis stretch.]@75000 tick@82000 tick@83000 tick@84000 "
                   "voice[Set 2 of 5, right side]@85000 tick@112000 tick@113000 tick@114000 "
                   "voice[Switch sides]@115000 tick@117000 tick@118000 tick@119000 "
                   "voice[Left side]@120000 tick@147000 tick@148000 tick@149000");

  /* Without its words, each sounds as its own tone. */
  for (guint i = 0; i < bs_cue_plan_get_n_cues (plan); i++)
    if (g_strcmp0 (bs_cue_plan_get_cue (plan, i)->text, "Switch sides") == 0)
      cue = bs_cue_plan_get_cue (plan, i);
  g_assert_nonnull (cue);
  g_assert_cmpint (cue->fallback, ==, BS_CUE_SWITCH);

  g_clear_pointer (&text, g_free);
  text = describe_between (plan, 345000, G_MAXINT64);
  g_assert_cmpstr (text, ==, "voice[Left side]@345000 tick@372000 tick@373000 tick@374000 finish@375000");
}

static void
test_per_side_sets_tones (void)
{
  g_autoptr(BsSchedule) schedule = bundled ("hamstring-wall-stretch", 0);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, TRUE);
  g_autofree char *text = describe_between (plan, 0, 90000);
  g_autoptr(BsSchedule) sides = bundled ("piriformis-stretch", 0);
  g_autoptr(BsCuePlan) sides_plan = bs_cue_plan_new (sides, BS_CUE_STYLE_TONES, FALSE);
  g_autofree char *sides_text = describe_between (sides_plan, 25000, 80000);

  g_assert_cmpstr (text, ==,
                   "stage@0 halfway@30000 tick@57000 tick@58000 tick@59000 "
                   "rest@60000 tick@67000 tick@68000 tick@69000 "
                   "stage@70000");
  g_assert_cmpstr (sides_text, ==,
                   "tick@27000 tick@28000 tick@29000 switch@30000 tick@32000 tick@33000 tick@34000 "
                   "stage@35000 tick@62000 tick@63000 tick@64000 rest@65000 tick@72000 tick@73000 "
                   "tick@74000 stage@75000");
}

/* A paced set: a soft tick per repetition, no words for them, no halfway
 * tone, and the countdown before its end. */
static void
test_paced_reps (void)
{
  g_autoptr(BsSchedule) schedule = bundled ("daily-stretches", 0);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_VOICE, TRUE);
  g_autofree char *text = NULL;
  int index = -1;
  gint64 start;

  for (guint i = 0; i < bs_schedule_get_n_segments (schedule); i++)
    if (bs_schedule_get_segment (schedule, i)->reps > 0)
      index = (int) i;
  g_assert_cmpint (index, >=, 0);
  start = (gint64) bs_schedule_get_segment (schedule, (guint) index)->start * 1000;
  g_assert_cmpint (start, ==, 840000);

  text = describe_between (plan, start, start + 40000);
  g_assert_cmpstr (text, ==,
                   "voice[Pelvic tilt]@840000 rep@844000 rep@848000 rep@852000 rep@856000 "
                   "rep@860000 rep@864000 rep@868000 rep@872000 rep@876000 "
                   "tick@877000 tick@878000 tick@879000");
}

static BsSchedule *
until_done_schedule (void)
{
  g_autoptr(BsRoutine) routine = bs_routine_new ("mine", "Mine");
  g_autoptr(BsStep) before = bs_step_new (BS_STEP_HOLD, "Bridge", 20);
  g_autoptr(BsStep) open = bs_step_new (BS_STEP_COUNTED, "Pelvic tilt", 0);
  g_autoptr(BsStep) after = bs_step_new (BS_STEP_HOLD, "Plank", 20);

  bs_step_set_reps (open, 15);
  bs_step_set_rest_after (open, 10);
  bs_routine_add_step (routine, before);
  bs_routine_add_step (routine, open);
  bs_routine_add_step (routine, after);
  return bs_schedule_new (routine, NULL, 0, 5, NULL);
}

/* Nothing after a set "until done" can be timed before it is done: the
 * plan stops there, and a plan from the segment after it carries on. */
static void
test_until_done_stops_the_plan (void)
{
  g_autoptr(BsSchedule) schedule = until_done_schedule ();
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_VOICE, FALSE);
  g_autoptr(BsCuePlan) tones = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, FALSE);
  g_autoptr(BsCuePlan) after = bs_cue_plan_new_from (schedule, BS_CUE_STYLE_VOICE, FALSE, 3);
  g_autofree char *text = describe_between (plan, 0, G_MAXINT64);
  g_autofree char *tones_text = describe_between (tones, 0, G_MAXINT64);
  g_autofree char *after_text = describe_between (after, 0, G_MAXINT64);

  g_assert_cmpint (bs_schedule_get_segment (schedule, 2)->until_done, ==, TRUE);
  g_assert_cmpint (bs_cue_plan_get_end_segment (plan), ==, 2);
  g_assert_cmpstr (text, ==,
                   "voice[Get ready. First: Bridge.]@0 tick@2000 tick@3000 tick@4000 "
                   "go@5000 voice[Bridge]@5450 tick@22000 tick@23000 tick@24000 "
                   "voice[Pelvic tilt. Press Enter when done.]@25000");
  g_assert_cmpstr (tones_text, ==,
                   "tick@2000 tick@3000 tick@4000 go@5000 tick@22000 tick@23000 tick@24000 stage@25000");

  /* Once done, the rest of the run: the rest and the plank, and the end.
   * Its times are the schedule's, which counts the wait as nothing; the
   * session's clock places them (bs_cue_plan_upcoming()). */
  g_assert_cmpint (bs_cue_plan_get_end_segment (after), ==, -1);
  g_assert_cmpstr (after_text, ==,
                   "voice[Rest. Next: Plank.]@25000 tick@32000 tick@33000 tick@34000 "
                   "voice[Plank]@35000 tick@52000 tick@53000 tick@54000 finish@55000");
}

/* The upcoming cues on a session that waits, then is told it is done. */
static void
test_until_done_upcoming (void)
{
  g_autoptr(BsSchedule) schedule = until_done_schedule ();
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, FALSE);
  g_autoptr(BsClock) clock = bs_fake_clock_new ();
  g_autoptr(BsSession) session = bs_session_new (schedule, clock);
  gint64 origin = bs_clock_get_time (clock);
  g_autoptr(GArray) waiting = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(BsCuePlan) rest_of_run = NULL;
  g_autofree char *text = NULL;

  bs_session_start (session);
  bs_fake_clock_advance (BS_FAKE_CLOCK (clock), 25 * SEC);
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_WAITING);
  waiting = bs_cue_plan_upcoming (plan, session);
  g_assert_cmpuint (waiting->len, ==, 0);

  bs_fake_clock_advance (BS_FAKE_CLOCK (clock), 95 * SEC);
  bs_session_done (session);
  rest_of_run = bs_cue_plan_new_from (schedule, BS_CUE_STYLE_TONES, FALSE,
                                      (guint) bs_session_get_segment_index (session));
  after = bs_cue_plan_upcoming (rest_of_run, session);
  text = describe_upcoming (after, origin);
  g_assert_cmpstr (text, ==,
                   "rest@120000 tick@127000 tick@128000 tick@129000 stage@130000 "
                   "tick@147000 tick@148000 tick@149000 finish@150000");
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
  g_test_add_func ("/cue-plan/per-side-sets/voice", test_per_side_sets_voice);
  g_test_add_func ("/cue-plan/per-side-sets/tones", test_per_side_sets_tones);
  g_test_add_func ("/cue-plan/paced-reps", test_paced_reps);
  g_test_add_func ("/cue-plan/until-done/stops", test_until_done_stops_the_plan);
  g_test_add_func ("/cue-plan/until-done/upcoming", test_until_done_upcoming);
  g_test_add_func ("/cue-plan/result-sentence", test_result_sentence);

  return g_test_run ();
}
