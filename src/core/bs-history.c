/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The history store: one SQLite file, read whole into a list model when it
 * opens, written one transaction per change.
 *
 * The file is private (folder 0700, file 0600) and only ever written after
 * it has been checked to be ours; anything else found at its path is moved
 * aside, never deleted or overwritten, and a fresh history is started.
 * With WAL and synchronous=FULL, a save that returned has reached the disk.
 *
 * bs-history-file.c handles the file before SQLite opens it,
 * bs-history-schema.c the schema and its versions, bs-history-rows.c the
 * SQL, bs-history-model.c the list, bs-history-clinic.c what only a
 * clinic's history does.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bs-error.h"
#include "bs-history.h"
#include "bs-history-entry-private.h"
#include "bs-history-file.h"
#include "bs-history-model.h"
#include "bs-history-private.h"
#include "bs-history-rows.h"
#include "bs-history-schema.h"
#include "bs-patient-code.h"

#define BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (BsHistory, bs_history, G_TYPE_OBJECT)

static void
bs_history_finalize (GObject *object)
{
  BsHistory *self = BS_HISTORY (object);

  g_clear_pointer (&self->rows, bs_history_rows_free);
  /* The last connection to close checkpoints the WAL into the file. */
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->moved_aside);
  g_free (self->moved_aside_reason);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (bs_history_parent_class)->finalize (object);
}

static void
bs_history_class_init (BsHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_history_finalize;
}

static void
bs_history_init (BsHistory *self)
{
  self->entries = bs_history_model_new ();
}

static const char *
display_name (BsHistory *self)
{
  return self->path != NULL ? self->path : ":memory:";
}

gboolean
bs_history_begin (BsHistory  *self,
                  GError    **error)
{
  return bs_history_rows_exec (self->rows, "BEGIN IMMEDIATE", BS_HISTORY_OP_WRITE, error);
}

void
bs_history_rollback (BsHistory *self)
{
  /* Some errors (a full disk) have already rolled the transaction back. */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
bs_history_commit (BsHistory  *self,
                   GError    **error)
{
  if (bs_history_rows_exec (self->rows, "COMMIT", BS_HISTORY_OP_WRITE, error))
    return TRUE;
  bs_history_rollback (self);
  return FALSE;
}

/* Opening */

static const char *
state_reason (BsHistoryFileState state)
{
  switch (state)
    {
    case BS_HISTORY_FILE_FOREIGN:
      return _("it is not a Backstay history file");
    case BS_HISTORY_FILE_DAMAGED:
      return _("it is damaged");
    case BS_HISTORY_FILE_NEWER:
      return _("it was written by a newer version of Backstay");
    case BS_HISTORY_FILE_NEW:
    case BS_HISTORY_FILE_OURS:
    default:
      return NULL;
    }
}

static gboolean
configure (BsHistory  *self,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (self->path != NULL)
    {
      if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) != SQLITE_OK ||
          sqlite3_step (stmt) != SQLITE_ROW)
        {
          bs_history_rows_set_error (self->rows, BS_HISTORY_OP_OPEN, error);
          return FALSE;
        }
      /* Some file systems cannot share memory for WAL; the rollback
       * journal with synchronous=FULL is as safe, only slower. */
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0)
        g_debug ("History file %s stays in journal mode %s",
                 self->path, sqlite3_column_text (stmt, 0));
    }
  else
    {
      /* Kiosk mode keeps nothing on disk, not even SQLite's sort files. */
      if (!bs_history_rows_exec (self->rows, "PRAGMA temp_store = MEMORY",
                                 BS_HISTORY_OP_OPEN, error))
        return FALSE;
    }

  /* secure_delete: what is deleted is overwritten in the file, not only unlinked. */
  return bs_history_rows_exec (self->rows, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                               "PRAGMA secure_delete = ON", BS_HISTORY_OP_OPEN, error);
}

static gboolean
load (BsHistory  *self,
      GError    **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  if (!bs_history_rows_finish_interrupted (self->rows, error) ||
      !bs_history_rows_load (self->rows, entries, &self->n_unreadable, error))
    return FALSE;
  bs_history_model_add_many (self->entries, entries);
  return TRUE;
}

static gboolean
open_database (BsHistory                 *self,
               const BsHistoryMigration  *migrations,
               guint                      n_migrations,
               GError                   **error)
{
  BsHistoryFileState state;
  const char *reason;

  if (!bs_history_schema_inspect (self->path, migrations[n_migrations - 1].version,
                                  &state, error))
    return FALSE;

  reason = state_reason (state);
  if (reason != NULL)
    {
      self->moved_aside = bs_history_file_move_aside (self->path, reason, error);
      if (self->moved_aside == NULL || !bs_history_file_prepare (self->path, error))
        return FALSE;
      self->moved_aside_reason = g_strdup (reason);
    }

  /* No SQLITE_OPEN_CREATE: the file exists, with the mode we gave it. */
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_IO, _("Could not open the history file “%s”: %s"),
                   self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (SQLITE_NOMEM));
      return FALSE;
    }

  self->rows = bs_history_rows_new (self->db, self->path);
  return configure (self, error) &&
         bs_history_schema_migrate (self->db, self->path, migrations, n_migrations, error) &&
         load (self, error);
}

/**
 * bs_history_open_with_migrations:
 * @path: (nullable): as for bs_history_open()
 * @migrations: (array length=n_migrations): the schema steps, in order
 *
 * bs_history_open() with another list of schema steps, for tests of the
 * steps to come.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
BsHistory *
bs_history_open_with_migrations (const char                *path,
                                 const BsHistoryMigration  *migrations,
                                 guint                      n_migrations,
                                 GError                   **error)
{
  g_autoptr(BsHistory) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (migrations != NULL && n_migrations > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (BS_TYPE_HISTORY, NULL);
  if (path != NULL)
    self->path = g_strdup (path);
  else
    self->path = g_build_filename (g_get_user_data_dir (), "backstay", "history.db", NULL);
  dir = g_path_get_dirname (self->path);

  /* Our own folder is made private even if it was not; a folder the
   * caller named (which might be /tmp or their home) is left as it is. */
  if (!bs_history_file_prepare_directory (dir, path == NULL, error) ||
      !bs_history_file_prepare (self->path, error) ||
      !open_database (self, migrations, n_migrations, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * bs_history_open:
 * @path: (nullable): the history file; %NULL for the user's own,
 *   `$XDG_DATA_HOME/backstay/history.db`
 * @error: return location for a #GError
 *
 * Opens the history, creating it if need be.  A file at @path that is not
 * a history this build can read (another program's, a damaged one, one
 * from a later version) is moved aside and a fresh history is started:
 * bs_history_get_moved_aside() then says where it went.  Sessions left in
 * progress by an earlier run become interrupted.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL if the file
 *   could not be used or moved aside
 */
BsHistory *
bs_history_open (const char  *path,
                 GError     **error)
{
  const BsHistoryMigration *migrations;
  guint n_migrations;

  migrations = bs_history_schema_get_migrations (&n_migrations);
  return bs_history_open_with_migrations (path, migrations, n_migrations, error);
}

/**
 * bs_history_new_in_memory:
 *
 * A history that never touches the disk, for kiosk mode: it starts empty
 * and is gone when the store is freed.
 *
 * Returns: (transfer full): the store
 */
BsHistory *
bs_history_new_in_memory (void)
{
  g_autoptr(GError) error = NULL;
  const BsHistoryMigration *migrations;
  guint n_migrations;
  BsHistory *self;

  self = g_object_new (BS_TYPE_HISTORY, NULL);
  migrations = bs_history_schema_get_migrations (&n_migrations);
  /* Nothing here can fail but memory, which GLib treats as fatal too. */
  if (sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       NULL) != SQLITE_OK)
    g_error ("Could not make a history in memory: %s", sqlite3_errmsg (self->db));
  self->rows = bs_history_rows_new (self->db, display_name (self));
  if (!configure (self, &error) ||
      !bs_history_schema_migrate (self->db, NULL, migrations, n_migrations, &error))
    g_error ("Could not make a history in memory: %s", error->message);
  return self;
}

/**
 * bs_history_get_path:
 *
 * Returns: (nullable): the history file, or %NULL for a history in memory
 */
const char *
bs_history_get_path (BsHistory *self)
{
  g_return_val_if_fail (BS_IS_HISTORY (self), NULL);
  return self->path;
}

/**
 * bs_history_get_moved_aside:
 *
 * Returns: (nullable): where the file found at the history's path was
 *   moved when it opened, or %NULL if it was used as it was
 */
const char *
bs_history_get_moved_aside (BsHistory *self)
{
  g_return_val_if_fail (BS_IS_HISTORY (self), NULL);
  return self->moved_aside;
}

/**
 * bs_history_get_moved_aside_reason:
 *
 * Returns: (nullable): why the file was moved aside, a translated clause
 *   such as "it is damaged", or %NULL if it was not
 */
const char *
bs_history_get_moved_aside_reason (BsHistory *self)
{
  g_return_val_if_fail (BS_IS_HISTORY (self), NULL);
  return self->moved_aside_reason;
}

/**
 * bs_history_get_n_unreadable:
 *
 * Returns: how many stored entries could not be read (an outcome or kind
 *   this build does not know, a missing part) and are not in the list
 */
guint
bs_history_get_n_unreadable (BsHistory *self)
{
  g_return_val_if_fail (BS_IS_HISTORY (self), 0);
  return self->n_unreadable;
}

/**
 * bs_history_get_entries:
 *
 * The stored entries, newest first (by start time; of two that started in
 * the same second, the one stored later first).  Every change made through
 * the store shows in it at once.
 *
 * Returns: (transfer none): a list model of #BsHistoryEntry
 */
GListModel *
bs_history_get_entries (BsHistory *self)
{
  g_return_val_if_fail (BS_IS_HISTORY (self), NULL);
  return G_LIST_MODEL (self->entries);
}

/**
 * bs_history_find_uuid:
 *
 * Returns: (transfer none) (nullable): the stored entry with @uuid
 */
BsHistoryEntry *
bs_history_find_uuid (BsHistory  *self,
                      const char *uuid)
{
  g_return_val_if_fail (BS_IS_HISTORY (self), NULL);
  return bs_history_model_lookup (self->entries, uuid);
}

/* Writing */

static gboolean
check_note (const char  *note,
            GError     **error)
{
  if (!g_utf8_validate (note, -1, NULL))
    {
      g_set_error_literal (error, BS_ERROR, BS_ERROR_RANGE, _("The note is not valid text."));
      return FALSE;
    }
  if (g_utf8_strlen (note, -1) > BS_HISTORY_NOTE_MAX_CHARS)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_RANGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A note can be at most %d character long.",
                                "A note can be at most %d characters long.",
                                BS_HISTORY_NOTE_MAX_CHARS),
                   BS_HISTORY_NOTE_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

/* What the schema cannot say; the rest (a session without a routine, a
 * negative level) its constraints refuse. */
static gboolean
check_entry (BsHistory       *self,
             BsHistoryEntry  *entry,
             GError         **error)
{
  if (entry->uuid == NULL || !g_uuid_string_is_valid (entry->uuid))
    {
      g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                   _("Could not save to the history file “%s”: the entry has no valid identifier"),
                   display_name (self));
      return FALSE;
    }
  if (entry->started_at == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_MISSING,
                   _("Could not save to the history file “%s”: the entry has no start time"),
                   display_name (self));
      return FALSE;
    }
  if (entry->kind > BS_HISTORY_ASSESSMENT || entry->outcome > BS_OUTCOME_INTERRUPTED)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                   _("Could not save to the history file “%s”: the entry is of an unknown kind"),
                   display_name (self));
      return FALSE;
    }
  if (entry->patient_code != NULL && !bs_patient_code_is_valid (entry->patient_code))
    {
      g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                   _("Could not save to the history file “%s”: the patient code is not valid"),
                   display_name (self));
      return FALSE;
    }
  return check_note (entry->note, error);
}

static GDateTime *
whole_seconds (GDateTime *time)
{
  GDateTime *whole;

  if (time == NULL)
    return NULL;
  whole = g_date_time_new_from_unix_utc (g_date_time_to_unix (time));
  g_date_time_unref (time);
  return whole;
}

/* After the commit: the entry now says what the file says, to the second,
 * so that it sorts the same now as after the next start. */
static void
settle (BsHistoryEntry *entry,
        gint64          id)
{
  entry->id = id;
  entry->started_at = whole_seconds (entry->started_at);
  entry->ended_at = whole_seconds (entry->ended_at);
}

/**
 * bs_history_save:
 * @entry: a new entry (id 0), or one this store holds, changed
 *
 * Stores @entry in one transaction: a new entry gets an id and joins the
 * list; a stored one (a checkpoint brought up to date) replaces its rows.
 * Times are kept to the second, and @entry is rounded down to match.
 *
 * Returns: whether it is stored; on error nothing changed
 */
gboolean
bs_history_save (BsHistory       *self,
                 BsHistoryEntry  *entry,
                 GError         **error)
{
  gboolean insert;
  gint64 id = 0;

  g_return_val_if_fail (BS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_entry (self, entry, error))
    return FALSE;

  insert = entry->id == 0;
  if (!bs_history_begin (self, error))
    return FALSE;
  if (!bs_history_rows_write (self->rows, entry, insert, &id, error) ||
      !bs_history_commit (self, error))
    {
      bs_history_rollback (self);
      return FALSE;
    }

  settle (entry, id);
  if (insert)
    bs_history_model_add (self->entries, entry);
  else
    bs_history_model_update (self->entries, entry);
  return TRUE;
}

static gboolean
not_stored (BsHistory  *self,
            GError    **error)
{
  g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND,
               _("The entry is not in the history file “%s”"), display_name (self));
  return FALSE;
}

/**
 * bs_history_set_note:
 * @entry: a stored entry
 * @note: (nullable): the person's own note; %NULL or "" for none
 *
 * Returns: whether the note is stored; a note longer than
 *   %BS_HISTORY_NOTE_MAX_CHARS characters, or not UTF-8, is refused with
 *   %BS_ERROR_RANGE
 */
gboolean
bs_history_set_note (BsHistory       *self,
                     BsHistoryEntry  *entry,
                     const char      *note,
                     GError         **error)
{
  BsHistoryEntry *listed;

  g_return_val_if_fail (BS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (note == NULL)
    note = "";
  if (!check_note (note, error))
    return FALSE;

  if (entry->id == 0)
    return not_stored (self, error);
  if (!bs_history_rows_set_note (self->rows, entry, note, error))
    return FALSE;

  bs_history_entry_set_note (entry, note);
  listed = bs_history_model_lookup (self->entries, entry->uuid);
  if (listed != NULL && listed != entry)
    bs_history_entry_set_note (listed, note);
  bs_history_model_changed (self->entries, entry->uuid);
  return TRUE;
}

/**
 * bs_history_remove:
 * @entry: a stored entry
 *
 * Deletes the entry's rows.  @entry keeps everything it says, its uuid
 * included, and gets id 0: saving it again puts it back as it was, which
 * is how the history view undoes a removal (keep a reference to it).
 *
 * Returns: whether it was removed
 */
gboolean
bs_history_remove (BsHistory       *self,
                   BsHistoryEntry  *entry,
                   GError         **error)
{
  g_autoptr(BsHistoryEntry) keep = NULL;
  BsHistoryEntry *listed;

  g_return_val_if_fail (BS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The list may hold the last reference. */
  keep = g_object_ref (entry);

  if (entry->id == 0)
    return not_stored (self, error);
  /* The entry and the schedule only it used go together, or neither. */
  if (!bs_history_begin (self, error))
    return FALSE;
  if (!bs_history_rows_delete (self->rows, entry, error))
    {
      bs_history_rollback (self);
      return FALSE;
    }
  if (!bs_history_commit (self, error))
    return FALSE;

  listed = bs_history_model_lookup (self->entries, entry->uuid);
  if (listed != NULL)
    listed->id = 0;
  entry->id = 0;
  bs_history_model_remove (self->entries, entry->uuid);
  return TRUE;
}

/**
 * bs_history_clear:
 *
 * Deletes every entry, those that could not be read included.
 *
 * Returns: whether the history is now empty
 */
gboolean
bs_history_clear (BsHistory  *self,
                  GError    **error)
{
  GListModel *model;

  g_return_val_if_fail (BS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bs_history_begin (self, error))
    return FALSE;
  if (!bs_history_rows_exec (self->rows, "DELETE FROM entries", BS_HISTORY_OP_WRITE, error)
      || !bs_history_rows_prune_schedules (self->rows, error))
    {
      bs_history_rollback (self);
      return FALSE;
    }
  if (!bs_history_commit (self, error))
    return FALSE;

  model = G_LIST_MODEL (self->entries);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (model, i);

      entry->id = 0;
    }
  self->n_unreadable = 0;
  bs_history_model_clear (self->entries);
  return TRUE;
}

/**
 * bs_history_import:
 * @entries: (element-type BsHistoryEntry): entries read from elsewhere (an
 *   export), not held by another store
 * @n_added: (out) (optional): how many were new
 *
 * Merges @entries into the history: those whose uuid is stored already are
 * skipped, the others are added, all in one transaction.  If any of them
 * cannot be stored, none is.
 *
 * Returns: whether the merge was made
 */
gboolean
bs_history_import (BsHistory  *self,
                   GPtrArray  *entries,
                   guint      *n_added,
                   GError    **error)
{
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (BS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < entries->len; i++)
    if (!check_entry (self, g_ptr_array_index (entries, i), error))
      return FALSE;

  added = g_ptr_array_new ();
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!bs_history_begin (self, error))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      BsHistoryEntry *entry = g_ptr_array_index (entries, i);
      gboolean exists;
      gint64 id;

      if (!bs_history_rows_uuid_exists (self->rows, entry->uuid, &exists, error) ||
          (!exists && !bs_history_rows_write (self->rows, entry, TRUE, &id, error)))
        {
          bs_history_rollback (self);
          return FALSE;
        }
      if (!exists)
        {
          g_ptr_array_add (added, entry);
          g_array_append_val (ids, id);
        }
    }
  if (!bs_history_commit (self, error))
    return FALSE;

  for (guint i = 0; i < added->len; i++)
    settle (g_ptr_array_index (added, i), g_array_index (ids, gint64, i));
  bs_history_model_add_many (self->entries, added);
  if (n_added != NULL)
    *n_added = added->len;
  return TRUE;
}
