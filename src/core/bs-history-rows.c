/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The history's rows, to and from entries: every statement the store runs
 * on its tables, prepared once and bound, never built from values.
 *
 * Reading never trusts the file: a row with a kind or outcome this build
 * does not know, or a missing part, is skipped and counted, not fatal.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bs-error.h"
#include "bs-history-entry-private.h"
#include "bs-history-rows.h"
#include "bs-history-schema.h"

/* A stage number past this in a row is damage, not a routine. */
#define MAX_STAGES 1000

typedef enum
{
  STMT_INSERT_ENTRY,
  STMT_UPDATE_ENTRY,
  STMT_UPSERT_SESSION,
  STMT_DELETE_STAGES,
  STMT_INSERT_STAGE,
  STMT_UPSERT_ASSESSMENT,
  STMT_UUID_EXISTS,
  STMT_SET_NOTE,
  STMT_DELETE_ENTRY,
  STMT_SET_OUTCOMES,
  STMT_FIND_SCHEDULE,
  STMT_INSERT_SCHEDULE,
  STMT_PRUNE_SCHEDULES,
  N_STMTS,
} Stmt;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_INSERT_ENTRY] =
    "INSERT INTO entries (uuid, kind, started_at, ended_at, note) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_UPDATE_ENTRY] =
    "UPDATE entries SET started_at = ?3, ended_at = ?4, note = ?5"
    " WHERE id = ?6 AND uuid = ?1 AND kind = ?2",
  [STMT_UPSERT_SESSION] =
    "INSERT INTO sessions (entry_id, routine_id, routine_name, category, form_id, form_name,"
    "                      level, schedule_id, outcome, scored, stage_reached, target_seconds)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    " ON CONFLICT (entry_id) DO UPDATE SET"
    "  routine_id = excluded.routine_id, routine_name = excluded.routine_name,"
    "  category = excluded.category, form_id = excluded.form_id,"
    "  form_name = excluded.form_name, level = excluded.level,"
    "  schedule_id = excluded.schedule_id, outcome = excluded.outcome,"
    "  scored = excluded.scored, stage_reached = excluded.stage_reached,"
    "  target_seconds = excluded.target_seconds",
  [STMT_DELETE_STAGES] = "DELETE FROM session_stages WHERE entry_id = ?1",
  [STMT_INSERT_STAGE] =
    "INSERT INTO session_stages (entry_id, stage, seconds, held_ms, skipped)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_UPSERT_ASSESSMENT] =
    "INSERT INTO assessments (entry_id, rules_version, answers_json, findings_json, red_flag)"
    " VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (entry_id) DO UPDATE SET"
    "  rules_version = excluded.rules_version, answers_json = excluded.answers_json,"
    "  findings_json = excluded.findings_json, red_flag = excluded.red_flag",
  [STMT_UUID_EXISTS] = "SELECT 1 FROM entries WHERE uuid = ?1",
  [STMT_SET_NOTE] = "UPDATE entries SET note = ?1 WHERE id = ?2 AND uuid = ?3",
  [STMT_DELETE_ENTRY] = "DELETE FROM entries WHERE id = ?1 AND uuid = ?2",
  [STMT_SET_OUTCOMES] = "UPDATE sessions SET outcome = ?1 WHERE outcome = ?2",
  [STMT_FIND_SCHEDULE] = "SELECT id FROM schedules WHERE json = ?1",
  [STMT_INSERT_SCHEDULE] = "INSERT INTO schedules (json) VALUES (?1)",
  [STMT_PRUNE_SCHEDULES] =
    "DELETE FROM schedules WHERE id NOT IN"
    " (SELECT schedule_id FROM sessions WHERE schedule_id IS NOT NULL)",
};

struct _BsHistoryRows
{
  sqlite3 *db;                    /* not owned */
  char *name;                     /* the file, for messages */
  sqlite3_stmt *stmts[N_STMTS];   /* prepared on first use */
};

/**
 * bs_history_rows_new:
 * @db: (transfer none): a connection that outlives the rows
 * @name: the file, as messages name it
 */
BsHistoryRows *
bs_history_rows_new (sqlite3    *db,
                     const char *name)
{
  BsHistoryRows *self = g_new0 (BsHistoryRows, 1);

  self->db = db;
  self->name = g_strdup (name);
  return self;
}

void
bs_history_rows_free (BsHistoryRows *self)
{
  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  g_free (self->name);
  g_free (self);
}

/**
 * bs_history_rows_set_error:
 *
 * Sets @error from the connection's last error: the file and SQLite's
 * message.  A constraint the schema enforces is %BS_ERROR_INVALID (the
 * entry is at fault); anything else %BS_ERROR_IO.
 */
void
bs_history_rows_set_error (BsHistoryRows  *self,
                           BsHistoryOp     op,
                           GError        **error)
{
  const char *message = sqlite3_errmsg (self->db);
  BsError code = (sqlite3_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT
                 ? BS_ERROR_INVALID : BS_ERROR_IO;

  switch (op)
    {
    case BS_HISTORY_OP_OPEN:
      g_set_error (error, BS_ERROR, code, _("Could not open the history file “%s”: %s"),
                   self->name, message);
      break;
    case BS_HISTORY_OP_READ:
      g_set_error (error, BS_ERROR, code, _("Could not read the history file “%s”: %s"),
                   self->name, message);
      break;
    case BS_HISTORY_OP_WRITE:
    default:
      g_set_error (error, BS_ERROR, code, _("Could not save to the history file “%s”: %s"),
                   self->name, message);
      break;
    }
}

/**
 * bs_history_rows_exec:
 * @sql: fixed SQL, with no values in it
 */
gboolean
bs_history_rows_exec (BsHistoryRows  *self,
                      const char     *sql,
                      BsHistoryOp     op,
                      GError        **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  bs_history_rows_set_error (self, op, error);
  return FALSE;
}

static sqlite3_stmt *
get_stmt (BsHistoryRows  *self,
          Stmt            which,
          GError        **error)
{
  if (self->stmts[which] == NULL &&
      sqlite3_prepare_v3 (self->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                          &self->stmts[which], NULL) != SQLITE_OK)
    {
      bs_history_rows_set_error (self, BS_HISTORY_OP_WRITE, error);
      return NULL;
    }
  return self->stmts[which];
}

/* Steps a write to its end and readies the statement for the next use. */
static gboolean
run (BsHistoryRows  *self,
     sqlite3_stmt   *stmt,
     GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    bs_history_rows_set_error (self, BS_HISTORY_OP_WRITE, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  /* NULL binds NULL, which the schema refuses where a value is required. */
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *time)
{
  if (time != NULL)
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (time));
  else
    sqlite3_bind_null (stmt, index);
}

/* Loading */

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
 * from column 6, then the assessment's from column 18. */
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) schedules = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_ref_string_release);
  int rc;

  *n_unreadable = 0;

  /* The schedules first, once each: the sessions share them. */
  rc = sqlite3_prepare_v2 (self->db, "SELECT id, json FROM schedules", -1, &stmt, NULL);
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

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT e.id, e.uuid, e.kind, e.started_at, e.ended_at, e.note,"
                           "       s.entry_id, s.routine_id, s.routine_name, s.category,"
                           "       s.form_id, s.form_name, s.level, s.schedule_id, s.outcome,"
                           "       s.scored, s.stage_reached, s.target_seconds,"
                           "       a.entry_id, a.rules_version, a.answers_json,"
                           "       a.findings_json, a.red_flag"
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

  rc = sqlite3_prepare_v2 (self->db,
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

/**
 * bs_history_rows_finish_interrupted:
 *
 * Makes every session still in progress interrupted.  Only one process
 * uses the store, so a checkpoint found when it opens was left by a run
 * that ended without finishing it.
 */
gboolean
bs_history_rows_finish_interrupted (BsHistoryRows  *self,
                                    GError        **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = get_stmt (self, STMT_SET_OUTCOMES, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, bs_outcome_to_string (BS_OUTCOME_INTERRUPTED));
  bind_text (stmt, 2, bs_outcome_to_string (BS_OUTCOME_IN_PROGRESS));
  if (!run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    g_debug ("%d interrupted sessions in the history", sqlite3_changes (self->db));
  return TRUE;
}

/* Writing */

/* The row of @json in schedules, added if it is not there yet. */
static gboolean
find_or_add_schedule (BsHistoryRows  *self,
                      const char     *json,
                      gint64         *schedule_id,
                      GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (self, STMT_FIND_SCHEDULE, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, json);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *schedule_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bs_history_rows_set_error (self, BS_HISTORY_OP_WRITE, error);
      return FALSE;
    }

  if ((stmt = get_stmt (self, STMT_INSERT_SCHEDULE, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, json);
  if (!run (self, stmt, error))
    return FALSE;
  *schedule_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
write_session (BsHistoryRows   *self,
               BsHistoryEntry  *entry,
               gint64           id,
               GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 schedule_id;

  if (!find_or_add_schedule (self, entry->schedule_json, &schedule_id, error))
    return FALSE;
  if ((stmt = get_stmt (self, STMT_UPSERT_SESSION, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, entry->routine_id);
  bind_text (stmt, 3, entry->routine_name);
  bind_text (stmt, 4, entry->category);
  bind_text (stmt, 5, entry->form_id);
  bind_text (stmt, 6, entry->form_name);
  sqlite3_bind_int64 (stmt, 7, entry->level);
  sqlite3_bind_int64 (stmt, 8, schedule_id);
  bind_text (stmt, 9, bs_outcome_to_string (entry->outcome));
  sqlite3_bind_int (stmt, 10, entry->scored ? 1 : 0);
  sqlite3_bind_int64 (stmt, 11, entry->stage_reached);
  sqlite3_bind_int64 (stmt, 12, entry->target_seconds);
  if (!run (self, stmt, error))
    return FALSE;

  /* A checkpoint saved again replaces its stages: the schedule may have
   * been a different one (never in practice) and nothing is left over. */
  if ((stmt = get_stmt (self, STMT_DELETE_STAGES, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < entry->stages->len; i++)
    {
      const BsStageRecord *record = &g_array_index (entry->stages, BsStageRecord, i);

      if ((stmt = get_stmt (self, STMT_INSERT_STAGE, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, i + 1);
      sqlite3_bind_int64 (stmt, 3, record->seconds);
      sqlite3_bind_int64 (stmt, 4, record->held_ms);
      sqlite3_bind_int (stmt, 5, record->skipped ? 1 : 0);
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_assessment (BsHistoryRows   *self,
                  BsHistoryEntry  *entry,
                  gint64           id,
                  GError         **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = get_stmt (self, STMT_UPSERT_ASSESSMENT, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, entry->rules_version);
  bind_text (stmt, 3, entry->answers_json);
  bind_text (stmt, 4, entry->findings_json);
  sqlite3_bind_int (stmt, 5, entry->red_flag ? 1 : 0);
  return run (self, stmt, error);
}

/**
 * bs_history_rows_write:
 * @insert: whether to add the entry as a new row, or to write over its own
 * @id: (out): the entry's row id
 *
 * Writes the entry's rows, inside the caller's transaction.  The entry
 * itself is not touched: its id only changes once the transaction commits.
 */
gboolean
bs_history_rows_write (BsHistoryRows   *self,
                       BsHistoryEntry  *entry,
                       gboolean         insert,
                       gint64          *id,
                       GError         **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = get_stmt (self, insert ? STMT_INSERT_ENTRY : STMT_UPDATE_ENTRY, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, entry->uuid);
  bind_text (stmt, 2, bs_history_kind_to_string (entry->kind));
  bind_time (stmt, 3, entry->started_at);
  bind_time (stmt, 4, entry->ended_at);
  bind_text (stmt, 5, entry->note);
  if (!insert)
    sqlite3_bind_int64 (stmt, 6, entry->id);
  if (!run (self, stmt, error))
    return FALSE;

  if (insert)
    {
      *id = sqlite3_last_insert_rowid (self->db);
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND,
                   _("Could not save to the history file “%s”: the entry is no longer in it"),
                   self->name);
      return FALSE;
    }
  else
    {
      *id = entry->id;
    }

  if (entry->kind == BS_HISTORY_SESSION)
    return write_session (self, entry, *id, error);
  return write_assessment (self, entry, *id, error);
}

/**
 * bs_history_rows_uuid_exists:
 * @exists: (out): whether a row has @uuid
 */
gboolean
bs_history_rows_uuid_exists (BsHistoryRows  *self,
                             const char     *uuid,
                             gboolean       *exists,
                             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (self, STMT_UUID_EXISTS, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    bs_history_rows_set_error (self, BS_HISTORY_OP_READ, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  *exists = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
check_changed (BsHistoryRows  *self,
               GError        **error)
{
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND,
               _("The entry is not in the history file “%s”"), self->name);
  return FALSE;
}

/**
 * bs_history_rows_set_note:
 *
 * Returns: whether the note is stored; %BS_ERROR_NOT_FOUND if the entry
 *   is not
 */
gboolean
bs_history_rows_set_note (BsHistoryRows   *self,
                          BsHistoryEntry  *entry,
                          const char      *note,
                          GError         **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = get_stmt (self, STMT_SET_NOTE, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, note);
  sqlite3_bind_int64 (stmt, 2, entry->id);
  bind_text (stmt, 3, entry->uuid);
  return run (self, stmt, error) && check_changed (self, error);
}

/**
 * bs_history_rows_delete:
 *
 * Deletes the entry's rows (its session, stages or assessment go with it).
 *
 * Returns: whether they were deleted; %BS_ERROR_NOT_FOUND if there were none
 */
gboolean
bs_history_rows_delete (BsHistoryRows   *self,
                        BsHistoryEntry  *entry,
                        GError         **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = get_stmt (self, STMT_DELETE_ENTRY, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->id);
  bind_text (stmt, 2, entry->uuid);
  if (!run (self, stmt, error) || !check_changed (self, error))
    return FALSE;
  return bs_history_rows_prune_schedules (self, error);
}

/**
 * bs_history_rows_prune_schedules:
 *
 * Removes the schedules no session uses any more.
 */
gboolean
bs_history_rows_prune_schedules (BsHistoryRows  *self,
                                 GError        **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = get_stmt (self, STMT_PRUNE_SCHEDULES, error)) == NULL)
    return FALSE;
  return run (self, stmt, error);
}
