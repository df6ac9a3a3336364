/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bs-history-days.h"
#include "bs-history-fixture.h"
#include "bs-history-stats.h"

/*
 * How the history's costs grow with years of use.  Two stores are made on
 * disk in the same run: one year and ten years of heavy daily use (five
 * generated histories laid over each other: about 20,000 entries for ten
 * years).  For each, the median of several rounds of: opening the store
 * (quick_check and reading every row), building the list the history page
 * shows, computing the core test chart series and the adherence grid, and
 * writing one session with synchronous=FULL.  Printed with the ratio of
 * ten years to one.  Never pass/fail: the machine is shared.
 */

#define ROUNDS 7
#define WRITES 15
#define LAYERS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

typedef struct
{
  guint n_entries;
  double open_ms;
  double list_ms;
  double chart_ms;
  double adherence_ms;
  double write_ms;
  gint64 file_bytes;
} Figures;

static void
seed (const char *path,
      guint       n_days,
      GDateTime  *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = bs_history_open (path, &error);

  g_assert_no_error (error);
  for (guint layer = 0; layer < LAYERS; layer++)
    bs_history_fixture_seed (history, n_days, today, 1000 + layer);
}

static void
measure (const char *path,
         GDateTime  *today,
         Figures    *figures)
{
  double open[ROUNDS], list[ROUNDS], chart[ROUNDS], adherence[ROUNDS], write[WRITES];
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(BsHistory) history = NULL;
  GStatBuf st;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (today), g_date_time_get_month (today),
                  g_date_time_get_year (today));

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BsHistoryDays) days = NULL;
      g_autoptr(GArray) series = NULL;
      g_autoptr(BsAdherence) grid = NULL;
      double t0, t1, t2, t3, t4;

      g_clear_object (&history);
      t0 = now_ms ();
      history = bs_history_open (path, &error);
      t1 = now_ms ();
      g_assert_no_error (error);
      days = bs_history_days_new (bs_history_get_entries (history), tz);
      t2 = now_ms ();
      series = bs_history_core_series (bs_history_get_entries (history));
      t3 = now_ms ();
      grid = bs_adherence_compute (bs_history_get_entries (history), &day, tz, 8);
      t4 = now_ms ();

      open[r] = t1 - t0;
      list[r] = t2 - t1;
      chart[r] = t3 - t2;
      adherence[r] = t4 - t3;
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (days)), >, 0);
      g_assert_cmpuint (series->len, >, 0);
    }

  {
    g_autoptr(GPtrArray) one_day = bs_history_fixture_generate (1, today, 99);

    for (guint w = 0; w < WRITES; w++)
      {
        BsHistoryEntry *entry = g_ptr_array_index (one_day, w % one_day->len);
        g_autoptr(GError) error = NULL;
        double t0 = now_ms ();

        g_assert_true (bs_history_save (history, entry, &error));
        write[w] = now_ms () - t0;
        g_assert_no_error (error);
        /* Out again, so the next write is an insert too. */
        g_assert_true (bs_history_remove (history, entry, &error));
      }
  }

  figures->n_entries = g_list_model_get_n_items (bs_history_get_entries (history));
  figures->open_ms = median (open, ROUNDS);
  figures->list_ms = median (list, ROUNDS);
  figures->chart_ms = median (chart, ROUNDS);
  figures->adherence_ms = median (adherence, ROUNDS);
  figures->write_ms = median (write, WRITES);
  figures->file_bytes = g_stat (path, &st) == 0 ? st.st_size : -1;
}

static void
row (const char *what,
     double      one,
     double      ten,
     const char *unit)
{
  g_print ("%-34s %10.2f %10.2f %8.1fx  %s\n", what, one, ten, one > 0 ? ten / one : 0, unit);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *one_path = NULL, *ten_path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  Figures one = { 0 }, ten = { 0 };
  double seed_start;

  setlocale (LC_ALL, "");
  dir = g_dir_make_tmp ("backstay-bench-history-XXXXXX", NULL);
  one_path = g_build_filename (dir, "one-year.db", NULL);
  ten_path = g_build_filename (dir, "ten-years.db", NULL);

  seed_start = now_ms ();
  seed (one_path, 365, today);
  seed (ten_path, 3650, today);
  g_print ("history: stores generated in %.1f s\n", (now_ms () - seed_start) / 1000);

  measure (one_path, today, &one);
  measure (ten_path, today, &ten);

  g_print ("\nmedian of %d rounds (writes: of %d), in ms\n", ROUNDS, WRITES);
  g_print ("%-34s %10s %10s %9s\n", "", "1 year", "10 years", "ratio");
  g_print ("%-34s %10u %10u %8.1fx\n", "entries", one.n_entries, ten.n_entries,
           (double) ten.n_entries / one.n_entries);
  row ("open (quick_check + read all)", one.open_ms, ten.open_ms, "ms");
  row ("history page list (by day)", one.list_ms, ten.list_ms, "ms");
  row ("core test chart series", one.chart_ms, ten.chart_ms, "ms");
  row ("adherence grid (8 weeks)", one.adherence_ms, ten.adherence_ms, "ms");
  row ("write one session (sync=FULL)", one.write_ms, ten.write_ms, "ms");
  row ("file size", one.file_bytes / 1048576.0, ten.file_bytes / 1048576.0, "MiB");

  for (const char *const *name = (const char *const[]) { "one-year.db", "one-year.db-wal",
                                                          "one-year.db-shm", "ten-years.db",
                                                          "ten-years.db-wal", "ten-years.db-shm",
                                                          NULL };
       *name; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  return 0;
}
