/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-answers.h"

G_BEGIN_DECLS

#define BS_TYPE_ANSWER_ROW (bs_answer_row_get_type ())
G_DECLARE_FINAL_TYPE (BsAnswerRow, bs_answer_row, BS, ANSWER_ROW, AdwPreferencesRow)

BsAnswer bs_answer_row_get_answer (BsAnswerRow *self);
void     bs_answer_row_set_answer (BsAnswerRow *self,
                                   BsAnswer     answer);

G_END_DECLS
