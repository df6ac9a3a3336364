/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-clock.h"
#include "bs-findings.h"
#include "bs-result.h"
#include "bs-routine-library.h"

G_BEGIN_DECLS

#define BS_TYPE_APPLICATION (bs_application_get_type ())
G_DECLARE_FINAL_TYPE (BsApplication, bs_application, BS, APPLICATION, AdwApplication)

BsApplication    *bs_application_new          (void);
BsRoutineLibrary *bs_application_get_library  (BsApplication *self);
GSettings        *bs_application_get_settings (BsApplication *self);
BsClock          *bs_application_get_clock    (BsApplication *self);
void              bs_application_set_clock    (BsApplication *self,
                                               BsClock       *clock);
GListModel       *bs_application_get_results  (BsApplication *self);
void              bs_application_add_result   (BsApplication *self,
                                               BsResult      *result);
BsFindings       *bs_application_get_last_findings (BsApplication *self);
void              bs_application_add_findings (BsApplication *self,
                                               BsFindings    *findings);

G_END_DECLS
