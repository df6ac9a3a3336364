/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "bs-history.h"

G_BEGIN_DECLS

/* Written into every history file ("Bsty"), so that a SQLite file another
 * program left at our path is never mistaken for ours. */
#define BS_HISTORY_APPLICATION_ID 0x42737479

typedef gboolean (*BsHistoryMigrateFunc) (sqlite3  *db,
                                          GError  **error);

/**
 * BsHistoryMigration:
 * @version: the schema version it brings the file to
 * @sql: (nullable): a script run with sqlite3_exec()
 * @run: (nullable): code run after @sql, for what SQL alone cannot do
 *
 * One step of the schema.  Each runs in its own transaction and must set
 * `PRAGMA user_version` to @version itself: the runner checks that it did,
 * so a step can never be half applied or applied twice.
 */
typedef struct
{
  guint version;
  const char *sql;
  BsHistoryMigrateFunc run;
} BsHistoryMigration;

/**
 * BsHistoryFileState:
 * @BS_HISTORY_FILE_NEW: empty; the schema is still to be made
 * @BS_HISTORY_FILE_OURS: a history file this build can read
 * @BS_HISTORY_FILE_FOREIGN: not a history file at all
 * @BS_HISTORY_FILE_DAMAGED: a history file that no longer reads
 * @BS_HISTORY_FILE_NEWER: a history file of a later schema
 */
typedef enum
{
  BS_HISTORY_FILE_NEW,
  BS_HISTORY_FILE_OURS,
  BS_HISTORY_FILE_FOREIGN,
  BS_HISTORY_FILE_DAMAGED,
  BS_HISTORY_FILE_NEWER,
} BsHistoryFileState;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

const BsHistoryMigration *bs_history_schema_get_migrations (guint                     *n_migrations);
gboolean                  bs_history_schema_inspect        (const char                *path,
                                                            guint                      latest,
                                                            BsHistoryFileState        *state,
                                                            GError                   **error);
gboolean                  bs_history_schema_migrate        (sqlite3                   *db,
                                                            const char                *path,
                                                            const BsHistoryMigration  *migrations,
                                                            guint                      n_migrations,
                                                            GError                   **error);

BsHistory                *bs_history_open_with_migrations  (const char                *path,
                                                            const BsHistoryMigration  *migrations,
                                                            guint                      n_migrations,
                                                            GError                   **error);

G_END_DECLS
