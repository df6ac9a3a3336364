/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The history's rows, to and from entries: every statement the store runs
 * on its tables, prepared once and bound, never built from values.
 * Loading them is in bs-history-rows-load.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bs-error.h"
#include "bs-history-entry-private.h"
#include "bs-history-rows-private.h"
#include "bs-history-schema.h"

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
  STMT_DELETE_PATIENT,
  N_STMTS,
} Stmt;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_INSERT_ENTRY] =
    "INSERT INTO entries (uuid, kind, started_at, ended_at, note, patient_code)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?7)",
  [STMT_UPDATE_ENTRY] =
    "UPDATE entries SET started_at = ?3, ended_at = ?4, note = ?5, patient_code = ?7"
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
  [STMT_DELETE_PATIENT] = "DELETE FROM entries WHERE patient_code = ?1",
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

/* For the loading half, which runs its own one-off queries. */
sqlite3 *
bs_history_rows_get_db (BsHistoryRows *self)
{
  return self->db;
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
  bind_text (stmt, 7, entry->patient_code);
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

/**
 * bs_history_rows_delete_patient:
 * @code: a patient code
 * @n_deleted: (out): how many entries had it
 *
 * Deletes the rows of every entry kept under @code, read or not, and the
 * schedules only they used, inside the caller's transaction.
 */
gboolean
bs_history_rows_delete_patient (BsHistoryRows  *self,
                                const char     *code,
                                guint          *n_deleted,
                                GError        **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = get_stmt (self, STMT_DELETE_PATIENT, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, code);
  if (!run (self, stmt, error))
    return FALSE;
  *n_deleted = (guint) sqlite3_changes (self->db);
  return bs_history_rows_prune_schedules (self, error);
}
