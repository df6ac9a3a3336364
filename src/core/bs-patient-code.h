/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BS_PATIENT_CODE_MIN_LENGTH 2
#define BS_PATIENT_CODE_MAX_LENGTH 16

gboolean bs_patient_code_normalize (const char  *text,
                                    char       **code,
                                    GError     **error);
gboolean bs_patient_code_is_valid  (const char  *code);

G_END_DECLS
