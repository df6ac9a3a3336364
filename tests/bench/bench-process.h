/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * One GUI process started by a benchmark, watched from outside through
 * /proc and the line the benchmark hook (src/ui/bs-bench-hook.c) writes
 * when its first frame is painted.  Shared by the start-up and the
 * running-cost benchmarks, so both start and measure the same way.
 */
typedef struct _BenchProcess BenchProcess;

typedef struct
{
  double cpu_seconds;     /* user + system, all threads, from /proc/PID/stat */
  guint64 main_switches;  /* voluntary + involuntary, the main thread */
  GHashTable *switches;   /* tid → voluntary + involuntary, every thread */
  GHashTable *names;      /* tid → the thread's name */
  guint threads;
} BenchCost;

BenchProcess *bench_process_start         (const char * const *argv,
                                           const char         *home,
                                           gboolean            hide,
                                           GError            **error);
gboolean      bench_process_wait_mapped   (BenchProcess       *self,
                                           GError            **error);
double        bench_process_get_startup   (BenchProcess       *self);
void          bench_process_wait_until    (BenchProcess       *self,
                                           double              seconds);
gboolean      bench_process_read_memory   (BenchProcess       *self,
                                           double             *rss_mib,
                                           double             *private_mib,
                                           GError            **error);
gboolean      bench_process_read_cost     (BenchProcess       *self,
                                           BenchCost          *cost,
                                           GError            **error);
void          bench_process_stop          (BenchProcess       *self);

void          bench_cost_clear            (BenchCost          *cost);
guint64       bench_cost_all_switches     (BenchCost          *before,
                                           BenchCost          *after);
char         *bench_cost_describe_threads (BenchCost          *before,
                                           BenchCost          *after,
                                           double              seconds);

char         *bench_home_new              (void);
void          bench_home_remove           (const char         *home);
double        bench_median                (double             *values,
                                           guint               n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchProcess, bench_process_stop)

G_END_DECLS
