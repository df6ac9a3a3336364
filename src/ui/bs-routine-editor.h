/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-routine-library.h"
#include "bs-step-edit-row.h"

G_BEGIN_DECLS

#define BS_TYPE_ROUTINE_EDITOR (bs_routine_editor_get_type ())
G_DECLARE_FINAL_TYPE (BsRoutineEditor, bs_routine_editor, BS, ROUTINE_EDITOR, AdwWindow)

BsRoutineEditor *bs_routine_editor_new          (BsRoutineLibrary *library,
                                                 BsRoutine        *routine);
BsRoutineEditor *bs_routine_editor_new_copy     (BsRoutineLibrary *library,
                                                 BsRoutine        *routine);
gboolean         bs_routine_editor_save         (BsRoutineEditor  *self,
                                                 GError          **error);
const char      *bs_routine_editor_get_saved_id (BsRoutineEditor  *self);
gboolean         bs_routine_editor_is_valid     (BsRoutineEditor  *self);
const char      *bs_routine_editor_get_problem  (BsRoutineEditor  *self);
gboolean         bs_routine_editor_has_changes  (BsRoutineEditor  *self);
BsStepEditRow   *bs_routine_editor_add_step     (BsRoutineEditor  *self);
guint            bs_routine_editor_get_n_steps  (BsRoutineEditor  *self);
BsStepEditRow   *bs_routine_editor_get_step_row (BsRoutineEditor  *self,
                                                 guint             index);

char            *bs_routine_editor_make_id      (BsRoutineLibrary *library,
                                                 const char       *name);

G_END_DECLS
