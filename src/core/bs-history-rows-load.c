/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * Loading the history's rows into entries.
 *
 * Reading never trusts the file: a row with a kind or outcome this build
 * does not know, or a missing part, is skipped and counted, not fatal.
 */

#include "config.h"

#include "bs-history-entry-private.h"
#include "bs-history-rows-private.h"
#include "bs-history-schema.h"

/* A stage number past this in a row is damage, not a routine. */
#define MAX_STAGES 1000

static char *
dup_text (sqlite3_stmt *stmt,
          int           column)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  text = (const char *) sqlite3_column_text (stmt, column);
  if (text == NULL)
    return NULL;
  return g_utf8_validate (text, -1, NULL) ? g_strdup (text) : g_utf8_make_valid (text, -1);
}

static gboolean
get_uint (sqlite3_stmt *stmt,
          int           column,
          guint        *value)
{
  gint64 v;

  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER)
    return FALSE;
  v = sqlite3_column_int64 (stmt, column);
  if (v < 0 || v > G_MAXUINT)
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static gboolean
get_bool (sqlite3_stmt *stmt,
          int           column,
          gboolean     *value)
{
  guint v;

  if (!get_uint (stmt, column, &v) || v > 1)
    return FALSE;
  *value = v != 0;
  return TRUE;
}

static GDateTime *
get_time (sqlite3_stmt *stmt,
          int           column)
{
  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER)
    return NULL;
  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

/* One row of the query in load(): the entry's columns, then the session's
 * from column 6, the assessment's from column 18, and the entry's patient
 * code (schema version 3) in column 23. */
static gboolean
read_session (sqlite3_stmt   *stmt,
              GHashTable     *schedules,
              BsHistoryEntry *entry)
{
  if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
    return FALSE;
  entry->routine_id = dup_text (stmt, 7);
  entry->routine_name = dup_text (stmt, 8);
  entry->category = dup_text (stmt, 9);
  entry->form_id = dup_text (stmt, 10);
  entry->form_name = dup_text (stmt, 11);
  if (sqlite3_column_type (stmt, 13) == SQLITE_INTEGER)
    {
      gint64 schedule_id = sqlite3_column_int64 (stmt, 13);
      const char *json = g_hash_table_lookup (schedules, &schedule_id);

      entry->schedule_json = json != NULL ? g_ref_string_acquire ((char *) json) : NULL;
    }
  return entry->routine_id != NULL && entry->routine_name != NULL &&
         entry->category != NULL && entry->schedule_json != NULL &&
         get_uint (stmt, 12, &entry->level) &&
         bs_outcome_from_string ((const char *) sqlite3_column_text (stmt, 14), &entry->outcome) &&
         get_bool (stmt, 15, &entry->scored) &&
         get_uint (stmt, 16, &entry->stage_reached) &&
         get_uint (stmt, 17, &entry->target_seconds);
}

static gboolean
read_assessment (sqlite3_stmt   *stmt,
                 BsHistoryEntry *entry)
{
  if (sqlite3_column_type (stmt, 18) == SQLITE_NULL)
    return FALSE;
  entry->outcome = BS_OUTCOME_COMPLETED;
  entry->answers_json = dup_text (stmt, 20);
  entry->findings_json = dup_text (stmt, 21);
  return entry->answers_json != NULL && entry->findings_json != NULL &&
         get_uint (stmt, 19, &entry->rules_version) &&
         get_bool (stmt, 22, &entry->red_flag);
}

static BsHistoryEntry *
read_entry (sqlite3_stmt *stmt,
            GHashTable   *schedules)
{
  g_autoptr(BsHistoryEntry) entry = NULL;
  g_autofree char *note = NULL;
  BsHistoryKind kind;
  gboolean ok;

  if (!bs_history_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind))
    return NULL;

  entry = bs_history_entry_new_empty (kind);
  entry->id = sqlite3_column_int64 (stmt, 0);
  g_free (entry->uuid);
  entry->uuid = dup_text (stmt, 1);
  entry->started_at = get_time (stmt, 3);
  entry->ended_at = get_time (stmt, 4);
  note = dup_text (stmt, 5);
  bs_history_entry_set_note (entry, note);
  entry->patient_code = dup_text (stmt, 23);

  if (entry->uuid == NULL || !g_uuid_string_is_valid (entry->uuid) || entry->started_at == NULL)
    return NULL;
  ok = kind == BS_HISTORY_SESSION ? read_session (stmt, schedules, entry) : read_assessment (stmt, entry);
  return ok ? g_steal_pointer (&entry) : NULL;
}

static void
read_stage (sqlite3_stmt *stmt,
            GHashTable   *by_id)
{
  gint64 entry_id = sqlite3_column_int64 (stmt, 0);
  BsHistoryEntry *entry = g_hash_table_lookup (by_id, &entry_id);
  BsStageRecord record;
  guint stage;

  /* The rows of an entry that did not read are skipped with it. */
  if (entry == NULL || entry->kind != BS_HISTORY_SESSION)
    return;
  if (!get_uint (stmt, 1, &stage) || stage < 1 || stage > MAX_STAGES ||
      !get_uint (stmt, 2, &record.seconds) ||
      sqlite3_column_type (stmt, 3) != SQLITE_INTEGER ||
      !get_bool (stmt, 4, &record.skipped))
    {
      g_debug ("Skipping a stage of history entry %s, which does not read", entry->uuid);
      return;
    }
  record.held_ms = sqlite3_column_int64 (stmt, 3);

  if (stage > entry->stages->len)
    g_array_set_size (entry->stages, stage);
  g_array_index (entry->stages, BsStageRecord, stage - 1) = record;
}

/**
 * bs_history_rows_load:
 * @entries: (element-type BsHistoryEntry): where to add the entries
 * @n_unreadable: (out): how many rows were skipped
 *
 * Every entry in two queries, whatever their number: one row per entry
 * with its session or assessment joined, then all the stages.
 */
gboolean
bs_history_rows_load (BsHistoryRows  *self,
                      GPtrArray      *entries,
                      guint          *n_unreadable,
                      GError        **error)
{
  sqlite3 *db = bs_history_rows_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) schedules = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_ref_string_release);
  int rc;

  *n_unreadable = 0;

  /* The schedules first, once each: the sessions share them. */
  rc = sqlite3_prepare_v2 (db, "SELECT id, json FROM schedules", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_autofree char *json = dup_text (stmt, 1);

        if (json != NULL)
          g_hash_table_insert (schedules, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                                     sizeof (gint64)),
                               g_ref_string_new_intern (json));
      }
  if (rc != SQLITE_DONE)
    {
      bs_history_rows_set_error (self, BS_HISTORY_OP_READ, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  rc = sqlite3_prepare_v2 (db,
                           "SELECT e.id, e.uuid, e.kind, e.started_at, e.ended_at, e.note,"
                           "       s.entry_id, s.routine_id, s.routine_name, s.category,"
                           "       s.form_id, s.form_name, s.level, s.schedule_id, s.outcome,"
                           "       s.scored, s.stage_reached, s.target_seconds,"
                           "       a.entry_id, a.rules_version, a.answers_json,"
                           "       a.findings_json, a.red_flag, e.patient_code"
                           " FROM entries e"
                           " LEFT JOIN sessions s ON s.entry_id = e.id"
                           " LEFT JOIN assessments a ON a.entry_id = e.id",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        BsHistoryEntry *entry = read_entry (stmt, schedules);

        if (entry == NULL)
          {
            g_debug ("Skipping history row %" G_GINT64_FORMAT ", which does not read",
                     (gint64) sqlite3_column_int64 (stmt, 0));
            (*n_unreadable)++;
            continue;
          }
        g_ptr_array_add (entries, entry);
        g_hash_table_insert (by_id, &entry->id, entry);
      }
  if (rc != SQLITE_DONE)
    {
      bs_history_rows_set_error (self, BS_HISTORY_OP_READ, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  rc = sqlite3_prepare_v2 (db,
                           "SELECT entry_id, stage, seconds, held_ms, skipped FROM session_stages",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      read_stage (stmt, by_id);
  if (rc != SQLITE_DONE)
    {
      bs_history_rows_set_error (self, BS_HISTORY_OP_READ, error);
      return FALSE;
    }
  return TRUE;
}
