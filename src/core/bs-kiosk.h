/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-clock.h"

G_BEGIN_DECLS

#define BS_KIOSK_WARNING_SECONDS 20
#define BS_KIOSK_FREE_ATTEMPTS 3
#define BS_KIOSK_FIRST_DELAY_SECONDS 5
#define BS_KIOSK_MAX_DELAY_SECONDS 300

/**
 * BsKioskPinResult:
 * @BS_KIOSK_PIN_RIGHT: the PIN is right; kiosk mode is off for this run
 * @BS_KIOSK_PIN_WRONG: the PIN is wrong
 * @BS_KIOSK_PIN_WAIT: too soon after wrong ones: not even checked
 * @BS_KIOSK_PIN_NOT_SET: no administrator PIN is set
 */
typedef enum
{
  BS_KIOSK_PIN_RIGHT,
  BS_KIOSK_PIN_WRONG,
  BS_KIOSK_PIN_WAIT,
  BS_KIOSK_PIN_NOT_SET,
} BsKioskPinResult;

#define BS_TYPE_KIOSK (bs_kiosk_get_type ())
G_DECLARE_FINAL_TYPE (BsKiosk, bs_kiosk, BS, KIOSK, GObject)

BsKiosk          *bs_kiosk_new                 (BsClock    *clock);
gboolean          bs_kiosk_get_enabled         (BsKiosk    *self);
void              bs_kiosk_set_enabled         (BsKiosk    *self,
                                                gboolean    enabled);
const char       *bs_kiosk_get_pin_hash        (BsKiosk    *self);
void              bs_kiosk_set_pin_hash        (BsKiosk    *self,
                                                const char *pin_hash);
guint             bs_kiosk_get_idle_minutes    (BsKiosk    *self);
void              bs_kiosk_set_idle_minutes    (BsKiosk    *self,
                                                guint       minutes);

BsKioskPinResult  bs_kiosk_try_pin             (BsKiosk    *self,
                                                const char *pin);
guint             bs_kiosk_get_failures        (BsKiosk    *self);
guint             bs_kiosk_get_wait_seconds    (BsKiosk    *self);

void              bs_kiosk_report_activity     (BsKiosk    *self);
void              bs_kiosk_set_idle_suspended  (BsKiosk    *self,
                                                gboolean    suspended);
gboolean          bs_kiosk_is_warning          (BsKiosk    *self);
guint             bs_kiosk_get_warning_left    (BsKiosk    *self);
void              bs_kiosk_still_here          (BsKiosk    *self);
void              bs_kiosk_start_over          (BsKiosk    *self);

gboolean          bs_kiosk_get_patient_codes   (BsKiosk    *self);
void              bs_kiosk_set_patient_codes   (BsKiosk    *self,
                                                gboolean    patient_codes);
const char       *bs_kiosk_get_patient_code    (BsKiosk    *self);
void              bs_kiosk_set_patient_code    (BsKiosk    *self,
                                                const char *patient_code);

G_END_DECLS
