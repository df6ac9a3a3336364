/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-routine-library.h"

G_BEGIN_DECLS

/* The file helpers that the library and the import and export code share. */

char       *bs_routine_file_display_name          (GFile             *file);
GBytes     *bs_routine_file_read                  (GFile             *file,
                                                   GError           **error);
gboolean    bs_routine_file_write                 (GFile             *file,
                                                   GBytes            *contents,
                                                   int                mode,
                                                   GError           **error);

const char *bs_routine_library_get_resource_path  (BsRoutineLibrary  *self,
                                                   const char        *id);
gboolean    bs_routine_library_id_is_free         (BsRoutineLibrary  *self,
                                                   const char        *id);
GFile      *bs_routine_library_new_user_file      (BsRoutineLibrary  *self,
                                                   const char        *id,
                                                   GError           **error);

G_END_DECLS
