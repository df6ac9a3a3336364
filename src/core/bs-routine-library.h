/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-routine.h"

G_BEGIN_DECLS

/* How a user's routine file ends; other files in the folder are left alone. */
#define BS_ROUTINE_FILE_SUFFIX ".backstay.json"

#define BS_TYPE_ROUTINE_LIBRARY (bs_routine_library_get_type ())
G_DECLARE_FINAL_TYPE (BsRoutineLibrary, bs_routine_library, BS, ROUTINE_LIBRARY, GObject)

BsRoutineLibrary *bs_routine_library_new             (void);
GListModel       *bs_routine_library_get_model       (BsRoutineLibrary  *self);
BsRoutine        *bs_routine_library_lookup          (BsRoutineLibrary  *self,
                                                      const char        *id);
gboolean          bs_routine_library_is_bundled      (BsRoutineLibrary  *self,
                                                      const char        *id);
GFile            *bs_routine_library_get_user_file   (BsRoutineLibrary  *self,
                                                      const char        *id);
GPtrArray        *bs_routine_library_get_load_errors (BsRoutineLibrary  *self);
gboolean          bs_routine_library_reload          (BsRoutineLibrary  *self,
                                                      GError           **error);
gboolean          bs_routine_library_delete          (BsRoutineLibrary  *self,
                                                      const char        *id,
                                                      GBytes           **out_previous_contents,
                                                      GError           **error);
gboolean          bs_routine_library_restore         (BsRoutineLibrary  *self,
                                                      const char        *id,
                                                      GBytes            *contents,
                                                      GError           **error);

GFile            *bs_routine_library_get_user_dir    (void);

G_END_DECLS
