/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench-process.h"

/* Long enough for a cold start on a busy machine; a process that shows
 * nothing by then is reported, not waited for. */
#define MAPPED_TIMEOUT_MS 60000

struct _BenchProcess
{
  GSubprocess *process;
  GDataInputStream *errors;
  GCancellable *cancellable;
  char *name;
  char *proc;         /* /proc/PID */
  gint64 spawned;     /* monotonic µs, just before the spawn */
  gint64 mapped;      /* monotonic µs of its first frame, 0 until then */
  gboolean exited;
};

static gboolean
on_deadline (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The benchmarks have nothing else to do: the loop runs only here. */
static void
iterate_until (const gboolean *done,
               guint           msec)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (msec, on_deadline, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

static void read_next_line (BenchProcess *self);

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source),
                                                                      result, NULL, &error);
  BenchProcess *self;
  gint64 when;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = data;
  if (line == NULL)
    return;

  /* The process's own messages are passed on: a warning may explain a
   * figure. */
  if (g_str_has_prefix (line, "mapped ") &&
      g_ascii_string_to_signed (line + 7, 10, 1, G_MAXINT64, &when, NULL))
    self->mapped = when;
  else
    g_printerr ("  [%s] %s\n", self->name, line);
  read_next_line (self);
}

static void
read_next_line (BenchProcess *self)
{
  g_data_input_stream_read_line_async (self->errors, G_PRIORITY_DEFAULT, self->cancellable,
                                       on_line, self);
}

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  ((BenchProcess *) data)->exited = TRUE;
}

/**
 * bench_process_start:
 * @home: the folder that stands in for every XDG base directory
 * @hide: hide the window after its first frame
 *
 * Starts @argv in this environment, asking it through the benchmark hook
 * to report its first frame.
 */
BenchProcess *
bench_process_start (const char * const *argv,
                     const char         *home,
                     gboolean            hide,
                     GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  BenchProcess *self;
  GSubprocess *process;
  gint64 spawned;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state, TRUE);
  g_subprocess_launcher_setenv (launcher, "BACKSTAY_BENCH_MAPPED", "1", TRUE);
  if (hide)
    g_subprocess_launcher_setenv (launcher, "BACKSTAY_BENCH_HIDE", "1", TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "BACKSTAY_BENCH_HIDE");

  spawned = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return NULL;

  self = g_new0 (BenchProcess, 1);
  self->process = process;
  self->spawned = spawned;
  self->name = g_path_get_basename (argv[0]);
  self->proc = g_strconcat ("/proc/", g_subprocess_get_identifier (process), NULL);
  self->cancellable = g_cancellable_new ();
  self->errors = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  read_next_line (self);
  g_subprocess_wait_async (process, self->cancellable, on_exited, self);
  return self;
}

gboolean
bench_process_wait_mapped (BenchProcess  *self,
                           GError       **error)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (MAPPED_TIMEOUT_MS, on_deadline, &timed_out);

  while (self->mapped == 0 && !self->exited && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  if (self->mapped != 0)
    return TRUE;
  if (timed_out)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s showed no window within %d s",
                 self->name, MAPPED_TIMEOUT_MS / 1000);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s exited before showing a window",
                 self->name);
  return FALSE;
}

/* Seconds from just before the spawn to the first frame. */
double
bench_process_get_startup (BenchProcess *self)
{
  g_return_val_if_fail (self->mapped != 0, 0);
  return (self->mapped - self->spawned) / 1e6;
}

/* Runs the main loop (reading the process's messages) until @seconds after
 * its first frame. */
void
bench_process_wait_until (BenchProcess *self,
                          double        seconds)
{
  gint64 deadline = self->mapped + (gint64) (seconds * 1e6);
  gint64 now = g_get_monotonic_time ();
  const gboolean never = FALSE;

  if (deadline > now)
    iterate_until (&never, (guint) ((deadline - now + 999) / 1000));
}

static char *
read_proc (BenchProcess  *self,
           const char    *file,
           GError       **error)
{
  g_autofree char *path = g_build_filename (self->proc, file, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  return contents;
}

/* The number after "KEY:" in a /proc status-like file, or -1. */
static gint64
field (const char *contents,
       const char *key)
{
  g_autofree char *needle = g_strconcat ("\n", key, ":", NULL);
  const char *at = strstr (contents, needle);

  if (at == NULL)
    return -1;
  return g_ascii_strtoll (at + strlen (needle), NULL, 10);
}

/**
 * bench_process_read_memory:
 * @rss_mib: resident set size (VmRSS), shared library pages included
 * @private_mib: the part no other process shares (Private_Clean +
 *   Private_Dirty from smaps_rollup)
 */
gboolean
bench_process_read_memory (BenchProcess  *self,
                           double        *rss_mib,
                           double        *private_mib,
                           GError       **error)
{
  g_autofree char *status = read_proc (self, "status", error);
  g_autofree char *rollup = NULL;

  if (status == NULL || !(rollup = read_proc (self, "smaps_rollup", error)))
    return FALSE;
  *rss_mib = field (status, "VmRSS") / 1024.0;
  *private_mib = (field (rollup, "Private_Clean") + field (rollup, "Private_Dirty")) / 1024.0;
  return TRUE;
}

static guint64
switches_in (const char *status)
{
  return field (status, "voluntary_ctxt_switches") + field (status, "nonvoluntary_ctxt_switches");
}

gboolean
bench_process_read_cost (BenchProcess  *self,
                         BenchCost     *cost,
                         GError       **error)
{
  g_autofree char *stat = read_proc (self, "stat", error);
  g_autofree char *status = NULL;
  g_autofree char *tasks = NULL;
  g_auto(GStrv) fields = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *tid, *end;

  if (stat == NULL || !(status = read_proc (self, "status", error)))
    return FALSE;

  /* After the command name, which may hold spaces: state is field 3,
   * utime 14 and stime 15 (proc(5)). */
  end = strrchr (stat, ')');
  fields = g_strsplit (end ? end + 2 : "", " ", -1);
  if (g_strv_length (fields) < 13)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "cannot read %s/stat", self->proc);
      return FALSE;
    }
  cost->cpu_seconds = (double) (g_ascii_strtoull (fields[11], NULL, 10) +
                                g_ascii_strtoull (fields[12], NULL, 10)) / sysconf (_SC_CLK_TCK);
  cost->main_switches = switches_in (status);
  cost->threads = (guint) field (status, "Threads");

  cost->switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cost->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  tasks = g_build_filename (self->proc, "task", NULL);
  dir = g_dir_open (tasks, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tasks, tid, "status", NULL);
      g_autofree char *task_status = NULL;

      /* A thread may end between listing and reading. */
      if (!g_file_get_contents (path, &task_status, NULL, NULL))
        continue;
      g_hash_table_insert (cost->switches, g_strdup (tid),
                           GSIZE_TO_POINTER ((gsize) switches_in (task_status)));
      /* The first line is "Name:\tNAME". */
      if (g_str_has_prefix (task_status, "Name:\t"))
        g_hash_table_insert (cost->names, g_strdup (tid),
                             g_strndup (task_status + 6, strcspn (task_status + 6, "\n")));
    }
  return TRUE;
}

void
bench_cost_clear (BenchCost *cost)
{
  g_clear_pointer (&cost->switches, g_hash_table_unref);
  g_clear_pointer (&cost->names, g_hash_table_unref);
}

/* Every thread's switches between two readings: a thread that started in
 * between counts from zero; one that ended is lost (its count dies with it). */
typedef struct
{
  const char *name;
  guint64 switches;
} ThreadSwitches;

static int
by_switches (gconstpointer a,
             gconstpointer b)
{
  const ThreadSwitches *x = a, *y = b;

  return (y->switches > x->switches) - (y->switches < x->switches);
}

/**
 * bench_cost_describe_threads:
 *
 * Returns: one line per thread that switched between the two readings, the
 *   busiest first: its name and its switches per second over @seconds
 */
char *
bench_cost_describe_threads (BenchCost *before,
                             BenchCost *after,
                             double     seconds)
{
  g_autoptr(GArray) threads = g_array_new (FALSE, FALSE, sizeof (ThreadSwitches));
  GString *text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer tid, count;

  g_hash_table_iter_init (&iter, after->switches);
  while (g_hash_table_iter_next (&iter, &tid, &count))
    {
      ThreadSwitches thread = {
        g_hash_table_lookup (after->names, tid),
        GPOINTER_TO_SIZE (count) - GPOINTER_TO_SIZE (g_hash_table_lookup (before->switches, tid)),
      };

      if (thread.switches > 0)
        g_array_append_val (threads, thread);
    }
  g_array_sort (threads, by_switches);
  for (guint i = 0; i < threads->len; i++)
    {
      ThreadSwitches *thread = &g_array_index (threads, ThreadSwitches, i);

      g_string_append_printf (text, "  %-20s %8.1f\n", thread->name ? thread->name : "?",
                              thread->switches / seconds);
    }
  return g_string_free (text, FALSE);
}

guint64
bench_cost_all_switches (BenchCost *before,
                         BenchCost *after)
{
  GHashTableIter iter;
  gpointer tid, count;
  guint64 total = 0;

  g_hash_table_iter_init (&iter, after->switches);
  while (g_hash_table_iter_next (&iter, &tid, &count))
    total += GPOINTER_TO_SIZE (count) -
             GPOINTER_TO_SIZE (g_hash_table_lookup (before->switches, tid));
  return total;
}

/**
 * bench_process_stop:
 *
 * Ends the process (SIGTERM, then SIGKILL if it lingers), waits for it,
 * and frees @self.
 */
void
bench_process_stop (BenchProcess *self)
{
  if (self == NULL)
    return;

  if (!self->exited)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      iterate_until (&self->exited, 5000);
    }
  if (!self->exited)
    {
      g_subprocess_force_exit (self->process);
      iterate_until (&self->exited, 5000);
    }
  g_cancellable_cancel (self->cancellable);
  /* Let the cancelled reads finish before their stream goes. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (self->errors);
  g_object_unref (self->cancellable);
  g_object_unref (self->process);
  g_free (self->name);
  g_free (self->proc);
  g_free (self);
}

/* --- the stand-in home folder -------------------------------------------- */

/* Empty at first, so every run opens the same fresh history; the first
 * (discarded) warm-up run creates it. */
char *
bench_home_new (void)
{
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp ("backstay-bench-XXXXXX", &error);

  if (home == NULL)
    g_error ("%s", error->message);
  return home;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

void
bench_home_remove (const char *home)
{
  g_autoptr(GFile) file = g_file_new_for_path (home);

  remove_tree (file);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values in place: the minimum and maximum are then at the ends. */
double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}
