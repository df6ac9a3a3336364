/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "bench-process.h"

/*
 * How long Backstay takes to show its window and how much memory it holds
 * then, next to the floor of the toolkit: tests/bench/hello, a minimal
 * libadwaita window built in the same tree and started the same way.
 *
 *   first frame  from just before the spawn to the first frame painted
 *                after the window is mapped (the benchmark hook's line,
 *                on the monotonic clock every process shares)
 *   RSS          VmRSS 1.5 s after that frame, shared library pages
 *                included; "private" is the part no other process shares
 *
 * Three programs take turns, RUNS times each, after one discarded warm-up
 * each: hello; backstay, which opens on its home page; and backstay
 * --start core-test, whose session page is then counting down the lead-in,
 * and whose memory is read again 12 s in, in the first hold, with the cue
 * pipeline playing.  Medians, with the lowest and highest.  Nothing here
 * passes or fails on time.
 *
 * Usage: bench-startup BACKSTAY HELLO [RUNS]   (default 10)
 */

#define SETTLE_SECONDS 1.5
#define MID_TEST_SECONDS 12.0

typedef enum
{
  FIRST_FRAME,
  RSS,
  PRIVATE,
  RSS_MID_TEST,
  PRIVATE_MID_TEST,
  N_FIGURES
} Figure;

typedef enum
{
  HELLO,
  HOME,
  SESSION,
  N_SUBJECTS
} Subject;

static gboolean
run_once (const char * const *argv,
          const char         *home,
          gboolean            mid_test,
          double             *figures,
          GError            **error)
{
  g_autoptr(BenchProcess) process = bench_process_start (argv, home, FALSE, error);

  if (process == NULL || !bench_process_wait_mapped (process, error))
    return FALSE;
  figures[FIRST_FRAME] = bench_process_get_startup (process) * 1000;
  bench_process_wait_until (process, SETTLE_SECONDS);
  if (!bench_process_read_memory (process, &figures[RSS], &figures[PRIVATE], error))
    return FALSE;
  if (mid_test)
    {
      bench_process_wait_until (process, MID_TEST_SECONDS);
      if (!bench_process_read_memory (process, &figures[RSS_MID_TEST],
                                      &figures[PRIVATE_MID_TEST], error))
        return FALSE;
    }
  return TRUE;
}

/* A unique application's name may still be on the session bus for a moment
 * after the last one ended; a run that shows nothing is tried once more. */
static void
run (const char * const *argv,
     const char         *home,
     gboolean            mid_test,
     double             *figures)
{
  g_autoptr(GError) error = NULL;

  if (run_once (argv, home, mid_test, figures, &error))
    return;
  g_printerr ("%s: %s; trying again\n", argv[0], error->message);
  g_clear_error (&error);
  g_usleep (G_USEC_PER_SEC);
  if (!run_once (argv, home, mid_test, figures, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      exit (EXIT_FAILURE);
    }
}

static void
row (const char *what,
     const char *unit,
     double     *ours,
     double     *floor,
     guint       runs)
{
  double ours_median = bench_median (ours, runs);
  double floor_median = bench_median (floor, runs);
  g_autofree char *ours_text = g_strdup_printf ("%.1f (%.1f..%.1f)", ours_median, ours[0],
                                                ours[runs - 1]);
  g_autofree char *floor_text = g_strdup_printf ("%.1f (%.1f..%.1f)", floor_median, floor[0],
                                                 floor[runs - 1]);

  g_print ("%-36s %-4s %24s %24s %6.2fx\n", what, unit, ours_text, floor_text,
           ours_median / floor_median);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  double *samples[N_SUBJECTS][N_FIGURES];
  double warm_up[N_FIGURES];
  guint runs;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("usage: %s BACKSTAY HELLO [RUNS]\n", argv[0]);
      return EXIT_FAILURE;
    }
  runs = argc > 3 ? (guint) atoi (argv[3]) : 10;
  if (runs == 0)
    runs = 1;

  {
    const char *hello[] = { argv[2], NULL };
    const char *backstay[] = { argv[1], NULL };
    const char *session[] = { argv[1], "--start", "core-test", NULL };
    const char * const *subjects[N_SUBJECTS] = { hello, backstay, session };

    for (guint s = 0; s < N_SUBJECTS; s++)
      for (guint f = 0; f < N_FIGURES; f++)
        samples[s][f] = g_new0 (double, runs);

    home = bench_home_new ();
    g_print ("start-up and memory: %u runs of each, after one warm-up; GSK_RENDERER=%s, "
             "GDK_BACKEND=%s, DISPLAY=%s\n", runs, g_getenv ("GSK_RENDERER"),
             g_getenv ("GDK_BACKEND"), g_getenv ("DISPLAY"));

    /* The warm-up fills the page cache and creates the history file. */
    for (guint s = 0; s < N_SUBJECTS; s++)
      run (subjects[s], home, FALSE, warm_up);

    /* In turn, so a change in the machine's load falls on all three. */
    for (guint i = 0; i < runs; i++)
      for (guint s = 0; s < N_SUBJECTS; s++)
        {
          double figures[N_FIGURES] = { 0 };

          run (subjects[s], home, s == SESSION, figures);
          for (guint f = 0; f < N_FIGURES; f++)
            samples[s][f][i] = figures[f];
        }
    bench_home_remove (home);
  }

  g_print ("\nmedian (lowest..highest); the last column is Backstay / hello\n");
  g_print ("%-36s %-4s %24s %24s %7s\n", "", "", "Backstay", "hello", "ratio");
  row ("first frame, home page", "ms", samples[HOME][FIRST_FRAME], samples[HELLO][FIRST_FRAME], runs);
  row ("first frame, --start core-test", "ms", samples[SESSION][FIRST_FRAME],
       samples[HELLO][FIRST_FRAME], runs);
  row ("RSS 1.5 s later, home page", "MiB", samples[HOME][RSS], samples[HELLO][RSS], runs);
  row ("RSS 1.5 s later, session (lead-in)", "MiB", samples[SESSION][RSS], samples[HELLO][RSS], runs);
  row ("RSS 12 s in, session (first hold)", "MiB", samples[SESSION][RSS_MID_TEST],
       samples[HELLO][RSS], runs);
  row ("private 1.5 s later, home page", "MiB", samples[HOME][PRIVATE], samples[HELLO][PRIVATE], runs);
  row ("private 1.5 s later, session", "MiB", samples[SESSION][PRIVATE], samples[HELLO][PRIVATE],
       runs);
  row ("private 12 s in, session", "MiB", samples[SESSION][PRIVATE_MID_TEST],
       samples[HELLO][PRIVATE], runs);
  g_print ("\nhello's memory is read once, 1.5 s after its first frame; the 12 s rows compare "
           "with that.\n");

  for (guint s = 0; s < N_SUBJECTS; s++)
    for (guint f = 0; f < N_FIGURES; f++)
      g_free (samples[s][f]);
  return 0;
}
