/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "bs-core-enums.h"
#include "bs-fake-clock.h"
#include "bs-routine-library.h"
#include "bs-session.h"

#define SEC ((gint64) G_USEC_PER_SEC)

typedef struct
{
  BsClock *clock;
  BsSchedule *schedule;
  BsSession *session;
  GString *events;  /* what the session announced, in order */
  guint remaining_notifies;
} Fixture;

static void
on_segment_started (BsSession *session,
                    guint      index,
                    Fixture   *f)
{
  g_string_append_printf (f->events, "start %u@%" G_GINT64_FORMAT ";", index,
                          (bs_clock_get_time (f->clock) - 1000 * SEC) / 1000);
}

static void
on_segment_finished (BsSession *session,
                     guint      index,
                     gboolean   completed,
                     Fixture   *f)
{
  g_string_append_printf (f->events, "end %u%s;", index, completed ? "" : "!");
}

static void
on_finished (BsSession *session,
             Fixture   *f)
{
  g_string_append (f->events, "finished;");
}

static void
on_remaining (BsSession  *session,
              GParamSpec *pspec,
              Fixture    *f)
{
  f->remaining_notifies++;
}

static void
setup_with (Fixture    *f,
            const char *form,
            guint       level,
            guint       lead_in)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  BsRoutine *routine = bs_routine_library_lookup (library, "core-test");

  f->clock = bs_fake_clock_new ();
  f->schedule = bs_schedule_new (routine, form, level, lead_in, NULL);
  f->session = bs_session_new (f->schedule, f->clock);
  f->events = g_string_new (NULL);
  g_signal_connect (f->session, "segment-started", G_CALLBACK (on_segment_started), f);
  g_signal_connect (f->session, "segment-finished", G_CALLBACK (on_segment_finished), f);
  g_signal_connect (f->session, "finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->session, "notify::remaining-seconds", G_CALLBACK (on_remaining), f);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  setup_with (f, "standard", 0, 10);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_finalize_object (f->session);
  g_object_unref (f->schedule);
  g_assert_finalize_object (f->clock);
  g_string_free (f->events, TRUE);
}

static void
advance (Fixture *f,
         gint64   usec)
{
  bs_fake_clock_advance (BS_FAKE_CLOCK (f->clock), usec);
}

static void
test_full_run (Fixture       *f,
               gconstpointer  data)
{
  BsResult *result;

  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_IDLE);
  bs_session_start (f->session);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_GET_READY);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, 10);

  advance (f, 10 * SEC - 1);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_GET_READY);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, 1);
  advance (f, 1);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_RUNNING);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 1);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, 60);

  advance (f, 180 * SEC);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_FINISHED);
  g_assert_cmpstr (f->events->str, ==,
                   "start 0@0;end 0;start 1@10000;end 1;start 2@70000;end 2;start 3@85000;"
                   "end 3;start 4@100000;end 4;start 5@115000;end 5;start 6@130000;end 6;"
                   "start 7@145000;end 7;start 8@160000;end 8;finished;");

  result = bs_session_get_result (f->session);
  g_assert_nonnull (result);
  g_assert_true (bs_result_get_completed (result));
  g_assert_true (bs_result_get_good (result));
  g_assert_cmpuint (bs_result_get_stage_reached (result), ==, 8);
  g_assert_cmpint (bs_result_get_held_ms (result), ==, 180000);
  g_assert_cmpuint (bs_result_get_target_seconds (result), ==, 180);
  g_assert_cmpuint (bs_result_get_n_skipped (result), ==, 0);
  g_assert_nonnull (bs_result_get_started_at (result));

  /* One notification per displayed second, never more: 10 s of lead-in
   * and 180 s of holds, each second counted once, plus the final 0. */
  g_assert_cmpuint (f->remaining_notifies, <=, 191);
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f->clock)), ==, 0);
}

static void
test_countdown_ticks_on_the_second (Fixture       *f,
                                    gconstpointer  data)
{
  bs_session_start (f->session);
  advance (f, 10 * SEC);
  for (guint left = 60; left > 45; left--)
    {
      g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, left);
      advance (f, SEC - 1);
      g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, left);
      advance (f, 1);
    }
  /* Only one wake-up is ever pending. */
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f->clock)), ==, 1);
}

static void
test_pause_keeps_remaining_time (Fixture       *f,
                                 gconstpointer  data)
{
  bs_session_start (f->session);
  advance (f, 10 * SEC + 20 * SEC + 250000);
  g_assert_cmpint (bs_session_get_remaining_usec (f->session), ==, 39 * SEC + 750000);

  bs_session_pause (f->session);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_PAUSED);
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f->clock)), ==, 0);

  advance (f, 3600 * SEC);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_PAUSED);
  g_assert_cmpint (bs_session_get_remaining_usec (f->session), ==, 39 * SEC + 750000);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, 40);

  bs_session_resume (f->session);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_RUNNING);
  g_assert_cmpint (bs_session_get_remaining_usec (f->session), ==, 39 * SEC + 750000);
  advance (f, 39 * SEC + 749999);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 1);
  advance (f, 1);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 2);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, 15);
}

static void
test_pause_in_get_ready (Fixture       *f,
                         gconstpointer  data)
{
  bs_session_start (f->session);
  advance (f, 4 * SEC);
  bs_session_toggle_pause (f->session);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_PAUSED);
  advance (f, 100 * SEC);
  bs_session_toggle_pause (f->session);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_GET_READY);
  advance (f, 6 * SEC);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_RUNNING);
}

static void
test_skip_and_back (Fixture       *f,
                    gconstpointer  data)
{
  BsResult *result;

  bs_session_start (f->session);
  /* Skipping the lead-in just starts the test. */
  bs_session_skip (f->session);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 1);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, 60);

  advance (f, 12 * SEC);
  bs_session_skip (f->session);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 2);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, 15);

  /* Early in a segment, back goes to the previous one, from its start. */
  advance (f, 1 * SEC);
  bs_session_back (f->session);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 1);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, 60);

  /* Later in a segment, back restarts it. */
  advance (f, 30 * SEC);
  bs_session_back (f->session);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 1);
  g_assert_cmpint (bs_session_get_remaining_usec (f->session), ==, 60 * SEC);

  /* Skip while paused moves on and stays paused with the whole time. */
  bs_session_pause (f->session);
  bs_session_skip (f->session);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_PAUSED);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 2);
  g_assert_cmpint (bs_session_get_remaining_usec (f->session), ==, 15 * SEC);
  advance (f, 60 * SEC);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 2);
  bs_session_resume (f->session);

  /* Back at the very first segment restarts it. */
  for (guint i = 0; i < 10; i++)
    bs_session_back (f->session);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 0);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_GET_READY);

  /* Skipping every stage finishes the run, but it does not count. */
  for (guint i = 0; i < 9; i++)
    bs_session_skip (f->session);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_FINISHED);
  result = bs_session_get_result (f->session);
  g_assert_true (bs_result_get_completed (result));
  g_assert_false (bs_result_get_good (result));
  g_assert_cmpuint (bs_result_get_n_skipped (result), ==, 8);

  /* Commands after the end change nothing. */
  bs_session_skip (f->session);
  bs_session_back (f->session);
  bs_session_give_up (f->session);
  bs_session_pause (f->session);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_FINISHED);
}

typedef struct
{
  gint64 at;           /* microseconds after start, lead-in included */
  gboolean paused;     /* give up from pause */
  guint stage;         /* expected stage reached */
  gint64 in_stage_ms;  /* expected time held in it */
  gint64 total_ms;     /* expected time held in all */
} GiveUp;

static const GiveUp give_ups[] = {
  { 4 * SEC, FALSE, 0, 0, 0 },                          /* still getting ready */
  { 10 * SEC, FALSE, 1, 0, 0 },                         /* the instant stage 1 begins */
  { 45 * SEC + 500000, FALSE, 1, 35500, 35500 },
  { 70 * SEC, FALSE, 2, 0, 60000 },                     /* on the boundary */
  { 100 * SEC + 9 * SEC, FALSE, 4, 9000, 99000 },
  { 100 * SEC + 9 * SEC, TRUE, 4, 9000, 99000 },        /* paused there, then gave up */
  { 189 * SEC + 999000, FALSE, 8, 29999, 179999 },       /* a millisecond short */
};

static void
test_give_up (gconstpointer data)
{
  const GiveUp *g = data;
  Fixture f = { 0 };
  BsResult *result;

  setup_with (&f, "standard", 0, 10);
  bs_session_start (f.session);
  advance (&f, g->at);
  if (g->paused)
    {
      bs_session_pause (f.session);
      advance (&f, 500 * SEC);
    }
  bs_session_give_up (f.session);

  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_STOPPED_EARLY);
  result = bs_session_get_result (f.session);
  g_assert_nonnull (result);
  g_assert_false (bs_result_get_completed (result));
  g_assert_false (bs_result_get_good (result));
  g_assert_cmpuint (bs_result_get_stage_reached (result), ==, g->stage);
  if (g->stage > 0)
    g_assert_cmpint (bs_result_get_stage_held_ms (result, g->stage), ==, g->in_stage_ms);
  g_assert_cmpint (bs_result_get_held_ms (result), ==, g->total_ms);
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f.clock)), ==, 0);

  teardown (&f, NULL);
}

static void
test_stop_leaves_no_result (Fixture       *f,
                            gconstpointer  data)
{
  bs_session_start (f->session);
  advance (f, 30 * SEC);
  bs_session_stop (f->session);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_CANCELLED);
  g_assert_null (bs_session_get_result (f->session));
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f->clock)), ==, 0);
  g_assert_true (g_str_has_suffix (f->events->str, "finished;"));
}

/* The machine sleeps mid-hold: the session pauses at the time that was
 * left instead of carrying on as if the person had held all along. */
static void
test_suspend_pauses (Fixture       *f,
                     gconstpointer  data)
{
  bs_session_start (f->session);
  advance (f, 30 * SEC);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f->session), ==, 40);

  bs_fake_clock_sleep (BS_FAKE_CLOCK (f->clock), 600 * SEC);
  /* The next wake-up, at most a second after waking, notices. */
  advance (f, 1 * SEC);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_PAUSED);
  g_assert_true (bs_session_get_paused_by_sleep (f->session));
  g_assert_cmpint (bs_session_get_remaining_usec (f->session), ==, 39 * SEC);
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f->clock)), ==, 0);

  bs_session_resume (f->session);
  g_assert_false (bs_session_get_paused_by_sleep (f->session));
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_RUNNING);
  advance (f, 39 * SEC);
  g_assert_cmpint (bs_session_get_segment_index (f->session), ==, 2);

  /* A short hiccup in the clocks is not a sleep. */
  bs_fake_clock_sleep (BS_FAKE_CLOCK (f->clock), BS_SESSION_SLEEP_THRESHOLD_USEC - 1);
  advance (f, 1 * SEC);
  g_assert_cmpint (bs_session_get_state (f->session), ==, BS_SESSION_RUNNING);
}

/* Late wake-ups (a busy main loop) must not shift the time line: every
 * boundary stays where the schedule puts it. */
static void
test_no_drift (void)
{
  g_autoptr(BsRoutine) routine = bs_routine_new ("long", "Long");
  g_autoptr(BsClock) clock = bs_fake_clock_new ();
  g_autoptr(BsSchedule) schedule = NULL;
  g_autoptr(BsSession) session = NULL;
  gint64 start, t = 0;
  guint steps = 0;

  /* 10,000 s: 100 holds of 7 s, 100 of 13 s, 100 of 80 s. */
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(BsStep) step = bs_step_new (BS_STEP_HOLD, "Hold", i % 3 == 0 ? 7 : i % 3 == 1 ? 13 : 80);
      bs_routine_add_step (routine, step);
    }
  schedule = bs_schedule_new (routine, NULL, 0, 0, NULL);
  g_assert_cmpuint (bs_schedule_get_total_seconds (schedule), ==, 10000);
  session = bs_session_new (schedule, clock);

  start = bs_clock_get_time (clock);
  bs_session_start (session);
  /* Advance in uneven steps, each jumping past boundaries. */
  while (bs_session_get_state (session) == BS_SESSION_RUNNING)
    {
      gint64 jump = (gint64) (1 + (steps * 7919) % 2713) * 1000;
      int index;
      const BsSegment *segment;

      bs_fake_clock_advance (BS_FAKE_CLOCK (clock), jump);
      t += jump;
      steps++;
      if (bs_session_get_state (session) != BS_SESSION_RUNNING)
        break;
      index = bs_session_get_segment_index (session);
      segment = bs_schedule_get_segment (schedule, (guint) index);
      /* Where the session is equals where the schedule says it is. */
      g_assert_cmpint (t, >=, (gint64) segment->start * SEC);
      g_assert_cmpint (t, <, (gint64) (segment->start + segment->duration) * SEC);
      g_assert_cmpint (bs_session_get_remaining_usec (session), ==,
                       (gint64) (segment->start + segment->duration) * SEC - t);
    }
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_FINISHED);
  g_assert_cmpint (t, >=, 10000 * SEC);
  g_assert_cmpint (bs_result_get_held_ms (bs_session_get_result (session)), ==, 10000 * 1000);
  g_assert_cmpint (bs_clock_get_time (clock) - start, ==, t);
}

/* A session on a routine made in code, with the same event log. */
static void
setup_routine (Fixture   *f,
               BsRoutine *routine,
               guint      lead_in)
{
  f->clock = bs_fake_clock_new ();
  f->schedule = bs_schedule_new (routine, NULL, 0, lead_in, NULL);
  f->session = bs_session_new (f->schedule, f->clock);
  f->events = g_string_new (NULL);
  g_signal_connect (f->session, "segment-started", G_CALLBACK (on_segment_started), f);
  g_signal_connect (f->session, "segment-finished", G_CALLBACK (on_segment_finished), f);
  g_signal_connect (f->session, "finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->session, "notify::remaining-seconds", G_CALLBACK (on_remaining), f);
}

static BsRoutine *
routine_of (BsStep *first,
            ...)
{
  BsRoutine *routine = bs_routine_new ("made", "Made in code");
  va_list args;

  va_start (args, first);
  for (BsStep *step = first; step != NULL; step = va_arg (args, BsStep *))
    {
      bs_routine_add_step (routine, step);
      g_object_unref (step);
    }
  va_end (args);
  return routine;
}

static BsStep *
counted (guint reps,
         guint pace)
{
  BsStep *step = bs_step_new (BS_STEP_COUNTED, "Pelvic tilt", 0);

  bs_step_set_reps (step, reps);
  bs_step_set_pace (step, pace);
  return step;
}

/* Switches and rests are timed like holds, on the same unbroken time line. */
static void
test_switch_and_rest (void)
{
  BsStep *sides = bs_step_new (BS_STEP_PER_SIDE, "Sides", 10);
  g_autoptr(BsRoutine) routine = NULL;
  Fixture f = { 0 };
  BsResult *result;

  bs_step_set_rest_after (sides, 10);
  routine = routine_of (sides, bs_step_new (BS_STEP_HOLD, "After", 20), NULL);
  setup_routine (&f, routine, 0);

  bs_session_start (f.session);
  advance (&f, 10 * SEC);
  g_assert_cmpint (bs_session_get_segment (f.session)->kind, ==, BS_SEGMENT_SWITCH_SIDES);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_RUNNING);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f.session), ==, 5);
  advance (&f, 5 * SEC);
  g_assert_cmpint (bs_session_get_segment (f.session)->side, ==, BS_SIDE_LEFT);
  advance (&f, 10 * SEC + 3 * SEC + 500000);
  g_assert_cmpint (bs_session_get_segment (f.session)->kind, ==, BS_SEGMENT_REST);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f.session), ==, 7);

  /* Paused in a rest, the rest waits too. */
  bs_session_pause (f.session);
  advance (&f, 60 * SEC);
  bs_session_resume (f.session);
  g_assert_cmpint (bs_session_get_remaining_usec (f.session), ==, 6 * SEC + 500000);
  advance (&f, 6 * SEC + 500000 + 20 * SEC);

  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_FINISHED);
  g_assert_cmpstr (f.events->str, ==,
                   "start 0@0;end 0;start 1@10000;end 1;start 2@15000;end 2;start 3@25000;"
                   "end 3;start 4@95000;end 4;finished;");
  result = bs_session_get_result (f.session);
  g_assert_true (bs_result_get_completed (result));
  g_assert_cmpuint (bs_result_get_stage_reached (result), ==, 3);
  g_assert_cmpint (bs_result_get_held_ms (result), ==, 40000);
  teardown (&f, NULL);
}

/* A set "until done" waits, however long, for the word. */
static void
test_until_done_waits (void)
{
  g_autoptr(BsRoutine) routine = routine_of (bs_step_new (BS_STEP_HOLD, "Before", 10),
                                             counted (12, BS_STEP_UNTIL_DONE),
                                             bs_step_new (BS_STEP_HOLD, "After", 10), NULL);
  Fixture f = { 0 };
  BsResult *result;

  setup_routine (&f, routine, 0);
  bs_session_start (f.session);
  advance (&f, 10 * SEC);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_WAITING);
  g_assert_true (bs_session_is_active (f.session));
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 1);
  g_assert_cmpint (bs_session_get_remaining_usec (f.session), ==, 0);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f.session), ==, 0);
  g_assert_cmpuint (bs_session_get_rep (f.session), ==, 0);
  /* Nothing to wake up for. */
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f.clock)), ==, 0);

  advance (&f, 3600 * SEC);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_WAITING);
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 1);

  bs_session_done (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_RUNNING);
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 2);
  g_assert_cmpuint (bs_session_get_remaining_seconds (f.session), ==, 10);
  advance (&f, 10 * SEC);

  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_FINISHED);
  g_assert_cmpstr (f.events->str, ==,
                   "start 0@0;end 0;start 1@10000;end 1;start 2@3610000;end 2;finished;");
  result = bs_session_get_result (f.session);
  g_assert_true (bs_result_get_completed (result));
  g_assert_cmpuint (bs_result_get_n_skipped (result), ==, 0);
  g_assert_cmpint (bs_result_get_stage_held_ms (result, 2), ==, 3600 * 1000);
  teardown (&f, NULL);
}

/* Pause, back, skip and give up while waiting. */
static void
test_until_done_commands (void)
{
  g_autoptr(BsRoutine) routine = routine_of (bs_step_new (BS_STEP_HOLD, "Before", 10),
                                             counted (12, BS_STEP_UNTIL_DONE),
                                             bs_step_new (BS_STEP_HOLD, "After", 10), NULL);
  Fixture f = { 0 };
  BsResult *result;

  setup_routine (&f, routine, 0);
  bs_session_start (f.session);
  advance (&f, 10 * SEC + 5 * SEC);

  /* Pausing a wait keeps how long it has lasted; resuming waits again. */
  bs_session_pause (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_PAUSED);
  advance (&f, 100 * SEC);
  bs_session_toggle_pause (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_WAITING);
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f.clock)), ==, 0);

  /* 7 s into the wait, back restarts it; at once, back leaves it. */
  advance (&f, 2 * SEC);
  bs_session_back (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_WAITING);
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 1);
  bs_session_back (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_RUNNING);
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 0);

  /* Done means nothing in a hold. */
  bs_session_done (f.session);
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 0);

  /* Skipped while paused: on to the wait, still paused; done there moves
   * on and stays paused. */
  bs_session_pause (f.session);
  bs_session_skip (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_PAUSED);
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 1);
  bs_session_resume (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_WAITING);

  /* Skipping the wait counts it as skipped. */
  advance (&f, 2 * SEC);
  bs_session_skip (f.session);
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 2);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_RUNNING);
  bs_session_back (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_WAITING);

  /* Giving up in a wait keeps the time spent in it. */
  advance (&f, 4 * SEC + 250000);
  bs_session_give_up (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_STOPPED_EARLY);
  result = bs_session_get_result (f.session);
  g_assert_cmpuint (bs_result_get_stage_reached (result), ==, 2);
  g_assert_cmpint (bs_result_get_stage_held_ms (result, 2), ==, 4250);
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f.clock)), ==, 0);
  teardown (&f, NULL);
}

static void
on_rep (BsSession  *session,
        GParamSpec *pspec,
        GString    *reps)
{
  g_string_append_printf (reps, "%u ", bs_session_get_rep (session));
}

/* The repetition under way, notified once per pace and only then. */
static void
test_rep_follows_the_pace (void)
{
  g_autoptr(BsRoutine) routine = routine_of (counted (10, 4),
                                             bs_step_new (BS_STEP_HOLD, "After", 10), NULL);
  g_autoptr(GString) reps = g_string_new (NULL);
  Fixture f = { 0 };

  setup_routine (&f, routine, 0);
  g_signal_connect (f.session, "notify::rep", G_CALLBACK (on_rep), reps);
  g_assert_cmpuint (bs_session_get_rep (f.session), ==, 0);
  bs_session_start (f.session);
  g_assert_cmpuint (bs_session_get_segment (f.session)->duration, ==, 40);

  for (guint second = 0; second < 40; second++)
    {
      g_assert_cmpuint (bs_session_get_rep (f.session), ==, second / 4 + 1);
      advance (&f, SEC / 2);
      /* A pause holds the count. */
      if (second == 13)
        {
          bs_session_pause (f.session);
          advance (&f, 30 * SEC);
          g_assert_cmpuint (bs_session_get_rep (f.session), ==, 4);
          bs_session_resume (f.session);
        }
      advance (&f, SEC / 2);
    }
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 1);
  g_assert_cmpuint (bs_session_get_rep (f.session), ==, 0);
  g_assert_cmpstr (reps->str, ==, "1 2 3 4 5 6 7 8 9 10 0 ");
  teardown (&f, NULL);
}

/* Done early in a paced set counts as completed. */
static void
test_done_early (void)
{
  g_autoptr(BsRoutine) routine = routine_of (counted (10, 4),
                                             bs_step_new (BS_STEP_HOLD, "After", 10), NULL);
  Fixture f = { 0 };
  BsResult *result;

  setup_routine (&f, routine, 5);
  bs_session_start (f.session);
  bs_session_done (f.session);
  g_assert_cmpint (bs_session_get_state (f.session), ==, BS_SESSION_GET_READY);
  advance (&f, 5 * SEC + 22 * SEC);
  g_assert_cmpuint (bs_session_get_rep (f.session), ==, 6);
  bs_session_done (f.session);
  g_assert_cmpint (bs_session_get_segment_index (f.session), ==, 2);
  advance (&f, 10 * SEC);

  g_assert_cmpstr (f.events->str, ==,
                   "start 0@0;end 0;start 1@5000;end 1;start 2@27000;end 2;finished;");
  result = bs_session_get_result (f.session);
  g_assert_true (bs_result_get_completed (result));
  g_assert_cmpuint (bs_result_get_n_skipped (result), ==, 0);
  g_assert_cmpint (bs_result_get_stage_held_ms (result, 1), ==, 22000);
  teardown (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/session/full-run", Fixture, NULL, setup, test_full_run, teardown);
  g_test_add ("/session/countdown-on-the-second", Fixture, NULL, setup,
              test_countdown_ticks_on_the_second, teardown);
  g_test_add ("/session/pause-keeps-time", Fixture, NULL, setup,
              test_pause_keeps_remaining_time, teardown);
  g_test_add ("/session/pause-in-get-ready", Fixture, NULL, setup,
              test_pause_in_get_ready, teardown);
  g_test_add ("/session/skip-and-back", Fixture, NULL, setup, test_skip_and_back, teardown);
  g_test_add ("/session/stop", Fixture, NULL, setup, test_stop_leaves_no_result, teardown);
  g_test_add ("/session/suspend-pauses", Fixture, NULL, setup, test_suspend_pauses, teardown);
  for (guint i = 0; i < G_N_ELEMENTS (give_ups); i++)
    {
      g_autofree char *name = g_strdup_printf ("/session/give-up/%u", i);
      g_test_add_data_func (name, &give_ups[i], test_give_up);
    }
  g_test_add_func ("/session/no-drift", test_no_drift);
  g_test_add_func ("/session/switch-and-rest", test_switch_and_rest);
  g_test_add_func ("/session/until-done/waits", test_until_done_waits);
  g_test_add_func ("/session/until-done/commands", test_until_done_commands);
  g_test_add_func ("/session/rep", test_rep_follows_the_pace);
  g_test_add_func ("/session/done-early", test_done_early);

  return g_test_run ();
}
