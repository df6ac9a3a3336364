/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bs-findings.h"

G_BEGIN_DECLS

#define BS_TYPE_ASSESSMENT_RESULT (bs_assessment_result_get_type ())
G_DECLARE_FINAL_TYPE (BsAssessmentResult, bs_assessment_result, BS, ASSESSMENT_RESULT, GtkWidget)

void bs_assessment_result_show (BsAssessmentResult  *self,
                                BsFindings          *findings,
                                const char * const  *changes);

G_END_DECLS
