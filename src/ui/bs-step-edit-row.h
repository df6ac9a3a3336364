/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-routine.h"

G_BEGIN_DECLS

#define BS_TYPE_STEP_EDIT_ROW (bs_step_edit_row_get_type ())
G_DECLARE_FINAL_TYPE (BsStepEditRow, bs_step_edit_row, BS, STEP_EDIT_ROW, AdwExpanderRow)

BsStepEditRow *bs_step_edit_row_new           (BsStep        *step);
BsStep        *bs_step_edit_row_build_step    (BsStepEditRow *self,
                                               BsRoutine     *routine);
void           bs_step_edit_row_set_can_move  (BsStepEditRow *self,
                                               gboolean       up,
                                               gboolean       down);
void           bs_step_edit_row_show_problem  (BsStepEditRow *self,
                                               const char    *field);
void           bs_step_edit_row_clear_problem (BsStepEditRow *self);
void           bs_step_edit_row_focus_name    (BsStepEditRow *self);

G_END_DECLS
