/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * How late do cues sound?  A whole routine is played live, in real time,
 * into a synchronised fake sink, twice in this run:
 *
 *   backstay  BsCuePlayer: one pipeline, every cue queued ahead, stamped
 *             with its time (less the pipeline's reported latency)
 *   naive     what timer apps usually do: at each boundary a main-loop
 *             timeout builds a new playbin for the cue's sound and plays it
 *
 * Lateness = when the cue's first sample was rendered minus when it was
 * due, both on the monotonic clock, as p50, p99 and max.  Backstay already
 * stamps every cue earlier by the latency its pipeline reports (printed),
 * so its lateness is what remains beyond that latency; each naive playbin
 * is new, so it has no latency to compensate and its lateness is all of it.
 * The last line gives the naive/backstay ratio.
 *
 * Usage: bench-cue-timing [ROUTINE-ID [FORM [LEVEL]]]  (default: core-test short 15)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <locale.h>
#include <math.h>

#include "bs-cue-bank.h"
#include "bs-cue-player.h"
#include "bs-cue-sounds.h"
#include "bs-onset-listener.h"
#include "bs-real-clock.h"
#include "bs-routine-library.h"

/* Each due time matched with the first onset rendered at or after it
 * (minus a little, for a cue that came early). */
static GArray *
match (GArray          *due,
       BsOnsetListener *listener)
{
  GArray *lateness = g_array_new (FALSE, FALSE, sizeof (double));
  guint next = 0;

  for (guint i = 0; i < due->len; i++)
    {
      gint64 when = g_array_index (due, gint64, i);

      while (next < listener->rendered->len &&
             g_array_index (listener->rendered, gint64, next) < when - 20000)
        next++;
      if (next < listener->rendered->len)
        {
          double late = (g_array_index (listener->rendered, gint64, next) - when) / 1000.0;
          g_array_append_val (lateness, late);
          next++;
        }
    }
  return lateness;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index;

  if (sorted->len == 0)
    return NAN;
  index = (guint) ceil (p / 100.0 * sorted->len) - 1;
  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

/* --- backstay ----------------------------------------------------------- */

static GArray *
run_backstay (BsSchedule   *schedule,
              guint        *n_due,
              double       *latency_ms)
{
  g_autoptr(BsClock) clock = bs_real_clock_new ();
  g_autoptr(BsSession) session = bs_session_new (schedule, clock);
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, TRUE);
  g_autoptr(BsCuePlayer) player = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GArray) timed = NULL;
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  BsOnsetListener listener;
  GArray *lateness;

  bs_onset_listener_init (&listener);
  bs_session_start (session);
  timed = bs_cue_plan_upcoming (plan, session);
  for (guint i = 0; i < timed->len; i++)
    g_array_append_val (due, g_array_index (timed, BsTimedCue, i).time);

  player = bs_cue_player_new (session, BS_CUE_STYLE_TONES, TRUE, 1.0,
                              BS_ONSET_LISTENER_SINK);
  if (!bs_cue_player_start (player, &error))
    g_error ("%s", error->message);
  sink = gst_bin_get_by_name (GST_BIN (bs_cue_player_get_pipeline (player)), "out");
  bs_onset_listener_attach (&listener, sink);

  bs_run_main_loop_for (bs_schedule_get_total_seconds (schedule) * 1000 + 1500);
  *latency_ms = bs_cue_player_get_latency (player) / 1e6;
  bs_cue_player_stop (player);
  *n_due = due->len;
  lateness = match (due, &listener);
  bs_onset_listener_clear (&listener);
  return lateness;
}

/* --- naive -------------------------------------------------------------- */

typedef struct
{
  BsOnsetListener *listener;
  char *uri;
  GPtrArray *pipelines;
} Naive;

static gboolean
naive_play (gpointer data)
{
  Naive *naive = data;
  GstElement *playbin = gst_element_factory_make ("playbin", NULL);
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);

  g_object_set (sink, "sync", TRUE, NULL);
  bs_onset_listener_attach (naive->listener, sink);
  g_object_set (playbin, "uri", naive->uri, "audio-sink", sink, NULL);
  gst_element_set_state (playbin, GST_STATE_PLAYING);
  g_ptr_array_add (naive->pipelines, playbin);
  return G_SOURCE_REMOVE;
}

static void
stop_pipeline (gpointer data)
{
  gst_element_set_state (data, GST_STATE_NULL);
  gst_object_unref (data);
}

static char *
write_tick_wav (void)
{
  g_autoptr(GBytes) tick = bs_cue_sound_new (BS_CUE_TICK);
  g_autofree char *dir = g_dir_make_tmp ("backstay-bench-XXXXXX", NULL);
  char *path = g_build_filename (dir, "cue.wav", NULL);
  g_autofree char *launch = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  launch = g_strdup_printf ("appsrc name=src format=time caps=%s ! audioconvert ! wavenc ! "
                            "filesink location=%s", BS_CUE_CAPS, path);
  pipeline = gst_parse_launch (launch, NULL);
  source = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  gst_app_src_push_buffer (GST_APP_SRC (source), gst_buffer_new_wrapped_bytes (tick));
  gst_app_src_end_of_stream (GST_APP_SRC (source));
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_pipeline_get_bus (GST_PIPELINE (pipeline));
  message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return path;
}

static GArray *
run_naive (BsSchedule *schedule)
{
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, TRUE);
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = write_tick_wav ();
  BsOnsetListener listener;
  GArray *lateness;
  Naive naive;
  gint64 start;

  bs_onset_listener_init (&listener);
  naive.listener = &listener;
  naive.uri = g_filename_to_uri (path, NULL, NULL);
  naive.pipelines = g_ptr_array_new_with_free_func (stop_pipeline);

  /* A timeout per cue, armed at the start, as a simple timer app would. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < bs_cue_plan_get_n_cues (plan); i++)
    {
      gint64 offset = bs_cue_plan_get_time (plan, bs_cue_plan_get_cue (plan, i));
      gint64 when = start + offset;

      g_array_append_val (due, when);
      g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (offset / 1000), naive_play, &naive, NULL);
    }
  bs_run_main_loop_for (bs_schedule_get_total_seconds (schedule) * 1000 + 1500);

  g_ptr_array_unref (naive.pipelines);
  g_free (naive.uri);
  g_remove (path);
  lateness = match (due, &listener);
  bs_onset_listener_clear (&listener);
  return lateness;
}

static void
report (const char *name,
        GArray     *lateness,
        guint       n_due,
        const char *latency)
{
  g_array_sort (lateness, compare_doubles);
  g_print ("%-9s %5u/%-5u %9.3f %9.3f %9.3f %12s\n", name, lateness->len, n_due,
           percentile (lateness, 50), percentile (lateness, 99), percentile (lateness, 100),
           latency);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BsRoutineLibrary) library = NULL;
  g_autoptr(BsSchedule) schedule = NULL;
  g_autoptr(GArray) ours = NULL;
  g_autoptr(GArray) naive = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = argc > 1 ? argv[1] : "core-test";
  const char *form = argc > 2 ? argv[2] : "short";
  guint level = argc > 3 ? (guint) atoi (argv[3]) : 15;
  double latency_ms = 0;
  guint n_due = 0;
  BsRoutine *routine;

  setlocale (LC_ALL, "");
  gst_init (&argc, &argv);

  library = bs_routine_library_new ();
  routine = bs_routine_library_lookup (library, id);
  if (routine == NULL)
    g_error ("no routine %s", id);
  schedule = bs_schedule_new (routine, form, level, 10, &error);
  if (schedule == NULL)
    g_error ("%s", error->message);

  g_print ("cue timing: %s, form %s, level %u: %u s live, twice\n", id, form, level,
           bs_schedule_get_total_seconds (schedule));
  ours = run_backstay (schedule, &n_due, &latency_ms);
  naive = run_naive (schedule);

  {
    g_autofree char *latency = g_strdup_printf ("%.3f ms", latency_ms);

    g_print ("\nlateness = rendered - due, in ms\n");
    g_print ("%-9s %11s %9s %9s %9s %12s\n", "method", "heard/due", "p50", "p99", "max",
             "latency");
    report ("backstay", ours, n_due, latency);
    report ("naive", naive, n_due, "(new each)");
  }
  g_print ("\nratio naive/backstay: p50 %.1fx, p99 %.1fx (a floor of 0.05 ms stands in for "
           "a backstay figure below it)\n",
           percentile (naive, 50) / MAX (percentile (ours, 50), 0.05),
           percentile (naive, 99) / MAX (percentile (ours, 99), 0.05));
  return 0;
}
