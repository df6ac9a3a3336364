/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BS_ERROR (bs_error_quark ())

/**
 * BsError:
 * @BS_ERROR_PARSE: the data is empty or not JSON
 * @BS_ERROR_FORMAT: the file declares a format version this build cannot read
 * @BS_ERROR_MISSING: a required field is absent
 * @BS_ERROR_TYPE: a field has the wrong JSON type
 * @BS_ERROR_RANGE: a number is outside its allowed range
 * @BS_ERROR_INVALID: a value is not one of the allowed ones, or is duplicated
 * @BS_ERROR_NOT_FOUND: a routine, form or level that was asked for does not exist
 * @BS_ERROR_IO: a file could not be read or written
 * @BS_ERROR_AUDIO: sound could not be made: no output, no voice, a missing plug-in
 */
typedef enum
{
  BS_ERROR_PARSE,
  BS_ERROR_FORMAT,
  BS_ERROR_MISSING,
  BS_ERROR_TYPE,
  BS_ERROR_RANGE,
  BS_ERROR_INVALID,
  BS_ERROR_NOT_FOUND,
  BS_ERROR_IO,
  BS_ERROR_AUDIO,
} BsError;

GQuark bs_error_quark (void);

G_END_DECLS
