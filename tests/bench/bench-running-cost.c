/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench-process.h"

/*
 * What a running session costs the machine: backstay --start core-test,
 * from 10 s after its first frame (the lead-in is over, the first hold has
 * begun, the cues play into the sink BACKSTAY_AUDIO_SINK names) for the
 * next SECONDS, read from /proc before and after:
 *
 *   CPU       user + system time of every thread (/proc/PID/stat), as a
 *             share of one core
 *   wake-ups  context switches, voluntary and involuntary, per second: of
 *             the main thread (/proc/PID/status), and of every thread
 *             (/proc/PID/task/TID/status, summed)
 *
 * Once with the window shown and once with it hidden: under Xvfb there is
 * no window manager to minimise a window, so "minimised" is measured as
 * hidden (unmapped), which the benchmark hook does after the first frame.
 * The reference is tests/bench/hello, the floor of the toolkit, idle over
 * the same span, shown and hidden.  Nothing here passes or fails on time.
 *
 * Usage: bench-running-cost BACKSTAY HELLO [SECONDS]   (default 60)
 */

#define SETTLE_SECONDS 10.0

typedef struct
{
  double cpu_percent;
  double main_per_second;
  double all_per_second;
  guint threads;
  char *by_thread;
} Cost;

static void
measure (const char * const *argv,
         const char         *home,
         gboolean            hide,
         guint               seconds,
         Cost               *cost)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BenchProcess) process = bench_process_start (argv, home, hide, &error);
  BenchCost before = { 0 }, after = { 0 };
  double span;

  if (process == NULL || !bench_process_wait_mapped (process, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      exit (EXIT_FAILURE);
    }
  bench_process_wait_until (process, SETTLE_SECONDS);
  if (!bench_process_read_cost (process, &before, &error))
    g_error ("%s", error->message);
  bench_process_wait_until (process, SETTLE_SECONDS + seconds);
  if (!bench_process_read_cost (process, &after, &error))
    g_error ("%s", error->message);

  span = seconds;
  cost->cpu_percent = 100 * (after.cpu_seconds - before.cpu_seconds) / span;
  cost->main_per_second = (after.main_switches - before.main_switches) / span;
  cost->all_per_second = bench_cost_all_switches (&before, &after) / span;
  cost->threads = after.threads;
  cost->by_thread = bench_cost_describe_threads (&before, &after, span);
  bench_cost_clear (&before);
  bench_cost_clear (&after);
}

static void
row (const char *what,
     Cost       *cost)
{
  g_print ("%-34s %9.2f %14.1f %14.1f %8u\n", what, cost->cpu_percent, cost->main_per_second,
           cost->all_per_second, cost->threads);
}

/* An idle reference may show no CPU tick and no switch over the whole
 * span: there is then nothing to divide by. */
static char *
ratio (double ours,
       double floor)
{
  if (floor <= 0)
    return g_strdup ("n/a");
  return g_strdup_printf ("%.1fx", ours / floor);
}

static void
ratio_row (Cost *ours,
           Cost *floor)
{
  g_autofree char *cpu = ratio (ours->cpu_percent, floor->cpu_percent);
  g_autofree char *main_thread = ratio (ours->main_per_second, floor->main_per_second);
  g_autofree char *all = ratio (ours->all_per_second, floor->all_per_second);

  g_print ("%-34s %9s %14s %14s\n", "  ratio Backstay / hello", cpu, main_thread, all);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  Cost shown, hidden, hello_shown, hello_hidden;
  guint seconds;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("usage: %s BACKSTAY HELLO [SECONDS]\n", argv[0]);
      return EXIT_FAILURE;
    }
  seconds = argc > 3 ? (guint) atoi (argv[3]) : 60;
  if (seconds == 0)
    seconds = 1;

  {
    const char *hello[] = { argv[2], NULL };
    const char *session[] = { argv[1], "--start", "core-test", NULL };

    home = bench_home_new ();
    g_print ("running cost: %u s from %.0f s after the first frame; GSK_RENDERER=%s, "
             "BACKSTAY_AUDIO_SINK=%s\n", seconds, SETTLE_SECONDS, g_getenv ("GSK_RENDERER"),
             g_getenv ("BACKSTAY_AUDIO_SINK"));
    measure (session, home, FALSE, seconds, &shown);
    measure (hello, home, FALSE, seconds, &hello_shown);
    measure (session, home, TRUE, seconds, &hidden);
    measure (hello, home, TRUE, seconds, &hello_hidden);
    bench_home_remove (home);
  }

  g_print ("\nwake-ups are context switches (voluntary + involuntary) per second;\n"
           "\"main\" counts the main thread, \"all\" every thread; CPU is %% of one core\n"
           "(/proc/PID/stat, in ticks of %.0f ms); n/a: hello had not one tick or switch\n"
           "in the span, so there is nothing to divide by and all of it is Backstay's own;\n"
           "under Xvfb \"minimised\" is measured as hidden (unmapped): there is no window "
           "manager\n\n", 1000.0 / sysconf (_SC_CLK_TCK));
  g_print ("%-34s %9s %14s %14s %8s\n", "", "CPU %", "wake-ups main", "wake-ups all", "threads");
  row ("Backstay, core test, window shown", &shown);
  row ("hello, idle, window shown", &hello_shown);
  ratio_row (&shown, &hello_shown);
  row ("Backstay, core test, window hidden", &hidden);
  row ("hello, idle, window hidden", &hello_hidden);
  ratio_row (&hidden, &hello_hidden);

  g_print ("\nBackstay's wake-ups per second by thread, window shown:\n%s", shown.by_thread);
  g_print ("window hidden:\n%s", hidden.by_thread);
  if (*hello_shown.by_thread != '\0' || *hello_hidden.by_thread != '\0')
    g_print ("hello, shown:\n%shello, hidden:\n%s", hello_shown.by_thread, hello_hidden.by_thread);
  g_free (shown.by_thread);
  g_free (hidden.by_thread);
  g_free (hello_shown.by_thread);
  g_free (hello_hidden.by_thread);
  return 0;
}
