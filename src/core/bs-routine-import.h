/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-routine.h"
#include "bs-routine-library.h"

G_BEGIN_DECLS

/**
 * BsImportAction:
 * @BS_IMPORT_ACTION_REPLACE: the imported file takes the place of the
 *   user's routine with the same id (not possible for a bundled routine)
 * @BS_IMPORT_ACTION_KEEP_BOTH: the imported routine is saved beside the
 *   existing one, under a new id and a numbered name
 *
 * What to do when an imported routine's id is already taken.  Without a
 * conflict both save the file as it is.
 */
typedef enum
{
  BS_IMPORT_ACTION_REPLACE,
  BS_IMPORT_ACTION_KEEP_BOTH,
} BsImportAction;

#define BS_TYPE_ROUTINE_IMPORT (bs_routine_import_get_type ())
G_DECLARE_FINAL_TYPE (BsRoutineImport, bs_routine_import, BS, ROUTINE_IMPORT, GObject)

BsRoutineImport *bs_routine_import_prepare              (BsRoutineLibrary  *library,
                                                         GFile             *file,
                                                         GError           **error);
BsRoutine       *bs_routine_import_get_routine          (BsRoutineImport   *self);
BsRoutine       *bs_routine_import_get_conflict         (BsRoutineImport   *self);
gboolean         bs_routine_import_conflict_is_bundled  (BsRoutineImport   *self);
gboolean         bs_routine_import_commit               (BsRoutineImport   *self,
                                                         BsImportAction     action,
                                                         GError           **error);
const char      *bs_routine_import_get_saved_id         (BsRoutineImport   *self);

gboolean         bs_routine_export                      (BsRoutineLibrary  *library,
                                                         const char        *id,
                                                         GFile             *destination,
                                                         GError           **error);

G_END_DECLS
