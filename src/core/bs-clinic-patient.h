/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BS_TYPE_CLINIC_PATIENT (bs_clinic_patient_get_type ())
G_DECLARE_FINAL_TYPE (BsClinicPatient, bs_clinic_patient, BS, CLINIC_PATIENT, GObject)

BsClinicPatient *bs_clinic_patient_new            (const char      *code,
                                                   guint            n_results,
                                                   GDateTime       *last_visit);
const char      *bs_clinic_patient_get_code       (BsClinicPatient *self);
guint            bs_clinic_patient_get_n_results  (BsClinicPatient *self);
GDateTime       *bs_clinic_patient_get_last_visit (BsClinicPatient *self);

G_END_DECLS
