/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The history file's schema, how it grows from one version to the next,
 * and how a file found at the history's path is told apart: ours, empty,
 * someone else's, damaged, or from a later Backstay.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bs-error.h"
#include "bs-history-schema.h"

#define SQLITE_MAGIC "SQLite format 3"   /* and its NUL: the first 16 bytes */
#define BUSY_TIMEOUT_MS 5000

/*
 * Version 1.
 *
 * entries          one row per history entry: what every kind has.
 *   uuid           stable across export and import; merging goes by it
 *   kind           'session' | 'assessment'; says which table below holds
 *                  the rest (exactly one of them)
 *   started_at     Unix seconds, UTC; the list is sorted on it
 *   ended_at       Unix seconds, UTC; the last checkpoint while a session
 *                  is in progress; NULL if never known
 * sessions         a run of a routine, as it was when it ran: the names and
 *                  the whole schedule are copied, so that editing or
 *                  deleting the routine never rewrites the past
 *   outcome        'in-progress' marks a checkpoint; a store that finds one
 *                  when it opens makes it 'interrupted'
 *   stage_reached  1-based; 0 if it ended before the first stage
 * session_stages   one row per stage (work segment) of a session
 *   seconds        scheduled; held_ms: actually held
 * assessments      a completed self-assessment
 *   answers_json   the answers (BsAnswers JSON, format 1)
 *   findings_json  what the rules of rules_version found, by name
 *   red_flag       whether the assessment stopped at a red flag
 *
 * Deleting an entry deletes its other rows (ON DELETE CASCADE; the store
 * turns foreign keys on for every connection).
 */
static const char schema_v1[] =
  "CREATE TABLE entries ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('session', 'assessment')),"
  "  started_at INTEGER NOT NULL,"
  "  ended_at INTEGER,"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX entries_started_at ON entries (started_at);"
  "CREATE TABLE sessions ("
  "  entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,"
  "  routine_id TEXT NOT NULL,"
  "  routine_name TEXT NOT NULL,"
  "  category TEXT NOT NULL,"
  "  form_id TEXT,"
  "  form_name TEXT,"
  "  level INTEGER NOT NULL CHECK (level >= 0),"
  "  schedule_json TEXT NOT NULL,"
  "  outcome TEXT NOT NULL"
  "    CHECK (outcome IN ('in-progress', 'completed', 'stopped-early', 'interrupted')),"
  "  scored INTEGER NOT NULL CHECK (scored IN (0, 1)),"
  "  stage_reached INTEGER NOT NULL CHECK (stage_reached >= 0),"
  "  target_seconds INTEGER NOT NULL CHECK (target_seconds >= 0)"
  ");"
  "CREATE TABLE session_stages ("
  "  entry_id INTEGER NOT NULL REFERENCES sessions (entry_id) ON DELETE CASCADE,"
  "  stage INTEGER NOT NULL CHECK (stage >= 1),"
  "  seconds INTEGER NOT NULL CHECK (seconds >= 0),"
  "  held_ms INTEGER NOT NULL CHECK (held_ms >= 0),"
  "  skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),"
  "  PRIMARY KEY (entry_id, stage)"
  ") WITHOUT ROWID;"
  "CREATE TABLE assessments ("
  "  entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,"
  "  rules_version INTEGER NOT NULL CHECK (rules_version >= 1),"
  "  answers_json TEXT NOT NULL,"
  "  findings_json TEXT NOT NULL,"
  "  red_flag INTEGER NOT NULL CHECK (red_flag IN (0, 1))"
  ");"
  "PRAGMA application_id = 1114862713;"   /* BS_HISTORY_APPLICATION_ID */
  "PRAGMA user_version = 1;";

G_STATIC_ASSERT (BS_HISTORY_APPLICATION_ID == 1114862713);

/*
 * Version 2: each distinct schedule is kept once.
 *
 * schedules        the schedule a session ran, as JSON; sessions of the
 *                  same routine at the same form and level share one row
 *                  (ten years of daily stretches is thousands of sessions
 *                  and a handful of schedules: version 1 kept a copy in
 *                  every session, about 8 KiB each)
 * sessions.schedule_id  replaces sessions.schedule_json
 *
 * Rows of schedules no session uses any more are removed when entries are
 * deleted.
 */
static const char schema_v2[] =
  "CREATE TABLE schedules ("
  "  id INTEGER PRIMARY KEY,"
  "  json TEXT NOT NULL UNIQUE"
  ");"
  "INSERT OR IGNORE INTO schedules (json) SELECT schedule_json FROM sessions;"
  "ALTER TABLE sessions ADD COLUMN schedule_id INTEGER REFERENCES schedules (id);"
  "UPDATE sessions SET schedule_id = (SELECT id FROM schedules WHERE json = sessions.schedule_json);"
  "ALTER TABLE sessions DROP COLUMN schedule_json;"
  "CREATE INDEX sessions_schedule_id ON sessions (schedule_id);"
  "PRAGMA user_version = 2;";

/*
 * Version 3: entries can carry a patient code.
 *
 * entries.patient_code  the code a therapist typed for the patient (never
 *                  a name); NULL in a personal history, which never sets
 *                  it.  A clinic's results are kept in an ordinary history
 *                  file of their own, every entry of which carries its
 *                  code, so the same store, export and report code serves
 *                  both; the index is for listing, showing and deleting
 *                  one patient's results.
 */
static const char schema_v3[] =
  "ALTER TABLE entries ADD COLUMN patient_code TEXT;"
  "CREATE INDEX entries_patient_code ON entries (patient_code);"
  "PRAGMA user_version = 3;";

/* A new version is a new element here, never an edit of an old one: files
 * in the wild were made by the old ones. */
static const BsHistoryMigration builtin_migrations[] = {
  { 1, schema_v1, NULL },
  { 2, schema_v2, NULL },
  { 3, schema_v3, NULL },
};

/**
 * bs_history_schema_get_migrations:
 * @n_migrations: (out): how many
 *
 * Returns: (array length=n_migrations): the steps from an empty file to
 *   the current schema, in order
 */
const BsHistoryMigration *
bs_history_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (builtin_migrations);
  return builtin_migrations;
}

/* The first column of the first row of @sql, which must have one. */
static int
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE ? SQLITE_MISMATCH : rc;
  *value = sqlite3_column_int64 (stmt, 0);
  return SQLITE_OK;
}

static int
quick_check (sqlite3  *db,
             gboolean *ok)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc;
  *ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (!*ok)
    g_debug ("History file fails its check: %s", sqlite3_column_text (stmt, 0));
  return SQLITE_OK;
}

static gboolean
read_header (const char  *path,
             char         header[16],
             gssize      *length,
             GError     **error)
{
  int fd;
  int saved_errno;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      *length = read (fd, header, 16);
      saved_errno = errno;
      close (fd);
      if (*length >= 0)
        return TRUE;
    }
  else
    {
      saved_errno = errno;
    }

  g_set_error (error, BS_ERROR, BS_ERROR_IO,
               _("Could not read the history file “%s”: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

/* Damage is what SQLite reports for bad bytes; anything else (a lock held
 * by another program, no permission, no memory) says nothing about the
 * file, and moving a good file aside for it would lose the history. */
static gboolean
failed (int                  rc,
        sqlite3             *db,
        const char          *path,
        BsHistoryFileState  *state,
        GError             **error)
{
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      g_debug ("History file %s does not read: %s", path, sqlite3_errstr (rc));
      *state = BS_HISTORY_FILE_DAMAGED;
      return TRUE;
    }
  g_set_error (error, BS_ERROR, BS_ERROR_IO,
               _("Could not read the history file “%s”: %s"),
               path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
inspect_database (sqlite3             *db,
                  const char          *path,
                  guint                latest,
                  BsHistoryFileState  *state,
                  GError             **error)
{
  gint64 application_id;
  gint64 version;
  gint64 n_objects;
  gboolean ok = FALSE;
  int rc;

  if ((rc = query_int (db, "PRAGMA application_id", &application_id)) != SQLITE_OK ||
      (rc = query_int (db, "PRAGMA user_version", &version)) != SQLITE_OK ||
      (rc = query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects)) != SQLITE_OK)
    return failed (rc, db, path, state, error);

  /* Only the first migration sets the application id, in the same
   * transaction as the tables, so a file without one is either empty or
   * another program's. */
  if (application_id == 0)
    {
      *state = version == 0 && n_objects == 0 ? BS_HISTORY_FILE_NEW : BS_HISTORY_FILE_FOREIGN;
      return TRUE;
    }
  if (application_id != BS_HISTORY_APPLICATION_ID)
    {
      *state = BS_HISTORY_FILE_FOREIGN;
      return TRUE;
    }
  if (version > latest)
    {
      *state = BS_HISTORY_FILE_NEWER;
      return TRUE;
    }
  if (version <= 0)
    {
      *state = BS_HISTORY_FILE_DAMAGED;
      return TRUE;
    }

  if ((rc = quick_check (db, &ok)) != SQLITE_OK)
    return failed (rc, db, path, state, error);
  *state = ok ? BS_HISTORY_FILE_OURS : BS_HISTORY_FILE_DAMAGED;
  return TRUE;
}

/**
 * bs_history_schema_inspect:
 * @path: an existing file
 * @latest: the newest schema version this build knows
 * @state: (out): what the file is
 *
 * Reads @path without writing to it: it is opened read-only and closed
 * without a checkpoint, so a file that turns out not to be ours is moved
 * aside exactly as it was found.
 *
 * Returns: %FALSE if the file could not be read at all; that says nothing
 *   about its contents
 */
gboolean
bs_history_schema_inspect (const char          *path,
                           guint                latest,
                           BsHistoryFileState  *state,
                           GError             **error)
{
  char header[16];
  gssize length;
  sqlite3 *db = NULL;
  gboolean ret;
  int rc;

  if (!read_header (path, header, &length, error))
    return FALSE;

  /* An empty file has no history to keep: it is what a first start that
   * stopped between creating the file and writing the schema leaves, and
   * SQLite takes it for an empty database. */
  if (length == 0)
    {
      *state = BS_HISTORY_FILE_NEW;
      return TRUE;
    }
  if (length < 16 || memcmp (header, SQLITE_MAGIC, 16) != 0)
    {
      *state = BS_HISTORY_FILE_FOREIGN;
      return TRUE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      ret = inspect_database (db, path, latest, state, error);
    }
  else
    {
      ret = failed (rc, db, path, state, error);
    }
  sqlite3_close (db);
  return ret;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      char       **message)
{
  char *sqlite_message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &sqlite_message) == SQLITE_OK)
    return TRUE;
  *message = g_strdup (sqlite_message != NULL ? sqlite_message : sqlite3_errmsg (db));
  sqlite3_free (sqlite_message);
  return FALSE;
}

/* A copy of the file as it was, next to it, named for the version it is
 * about to become.  VACUUM INTO makes a clean, consistent copy from inside
 * the connection (WAL content included) and will write into an empty file,
 * so the file is made first, private, and never over an older backup. */
static gboolean
backup (sqlite3     *db,
        const char  *path,
        guint        version,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  int fd = -1;
  int rc;

  for (guint i = 1; fd < 0; i++)
    {
      g_free (name);
      name = i == 1 ? g_strdup_printf ("%s.before-v%u", path, version)
                    : g_strdup_printf ("%s.before-v%u-%u", path, version, i);
      fd = g_open (name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, BS_ERROR, BS_ERROR_IO,
                       _("Could not back up the history file “%s” before updating it: %s"),
                       path, g_strerror (saved_errno));
          return FALSE;
        }
    }
  close (fd);

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_IO,
                   _("Could not back up the history file “%s” before updating it: %s"),
                   path, sqlite3_errmsg (db));
      /* Only our own unfinished copy: the history itself is untouched. */
      g_unlink (name);
      return FALSE;
    }
  g_debug ("Backed up %s to %s", path, name);
  return TRUE;
}

static gboolean
apply (sqlite3                   *db,
       const char                *display_name,
       const BsHistoryMigration  *migration,
       GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  gint64 version = -1;

  if (!exec (db, "BEGIN IMMEDIATE", &message))
    goto fail;

  if (migration->sql != NULL && !exec (db, migration->sql, &message))
    goto fail;
  if (migration->run != NULL && !migration->run (db, &local_error))
    {
      message = g_strdup (local_error->message);
      goto fail;
    }
  if (query_int (db, "PRAGMA user_version", &version) != SQLITE_OK ||
      version != migration->version)
    {
      message = g_strdup_printf ("user_version is %" G_GINT64_FORMAT ", not %u",
                                 version, migration->version);
      goto fail;
    }
  if (!exec (db, "COMMIT", &message))
    goto fail;
  return TRUE;

fail:
  /* Some errors (a full disk) have already rolled the transaction back. */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  g_set_error (error, BS_ERROR, BS_ERROR_IO,
               _("Could not update the history file “%s” to version %u: %s"),
               display_name, migration->version, message);
  return FALSE;
}

/**
 * bs_history_schema_migrate:
 * @db: a read-write connection, outside any transaction
 * @path: (nullable): the file, for its backups; %NULL in memory
 * @migrations: (array length=n_migrations): in ascending version order
 *
 * Brings the file to the last version of @migrations, one version per
 * transaction, making a backup before each step of a file that had a
 * schema already.  A step that fails is rolled back, leaving the file at
 * the version before it.
 */
gboolean
bs_history_schema_migrate (sqlite3                   *db,
                           const char                *path,
                           const BsHistoryMigration  *migrations,
                           guint                      n_migrations,
                           GError                   **error)
{
  const char *display_name = path != NULL ? path : ":memory:";
  gint64 version;
  gboolean had_history;

  if (query_int (db, "PRAGMA user_version", &version) != SQLITE_OK)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_IO,
                   _("Could not read the history file “%s”: %s"),
                   display_name, sqlite3_errmsg (db));
      return FALSE;
    }
  /* A file made just now, going through every version in one go, holds
   * nothing worth a backup. */
  had_history = version > 0;

  for (guint i = 0; i < n_migrations; i++)
    {
      const BsHistoryMigration *migration = &migrations[i];

      g_return_val_if_fail (i == 0 || migration->version > migrations[i - 1].version, FALSE);

      if (migration->version <= version)
        continue;
      if (had_history && path != NULL && !backup (db, path, migration->version, error))
        return FALSE;
      if (!apply (db, display_name, migration, error))
        return FALSE;
      g_debug ("History file %s is now at version %u", display_name, migration->version);
      version = migration->version;
    }
  return TRUE;
}
