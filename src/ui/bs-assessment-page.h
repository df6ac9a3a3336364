/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bs-answers.h"

G_BEGIN_DECLS

#define BS_TYPE_ASSESSMENT_PAGE (bs_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (BsAssessmentPage, bs_assessment_page, BS, ASSESSMENT_PAGE, GtkWidget)

void             bs_assessment_page_begin       (BsAssessmentPage *self,
                                                 const BsAnswers  *answers,
                                                 const char       *page,
                                                 BsUnits           units);
const BsAnswers *bs_assessment_page_get_answers (BsAssessmentPage *self);
const char      *bs_assessment_page_get_page    (BsAssessmentPage *self);

gboolean         bs_assessment_draft_load       (BsAnswers        *answers,
                                                 char            **page);
void             bs_assessment_draft_save       (const BsAnswers  *answers,
                                                 const char       *page);
void             bs_assessment_draft_discard    (void);
void             bs_assessment_draft_set_kept   (gboolean          kept);

G_END_DECLS
