/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include "bs-clinic-patient.h"

/*
 * One patient of a clinic's history, as the administrator's list shows
 * them: the code, how many results are kept under it and when the last
 * one was made.  A summary made from the entries; it does not follow them.
 */

struct _BsClinicPatient
{
  GObject parent_instance;

  char *code;
  guint n_results;
  GDateTime *last_visit;
};

enum
{
  PROP_0,
  PROP_CODE,
  PROP_N_RESULTS,
  PROP_LAST_VISIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BsClinicPatient, bs_clinic_patient, G_TYPE_OBJECT)

static void
bs_clinic_patient_finalize (GObject *object)
{
  BsClinicPatient *self = BS_CLINIC_PATIENT (object);

  g_free (self->code);
  g_clear_pointer (&self->last_visit, g_date_time_unref);

  G_OBJECT_CLASS (bs_clinic_patient_parent_class)->finalize (object);
}

static void
bs_clinic_patient_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BsClinicPatient *self = BS_CLINIC_PATIENT (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_N_RESULTS:
      g_value_set_uint (value, self->n_results);
      break;
    case PROP_LAST_VISIT:
      g_value_set_boxed (value, self->last_visit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_clinic_patient_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BsClinicPatient *self = BS_CLINIC_PATIENT (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;
    case PROP_N_RESULTS:
      self->n_results = g_value_get_uint (value);
      break;
    case PROP_LAST_VISIT:
      self->last_visit = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_clinic_patient_class_init (BsClinicPatientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bs_clinic_patient_finalize;
  object_class->get_property = bs_clinic_patient_get_property;
  object_class->set_property = bs_clinic_patient_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_RESULTS] =
    g_param_spec_uint ("n-results", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_VISIT] =
    g_param_spec_boxed ("last-visit", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bs_clinic_patient_init (BsClinicPatient *self)
{
}

/**
 * bs_clinic_patient_new:
 * @last_visit: (nullable): when the newest result was made
 *
 * Returns: (transfer full): the summary
 */
BsClinicPatient *
bs_clinic_patient_new (const char *code,
                       guint       n_results,
                       GDateTime  *last_visit)
{
  return g_object_new (BS_TYPE_CLINIC_PATIENT,
                       "code", code,
                       "n-results", n_results,
                       "last-visit", last_visit,
                       NULL);
}

const char *
bs_clinic_patient_get_code (BsClinicPatient *self)
{
  g_return_val_if_fail (BS_IS_CLINIC_PATIENT (self), NULL);
  return self->code;
}

guint
bs_clinic_patient_get_n_results (BsClinicPatient *self)
{
  g_return_val_if_fail (BS_IS_CLINIC_PATIENT (self), 0);
  return self->n_results;
}

/**
 * bs_clinic_patient_get_last_visit:
 *
 * Returns: (transfer none) (nullable): when the newest result was made, UTC
 */
GDateTime *
bs_clinic_patient_get_last_visit (BsClinicPatient *self)
{
  g_return_val_if_fail (BS_IS_CLINIC_PATIENT (self), NULL);
  return self->last_visit;
}
