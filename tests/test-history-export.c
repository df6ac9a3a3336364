/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bs-error.h"
#include "bs-history-csv.h"
#include "bs-history-entry-private.h"
#include "bs-history-json.h"
#include "bs-history-text.h"
#include "bs-routine.h"

/* Export and import of the history, without the store: the same entries
 * written to JSON and read back are the same, field by field; a damaged
 * file is refused with the place and the rule; CSV tables hold what the
 * history shows. */

static BsHistoryEntry *
make_core_test_entry (guint held_last_stage_s,
                      gboolean completed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_resource (RESOURCE_BASE "/routines/core-test.json", &error);
  g_autoptr(BsSchedule) schedule = NULL;
  g_autoptr(BsResult) result = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 5, 3, 7, 30, 0);
  g_autoptr(GDateTime) end = g_date_time_add_seconds (start, 190);
  g_autofree gint64 *held = NULL;
  g_autofree gboolean *skipped = NULL;
  guint n, last;

  g_assert_no_error (error);
  schedule = bs_schedule_new (routine, "standard", 10, 10, &error);
  g_assert_no_error (error);
  n = bs_schedule_get_n_segments (schedule);
  held = g_new0 (gint64, n);
  skipped = g_new0 (gboolean, n);
  last = completed ? n - 1 : n - 2;
  for (guint i = 0; i <= last; i++)
    held[i] = bs_schedule_get_segment (schedule, i)->duration * 1000;
  if (!completed)
    held[last] = held_last_stage_s * 1000;
  skipped[2] = TRUE;
  result = bs_result_new (schedule, completed, held, skipped, last, start, end);
  return bs_history_entry_new_session (result, completed ? BS_OUTCOME_COMPLETED : BS_OUTCOME_STOPPED_EARLY);
}

static BsHistoryEntry *
make_assessment_entry (void)
{
  g_autoptr(BsFindings) findings = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 6, 1, 18, 0, 0);
  BsAnswers answers;

  bs_answers_init (&answers);
  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    answers.red_flags[i] = BS_ANSWER_NO;
  answers.height_cm = 180;
  answers.weight_kg = 85;
  answers.tight_hamstrings = BS_ANSWER_YES;
  findings = bs_findings_new (&answers);
  return bs_history_entry_new_assessment (findings, when);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

static gboolean
same_json (const char *a,
           const char *b)
{
  g_autoptr(JsonNode) node_a = json_from_string (a, NULL);
  g_autoptr(JsonNode) node_b = json_from_string (b, NULL);

  return node_a != NULL && node_b != NULL && json_node_equal (node_a, node_b);
}

static void
assert_same_entry (BsHistoryEntry *a,
                   BsHistoryEntry *b)
{
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpint (a->kind, ==, b->kind);
  assert_same_time (a->started_at, b->started_at);
  assert_same_time (a->ended_at, b->ended_at);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpstr (a->routine_id, ==, b->routine_id);
  g_assert_cmpstr (a->routine_name, ==, b->routine_name);
  g_assert_cmpstr (a->category, ==, b->category);
  g_assert_cmpstr (a->form_id, ==, b->form_id);
  g_assert_cmpstr (a->form_name, ==, b->form_name);
  g_assert_cmpuint (a->level, ==, b->level);
  g_assert_cmpint (a->outcome, ==, b->outcome);
  g_assert_cmpint (a->scored, ==, b->scored);
  g_assert_cmpuint (a->stage_reached, ==, b->stage_reached);
  g_assert_cmpuint (a->target_seconds, ==, b->target_seconds);
  g_assert_cmpuint (a->stages->len, ==, b->stages->len);
  for (guint i = 0; i < a->stages->len; i++)
    {
      BsStageRecord *ra = &g_array_index (a->stages, BsStageRecord, i);
      BsStageRecord *rb = &g_array_index (b->stages, BsStageRecord, i);

      g_assert_cmpuint (ra->seconds, ==, rb->seconds);
      g_assert_cmpint (ra->held_ms, ==, rb->held_ms);
      g_assert_cmpint (ra->skipped, ==, rb->skipped);
    }
  g_assert_cmpuint (a->rules_version, ==, b->rules_version);
  g_assert_cmpint (a->red_flag, ==, b->red_flag);
  if (a->kind == BS_HISTORY_ASSESSMENT)
    {
      BsAnswers answers_a, answers_b;

      g_assert_true (bs_answers_from_json (a->answers_json, -1, &answers_a, NULL));
      g_assert_true (bs_answers_from_json (b->answers_json, -1, &answers_b, NULL));
      g_assert_true (bs_answers_equal (&answers_a, &answers_b));
      g_assert_true (same_json (a->findings_json, b->findings_json));
    }
  else
    {
      g_assert_nonnull (b->schedule_json);
    }
}

static GListStore *
sample_entries (void)
{
  GListStore *store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  g_autoptr(BsHistoryEntry) good = make_core_test_entry (0, TRUE);
  g_autoptr(BsHistoryEntry) stopped = make_core_test_entry (3, FALSE);
  g_autoptr(BsHistoryEntry) assessment = make_assessment_entry ();

  bs_history_entry_set_note (stopped, "=SUM(A1), \"felt tight\"\nleft side");
  g_list_store_append (store, good);
  g_list_store_append (store, stopped);
  g_list_store_append (store, assessment);
  return store;
}

static void
test_json_round_trip (void)
{
  g_autoptr(GListStore) store = sample_entries ();
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 22, 3, 0, 0);
  g_autofree char *json = bs_history_export_json (G_LIST_MODEL (store), at);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read = (g_test_message ("%s", json), bs_history_parse_json (bytes, "backstay-history.json", &error));

  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"exported-at\" : \"2026-11-22T03:00:00Z\""));
  g_assert_cmpuint (read->len, ==, 3);
  for (guint i = 0; i < read->len; i++)
    {
      g_autoptr(BsHistoryEntry) original = g_list_model_get_item (G_LIST_MODEL (store), i);
      assert_same_entry (original, g_ptr_array_index (read, i));
    }
}

/* A run going on when the file was written is an interrupted run in the
 * file that reads it. */
static void
test_json_in_progress_reads_as_interrupted (void)
{
  g_autoptr(GListStore) store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  g_autoptr(BsHistoryEntry) entry = make_core_test_entry (5, FALSE);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;

  entry->outcome = BS_OUTCOME_IN_PROGRESS;
  g_list_store_append (store, entry);
  json = bs_history_export_json (G_LIST_MODEL (store), NULL);
  bytes = g_bytes_new (json, strlen (json));
  read = bs_history_parse_json (bytes, "x.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (((BsHistoryEntry *) g_ptr_array_index (read, 0))->outcome, ==, BS_OUTCOME_INTERRUPTED);
}

typedef struct
{
  const char *text;
  BsError code;
  const char *message;
} Malformed;

#define UUID "\"uuid\": \"0b6a2d3e-6f5c-4c1e-9a57-2f0d5b7f8e21\""
#define TIMES "\"started-at\": \"2026-05-03T07:30:00Z\", \"ended-at\": \"2026-05-03T07:33:10Z\""
#define SESSION_HEAD "{\"format\": 1, \"entries\": [{" UUID ", \"kind\": \"session\", " TIMES ",\n"

static const Malformed malformed[] = {
  { "", BS_ERROR_PARSE, "h.json: the file is empty" },
  { "[1, 2]", BS_ERROR_FORMAT, "h.json:1:1: this is not a Backstay history export" },
  { "{\"entries\": []}", BS_ERROR_FORMAT, "h.json:1:1: this is not a Backstay history export" },
  { "{\"format\": 2, \"entries\": []}", BS_ERROR_FORMAT,
    "h.json:1:2: export format 2 is not supported; this version reads format 1" },
  { "{\"format\": 1, \"entries\": [3]}", BS_ERROR_TYPE, "h.json:1:27: entry 1 must be an object" },
  { "{\"format\": 1, \"entries\": [{\"uuid\": \"nope\", \"kind\": \"session\"}]}", BS_ERROR_INVALID,
    "h.json:1:28: entry 1: “uuid” must be a UUID such as 0b6a2d3e-6f5c-4c1e-9a57-2f0d5b7f8e21" },
  { "{\"format\": 1, \"entries\": [{" UUID ", \"kind\": \"walk\"}]}", BS_ERROR_INVALID,
    "h.json:1:76: entry 1: “kind” must be “session” or “assessment”" },
  { "{\"format\": 1, \"entries\": [{" UUID ", \"kind\": \"session\", \"started-at\": \"yesterday\"}]}",
    BS_ERROR_INVALID,
    "h.json:1:95: entry 1: “started-at” must be a date and time such as 2026-05-03T07:30:00Z" },
  { SESSION_HEAD "\"session\": {\"routine-id\": \"core-test\"}}]}", BS_ERROR_MISSING,
    "h.json:2:1: entry 1: “routine-name” is missing" },
  { SESSION_HEAD "\"session\": {\"routine-id\": \"core-test\", \"routine-name\": \"Core\", \"category\": \"test\",\n"
    "\"level\": -5}}]}", BS_ERROR_RANGE,
    "h.json:3:1: entry 1: “level” must be from 0 to 3600" },
  { SESSION_HEAD "\"session\": {\"routine-id\": \"core-test\", \"routine-name\": \"Core\", \"category\": \"test\",\n"
    "\"level\": 0, \"outcome\": \"won\", \"scored\": true, \"stage-reached\": 0, \"target-seconds\": 180, \"stages\": []}}]}",
    BS_ERROR_INVALID,
    "h.json:3:13: entry 1: “outcome” must be “completed”, “stopped-early” or “interrupted”" },
  { SESSION_HEAD "\"session\": {\"routine-id\": \"core-test\", \"routine-name\": \"Core\", \"category\": \"test\",\n"
    "\"level\": 0, \"outcome\": \"completed\", \"scored\": true, \"stage-reached\": 2, \"target-seconds\": 180,\n"
    "\"stages\": [{\"seconds\": 60, \"held-ms\": 60000, \"skipped\": \"no\"}]}}]}",
    BS_ERROR_TYPE, "h.json:4:46: entry 1: “skipped” must be true or false" },
  { SESSION_HEAD "\"session\": {\"routine-id\": \"core-test\", \"routine-name\": \"Core\", \"category\": \"test\",\n"
    "\"level\": 0, \"outcome\": \"completed\", \"scored\": true, \"stage-reached\": 2, \"target-seconds\": 180,\n"
    "\"stages\": [{\"seconds\": 60, \"held-ms\": 60000, \"skipped\": false}]}}]}",
    BS_ERROR_RANGE, "h.json:3:53: entry 1: “stage-reached” is beyond the stages listed" },
  { "{\"format\": 1, \"entries\": [{" UUID ", \"kind\": \"assessment\", " TIMES ",\n"
    "\"assessment\": {\"rules-version\": 1, \"red-flag\": false, \"answers\": {\"format\": 9}, \"findings\": {}}}]}",
    BS_ERROR_INVALID,
    "h.json:2:55: entry 1: the answers do not read: this assessment is in a format this version "
    "of Backstay cannot read; it reads format 1" },
  /* A lone surrogate escape: json-glib refuses it while parsing. */
  { "{\"format\": 1, \"entries\": [{" UUID ", \"kind\": \"session\", \"note\": \"\\ud800\"}]}", BS_ERROR_PARSE,
    "h.json:1:114: Parse error: scanner: unterminated string constant" },
};

static void
test_json_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (malformed[i].text, strlen (malformed[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) read = bs_history_parse_json (bytes, "h.json", &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (read);
      g_assert_error (error, BS_ERROR, (int) malformed[i].code);
      g_assert_cmpstr (error->message, ==, malformed[i].message);
    }
}

/* json-glib's parser recurses: deep input is refused before it. */
static void
test_json_deep_nesting (void)
{
  GString *deep = g_string_new ("{\"format\": 1, \"entries\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  bytes = g_bytes_new_take (deep->str, deep->len);
  g_string_free (deep, FALSE);
  read = bs_history_parse_json (bytes, "deep.json", &error);
  g_assert_null (read);
  g_assert_error (error, BS_ERROR, BS_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "deep.json: the file is nested more than"));
}

static char *
read_text (GFile      *folder,
           const char *name)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_load_contents (file, NULL, &text, NULL, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_csv_tables (void)
{
  g_autoptr(GListStore) store = sample_entries ();
  g_autoptr(BsHistoryEntry) stopped = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_autoptr(BsHistoryEntry) assessment = g_list_model_get_item (G_LIST_MODEL (store), 2);
  g_autofree char *dir = g_dir_make_tmp ("backstay-csv-XXXXXX", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "export", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sessions = NULL, *stages = NULL, *assessments = NULL;
  g_auto(GStrv) session_lines = NULL, stage_lines = NULL, assessment_lines = NULL;
  g_autofree char *expected_stopped = NULL;
  const char *tables[] = { "sessions.csv", "stages.csv", "assessments.csv" };

  g_assert_true (bs_history_export_csv (G_LIST_MODEL (store), folder, &error));
  g_assert_no_error (error);
  sessions = read_text (folder, "sessions.csv");
  stages = read_text (folder, "stages.csv");
  assessments = read_text (folder, "assessments.csv");

  /* Quoted fields may hold line breaks, so split on the CRLF row ends. */
  session_lines = g_strsplit (sessions, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (session_lines), ==, 4); /* header, two rows, "" */
  g_assert_cmpstr (session_lines[0], ==,
                   "uuid,started_at,ended_at,routine_id,routine,category,form,level_seconds_off,"
                   "outcome,scored,stage_reached,stages,stages_done,held_seconds,target_seconds,note");
  /* Level -10 s on the three-minute form: 50 + 6 × 5 + 20 = 100 s; the
   * run stopped 3 s into stage 7 of 8 (a 5 s hold), with stage 2 skipped (so five
   * stages were done in full: 1, 3, 4, 5 and 6). */
  expected_stopped = g_strdup_printf ("%s,2026-05-03T07:30:00Z,2026-05-03T07:33:10Z,core-test,"
                                      "Core strength test,test,Three-minute form,10,stopped-early,yes,"
                                      "7,8,5,78.0,100,\"'=SUM(A1), \"\"felt tight\"\"\nleft side\"",
                                      stopped->uuid);
  g_assert_cmpstr (session_lines[2], ==, expected_stopped);

  stage_lines = g_strsplit (stages, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (stage_lines), ==, 1 + 8 + 8 + 1);
  g_assert_cmpstr (stage_lines[0], ==, "uuid,stage,seconds,held_seconds,skipped");
  g_assert_true (g_str_has_suffix (stage_lines[2], ",2,5,5.0,yes"));

  assessment_lines = g_strsplit (assessments, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (assessment_lines), ==, 3);
  g_assert_true (g_str_has_prefix (assessment_lines[1], assessment->uuid));
  g_assert_nonnull (strstr (assessment_lines[1], ",2026-06-01T18:00:00Z,1,no,,26.2,"));
  g_assert_nonnull (strstr (assessment_lines[1], "bmi-over-24;"));
  g_assert_nonnull (strstr (assessment_lines[1], "tight-hamstrings"));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *path = g_build_filename (folder_path, tables[i], NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder_path), ==, 0);
  g_rmdir (dir);
}

static void
test_csv_field (void)
{
  const char *cases[][2] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "-5 s", "'-5 s" },
    { "@cmd", "'@cmd" },
    { "line\nbreak", "\"line\nbreak\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *field = bs_csv_field (cases[i][0]);
      g_assert_cmpstr (field, ==, cases[i][1]);
    }
}

/* The names the entry window lists: a side only where one name is done on
 * both sides, and the set where there are several. */
static void
test_stage_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_resource (RESOURCE_BASE "/routines/piriformis-stretch.json",
                                                               &error);
  g_autoptr(BsSchedule) schedule = NULL;
  g_autoptr(BsResult) result = NULL;
  g_autoptr(BsHistoryEntry) stretch = NULL;
  g_autoptr(BsHistoryEntry) test = make_core_test_entry (0, TRUE);
  g_auto(GStrv) stretch_names = NULL;
  g_auto(GStrv) test_names = NULL;
  g_autofree gint64 *held = NULL;
  g_autofree gboolean *skipped = NULL;
  guint n;

  g_assert_no_error (error);
  schedule = bs_schedule_new (routine, NULL, 0, 10, &error);
  g_assert_no_error (error);
  n = bs_schedule_get_n_segments (schedule);
  held = g_new0 (gint64, n);
  skipped = g_new0 (gboolean, n);
  result = bs_result_new (schedule, TRUE, held, skipped, n - 1, NULL, NULL);
  stretch = bs_history_entry_new_session (result, BS_OUTCOME_COMPLETED);

  stretch_names = bs_history_entry_dup_stage_names (stretch);
  g_assert_cmpuint (g_strv_length (stretch_names), ==, 10);
  g_assert_cmpstr (stretch_names[0], ==, "Piriformis stretch, right, set 1 of 5");
  g_assert_cmpstr (stretch_names[1], ==, "Piriformis stretch, left, set 1 of 5");
  g_assert_cmpstr (stretch_names[9], ==, "Piriformis stretch, left, set 5 of 5");

  test_names = bs_history_entry_dup_stage_names (test);
  g_assert_cmpuint (g_strv_length (test_names), ==, 8);
  g_assert_cmpstr (test_names[1], ==, "Lift your right arm");
  g_assert_cmpstr (test_names[2], ==, "Lift your left arm");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history-export/json/round-trip", test_json_round_trip);
  g_test_add_func ("/history-export/json/in-progress", test_json_in_progress_reads_as_interrupted);
  g_test_add_func ("/history-export/json/malformed", test_json_malformed);
  g_test_add_func ("/history-export/json/deep-nesting", test_json_deep_nesting);
  g_test_add_func ("/history-export/csv/tables", test_csv_tables);
  g_test_add_func ("/history-export/csv/field", test_csv_field);
  g_test_add_func ("/history-export/stage-names", test_stage_names);

  return g_test_run ();
}
