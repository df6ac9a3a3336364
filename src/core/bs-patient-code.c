/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bs-error.h"
#include "bs-patient-code.h"

/*
 * Patient codes: what a therapist types to keep a visit's results in the
 * clinic's history.  A code is short, plain ASCII and has a digit in it,
 * so that a name ("Anna", "MÜLLER") can never be kept by mistake; it is
 * stored uppercase so that "p-1042" and "P-1042" are the same patient.
 */

static gboolean
is_code_char (char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* Why @code (trimmed and uppercased) is not one, or %NULL if it is. */
static const char *
check (const char *code,
       BsError    *error_code)
{
  gsize length = strlen (code);
  gboolean has_digit = FALSE;

  *error_code = BS_ERROR_INVALID;
  if (length == 0)
    {
      *error_code = BS_ERROR_MISSING;
      return _("Type a patient code, such as P-1042.");
    }
  if (length < BS_PATIENT_CODE_MIN_LENGTH || length > BS_PATIENT_CODE_MAX_LENGTH ||
      code[0] == '-')
    goto rule;
  for (gsize i = 0; i < length; i++)
    {
      if (!is_code_char (code[i]))
        goto rule;
      has_digit |= g_ascii_isdigit (code[i]);
    }
  if (!has_digit)
    return _("A patient code needs at least one digit, such as P-1042, so that a name is never kept by mistake. Names are not allowed.");
  return NULL;

rule:
  return _("A patient code has 2 to 16 letters, digits or hyphens, starts with a letter or digit and has at least one digit, such as P-1042. Names are not allowed.");
}

/**
 * bs_patient_code_normalize:
 * @text: what was typed
 * @code: (out) (transfer full) (optional): the code to keep, trimmed and
 *   in capitals
 *
 * Reads a patient code: 2 to 16 of A–Z, 0–9 and "-" (lowercase letters
 * are raised), starting with a letter or digit, with at least one digit.
 * Anything else, accented letters and spaces inside included, is refused
 * with a message that states the rule.
 *
 * Returns: whether @text is a patient code
 */
gboolean
bs_patient_code_normalize (const char  *text,
                           char       **code,
                           GError     **error)
{
  g_autofree char *normal = NULL;
  const char *problem;
  BsError error_code;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normal = g_ascii_strup (text != NULL ? text : "", -1);
  g_strstrip (normal);
  problem = check (normal, &error_code);
  if (problem != NULL)
    {
      g_set_error_literal (error, BS_ERROR, error_code, problem);
      return FALSE;
    }
  if (code != NULL)
    *code = g_steal_pointer (&normal);
  return TRUE;
}

/**
 * bs_patient_code_is_valid:
 *
 * Returns: whether @code is a patient code as bs_patient_code_normalize()
 *   makes them: already trimmed and in capitals
 */
gboolean
bs_patient_code_is_valid (const char *code)
{
  BsError error_code;

  return code != NULL && check (code, &error_code) == NULL;
}
