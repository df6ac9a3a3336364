/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bs-error.h"
#include "bs-findings.h"
#include "bs-history.h"
#include "bs-history-fixture.h"
#include "bs-history-entry-private.h"
#include "bs-history-schema.h"
#include "bs-result.h"
#include "bs-schedule.h"

/* The argument that makes this program the writer of the crash test. */
#define WRITER_ARG "--history-writer"

static char *self_exe;

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("backstay-history-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "history.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
      return;
    }
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_dir_close (dir);
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Building entries */

static BsSchedule *
core_schedule (const char *form,
               guint       level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = NULL;
  BsSchedule *schedule;

  routine = bs_routine_new_from_resource (RESOURCE_BASE "/routines/core-test.json", &error);
  g_assert_no_error (error);
  schedule = bs_schedule_new (routine, form, level, 10, &error);
  g_assert_no_error (error);
  return schedule;
}

/* A run that got to @stage: see bs_history_fixture_result(). */
static BsResult *
make_result (BsSchedule *schedule,
             guint       stage,
             gint64      partial_ms,
             guint       skip_stage,
             GDateTime  *started)
{
  return bs_history_fixture_result (schedule, stage, partial_ms, skip_stage, started, 195.5);
}

static BsHistoryEntry *
make_session (guint      stage,
              BsOutcome  outcome,
              GDateTime *started)
{
  g_autoptr(BsSchedule) schedule = core_schedule ("standard", 0);
  g_autoptr(BsResult) result = make_result (schedule, stage, 7250, 0, started);

  return bs_history_entry_new_session (result, outcome);
}

static BsHistoryEntry *
make_assessment (GDateTime *when)
{
  g_autoptr(BsFindings) findings = NULL;
  BsAnswers answers;

  bs_answers_init (&answers);
  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    answers.red_flags[i] = BS_ANSWER_NO;
  answers.height_cm = 181;
  answers.weight_kg = 84.5;
  answers.years_running = 9;
  answers.tight_hamstrings = BS_ANSWER_YES;
  answers.has_pain = BS_ANSWER_YES;
  answers.pain_severity = 3;
  findings = bs_findings_new (&answers);
  return bs_history_entry_new_assessment (findings, when);
}

static GDateTime *
utc (int    day,
     int    hour,
     double seconds)
{
  return g_date_time_new_utc (2024, 5, day, hour, 0, seconds);
}

/* Looking at the store */

static guint
n_items (BsHistory *history)
{
  return g_list_model_get_n_items (bs_history_get_entries (history));
}

static BsHistoryEntry *
nth (BsHistory *history,
     guint      position)
{
  g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (bs_history_get_entries (history),
                                                           position);
  return entry;   /* the model keeps it */
}

static BsHistory *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  BsHistory *history = bs_history_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);
  g_assert_null (bs_history_get_moved_aside (history));
  g_assert_null (bs_history_get_moved_aside_reason (history));
  return history;
}

static void
save_ok (BsHistory      *history,
         BsHistoryEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bs_history_save (history, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bs_history_entry_get_id (entry), >, 0);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_true (g_date_time_equal (a, b));
}

static void
assert_same_entry (BsHistoryEntry *a,
                   BsHistoryEntry *b)
{
  g_assert_cmpint (bs_history_entry_get_id (a), ==, bs_history_entry_get_id (b));
  g_assert_cmpstr (bs_history_entry_get_uuid (a), ==, bs_history_entry_get_uuid (b));
  g_assert_cmpint (bs_history_entry_get_kind (a), ==, bs_history_entry_get_kind (b));
  assert_same_time (bs_history_entry_get_started_at (a), bs_history_entry_get_started_at (b));
  assert_same_time (bs_history_entry_get_ended_at (a), bs_history_entry_get_ended_at (b));
  g_assert_cmpstr (bs_history_entry_get_note (a), ==, bs_history_entry_get_note (b));

  g_assert_cmpstr (bs_history_entry_get_routine_id (a), ==, bs_history_entry_get_routine_id (b));
  g_assert_cmpstr (bs_history_entry_get_routine_name (a), ==,
                   bs_history_entry_get_routine_name (b));
  g_assert_cmpstr (bs_history_entry_get_category (a), ==, bs_history_entry_get_category (b));
  g_assert_cmpstr (bs_history_entry_get_form_id (a), ==, bs_history_entry_get_form_id (b));
  g_assert_cmpstr (bs_history_entry_get_form_name (a), ==, bs_history_entry_get_form_name (b));
  g_assert_cmpuint (bs_history_entry_get_level (a), ==, bs_history_entry_get_level (b));
  g_assert_cmpstr (bs_history_entry_get_schedule_json (a), ==,
                   bs_history_entry_get_schedule_json (b));
  g_assert_cmpint (bs_history_entry_get_outcome (a), ==, bs_history_entry_get_outcome (b));
  g_assert_cmpint (bs_history_entry_get_scored (a), ==, bs_history_entry_get_scored (b));
  g_assert_cmpuint (bs_history_entry_get_stage_reached (a), ==,
                    bs_history_entry_get_stage_reached (b));
  g_assert_cmpuint (bs_history_entry_get_target_seconds (a), ==,
                    bs_history_entry_get_target_seconds (b));
  g_assert_cmpuint (bs_history_entry_get_n_stages (a), ==, bs_history_entry_get_n_stages (b));
  for (guint stage = 1; stage <= bs_history_entry_get_n_stages (a); stage++)
    {
      const BsStageRecord *ra = bs_history_entry_get_stage (a, stage);
      const BsStageRecord *rb = bs_history_entry_get_stage (b, stage);

      g_assert_cmpuint (ra->seconds, ==, rb->seconds);
      g_assert_cmpint (ra->held_ms, ==, rb->held_ms);
      g_assert_cmpint (ra->skipped, ==, rb->skipped);
    }

  g_assert_cmpuint (bs_history_entry_get_rules_version (a), ==,
                    bs_history_entry_get_rules_version (b));
  g_assert_cmpstr (bs_history_entry_get_answers_json (a), ==,
                   bs_history_entry_get_answers_json (b));
  g_assert_cmpstr (bs_history_entry_get_findings_json (a), ==,
                   bs_history_entry_get_findings_json (b));
  g_assert_cmpint (bs_history_entry_get_red_flag (a), ==, bs_history_entry_get_red_flag (b));
}

/* Newest first; of two in the same second, the later row first. */
static void
assert_sorted (BsHistory *history)
{
  for (guint i = 1; i < n_items (history); i++)
    {
      BsHistoryEntry *before = nth (history, i - 1);
      BsHistoryEntry *after = nth (history, i);
      gint64 t_before = g_date_time_to_unix (bs_history_entry_get_started_at (before));
      gint64 t_after = g_date_time_to_unix (bs_history_entry_get_started_at (after));

      g_assert_cmpint (t_before, >=, t_after);
      if (t_before == t_after)
        g_assert_cmpint (bs_history_entry_get_id (before), >, bs_history_entry_get_id (after));
    }
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  const Change *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

/* The file, read directly */

static sqlite3 *
db_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
db_exec (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
db_int (sqlite3    *db,
        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
db_text (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char    *path,
             gconstpointer  data,
             gsize          length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

static guint
count_files (const char *dir_path)
{
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

/* A history file made from tests/data/history/v1.sql, as a version-1
 * build made it. */
static void
make_v1_file (const char *path)
{
  g_autofree char *script_path = g_test_build_filename (G_TEST_DIST, "data", "history",
                                                        "v1.sql", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  sqlite3 *db;

  g_file_get_contents (script_path, &script, NULL, &error);
  g_assert_no_error (error);
  write_bytes (path, "", 0);
  db = db_open (path);
  db_exec (db, script);
  sqlite3_close (db);
}

#define V1_FINISHED "0b5c3a52-6f0e-4a3b-9d56-3f7a1e2c4b10"
#define V1_IN_PROGRESS "7d9e4f61-2a8b-4c5d-8e1f-0a2b3c4d5e6f"
#define V1_ASSESSMENT "c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5"

/* A real history with @n_sessions sessions and an assessment. */
static void
make_real_file (const char *path,
                guint       n_sessions)
{
  g_autoptr(BsHistory) history = open_ok (path);
  g_autoptr(GDateTime) start = utc (1, 7, 0);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (start, 24 * i);
      g_autoptr(BsHistoryEntry) entry = make_session (1 + i % 9, BS_OUTCOME_STOPPED_EARLY, when);

      save_ok (history, entry);
    }
  {
    g_autoptr(BsHistoryEntry) entry = make_assessment (start);

    save_ok (history, entry);
  }
}

/* 1. Round trip */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = open_ok (f->path);
  g_autoptr(BsHistory) reopened = NULL;
  g_autoptr(BsSchedule) schedule = core_schedule ("standard", 0);
  g_autoptr(GDateTime) started = utc (2, 7, 30.75);
  g_autoptr(GDateTime) assessed = utc (2, 9, 0);
  g_autoptr(BsResult) result = make_result (schedule, 9, 0, 5, started);
  g_autoptr(BsHistoryEntry) session = bs_history_entry_new_session (result, BS_OUTCOME_COMPLETED);
  g_autoptr(BsHistoryEntry) assessment = make_assessment (assessed);
  BsHistoryEntry *copy;

  g_assert_cmpstr (bs_history_get_path (history), ==, f->path);
  g_assert_cmpuint (n_items (history), ==, 0);
  g_assert_cmpuint (bs_history_get_n_unreadable (history), ==, 0);

  save_ok (history, session);
  save_ok (history, assessment);
  g_assert_cmpint (bs_history_entry_get_id (session), !=, bs_history_entry_get_id (assessment));
  g_assert_true (bs_history_set_note (history, session, "Stage 5 wobbly — hips dropped", &error));
  g_assert_no_error (error);

  /* Kept to the second, in the entry too, so it sorts the same way now as
   * after a restart. */
  g_assert_cmpint (g_date_time_to_unix (bs_history_entry_get_started_at (session)), ==,
                   g_date_time_to_unix (started));
  g_assert_cmpint (g_date_time_get_microsecond (bs_history_entry_get_started_at (session)), ==, 0);
  g_assert_cmpint (g_date_time_get_microsecond (bs_history_entry_get_ended_at (session)), ==, 0);

  g_assert_cmpuint (n_items (history), ==, 2);
  g_assert_true (nth (history, 0) == assessment);
  g_assert_true (nth (history, 1) == session);
  g_assert_true (bs_history_find_uuid (history, bs_history_entry_get_uuid (session)) == session);
  g_assert_null (bs_history_find_uuid (history, "00000000-0000-4000-8000-000000000000"));
  g_clear_object (&history);

  reopened = open_ok (f->path);
  g_assert_cmpuint (n_items (reopened), ==, 2);
  g_assert_cmpuint (bs_history_get_n_unreadable (reopened), ==, 0);

  copy = bs_history_find_uuid (reopened, bs_history_entry_get_uuid (session));
  g_assert_nonnull (copy);
  g_assert_true (copy != session);
  assert_same_entry (copy, session);
  g_assert_cmpint (bs_history_entry_get_kind (copy), ==, BS_HISTORY_SESSION);
  g_assert_cmpstr (bs_history_entry_get_routine_id (copy), ==, "core-test");
  g_assert_cmpstr (bs_history_entry_get_category (copy), ==, "test");
  g_assert_cmpstr (bs_history_entry_get_form_id (copy), ==, "standard");
  g_assert_cmpint (bs_history_entry_get_outcome (copy), ==, BS_OUTCOME_COMPLETED);
  g_assert_true (bs_history_entry_get_scored (copy));
  g_assert_false (bs_history_entry_get_good (copy));   /* stage 5 was skipped */
  g_assert_cmpuint (bs_history_entry_get_n_stages (copy), ==, 8);
  g_assert_cmpuint (bs_history_entry_get_stage (copy, 1)->seconds, ==, 60);
  g_assert_cmpint (bs_history_entry_get_stage (copy, 1)->held_ms, ==, 60000);
  g_assert_true (bs_history_entry_get_stage (copy, 5)->skipped);
  g_assert_cmpint (bs_history_entry_get_stage (copy, 5)->held_ms, ==, 2000);
  g_assert_cmpuint (bs_history_entry_get_stages_done (copy), ==, 7);
  g_assert_cmpstr (bs_history_entry_get_note (copy), ==, "Stage 5 wobbly — hips dropped");
  g_assert_cmpint (g_date_time_to_unix (bs_history_entry_get_started_at (copy)), ==,
                   g_date_time_to_unix (started));

  copy = bs_history_find_uuid (reopened, bs_history_entry_get_uuid (assessment));
  g_assert_nonnull (copy);
  assert_same_entry (copy, assessment);
  g_assert_cmpint (bs_history_entry_get_kind (copy), ==, BS_HISTORY_ASSESSMENT);
  g_assert_cmpuint (bs_history_entry_get_rules_version (copy), ==, BS_RULES_VERSION);
  g_assert_false (bs_history_entry_get_red_flag (copy));
  g_assert_true (g_date_time_equal (bs_history_entry_get_started_at (copy), assessed));
  {
    g_autoptr(BsFindings) findings = bs_history_entry_dup_findings (copy);

    g_assert_nonnull (findings);
    g_assert_true (bs_findings_has_risk (findings, BS_RISK_TIGHT_HAMSTRINGS));
  }
}

/* 2. Checkpoints */

static void
test_checkpoint (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BsHistory) history = open_ok (f->path);
  g_autoptr(BsHistory) reopened = NULL;
  g_autoptr(BsSchedule) schedule = core_schedule ("short", 5);
  g_autoptr(GDateTime) started = utc (3, 18, 0);
  g_autoptr(BsResult) first = make_result (schedule, 2, 4000, 0, started);
  g_autoptr(BsResult) later = make_result (schedule, 4, 6500, 0, started);
  g_autoptr(BsHistoryEntry) entry = bs_history_entry_new_session (first, BS_OUTCOME_IN_PROGRESS);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  BsHistoryEntry *copy;
  sqlite3 *db;
  gint64 id;

  g_signal_connect (bs_history_get_entries (history), "items-changed",
                    G_CALLBACK (record_change), changes);

  save_ok (history, entry);
  id = bs_history_entry_get_id (entry);
  assert_change (changes, 0, 0, 0, 1);

  bs_history_entry_update_session (entry, later, BS_OUTCOME_IN_PROGRESS);
  save_ok (history, entry);
  g_assert_cmpint (bs_history_entry_get_id (entry), ==, id);
  g_assert_cmpuint (n_items (history), ==, 1);
  assert_change (changes, 1, 0, 1, 1);
  g_assert_cmpuint (changes->len, ==, 2);

  /* Replaced, not added to: one row per stage. */
  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM session_stages"), ==, 8);
  g_assert_cmpint (db_int (db, "SELECT held_ms FROM session_stages WHERE stage = 4"), ==, 6500);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM sessions WHERE outcome = 'in-progress'"),
                   ==, 1);
  sqlite3_close (db);

  /* The app ends without finishing the run. */
  g_clear_object (&history);
  reopened = open_ok (f->path);
  g_assert_cmpuint (n_items (reopened), ==, 1);
  copy = nth (reopened, 0);
  g_assert_cmpint (bs_history_entry_get_id (copy), ==, id);
  g_assert_cmpint (bs_history_entry_get_outcome (copy), ==, BS_OUTCOME_INTERRUPTED);
  g_assert_cmpuint (bs_history_entry_get_stage_reached (copy), ==, 4);
  g_assert_cmpstr (bs_history_entry_get_form_id (copy), ==, "short");
  g_assert_cmpuint (bs_history_entry_get_level (copy), ==, 5);
  g_assert_cmpuint (bs_history_entry_get_n_stages (copy), ==, 8);
  g_assert_cmpint (bs_history_entry_get_stage (copy, 1)->held_ms, ==,
                   bs_history_entry_get_stage (copy, 1)->seconds * 1000);
  g_assert_cmpint (bs_history_entry_get_stage (copy, 4)->held_ms, ==, 6500);
  g_assert_cmpint (bs_history_entry_get_stage (copy, 5)->held_ms, ==, 0);
  g_assert_cmpuint (bs_history_entry_get_stages_done (copy), ==, 3);

  /* And it stays interrupted: the file says so now. */
  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM sessions WHERE outcome = 'interrupted'"),
                   ==, 1);
  sqlite3_close (db);
}

/* A new entry goes where it sorts, and a re-saved one moves. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = open_ok (f->path);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GDateTime) t1 = utc (1, 8, 0);
  g_autoptr(GDateTime) t2 = utc (2, 8, 0);
  g_autoptr(GDateTime) t3 = utc (3, 8, 0);
  g_autoptr(BsHistoryEntry) a = make_assessment (t2);
  g_autoptr(BsHistoryEntry) b = make_assessment (t1);
  g_autoptr(BsHistoryEntry) c = make_assessment (t3);
  g_autoptr(BsHistoryEntry) d = make_assessment (t2);
  g_autoptr(BsHistoryEntry) stranger = make_assessment (t2);

  g_signal_connect (bs_history_get_entries (history), "items-changed",
                    G_CALLBACK (record_change), changes);
  save_ok (history, a);
  save_ok (history, b);
  save_ok (history, c);
  save_ok (history, d);   /* same second as a, later row: before it */
  assert_change (changes, 0, 0, 0, 1);
  assert_change (changes, 1, 1, 0, 1);
  assert_change (changes, 2, 0, 0, 1);
  assert_change (changes, 3, 1, 0, 1);
  g_assert_true (nth (history, 0) == c);
  g_assert_true (nth (history, 1) == d);
  g_assert_true (nth (history, 2) == a);
  g_assert_true (nth (history, 3) == b);

  /* b moves from last to first when its time changes. */
  g_date_time_unref (b->started_at);
  b->started_at = utc (4, 8, 0);
  save_ok (history, b);
  assert_change (changes, 4, 3, 1, 0);
  assert_change (changes, 5, 0, 0, 1);
  g_assert_true (nth (history, 0) == b);
  assert_sorted (history);

  /* An id that is not this entry's row is refused, and nothing changes. */
  stranger->id = bs_history_entry_get_id (a);
  g_assert_false (bs_history_save (history, stranger, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_cmpuint (n_items (history), ==, 4);
  g_assert_cmpuint (changes->len, ==, 6);
}

/* 3. Notes, removal and undo, clearing */

static void
test_note_remove_clear (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = open_ok (f->path);
  g_autoptr(GDateTime) t1 = utc (5, 6, 0);
  g_autoptr(GDateTime) t2 = utc (6, 6, 0);
  g_autoptr(GDateTime) t3 = utc (7, 6, 0);
  g_autoptr(BsHistoryEntry) first = make_session (9, BS_OUTCOME_COMPLETED, t1);
  g_autoptr(BsHistoryEntry) middle = make_session (4, BS_OUTCOME_STOPPED_EARLY, t2);
  g_autoptr(BsHistoryEntry) last = make_assessment (t3);
  g_autoptr(BsHistoryEntry) unsaved = make_assessment (t3);
  g_autoptr(BsHistoryEntry) snapshot = NULL;
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autofree char *too_long = NULL;
  g_autofree char *uuid = NULL;
  gint64 old_id;

  save_ok (history, first);
  save_ok (history, middle);
  save_ok (history, last);

  g_assert_true (bs_history_set_note (history, middle, "Left side tight", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bs_history_entry_get_note (middle), ==, "Left side tight");

  /* The limit is in characters, not bytes. */
  for (guint i = 0; i < BS_HISTORY_NOTE_MAX_CHARS; i++)
    g_string_append (longest, "é");
  g_assert_true (bs_history_set_note (history, first, longest->str, &error));
  g_assert_no_error (error);

  too_long = g_strnfill (BS_HISTORY_NOTE_MAX_CHARS + 1, 'a');
  g_assert_false (bs_history_set_note (history, middle, too_long, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (bs_history_set_note (history, middle, "bad \xff byte", &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_cmpstr (bs_history_entry_get_note (middle), ==, "Left side tight");
  g_assert_false (bs_history_set_note (history, unsaved, "no", &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A new entry with an over-long note is refused too. */
  bs_history_entry_set_note (unsaved, too_long);
  g_assert_false (bs_history_save (history, unsaved, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_cmpint (bs_history_entry_get_id (unsaved), ==, 0);

  /* Remove and undo. */
  g_clear_object (&history);
  history = open_ok (f->path);
  snapshot = g_object_ref (bs_history_find_uuid (history, bs_history_entry_get_uuid (middle)));
  g_assert_cmpstr (bs_history_entry_get_note (snapshot), ==, "Left side tight");
  g_assert_cmpstr (bs_history_entry_get_note (nth (history, 2)), ==, longest->str);
  uuid = g_strdup (bs_history_entry_get_uuid (snapshot));
  old_id = bs_history_entry_get_id (snapshot);

  g_assert_true (bs_history_remove (history, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (history), ==, 2);
  g_assert_null (bs_history_find_uuid (history, uuid));
  g_assert_cmpint (bs_history_entry_get_id (snapshot), ==, 0);
  g_assert_cmpstr (bs_history_entry_get_uuid (snapshot), ==, uuid);
  g_assert_false (bs_history_remove (history, snapshot, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  save_ok (history, snapshot);
  g_assert_cmpuint (n_items (history), ==, 3);
  g_assert_true (nth (history, 1) == snapshot);
  g_clear_object (&history);

  history = open_ok (f->path);
  {
    BsHistoryEntry *back = bs_history_find_uuid (history, uuid);

    g_assert_nonnull (back);
    g_assert_cmpint (bs_history_entry_get_id (back), !=, old_id);   /* a new row */
    snapshot->id = bs_history_entry_get_id (back);
    assert_same_entry (back, snapshot);
    g_assert_cmpstr (bs_history_entry_get_note (back), ==, "Left side tight");
    g_assert_cmpuint (bs_history_entry_get_stage_reached (back), ==, 4);
  }

  g_assert_true (bs_history_clear (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (history), ==, 0);
  g_clear_object (&history);
  history = open_ok (f->path);
  g_assert_cmpuint (n_items (history), ==, 0);
  {
    sqlite3 *db = db_open (f->path);

    g_assert_cmpint (db_int (db, "SELECT count(*) FROM sessions"), ==, 0);
    g_assert_cmpint (db_int (db, "SELECT count(*) FROM session_stages"), ==, 0);
    sqlite3_close (db);
  }
}

/* 4. Import */

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = open_ok (f->path);
  g_autoptr(BsHistory) other = NULL;
  g_autoptr(GDateTime) t1 = utc (10, 6, 0);
  g_autoptr(GDateTime) t2 = utc (11, 6, 0);
  g_autoptr(GDateTime) t3 = utc (12, 6, 0);
  g_autoptr(GDateTime) t4 = utc (13, 6, 0);
  g_autoptr(BsHistoryEntry) a = make_session (3, BS_OUTCOME_STOPPED_EARLY, t1);
  g_autoptr(BsHistoryEntry) b = make_assessment (t2);
  g_autoptr(BsHistoryEntry) c = make_session (9, BS_OUTCOME_COMPLETED, t3);
  g_autoptr(BsHistoryEntry) d = make_assessment (t4);
  g_autoptr(BsHistoryEntry) no_routine = bs_history_entry_new_empty (BS_HISTORY_SESSION);
  g_autoptr(BsHistoryEntry) no_start = bs_history_entry_new_empty (BS_HISTORY_ASSESSMENT);
  g_autoptr(GPtrArray) same = g_ptr_array_new ();
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GPtrArray) bad = g_ptr_array_new ();
  guint n_added = 99;

  save_ok (history, a);
  save_ok (history, b);

  /* The same entries read by another store: all known already. */
  other = open_ok (f->path);
  for (guint i = 0; i < n_items (other); i++)
    g_ptr_array_add (same, nth (other, i));
  g_assert_true (bs_history_import (history, same, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (n_items (history), ==, 2);

  /* New ones are added, an entry listed twice once. */
  g_ptr_array_add (fresh, c);
  g_ptr_array_add (fresh, a);
  g_ptr_array_add (fresh, d);
  g_ptr_array_add (fresh, c);
  g_assert_true (bs_history_import (history, fresh, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (n_items (history), ==, 4);
  g_assert_cmpint (bs_history_entry_get_id (c), >, 0);
  g_assert_true (nth (history, 0) == d);
  g_assert_true (nth (history, 1) == c);
  assert_sorted (history);

  /* A session without a routine: the schema refuses it, and the good
   * entry before it in the list is not added either. */
  {
    g_autoptr(BsHistoryEntry) good = make_assessment (t4);

    no_routine->started_at = g_date_time_ref (t1);
    g_ptr_array_add (bad, good);
    g_ptr_array_add (bad, no_routine);
    g_assert_false (bs_history_import (history, bad, NULL, &error));
    g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, f->path));
    g_assert_nonnull (strstr (error->message, "NOT NULL"));
    g_clear_error (&error);
    g_assert_cmpint (bs_history_entry_get_id (good), ==, 0);
    g_assert_cmpuint (n_items (history), ==, 4);

    /* An entry without a start time is refused before anything is written. */
    no_start->answers_json = g_strdup ("{}");
    no_start->findings_json = g_strdup ("{}");
    g_ptr_array_set_size (bad, 0);
    g_ptr_array_add (bad, good);
    g_ptr_array_add (bad, no_start);
    g_assert_false (bs_history_import (history, bad, NULL, &error));
    g_assert_error (error, BS_ERROR, BS_ERROR_MISSING);
    g_clear_error (&error);
    g_assert_false (bs_history_save (history, no_start, &error));
    g_assert_error (error, BS_ERROR, BS_ERROR_MISSING);
    g_clear_error (&error);
    g_assert_cmpint (bs_history_entry_get_id (good), ==, 0);
  }

  g_clear_object (&other);
  g_clear_object (&history);
  history = open_ok (f->path);
  g_assert_cmpuint (n_items (history), ==, 4);
  assert_same_entry (bs_history_find_uuid (history, bs_history_entry_get_uuid (c)), c);
}

/* 5. Permissions */

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "backstay", NULL);
  g_autofree char *path = g_build_filename (dir, "history.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", NULL);
  g_autofree char *nested_path = g_build_filename (nested, "history.db", NULL);
  g_autofree char *parent = g_build_filename (f->dir, "a", NULL);
  g_autoptr(BsHistory) history = NULL;
  g_autoptr(GDateTime) when = utc (1, 1, 0);
  g_autoptr(BsHistoryEntry) entry = make_assessment (when);

  /* Our own folder, found open to everyone, and a world-readable file. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  write_bytes (path, "", 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  history = open_ok (NULL);
  g_assert_cmpstr (bs_history_get_path (history), ==, path);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  save_ok (history, entry);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_clear_object (&history);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0604), ==, 0);
  history = open_ok (NULL);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (n_items (history), ==, 1);
  g_clear_object (&history);

  /* Folders made for a path the caller names are private; a folder that
   * was there (the caller's choice, maybe their home) is left alone. */
  history = open_ok (nested_path);
  g_assert_cmpuint (file_mode (parent), ==, 0700);
  g_assert_cmpuint (file_mode (nested), ==, 0700);
  g_assert_cmpuint (file_mode (nested_path), ==, 0600);
  g_clear_object (&history);
  g_assert_cmpint (g_chmod (nested, 0755), ==, 0);
  history = open_ok (nested_path);
  g_assert_cmpuint (file_mode (nested), ==, 0755);
  g_assert_cmpuint (file_mode (nested_path), ==, 0600);

  g_clear_object (&history);
  remove_tree (dir);
}

/* 6. Damaged and foreign files */

static void
make_empty (const char *path)
{
  write_bytes (path, "", 0);
}

static void
make_truncated (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;

  make_real_file (path, 5);
  bytes = read_bytes (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  write_bytes (path, g_bytes_get_data (bytes, NULL), 1000);
}

static void
make_random (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  guint32 words[2048];

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    words[i] = g_rand_int (rand);
  write_bytes (path, words, sizeof words);
}

static void
make_text (const char *path)
{
  static const char text[] = "Monday: 5 km easy.\nTuesday: rest.\nWednesday: intervals.\n";

  write_bytes (path, text, strlen (text));
}

static void
make_foreign_tables (const char *path)
{
  sqlite3 *db = db_open (path);

  db_exec (db, "CREATE TABLE recipes (name TEXT, minutes INTEGER);"
               "INSERT INTO recipes VALUES ('porridge', 10);");
  sqlite3_close (db);
}

static void
make_foreign_application (const char *path)
{
  sqlite3 *db = db_open (path);

  db_exec (db, "PRAGMA application_id = 1196444237;"   /* 'GPKG' */
               "PRAGMA user_version = 1;"
               "CREATE TABLE features (id INTEGER PRIMARY KEY);");
  sqlite3_close (db);
}

static void
make_newer (const char *path)
{
  sqlite3 *db;

  make_real_file (path, 2);
  db = db_open (path);
  db_exec (db, "PRAGMA user_version = 4; CREATE TABLE moods (entry_id INTEGER);");
  sqlite3_close (db);
}

/* Garbage over a b-tree page in the middle of a file with enough rows that
 * the page holds some of them. */
static void
make_corrupt_page (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autofree guint8 *data = NULL;
  gsize length;
  guint page_size;
  guint n_pages;
  guint page;

  make_real_file (path, 120);
  bytes = read_bytes (path);
  length = g_bytes_get_size (bytes);
  data = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
  page_size = (data[16] << 8) | data[17];
  g_assert_cmpuint (page_size, >=, 512);
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >=, 20);

  /* A b-tree page starts with its kind: 2, 5, 10 or 13. */
  for (page = n_pages / 2; page < n_pages; page++)
    {
      guint8 kind = data[page * page_size];

      if (kind == 0x02 || kind == 0x05 || kind == 0x0a || kind == 0x0d)
        break;
    }
  g_assert_cmpuint (page, <, n_pages);
  for (guint i = 0; i < page_size; i++)
    data[page * page_size + i] = g_rand_int_range (rand, 0, 256);
  write_bytes (path, data, length);
}

typedef struct
{
  const char *name;
  void (*make) (const char *path);
  const char *reason;   /* NULL: not moved aside */
} DamagedCase;

#define FOREIGN "it is not a Backstay history file"
#define DAMAGED "it is damaged"
#define NEWER "it was written by a newer version of Backstay"

static const DamagedCase damaged_cases[] = {
  { "zero-length", make_empty, NULL },
  { "truncated", make_truncated, DAMAGED },
  { "random-bytes", make_random, FOREIGN },
  { "text", make_text, FOREIGN },
  { "foreign-tables", make_foreign_tables, FOREIGN },
  { "foreign-application", make_foreign_application, FOREIGN },
  { "newer", make_newer, NEWER },
  { "corrupt-page", make_corrupt_page, DAMAGED },
};

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  const DamagedCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GDateTime) when = utc (20, 12, 0);
  g_autoptr(BsHistoryEntry) entry = make_assessment (when);
  g_autofree char *prefix = g_strconcat (f->path, ".damaged-", NULL);
  const char *moved;

  c->make (f->path);
  original = read_bytes (f->path);

  history = bs_history_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (history);
  g_assert_cmpuint (n_items (history), ==, 0);
  moved = bs_history_get_moved_aside (history);

  if (c->reason == NULL)
    {
      /* Nothing to keep: it is just a new history. */
      g_assert_null (moved);
      g_assert_null (bs_history_get_moved_aside_reason (history));
      g_assert_cmpuint (count_files (f->dir), <=, 3);
    }
  else
    {
      g_autoptr(GBytes) kept = NULL;

      g_assert_nonnull (moved);
      g_assert_true (g_str_has_prefix (moved, prefix));
      kept = read_bytes (moved);
      g_assert_true (g_bytes_equal (kept, original));
      g_assert_cmpstr (bs_history_get_moved_aside_reason (history), ==, c->reason);
    }

  /* The fresh history works and is a history the next start reads. */
  save_ok (history, entry);
  g_clear_object (&history);
  history = open_ok (f->path);
  g_assert_cmpuint (n_items (history), ==, 1);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
}

/* Two files moved aside in the same second keep both. */
static void
test_damaged_twice (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) first = NULL;
  g_autoptr(BsHistory) second = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) random = NULL;
  g_autofree char *stamped = NULL;

  make_text (f->path);
  text = read_bytes (f->path);
  first = bs_history_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&first);

  /* Make the next name taken, whatever second it is now. */
  make_random (f->path);
  random = read_bytes (f->path);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

    stamped = g_strdup_printf ("%s.damaged-%s", f->path, stamp);
    if (!g_file_test (stamped, G_FILE_TEST_EXISTS))
      write_bytes (stamped, "taken", 5);
  }

  second = bs_history_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bs_history_get_moved_aside (second));
  g_assert_cmpstr (bs_history_get_moved_aside (second), !=, stamped);
  {
    g_autoptr(GBytes) kept = read_bytes (bs_history_get_moved_aside (second));

    g_assert_true (g_bytes_equal (kept, random));
  }
  g_assert_cmpuint (count_files (f->dir), >=, 3);
}

static void
test_damaged_read_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) after = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores the folder's permissions");
      return;
    }

  make_random (f->path);
  original = read_bytes (f->path);
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);

  history = bs_history_open (f->path, &error);
  g_assert_null (history);
  g_assert_error (error, BS_ERROR, BS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, f->path));

  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (after, original));
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

/* Rows this build cannot read are skipped and counted, never fatal. */
static void
test_unreadable_rows (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = open_ok (f->path);
  g_autoptr(GDateTime) t1 = utc (1, 6, 0);
  g_autoptr(GDateTime) t2 = utc (2, 6, 0);
  g_autoptr(GDateTime) t3 = utc (3, 6, 0);
  g_autoptr(BsHistoryEntry) a = make_session (5, BS_OUTCOME_STOPPED_EARLY, t1);
  g_autoptr(BsHistoryEntry) b = make_session (9, BS_OUTCOME_COMPLETED, t2);
  g_autoptr(BsHistoryEntry) c = make_assessment (t3);
  sqlite3 *db;

  save_ok (history, a);
  save_ok (history, b);
  save_ok (history, c);
  g_clear_object (&history);

  db = db_open (f->path);
  db_exec (db, "PRAGMA ignore_check_constraints = ON;"
               "UPDATE sessions SET outcome = 'paused-forever' WHERE entry_id = 1;"
               "UPDATE entries SET kind = 'dream' WHERE id = 3;"
               "UPDATE session_stages SET stage = 5000 WHERE entry_id = 2 AND stage = 8;"
               "UPDATE session_stages SET held_ms = 'lots' WHERE entry_id = 2 AND stage = 7;");
  sqlite3_close (db);

  history = open_ok (f->path);
  g_assert_cmpuint (bs_history_get_n_unreadable (history), ==, 2);
  g_assert_cmpuint (n_items (history), ==, 1);
  g_assert_cmpstr (bs_history_entry_get_uuid (nth (history, 0)), ==, bs_history_entry_get_uuid (b));
  /* The bad stage rows are left out; the good ones read. */
  g_assert_cmpuint (bs_history_entry_get_n_stages (nth (history, 0)), ==, 6);

  /* Merging the unreadable entry's uuid back does not trip on its row. */
  {
    g_autoptr(GPtrArray) list = g_ptr_array_new ();
    guint n_added = 99;

    g_ptr_array_add (list, a);
    g_assert_true (bs_history_import (history, list, &n_added, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_added, ==, 0);
  }

  g_assert_true (bs_history_clear (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bs_history_get_n_unreadable (history), ==, 0);
  g_clear_object (&history);
  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM entries"), ==, 0);
  sqlite3_close (db);
}

/* A file made by a version-1 build reads as it was, its run left in
 * progress now interrupted. */
static void
test_v1_file (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BsHistory) history = NULL;
  BsHistoryEntry *entry;

  make_v1_file (f->path);
  history = open_ok (f->path);
  g_assert_cmpuint (n_items (history), ==, 3);
  g_assert_cmpstr (bs_history_entry_get_uuid (nth (history, 0)), ==, V1_ASSESSMENT);
  g_assert_cmpstr (bs_history_entry_get_uuid (nth (history, 1)), ==, V1_IN_PROGRESS);
  g_assert_cmpstr (bs_history_entry_get_uuid (nth (history, 2)), ==, V1_FINISHED);

  entry = bs_history_find_uuid (history, V1_FINISHED);
  g_assert_cmpint (bs_history_entry_get_outcome (entry), ==, BS_OUTCOME_COMPLETED);
  g_assert_true (bs_history_entry_get_good (entry));
  g_assert_cmpstr (bs_history_entry_get_note (entry), ==, "Felt strong today");
  g_assert_cmpint (g_date_time_to_unix (bs_history_entry_get_started_at (entry)), ==, 1700000000);
  g_assert_cmpint (bs_history_entry_get_held_ms (entry), ==, 180000);

  entry = bs_history_find_uuid (history, V1_IN_PROGRESS);
  g_assert_cmpint (bs_history_entry_get_outcome (entry), ==, BS_OUTCOME_INTERRUPTED);
  g_assert_cmpuint (bs_history_entry_get_stage_reached (entry), ==, 3);
  g_assert_cmpint (bs_history_entry_get_stage (entry, 3)->held_ms, ==, 4200);
  g_assert_cmpstr (bs_history_entry_get_form_name (entry), ==, "Short form");

  entry = bs_history_find_uuid (history, V1_ASSESSMENT);
  g_assert_cmpint (bs_history_entry_get_kind (entry), ==, BS_HISTORY_ASSESSMENT);
  g_assert_cmpuint (bs_history_entry_get_rules_version (entry), ==, 1);

  g_clear_object (&history);

  /* Brought to version 3: each schedule kept once, no patient codes, a
   * backup of the version-1 file beside it. */
  {
    g_autofree char *backup = g_strconcat (f->path, ".before-v2", NULL);
    sqlite3 *db = db_open (f->path);

    g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 3);
    g_assert_cmpint (db_int (db, "SELECT count(*) FROM entries WHERE patient_code IS NULL"), ==, 3);
    g_assert_cmpint (db_int (db, "SELECT count(*) FROM schedules"), ==,
                     db_int (db, "SELECT count(DISTINCT schedule_id) FROM sessions"));
    g_assert_cmpint (db_int (db, "SELECT count(*) FROM sessions WHERE schedule_id IS NULL"), ==, 0);
    sqlite3_close (db);
    g_assert_cmpuint (file_mode (backup), ==, 0600);
    db = db_open (backup);
    g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 1);
    g_assert_cmpint (db_int (db, "SELECT count(*) FROM entries"), ==, 3);
    sqlite3_close (db);
  }
}

static char *
squeeze (const char *sql)
{
  GString *s = g_string_new (NULL);

  for (const char *p = sql; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* The schema the code makes is the one a version-1 file has once brought
 * up to date: a change to it needs a new version, not an edit. */
static void
test_schema_is_migrated_v1 (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *v1_path = g_build_filename (f->dir, "v1.db", NULL);
  const char *query = "SELECT group_concat(sql, ';') FROM"
                      " (SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name)";
  g_autoptr(BsHistory) history = open_ok (f->path);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *journal = NULL;
  sqlite3 *db;

  g_clear_object (&history);
  make_v1_file (v1_path);
  g_object_unref (open_ok (v1_path));

  db = db_open (f->path);
  ours = db_text (db, query);
  journal = db_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (db_int (db, "PRAGMA application_id"), ==, BS_HISTORY_APPLICATION_ID);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 3);
  sqlite3_close (db);
  db = db_open (v1_path);
  theirs = db_text (db, query);
  sqlite3_close (db);

  g_assert_nonnull (strstr (ours, "CREATE TABLE session_stages"));
  {
    g_autofree char *a = squeeze (ours);
    g_autofree char *b = squeeze (theirs);

    g_assert_cmpstr (a, ==, b);
  }
}

/* Sessions of the same schedule share one copy of it in the file, and the
 * copy goes when the last session using it does. */
static void
test_schedules_shared (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = open_ok (f->path);
  g_autoptr(GDateTime) first_day = utc (3, 7, 0);
  g_autoptr(GDateTime) second_day = utc (4, 7, 0);
  g_autoptr(BsHistoryEntry) first = make_session (8, BS_OUTCOME_COMPLETED, first_day);
  g_autoptr(BsHistoryEntry) second = make_session (3, BS_OUTCOME_STOPPED_EARLY, second_day);
  sqlite3 *db;

  g_assert_true (bs_history_save (history, first, &error));
  g_assert_true (bs_history_save (history, second, &error));
  g_assert_no_error (error);
  /* Read back, the two entries share one string too. */
  g_clear_object (&history);
  history = open_ok (f->path);
  g_assert_true (bs_history_entry_get_schedule_json (nth (history, 0))
                 == bs_history_entry_get_schedule_json (nth (history, 1)));

  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM schedules"), ==, 1);
  sqlite3_close (db);

  g_assert_true (bs_history_remove (history, nth (history, 0), &error));
  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM schedules"), ==, 1);
  sqlite3_close (db);
  g_assert_true (bs_history_remove (history, nth (history, 0), &error));
  g_assert_no_error (error);
  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM schedules"), ==, 0);
  sqlite3_close (db);
}

/* 7. Migrations */

static gboolean
drop_stages_then_fail (sqlite3  *db,
                       GError  **error)
{
  sqlite3_exec (db, "DELETE FROM session_stages; PRAGMA user_version = 4;", NULL, NULL, NULL);
  g_set_error_literal (error, BS_ERROR, BS_ERROR_INVALID, "the test step fails");
  return FALSE;
}

/* The test's own next version, on top of the built-in ones. */
static const BsHistoryMigration good_v4 = {
  4,
  "ALTER TABLE entries ADD COLUMN mood INTEGER;"
  "UPDATE entries SET mood = 3;"
  "PRAGMA user_version = 4;",
  NULL,
};

static const BsHistoryMigration failing_v4[] = {
  /* SQL that fails half-way, after changing things. */
  { 4,
    "CREATE TABLE moods (entry_id INTEGER);"
    "UPDATE entries SET note = 'changed';"
    "INSERT INTO no_such_table VALUES (1);"
    "PRAGMA user_version = 4;",
    NULL },
  /* Code that fails after changing things. */
  { 4, "UPDATE entries SET note = 'changed';", drop_stages_then_fail },
  /* A step that forgets to say it is done. */
  { 4, "UPDATE entries SET note = 'changed';", NULL },
};

/* A file at version 2 with the version-1 fixture's rows, as a version-2
 * build left it (its run still in progress): this build's first two steps,
 * without a backup. */
static void
make_v2_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (path, ".before-v2", NULL);
  const BsHistoryMigration *builtin;
  guint n_builtin;
  sqlite3 *db;

  builtin = bs_history_schema_get_migrations (&n_builtin);
  g_assert_cmpuint (n_builtin, >=, 2);
  make_v1_file (path);
  db = db_open (path);
  g_assert_true (bs_history_schema_migrate (db, path, builtin, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 2);
  sqlite3_close (db);
  g_assert_cmpint (g_remove (backup), ==, 0);
}

/* A file at the current version, 3, with the version-1 fixture's rows,
 * opened once by this build. */
static void
make_v3_file (const char *path)
{
  g_autofree char *backup_v2 = g_strconcat (path, ".before-v2", NULL);
  g_autofree char *backup_v3 = g_strconcat (path, ".before-v3", NULL);

  make_v1_file (path);
  g_object_unref (open_ok (path));
  g_assert_cmpint (g_remove (backup_v2), ==, 0);
  g_assert_cmpint (g_remove (backup_v3), ==, 0);
}

/* A file made by a version-2 build keeps every entry, and everything in
 * them, when it becomes version 3; its entries have no patient code. */
static void
test_migration_v2_to_v3 (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BsHistory) history = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".before-v3", NULL);
  BsHistoryEntry *entry;
  sqlite3 *db;

  make_v2_file (f->path);
  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM pragma_table_info('entries')"
                               " WHERE name = 'patient_code'"), ==, 0);
  sqlite3_close (db);

  history = open_ok (f->path);
  g_assert_null (bs_history_get_moved_aside (history));
  g_assert_cmpuint (bs_history_get_n_unreadable (history), ==, 0);
  g_assert_cmpuint (n_items (history), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_null (bs_history_entry_get_patient_code (nth (history, i)));
  entry = bs_history_find_uuid (history, V1_FINISHED);
  g_assert_true (bs_history_entry_get_good (entry));
  g_assert_cmpstr (bs_history_entry_get_note (entry), ==, "Felt strong today");
  g_assert_cmpint (bs_history_entry_get_held_ms (entry), ==, 180000);
  g_assert_cmpuint (bs_history_entry_get_n_stages (entry), ==, 8);
  entry = bs_history_find_uuid (history, V1_IN_PROGRESS);
  g_assert_cmpint (bs_history_entry_get_outcome (entry), ==, BS_OUTCOME_INTERRUPTED);
  g_assert_cmpint (bs_history_entry_get_stage (entry, 3)->held_ms, ==, 4200);
  entry = bs_history_find_uuid (history, V1_ASSESSMENT);
  g_assert_cmpint (bs_history_entry_get_kind (entry), ==, BS_HISTORY_ASSESSMENT);
  g_assert_nonnull (bs_history_entry_get_findings_json (entry));
  g_clear_object (&history);

  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM entries WHERE patient_code IS NULL"), ==, 3);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM session_stages"), ==, 16);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM sqlite_schema"
                               " WHERE type = 'index' AND name = 'entries_patient_code'"), ==, 1);
  sqlite3_close (db);

  /* The version-2 file as it was, beside it. */
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  db = db_open (backup);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM entries"), ==, 3);
  sqlite3_close (db);

  /* A patient code now survives a save and a reopen. */
  history = open_ok (f->path);
  entry = bs_history_find_uuid (history, V1_FINISHED);
  bs_history_entry_set_patient_code (entry, "P-1042");
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (bs_history_save (history, entry, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&history);
  history = open_ok (f->path);
  g_assert_cmpstr (bs_history_entry_get_patient_code (bs_history_find_uuid (history, V1_FINISHED)),
                   ==, "P-1042");
  g_assert_null (bs_history_entry_get_patient_code (bs_history_find_uuid (history, V1_ASSESSMENT)));
}

static void
test_migration_upgrade (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".before-v4", NULL);
  BsHistoryMigration list[4];
  const BsHistoryMigration *builtin;
  guint n_builtin;
  sqlite3 *db;

  builtin = bs_history_schema_get_migrations (&n_builtin);
  g_assert_cmpuint (n_builtin, ==, 3);
  list[0] = builtin[0];
  list[1] = builtin[1];
  list[2] = builtin[2];
  list[3] = good_v4;

  make_v3_file (f->path);
  history = bs_history_open_with_migrations (f->path, list, 4, &error);
  g_assert_no_error (error);
  g_assert_nonnull (history);
  g_assert_null (bs_history_get_moved_aside (history));
  g_assert_cmpuint (n_items (history), ==, 3);
  g_assert_cmpint (bs_history_entry_get_outcome (bs_history_find_uuid (history, V1_IN_PROGRESS)),
                   ==, BS_OUTCOME_INTERRUPTED);
  g_assert_cmpint (bs_history_entry_get_n_stages (bs_history_find_uuid (history, V1_FINISHED)),
                   ==, 8);
  g_clear_object (&history);

  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM entries WHERE mood = 3"), ==, 3);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM session_stages"), ==, 16);
  sqlite3_close (db);

  /* The backup is the file as it was: private, version 3, every row. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  db = db_open (backup);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (db_int (db, "PRAGMA application_id"), ==, BS_HISTORY_APPLICATION_ID);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM entries"), ==, 3);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM sessions WHERE outcome = 'interrupted'"),
                   ==, 1);
  sqlite3_close (db);

  /* Opening it again has nothing to do. */
  history = bs_history_open_with_migrations (f->path, list, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (history), ==, 3);
  g_clear_object (&history);
  {
    g_autofree char *second_backup = g_strconcat (backup, "-2", NULL);

    g_assert_false (g_file_test (second_backup, G_FILE_TEST_EXISTS));
  }

  /* To this build, which only knows version 3, it is a newer file. */
  history = bs_history_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bs_history_get_moved_aside_reason (history), ==, NEWER);
}

static void
test_migration_fails (Fixture       *f,
                      gconstpointer  data)
{
  const BsHistoryMigration *failing = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = NULL;
  g_autofree char *first_backup = g_strconcat (f->path, ".before-v4", NULL);
  g_autofree char *second_backup = g_strconcat (f->path, ".before-v4-2", NULL);
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GBytes) kept = NULL;
  BsHistoryMigration list[4];
  const BsHistoryMigration *builtin;
  guint n_builtin;
  sqlite3 *db;

  builtin = bs_history_schema_get_migrations (&n_builtin);
  list[0] = builtin[0];
  list[1] = builtin[1];
  list[2] = builtin[2];
  list[3] = *failing;

  make_v3_file (f->path);
  history = bs_history_open_with_migrations (f->path, list, 4, &error);
  g_assert_null (history);
  g_assert_error (error, BS_ERROR, BS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  /* Rolled back: the file is version 3 with its rows, and still here. */
  db = db_open (f->path);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM entries"), ==, 3);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM entries WHERE note = 'changed'"), ==, 0);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM session_stages"), ==, 16);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'moods'"), ==, 0);
  sqlite3_close (db);

  history = open_ok (f->path);
  g_assert_cmpuint (n_items (history), ==, 3);
  g_clear_object (&history);

  /* The failed attempt's backup stays as it is; the next one is beside it. */
  backup = read_bytes (first_backup);
  list[3] = good_v4;
  history = bs_history_open_with_migrations (f->path, list, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (history), ==, 3);
  kept = read_bytes (first_backup);
  g_assert_true (g_bytes_equal (kept, backup));
  g_assert_true (g_file_test (second_backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (second_backup), ==, 0600);
}

/* 8. Crash safety */

/* Saves runs of the core test, each through checkpoints to an end (some
 * never get one), printing "UUID OUTCOME" once each save has returned,
 * until it is killed. */
static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = bs_history_open (path, &error);
  g_autoptr(BsSchedule) schedule = core_schedule ("standard", 0);

  if (history == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint run = 0; run < 100000; run++)
    {
      g_autoptr(BsHistoryEntry) entry = NULL;
      g_autoptr(GDateTime) started = g_date_time_new_now_utc ();
      guint n_checkpoints = 1 + run % 3;
      gboolean finish = run % 5 != 4;

      for (guint step = 1; step <= n_checkpoints + (finish ? 1 : 0); step++)
        {
          gboolean last = step > n_checkpoints;
          BsOutcome outcome = !last ? BS_OUTCOME_IN_PROGRESS
                              : run % 2 == 0 ? BS_OUTCOME_COMPLETED : BS_OUTCOME_STOPPED_EARLY;
          guint stage = outcome == BS_OUTCOME_COMPLETED ? 9 : step;
          g_autoptr(BsResult) result = make_result (schedule, stage, 500 * step, 0, started);

          if (entry == NULL)
            entry = bs_history_entry_new_session (result, outcome);
          else
            bs_history_entry_update_session (entry, result, outcome);
          if (!bs_history_save (history, entry, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          printf ("%s %s\n", bs_history_entry_get_uuid (entry), bs_outcome_to_string (outcome));
          fflush (stdout);
        }
    }
  return 0;
}

static void
note_line (GHashTable *reported,
           const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", 2);
  BsOutcome outcome;

  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_true (g_uuid_string_is_valid (fields[0]));
  g_assert_true (bs_outcome_from_string (fields[1], &outcome));
  g_hash_table_insert (reported, g_strdup (fields[0]), GINT_TO_POINTER (outcome));
}

static void
test_crash_safety (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240517);
  g_autoptr(BsHistory) history = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_interrupted = 0;
  guint n_lines = 0;
  sqlite3 *db;

  for (guint kill = 0; kill < 24; kill++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) writer = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      guint k = g_rand_int_range (rand, 1, 30);
      char *line;

      writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                 self_exe, WRITER_ARG, f->path, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));

      for (guint i = 0; i < k; i++)
        {
          line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_nonnull (line);
          note_line (reported, line);
          g_free (line);
          n_lines++;
        }

      g_subprocess_force_exit (writer);
      /* What it printed before it died was committed too. */
      while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
        {
          note_line (reported, line);
          g_free (line);
          n_lines++;
        }
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait (writer, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (writer));
      g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);
    }
  g_test_message ("%u saves reported, %u runs", n_lines, g_hash_table_size (reported));

  db = db_open (f->path);
  {
    g_autofree char *integrity = db_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
  }
  sqlite3_close (db);

  history = open_ok (f->path);
  g_assert_cmpuint (bs_history_get_n_unreadable (history), ==, 0);
  g_assert_cmpuint (n_items (history), >=, g_hash_table_size (reported));

  g_hash_table_iter_init (&iter, reported);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BsHistoryEntry *entry = bs_history_find_uuid (history, key);
      BsOutcome last_reported = GPOINTER_TO_INT (value);
      BsOutcome stored;

      g_assert_nonnull (entry);
      stored = bs_history_entry_get_outcome (entry);
      g_assert_cmpint (stored, !=, BS_OUTCOME_IN_PROGRESS);
      if (last_reported != BS_OUTCOME_IN_PROGRESS)
        g_assert_cmpint (stored, ==, last_reported);
      if (stored == BS_OUTCOME_INTERRUPTED)
        n_interrupted++;
    }
  g_assert_cmpuint (n_interrupted, >, 0);
}

/* 9. In memory */

static void
test_in_memory (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(BsSchedule) schedule = core_schedule ("standard", 0);
  g_autoptr(GDateTime) t1 = utc (1, 6, 0);
  g_autoptr(GDateTime) t2 = utc (2, 6, 0);
  g_autoptr(GDateTime) t3 = utc (3, 6, 0);
  g_autoptr(BsResult) later = make_result (schedule, 6, 1500, 0, t1);
  g_autoptr(BsHistoryEntry) session = make_session (5, BS_OUTCOME_IN_PROGRESS, t1);
  g_autoptr(BsHistoryEntry) assessment = make_assessment (t2);
  g_autoptr(BsHistoryEntry) imported = make_assessment (t3);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  guint n_added = 0;

  /* SQLite would put temporary files in the working folder, among others. */
  g_assert_cmpint (g_chdir (f->dir), ==, 0);

  history = bs_history_new_in_memory ();
  g_assert_null (bs_history_get_path (history));
  g_assert_null (bs_history_get_moved_aside (history));
  save_ok (history, session);
  save_ok (history, assessment);
  bs_history_entry_update_session (session, later, BS_OUTCOME_STOPPED_EARLY);
  save_ok (history, session);
  g_assert_true (bs_history_set_note (history, assessment, "kiosk", &error));
  g_assert_no_error (error);
  g_assert_true (bs_history_remove (history, assessment, &error));
  g_assert_no_error (error);
  save_ok (history, assessment);
  g_ptr_array_add (list, imported);
  g_ptr_array_add (list, session);
  g_assert_true (bs_history_import (history, list, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);
  g_assert_cmpuint (n_items (history), ==, 3);
  g_assert_true (nth (history, 0) == imported);
  g_assert_cmpint (bs_history_entry_get_outcome (nth (history, 2)), ==, BS_OUTCOME_STOPPED_EARLY);
  g_assert_true (bs_history_clear (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (history), ==, 0);
  g_clear_object (&history);

  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_cmpuint (count_files (g_get_user_data_dir ()), ==, 0);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

/* Twenty thousand entries load, in order, and a new one still goes in at
 * its place with a single change. */
static void
test_many (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BsHistory) history = open_ok (f->path);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) long_ago = g_date_time_new_from_unix_utc (1500000000);
  g_autoptr(BsHistoryEntry) newest = make_assessment (now);
  g_autoptr(BsHistoryEntry) oldest = make_session (2, BS_OUTCOME_STOPPED_EARLY, long_ago);
  sqlite3 *db;

  g_clear_object (&history);
  db = db_open (f->path);
  /* Times in a scrambled order, two rows to each second. */
  db_exec (db, "BEGIN;"
               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
               " INSERT INTO entries (id, uuid, kind, started_at, ended_at, note)"
               " SELECT i, printf ('%08x-0000-4000-8000-%012x', i, i), 'assessment',"
               "        1600000000 + ((i * 7919) % 20000 / 2) * 60, NULL, '' FROM n;"
               "INSERT INTO assessments SELECT id, 1, '{}', '{}', 0 FROM entries;"
               "COMMIT;");
  sqlite3_close (db);

  history = open_ok (f->path);
  g_assert_cmpuint (n_items (history), ==, 20000);
  assert_sorted (history);
  g_assert_nonnull (bs_history_find_uuid (history, "00004e20-0000-4000-8000-000000004e20"));

  g_signal_connect (bs_history_get_entries (history), "items-changed",
                    G_CALLBACK (record_change), changes);
  save_ok (history, newest);
  save_ok (history, oldest);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 0, 0, 1);
  assert_change (changes, 1, 20001, 0, 1);
  g_assert_true (nth (history, 0) == newest);
  g_assert_true (nth (history, 20001) == oldest);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  char *xdg_root;
  int ret;

  setlocale (LC_ALL, "");
  self_exe = g_canonicalize_filename (argv[0], NULL);
  if (argc == 3 && g_str_equal (argv[1], WRITER_ARG))
    return run_writer (argv[2]);

  /* The user's own history is under XDG_DATA_HOME: one for this run,
   * which each test that uses it leaves empty. */
  xdg_root = g_dir_make_tmp ("backstay-history-xdg-XXXXXX", NULL);
  g_assert_nonnull (xdg_root);
  data_home = g_build_filename (xdg_root, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/history/" name, Fixture, NULL, setup, func, teardown)

  ADD ("round-trip", test_round_trip);
  ADD ("schedules-shared", test_schedules_shared);
  ADD ("checkpoint", test_checkpoint);
  ADD ("order", test_order);
  ADD ("note-remove-clear", test_note_remove_clear);
  ADD ("import", test_import);
  ADD ("permissions", test_permissions);
  for (guint i = 0; i < G_N_ELEMENTS (damaged_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/history/damaged/%s", damaged_cases[i].name);

      g_test_add (name, Fixture, &damaged_cases[i], setup, test_damaged, teardown);
    }
  ADD ("damaged/same-second", test_damaged_twice);
  ADD ("damaged/read-only-folder", test_damaged_read_only);
  ADD ("unreadable-rows", test_unreadable_rows);
  ADD ("v1-file", test_v1_file);
  ADD ("schema-is-migrated-v1", test_schema_is_migrated_v1);
  ADD ("migration/v2-to-v3", test_migration_v2_to_v3);
  ADD ("migration/upgrade", test_migration_upgrade);
  for (guint i = 0; i < G_N_ELEMENTS (failing_v4); i++)
    {
      g_autofree char *name = g_strdup_printf ("/history/migration/fails/%u", i);

      g_test_add (name, Fixture, &failing_v4[i], setup, test_migration_fails, teardown);
    }
  ADD ("crash-safety", test_crash_safety);
  ADD ("in-memory", test_in_memory);
  ADD ("many", test_many);

#undef ADD

  ret = g_test_run ();
  remove_tree (xdg_root);
  g_free (xdg_root);
  g_free (self_exe);
  return ret;
}
