/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "bs-clinic.h"
#include "bs-error.h"
#include "bs-findings.h"
#include "bs-history.h"
#include "bs-history-entry-private.h"
#include "bs-history-json.h"
#include "bs-history-schema.h"
#include "bs-patient-code.h"
#include "bs-result.h"
#include "bs-schedule.h"

/*
 * A clinic's history: patient codes as typed, a real SQLite file whose
 * entries carry them, the list of patients, the spreadsheet of the whole
 * clinic (line by line) and forgetting one patient.
 */

/* 1. Patient codes */

typedef struct
{
  const char *typed;
  const char *code;          /* NULL: refused */
  BsError error;
} CodeCase;

static const CodeCase code_cases[] = {
  { "P-1042", "P-1042", 0 },
  { "  p-1042  ", "P-1042", 0 },
  { "\tq-7\n", "Q-7", 0 },
  { "ab12", "AB12", 0 },
  { "42", "42", 0 },
  { "A1", "A1", 0 },
  { "1-A", "1-A", 0 },
  { "ABCDEFGHIJKLMNO1", "ABCDEFGHIJKLMNO1", 0 },          /* 16 */
  { "ABCDEFGHIJKLMNOP1", NULL, BS_ERROR_INVALID },        /* 17 */
  { "1", NULL, BS_ERROR_INVALID },
  { "Anna", NULL, BS_ERROR_INVALID },
  { "anna-maria", NULL, BS_ERROR_INVALID },
  { "MÜLLER1", NULL, BS_ERROR_INVALID },
  { "p-1042é", NULL, BS_ERROR_INVALID },
  { "P 1042", NULL, BS_ERROR_INVALID },
  { "P_1042", NULL, BS_ERROR_INVALID },
  { "P.1042", NULL, BS_ERROR_INVALID },
  { "-1042", NULL, BS_ERROR_INVALID },
  { "=1+1", NULL, BS_ERROR_INVALID },
  { "", NULL, BS_ERROR_MISSING },
  { "   ", NULL, BS_ERROR_MISSING },
  { NULL, NULL, BS_ERROR_MISSING },
};

static void
test_code_normalize (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (code_cases); i++)
    {
      const CodeCase *c = &code_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *code = NULL;
      gboolean ok;

      g_test_message ("“%s”", c->typed != NULL ? c->typed : "(null)");
      ok = bs_patient_code_normalize (c->typed, &code, &error);
      if (c->code != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (code, ==, c->code);
          g_assert_true (bs_patient_code_is_valid (code));
          continue;
        }
      g_assert_false (ok);
      g_assert_null (code);
      g_assert_error (error, BS_ERROR, (int) c->error);
      /* Every refusal shows what a code looks like. */
      g_assert_nonnull (strstr (error->message, "P-1042"));
      if (c->error == BS_ERROR_INVALID)
        g_assert_nonnull (strstr (error->message, "Names are not allowed"));
    }
}

/* The rule is stated where it applies; a name is refused as a name. */
static void
test_code_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (bs_patient_code_normalize ("Anna", NULL, &error));
  g_assert_nonnull (strstr (error->message, "at least one digit"));
  g_clear_error (&error);
  g_assert_false (bs_patient_code_normalize ("P 1042", NULL, &error));
  g_assert_nonnull (strstr (error->message, "2 to 16"));
  g_clear_error (&error);

  /* Valid means as kept: trimmed and in capitals already. */
  g_assert_true (bs_patient_code_is_valid ("P-1042"));
  g_assert_false (bs_patient_code_is_valid ("p-1042"));
  g_assert_false (bs_patient_code_is_valid (" P-1042"));
  g_assert_false (bs_patient_code_is_valid (NULL));
  g_assert_false (bs_patient_code_is_valid ("ANNA"));
}

/* 2. A clinic's store */

typedef struct
{
  char *dir;
  char *path;
  BsHistory *store;
} Fixture;

#define CORE_GOOD "11111111-1111-4111-8111-111111111111"
#define CORE_STOPPED "22222222-2222-4222-8222-222222222222"
#define RED_FLAG "33333333-3333-4333-8333-333333333333"
#define FORMULA "44444444-4444-4444-8444-444444444444"
#define RISKS "55555555-5555-4555-8555-555555555555"
#define UMLAUT "66666666-6666-4666-8666-666666666666"

static BsSchedule *
make_schedule (const char *routine_id,
               const char *form)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resource = g_strdup_printf (RESOURCE_BASE "/routines/%s.json", routine_id);
  g_autoptr(BsRoutine) routine = bs_routine_new_from_resource (resource, &error);
  BsSchedule *schedule;

  g_assert_no_error (error);
  schedule = bs_schedule_new (routine, form, 0, 10, &error);
  g_assert_no_error (error);
  return schedule;
}

/* A run that held every stage before @stage in full and @partial_ms of
 * @stage; a @stage past the last is a completed run. */
static BsHistoryEntry *
make_session (const char *routine_id,
              const char *form,
              guint       stage,
              gint64      partial_ms,
              GDateTime  *started,
              const char *uuid,
              const char *code)
{
  g_autoptr(BsSchedule) schedule = make_schedule (routine_id, form);
  guint n = bs_schedule_get_n_segments (schedule);
  g_autofree gint64 *held = g_new0 (gint64, n);
  g_autofree gboolean *skipped = g_new0 (gboolean, n);
  g_autoptr(GDateTime) ended = g_date_time_add_seconds (started, 200);
  gboolean completed = stage > bs_schedule_get_n_stages (schedule);
  g_autoptr(BsResult) result = NULL;
  BsHistoryEntry *entry;
  guint last = completed ? n - 1 : 0;

  for (guint i = 0; i < n; i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);

      if (segment->stage == 0)
        continue;
      if (segment->stage < stage)
        held[i] = (gint64) segment->duration * 1000;
      else if (segment->stage == stage)
        {
          held[i] = partial_ms;
          last = i;
        }
    }
  result = bs_result_new (schedule, completed, held, skipped, last, started, ended);
  entry = bs_history_entry_new_session (result, completed ? BS_OUTCOME_COMPLETED
                                                          : BS_OUTCOME_STOPPED_EARLY);
  g_free (entry->uuid);
  entry->uuid = g_strdup (uuid);
  bs_history_entry_set_patient_code (entry, code);
  return entry;
}

static BsHistoryEntry *
make_assessment (gboolean    red_flag,
                 GDateTime  *when,
                 const char *uuid,
                 const char *code)
{
  g_autoptr(BsFindings) findings = NULL;
  BsHistoryEntry *entry;
  BsAnswers answers;

  bs_answers_init (&answers);
  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    answers.red_flags[i] = BS_ANSWER_NO;
  if (red_flag)
    answers.red_flags[BS_RED_FLAG_NUMBNESS] = BS_ANSWER_YES;
  answers.tight_hamstrings = BS_ANSWER_YES;
  findings = bs_findings_new (&answers);
  entry = bs_history_entry_new_assessment (findings, when);
  g_free (entry->uuid);
  entry->uuid = g_strdup (uuid);
  bs_history_entry_set_patient_code (entry, code);
  return entry;
}

static GDateTime *
may (int day,
     int hour,
     int minute)
{
  return g_date_time_new_utc (2026, 5, day, hour, minute, 0);
}

static void
save (BsHistory      *store,
      BsHistoryEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bs_history_save (store, entry, &error));
  g_assert_no_error (error);
  g_object_unref (entry);
}

/* Three patients: P-1042 with two core tests and a red-flag assessment,
 * Q-7 with a routine whose name is a formula and an assessment, B-2 with
 * one routine named in German. */
static void
seed (BsHistory *store)
{
  g_autoptr(GDateTime) t1 = may (3, 7, 30);
  g_autoptr(GDateTime) t2 = may (10, 8, 0);
  g_autoptr(GDateTime) t3 = may (10, 8, 20);
  g_autoptr(GDateTime) t4 = may (12, 16, 5);
  g_autoptr(GDateTime) t5 = may (12, 16, 30);
  g_autoptr(GDateTime) t6 = may (11, 22, 45);
  BsHistoryEntry *entry;

  save (store, make_session ("core-test", "standard", 9, 0, t1, CORE_GOOD, "P-1042"));
  save (store, make_session ("core-test", "standard", 5, 7250, t2, CORE_STOPPED, "P-1042"));
  save (store, make_assessment (TRUE, t3, RED_FLAG, "P-1042"));

  entry = make_session ("daily-stretches", NULL, 99, 0, t4, FORMULA, "Q-7");
  g_free (entry->routine_name);
  entry->routine_name = g_strdup ("=HYPERLINK(\"http://example.com\",\"x\")");
  save (store, entry);
  save (store, make_assessment (FALSE, t5, RISKS, "Q-7"));

  entry = make_session ("daily-stretches", NULL, 3, 1000, t6, UMLAUT, "B-2");
  g_free (entry->routine_name);
  entry->routine_name = g_strdup ("Dehnübungen für Läufer");
  save (store, entry);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("backstay-clinic-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = bs_history_open (f->path, &error);
  g_assert_no_error (error);
  seed (f->store);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = bs_history_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (bs_history_get_moved_aside (f->store));
}

/* A database file has NUL bytes: no string search. */
static gboolean
bytes_contain (const char *bytes,
               gsize       length,
               const char *text)
{
  gsize n = strlen (text);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (bytes + i, text, n) == 0)
      return TRUE;
  return FALSE;
}

static const char *
code_of (BsHistory  *store,
         const char *uuid)
{
  BsHistoryEntry *entry = bs_history_find_uuid (store, uuid);

  g_assert_nonnull (entry);
  return bs_history_entry_get_patient_code (entry);
}

static void
assert_patient (GListModel *patients,
                guint       position,
                const char *code,
                guint       n_results,
                GDateTime  *last_visit)
{
  g_autoptr(BsClinicPatient) patient = g_list_model_get_item (patients, position);

  g_assert_nonnull (patient);
  g_assert_cmpstr (bs_clinic_patient_get_code (patient), ==, code);
  g_assert_cmpuint (bs_clinic_patient_get_n_results (patient), ==, n_results);
  g_assert_cmpint (g_date_time_to_unix (bs_clinic_patient_get_last_visit (patient)), ==,
                   g_date_time_to_unix (last_visit));
}

static void
test_store_keeps_codes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) patients = NULL;
  g_autoptr(GListModel) of_p = NULL;
  g_autoptr(GDateTime) p_last = may (10, 8, 20);
  g_autoptr(GDateTime) q_last = may (12, 16, 30);
  g_autoptr(GDateTime) b_last = may (11, 22, 45);
  sqlite3 *db;

  reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (bs_history_get_entries (f->store)), ==, 6);
  g_assert_cmpuint (bs_history_get_n_unreadable (f->store), ==, 0);
  g_assert_cmpstr (code_of (f->store, CORE_GOOD), ==, "P-1042");
  g_assert_cmpstr (code_of (f->store, CORE_STOPPED), ==, "P-1042");
  g_assert_cmpstr (code_of (f->store, RED_FLAG), ==, "P-1042");
  g_assert_cmpstr (code_of (f->store, FORMULA), ==, "Q-7");
  g_assert_cmpstr (code_of (f->store, RISKS), ==, "Q-7");
  g_assert_cmpstr (code_of (f->store, UMLAUT), ==, "B-2");

  /* In the file itself, on every entry. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT patient_code, count(*) FROM entries"
                                             " GROUP BY patient_code ORDER BY patient_code",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "B-2");
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "P-1042");
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 3);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Q-7");
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  }
  sqlite3_close (db);

  /* Seen most recently first. */
  patients = bs_clinic_list_patients (bs_history_get_entries (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 3);
  assert_patient (patients, 0, "Q-7", 2, q_last);
  assert_patient (patients, 1, "B-2", 1, b_last);
  assert_patient (patients, 2, "P-1042", 3, p_last);

  of_p = bs_clinic_dup_entries_of (bs_history_get_entries (f->store), "P-1042");
  g_assert_cmpuint (g_list_model_get_n_items (of_p), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (of_p, i);

      g_assert_cmpstr (bs_history_entry_get_patient_code (entry), ==, "P-1042");
    }
  {
    g_autoptr(BsHistoryEntry) newest = g_list_model_get_item (of_p, 0);

    g_assert_cmpstr (bs_history_entry_get_uuid (newest), ==, RED_FLAG);
  }
  g_clear_object (&of_p);
  of_p = bs_clinic_dup_entries_of (bs_history_get_entries (f->store), "Z-9");
  g_assert_cmpuint (g_list_model_get_n_items (of_p), ==, 0);
}

/* How the app keeps a visit's entry: a copy, given the code, saved in the
 * clinic's store; the visit's own entry is not touched. */
static void
test_copy_into_clinic (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) visit = bs_history_new_in_memory ();
  g_autoptr(GDateTime) when = may (20, 9, 15);
  g_autoptr(BsHistoryEntry) entry = make_session ("core-test", "short", 4, 3000, when,
                                                  "77777777-7777-4777-8777-777777777777", NULL);
  g_autoptr(BsHistoryEntry) copy = NULL;
  g_autoptr(BsHistoryEntry) bad = NULL;
  BsHistoryEntry *kept;

  g_assert_true (bs_history_save (visit, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bs_history_entry_get_id (entry), >, 0);

  copy = bs_history_entry_copy (entry);
  g_assert_true (copy != entry);
  g_assert_cmpint (bs_history_entry_get_id (copy), ==, 0);
  g_assert_cmpstr (bs_history_entry_get_uuid (copy), ==, bs_history_entry_get_uuid (entry));
  g_assert_cmpuint (bs_history_entry_get_n_stages (copy), ==, bs_history_entry_get_n_stages (entry));
  g_assert_cmpint (bs_history_entry_get_held_ms (copy), ==, bs_history_entry_get_held_ms (entry));
  g_assert_cmpstr (bs_history_entry_get_form_name (copy), ==, bs_history_entry_get_form_name (entry));
  g_assert_true (bs_history_entry_get_schedule_json (copy) == bs_history_entry_get_schedule_json (entry));
  bs_history_entry_set_patient_code (copy, "P-1042");
  g_assert_true (bs_history_save (f->store, copy, &error));
  g_assert_no_error (error);
  g_assert_null (bs_history_entry_get_patient_code (entry));

  /* The copy's stages are its own. */
  g_array_index (entry->stages, BsStageRecord, 0).held_ms = 1;
  g_assert_cmpint (bs_history_entry_get_stage (copy, 1)->held_ms, >, 1);

  reopen (f);
  kept = bs_history_find_uuid (f->store, bs_history_entry_get_uuid (entry));
  g_assert_nonnull (kept);
  g_assert_cmpstr (bs_history_entry_get_patient_code (kept), ==, "P-1042");
  g_assert_cmpuint (bs_history_entry_get_stage_reached (kept), ==, 4);

  /* A code as typed, not as kept, is refused. */
  bad = make_session ("core-test", "short", 4, 3000, when,
                      "88888888-8888-4888-8888-888888888888", "p-1042");
  g_assert_false (bs_history_save (f->store, bad, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
  g_assert_null (bs_history_find_uuid (f->store, "88888888-8888-4888-8888-888888888888"));
}

/* 3. The spreadsheet */

static GStrv
read_lines (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, length, NULL));
  /* CRLF line ends, the last line ended too. */
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  contents[length - 2] = '\0';
  return g_strsplit (contents, "\r\n", -1);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "backstay-clinic.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_build_filename (f->dir, "missing", "clinic.csv", NULL);
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  reopen (f);
  g_assert_true (g_file_set_contents (path, "an older export\r\n", -1, NULL));
  g_assert_true (bs_clinic_export_csv (bs_history_get_entries (f->store), file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* By code, then in time order; times local (TZ is Central European
   * summer time here), with their offset. */
  lines = read_lines (file);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_cmpstr (lines[0], ==, "patient_code,date_time,kind,routine,outcome,result");
  g_assert_cmpstr (lines[1], ==,
                   "B-2,2026-05-12T00:45:00+02:00,routine,Dehnübungen für Läufer,stopped-early,"
                   "2 of 21 sets done");
  g_assert_cmpstr (lines[2], ==,
                   "P-1042,2026-05-03T09:30:00+02:00,core-test,Core strength test,completed,"
                   "\"held 3:00 of 3:00, stage 8 of 8\"");
  g_assert_cmpstr (lines[3], ==,
                   "P-1042,2026-05-10T10:00:00+02:00,core-test,Core strength test,stopped-early,"
                   "\"held 1:52 of 3:00, stage 5 of 8\"");
  g_assert_cmpstr (lines[4], ==,
                   "P-1042,2026-05-10T10:20:00+02:00,assessment,Self-assessment,completed,"
                   "red flags: numbness");
  /* A routine name that a spreadsheet would run as a formula stays text. */
  g_assert_cmpstr (lines[5], ==,
                   "Q-7,2026-05-12T18:05:00+02:00,routine,"
                   "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\",completed,"
                   "21 of 21 sets done");
  g_assert_cmpstr (lines[6], ==,
                   "Q-7,2026-05-12T18:30:00+02:00,assessment,Self-assessment,completed,"
                   "risks: tight-hamstrings");

  /* A folder that is not there: an error, and nothing written. */
  g_assert_false (bs_clinic_export_csv (bs_history_get_entries (f->store), nowhere, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (nowhere, NULL));
}

/* An empty clinic is a header and nothing else. */
static void
test_csv_empty (void)
{
  g_autoptr(GListStore) none = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  g_autofree char *csv = bs_clinic_dup_csv (G_LIST_MODEL (none));
  g_autoptr(GListModel) patients = bs_clinic_list_patients (G_LIST_MODEL (none));

  g_assert_cmpstr (csv, ==, "patient_code,date_time,kind,routine,outcome,result\r\n");
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 0);
}

/* 4. Forgetting a patient */

static int
count_rows (const char *path,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return n;
}

static void
test_delete_patient (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) patients = NULL;
  g_autoptr(BsHistoryEntry) held = NULL;
  guint n_removed = 99;

  held = g_object_ref (bs_history_find_uuid (f->store, CORE_GOOD));
  g_assert_true (bs_clinic_delete_patient (f->store, "P-1042", &error));
  g_assert_no_error (error);

  /* Gone from the list at once; the entries are no longer stored. */
  g_assert_cmpuint (g_list_model_get_n_items (bs_history_get_entries (f->store)), ==, 3);
  g_assert_null (bs_history_find_uuid (f->store, CORE_GOOD));
  g_assert_null (bs_history_find_uuid (f->store, RED_FLAG));
  g_assert_cmpint (bs_history_entry_get_id (held), ==, 0);
  patients = bs_clinic_list_patients (bs_history_get_entries (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 2);

  /* And from the file, with their stages and the schedule only they used. */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM entries WHERE patient_code = 'P-1042'"),
                   ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM entries"), ==, 3);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM assessments"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM sessions WHERE routine_id = 'core-test'"),
                   ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM session_stages WHERE entry_id NOT IN"
                                        " (SELECT id FROM entries)"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM schedules"), ==,
                   count_rows (f->path, "SELECT count(DISTINCT schedule_id) FROM sessions"));

  reopen (f);
  /* Not a byte of them is left in the file: deleted rows are overwritten
   * (secure_delete), in the tables and in the code's index. */
  {
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (f->path, &bytes, &length, NULL));
    g_assert_false (bytes_contain (bytes, length, "P-1042"));
    g_assert_true (bytes_contain (bytes, length, "Q-7"));
  }
  g_assert_cmpuint (g_list_model_get_n_items (bs_history_get_entries (f->store)), ==, 3);
  g_assert_cmpstr (code_of (f->store, FORMULA), ==, "Q-7");
  g_assert_cmpstr (code_of (f->store, RISKS), ==, "Q-7");
  g_assert_cmpstr (code_of (f->store, UMLAUT), ==, "B-2");

  /* A code with nothing kept under it removes nothing. */
  g_assert_true (bs_history_remove_patient (f->store, "P-1042", &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 0);
  g_assert_true (bs_history_remove_patient (f->store, "Q-7", &n_removed, &error));
  g_assert_cmpuint (n_removed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (bs_history_get_entries (f->store)), ==, 1);
}

/* 5. A personal export never carries a code */

static void
test_json_has_no_code (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = bs_history_export_json (bs_history_get_entries (f->store), NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GPtrArray) read = NULL;

  g_assert_null (strstr (json, "P-1042"));
  g_assert_null (strstr (json, "patient"));
  read = bs_history_parse_json (bytes, "export.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 6);
  for (guint i = 0; i < read->len; i++)
    g_assert_null (bs_history_entry_get_patient_code (g_ptr_array_index (read, i)));
}

int
main (int   argc,
      char *argv[])
{
  /* Central European time, by rule, so that the spreadsheet's local
   * times are known without a time zone database. */
  g_setenv ("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clinic/code/normalize", test_code_normalize);
  g_test_add_func ("/clinic/code/messages", test_code_messages);
  g_test_add ("/clinic/store/keeps-codes", Fixture, NULL, setup, test_store_keeps_codes, teardown);
  g_test_add ("/clinic/store/copy", Fixture, NULL, setup, test_copy_into_clinic, teardown);
  g_test_add ("/clinic/csv/export", Fixture, NULL, setup, test_csv, teardown);
  g_test_add_func ("/clinic/csv/empty", test_csv_empty);
  g_test_add ("/clinic/delete-patient", Fixture, NULL, setup, test_delete_patient, teardown);
  g_test_add ("/clinic/json-has-no-code", Fixture, NULL, setup, test_json_has_no_code, teardown);

  return g_test_run ();
}
