/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-clock.h"
#include "bs-findings.h"
#include "bs-history.h"
#include "bs-kiosk.h"
#include "bs-measure.h"
#include "bs-notifier.h"
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
BsHistory        *bs_application_get_history  (BsApplication *self);
void              bs_application_set_history  (BsApplication *self,
                                               BsHistory     *history);
char             *bs_application_take_history_notice (BsApplication *self);
BsFindings       *bs_application_dup_last_findings   (BsApplication *self);
BsUnits           bs_application_get_units           (BsApplication *self);
BsNotifier       *bs_application_get_notifier        (BsApplication *self);
void              bs_application_set_notifier        (BsApplication *self,
                                                      BsNotifier    *notifier);
BsKiosk          *bs_application_get_kiosk           (BsApplication *self);
BsHistory        *bs_application_get_clinic          (BsApplication *self,
                                                      GError       **error);

G_END_DECLS
