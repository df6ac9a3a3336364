/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-routine.h"

G_BEGIN_DECLS

#define BS_TYPE_ROUTINE_LIBRARY (bs_routine_library_get_type ())
G_DECLARE_FINAL_TYPE (BsRoutineLibrary, bs_routine_library, BS, ROUTINE_LIBRARY, GObject)

BsRoutineLibrary *bs_routine_library_new       (void);
GListModel       *bs_routine_library_get_model (BsRoutineLibrary  *self);
BsRoutine        *bs_routine_library_lookup    (BsRoutineLibrary  *self,
                                                const char        *id);

G_END_DECLS
