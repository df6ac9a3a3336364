/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The live player, in real time, into a synchronised fake sink: every cue
 * reaches the sink with the running time it was due at (less the latency
 * it compensates for), to the sample, and after a skip the cues follow
 * the new timeline and the old one falls silent.  A short routine keeps
 * this to a few seconds. */

#include "config.h"

#include <gst/gst.h>
#include <locale.h>

#include "bs-cue-player.h"
#include "bs-error.h"
#include "bs-fake-clock.h"
#include "bs-onset-listener.h"
#include "bs-real-clock.h"

#define SEC ((gint64) G_USEC_PER_SEC)
/* One sample at 22050 Hz is 45 µs; allow for rounding on both sides. */
#define TOLERANCE (100 * GST_USECOND)

static BsSchedule *
short_routine (void)
{
  g_autoptr(BsRoutine) routine = bs_routine_new ("short", "Short");
  g_autoptr(BsStep) a = bs_step_new (BS_STEP_HOLD, "A", 4);
  g_autoptr(BsStep) b = bs_step_new (BS_STEP_HOLD, "B", 4);

  bs_routine_add_step (routine, a);
  bs_routine_add_step (routine, b);
  return bs_schedule_new (routine, NULL, 0, 2, NULL);
}

static GstClockTime
expected_pts (BsCuePlayer *player,
              gint64       clock_time)
{
  return bs_cue_player_to_running_time (player, clock_time) - bs_cue_player_get_latency (player);
}

static BsCuePlayer *
start_player (BsSession       *session,
              BsOnsetListener *listener)
{
  g_autoptr(GError) error = NULL;
  BsCuePlayer *player = bs_cue_player_new (session, BS_CUE_STYLE_TONES, FALSE, 1.0,
                                           BS_ONSET_LISTENER_SINK);
  g_autoptr(GstElement) sink = NULL;

  g_assert_true (bs_cue_player_start (player, &error));
  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (bs_cue_player_get_pipeline (player)), "out");
  g_assert_nonnull (sink);
  bs_onset_listener_attach (listener, sink);
  return player;
}

static void
test_on_time (void)
{
  g_autoptr(BsSchedule) schedule = short_routine ();
  g_autoptr(BsClock) clock = bs_real_clock_new ();
  g_autoptr(BsSession) session = bs_session_new (schedule, clock);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, FALSE);
  g_autoptr(BsCuePlayer) player = NULL;
  g_autoptr(GArray) due = NULL;
  BsOnsetListener listener;

  bs_onset_listener_init (&listener);
  bs_session_start (session);
  due = bs_cue_plan_upcoming (plan, session);
  player = start_player (session, &listener);

  bs_run_main_loop_for (10 * 1000 + 700);
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_FINISHED);
  g_test_message ("pipeline latency %.3f ms, %u onsets",
                  bs_cue_player_get_latency (player) / 1e6, listener.onsets->len);
  for (guint i = 0; i < listener.onsets->len; i++)
    g_test_message ("onset at %.4f s", g_array_index (listener.onsets, GstClockTime, i) / 1e9);
  for (guint i = 0; i < due->len; i++)
    g_test_message ("due %s at %.4f s", bs_cue_kind_to_string (g_array_index (due, BsTimedCue, i).cue->kind),
                    expected_pts (player, g_array_index (due, BsTimedCue, i).time) / 1e9);

  /* Tick, go; three ticks, stage; three ticks, finish. */
  g_assert_cmpuint (due->len, ==, 10);
  for (guint i = 0; i < due->len; i++)
    {
      const BsTimedCue *entry = &g_array_index (due, BsTimedCue, i);
      GstClockTime expected = expected_pts (player, entry->time);

      if (!bs_onset_listener_heard (&listener, expected, TOLERANCE))
        g_error ("%s cue due at running time %.4f s did not sound there",
                 bs_cue_kind_to_string (entry->cue->kind), expected / 1e9);
    }

  bs_cue_player_stop (player);
  bs_onset_listener_clear (&listener);
}

static void
test_skip_moves_the_cues (void)
{
  g_autoptr(BsSchedule) schedule = short_routine ();
  g_autoptr(BsClock) clock = bs_real_clock_new ();
  g_autoptr(BsSession) session = bs_session_new (schedule, clock);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, FALSE);
  g_autoptr(BsCuePlayer) player = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  BsOnsetListener listener;

  bs_onset_listener_init (&listener);
  bs_session_start (session);
  before = bs_cue_plan_upcoming (plan, session);
  player = start_player (session, &listener);

  /* 1.2 s into hold A (due to end at 6 s), skip to B. */
  bs_run_main_loop_for (3200);
  bs_session_skip (session);
  after = bs_cue_plan_upcoming (plan, session);
  bs_run_main_loop_for (6000);
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_FINISHED);

  /* Every cue of the new timeline sounded on time; the stage cue of the
   * skip itself goes out as soon as it can. */
  for (guint i = 0; i < after->len; i++)
    {
      const BsTimedCue *entry = &g_array_index (after, BsTimedCue, i);
      GstClockTime expected = expected_pts (player, entry->time);
      GstClockTime tolerance = i == 0 ? 250 * GST_MSECOND : TOLERANCE;

      if (!bs_onset_listener_heard (&listener, expected, tolerance))
        g_error ("%s cue due at running time %.4f s after the skip did not sound there",
                 bs_cue_kind_to_string (entry->cue->kind), expected / 1e9);
    }
  for (guint i = 0; i < listener.onsets->len; i++)
    g_test_message ("onset at %.4f s", g_array_index (listener.onsets, GstClockTime, i) / 1e9);
  for (guint i = 0; i < after->len; i++)
    g_test_message ("new %s at %.4f s", bs_cue_kind_to_string (g_array_index (after, BsTimedCue, i).cue->kind),
                    expected_pts (player, g_array_index (after, BsTimedCue, i).time) / 1e9);
  /* The old timeline's ticks before A's end at 6 s never sounded. */
  for (guint i = 0; i < before->len; i++)
    {
      const BsTimedCue *entry = &g_array_index (before, BsTimedCue, i);
      gint64 from_start = bs_cue_plan_get_time (plan, entry->cue);

      if (from_start > 3 * SEC + 500000 && from_start < 6 * SEC)
        g_assert_false (bs_onset_listener_heard (&listener, expected_pts (player, entry->time),
                                        20 * GST_MSECOND));
    }

  bs_cue_player_stop (player);
  bs_onset_listener_clear (&listener);
}

/* No usable output: the player says so once, clearly; the session is not
 * affected. */
static void
test_no_output (void)
{
  g_autoptr(BsSchedule) schedule = short_routine ();
  g_autoptr(BsClock) clock = bs_fake_clock_new ();
  g_autoptr(BsSession) session = bs_session_new (schedule, clock);
  g_autoptr(BsCuePlayer) player = NULL;
  g_autoptr(GError) error = NULL;

  bs_session_start (session);
  player = bs_cue_player_new (session, BS_CUE_STYLE_TONES, TRUE, 1.0,
                              "filesink location=/nonexistent-dir/sound");
  g_assert_false (bs_cue_player_start (player, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_AUDIO);
  g_assert_true (g_str_has_prefix (error->message, "No sound output: the timer runs without audio cues"));

  bs_fake_clock_advance (BS_FAKE_CLOCK (clock), 10 * SEC);
  g_assert_cmpint (bs_session_get_state (session), ==, BS_SESSION_FINISHED);
  g_assert_null (bs_cue_player_get_pipeline (player));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/cue-player/on-time", test_on_time);
  g_test_add_func ("/cue-player/skip", test_skip_moves_the_cues);
  g_test_add_func ("/cue-player/no-output", test_no_output);

  return g_test_run ();
}
