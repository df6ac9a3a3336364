/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * Heights, weights, distances and other numbers as people type them: a
 * decimal comma or point, the unit after the number if they like, feet and
 * inches in several spellings.  Anything else, or anything out of range, is
 * refused with a message that gives the range in the units asked for.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bs-error.h"
#include "bs-measure.h"

/* What people type */

static const char *
skip_spaces (const char *p)
{
  for (;;)
    {
      if (g_ascii_isspace (*p))
        p++;
      /* No-break and narrow no-break space: what a pasted "175 cm" may
       * hold, in some locales. */
      else if (g_str_has_prefix (p, "\u00a0"))
        p += strlen ("\u00a0");
      else if (g_str_has_prefix (p, "\u202f"))
        p += strlen ("\u202f");
      else
        return p;
    }
}

/* Reads digits with at most one decimal point or comma from *@p.  Nothing
 * else is a number here: no exponent ("1e3"), no "nan" or "inf", no
 * thousands separators.  FALSE if there is no digit. */
static gboolean
scan_decimal (const char **p,
              gboolean    *has_fraction,
              double      *out)
{
  g_autoptr(GString) number = g_string_new (NULL);
  const char *c = *p;
  gboolean seen_separator = FALSE;
  guint digits = 0;

  for (;; c++)
    {
      if (g_ascii_isdigit (*c))
        {
          g_string_append_c (number, *c);
          digits++;
        }
      else if ((*c == '.' || *c == ',') && !seen_separator)
        {
          g_string_append_c (number, '.');
          seen_separator = TRUE;
        }
      else
        break;
    }
  if (digits == 0)
    return FALSE;

  *out = g_ascii_strtod (number->str, NULL);
  *has_fraction = seen_separator;
  *p = c;
  return TRUE;
}

/* Consumes the first of @words that *@p starts with.  A word made of
 * letters must not run on into more letters ("in" is not "inx"). */
static gboolean
scan_word (const char         **p,
           const char * const  *words)
{
  for (guint i = 0; words[i]; i++)
    {
      gsize len = strlen (words[i]);

      if (strncmp (*p, words[i], len) != 0)
        continue;
      if (g_ascii_isalpha (words[i][len - 1]) && g_ascii_isalpha ((*p)[len]))
        continue;
      *p += len;
      return TRUE;
    }
  return FALSE;
}

typedef enum
{
  READ_OK,
  READ_GARBAGE,
  READ_NEGATIVE,
} ReadResult;

/* A whole entry: spaces, an optional "-" (so that "-5" is refused as out
 * of range rather than as not a number), the number, and optionally the
 * unit the field is asked in, e.g. "70 kg" as bs_format_weight() writes it. */
static ReadResult
read_number (const char         *text,
             const char * const *units,
             gboolean            whole,
             double             *out)
{
  const char *p = skip_spaces (text);
  gboolean negative = FALSE, has_fraction;
  double value;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (!scan_decimal (&p, &has_fraction, &value))
    return READ_GARBAGE;
  if (whole && has_fraction)
    return READ_GARBAGE;
  p = skip_spaces (p);
  if (units != NULL && scan_word (&p, units))
    p = skip_spaces (p);
  if (*p != '\0' || !isfinite (value))
    return READ_GARBAGE;

  if (negative && value > 0)
    return READ_NEGATIVE;
  *out = value;
  return READ_OK;
}

/* Reads a number and checks it is from @min to @max, in the units asked. */
static gboolean
parse_number (const char          *text,
              const char * const  *units,
              gboolean             whole,
              double               min,
              double               max,
              double              *out,
              const char          *invalid_message,
              const char          *range_message,
              GError             **error)
{
  double value = 0;

  switch (read_number (text, units, whole, &value))
    {
    case READ_GARBAGE:
      g_set_error_literal (error, BS_ERROR, BS_ERROR_INVALID, invalid_message);
      return FALSE;
    case READ_NEGATIVE:
      g_set_error_literal (error, BS_ERROR, BS_ERROR_RANGE, range_message);
      return FALSE;
    case READ_OK:
    default:
      break;
    }
  if (value < min || value > max)
    {
      g_set_error_literal (error, BS_ERROR, BS_ERROR_RANGE, range_message);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static char *
format_feet_inches (int inches)
{
  /* Translators: a height in feet (′) and inches (″), e.g. 5′9″ */
  return g_strdup_printf (_("%d′%d″"), inches / 12, inches % 12);
}

/* Heights in feet and inches: 5'9", 5' 9", 5'9, 5 ft 9 in, 5ft9in, 5', or
 * plain inches, 69 or 69".  The feet must be whole: "5.9" could mean
 * 5′9″ or 5.9 feet, so it is read as plain inches and refused as too short
 * rather than guessed at. */
static ReadResult
read_feet_inches (const char *text,
                  double     *inches)
{
  static const char * const feet_marks[] = { "feet", "foot", "ft", "'", "′", "’", NULL };
  static const char * const inch_marks[] = {
    "inches", "inch", "in", "\"", "″", "”", "''", "′′", "’’", NULL
  };
  const char *p = skip_spaces (text);
  gboolean feet_fraction, inch_fraction;
  double first, second;

  if (*p == '-')
    return READ_NEGATIVE;
  if (!scan_decimal (&p, &feet_fraction, &first))
    return READ_GARBAGE;
  p = skip_spaces (p);

  /* "69", "69 in" or "69"": inches alone. */
  if (scan_word (&p, inch_marks) || *p == '\0')
    {
      p = skip_spaces (p);
      if (*p != '\0')
        return READ_GARBAGE;
      *inches = first;
      return READ_OK;
    }

  if (feet_fraction || !scan_word (&p, feet_marks))
    return READ_GARBAGE;
  p = skip_spaces (p);
  if (*p == '\0')
    {
      *inches = first * 12;
      return READ_OK;
    }
  if (!scan_decimal (&p, &inch_fraction, &second) || second >= 12)
    return READ_GARBAGE;
  p = skip_spaces (p);
  if (scan_word (&p, inch_marks))
    p = skip_spaces (p);
  if (*p != '\0')
    return READ_GARBAGE;

  *inches = first * 12 + second;
  return READ_OK;
}

gboolean
bs_parse_height (const char  *text,
                 BsUnits      units,
                 double      *cm,
                 GError     **error)
{
  static const char * const unit_words[] = { "cm", NULL };
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (cm != NULL, FALSE);

  if (units == BS_UNITS_IMPERIAL)
    {
      g_autofree char *lowest = format_feet_inches (BS_MIN_HEIGHT_IN);
      g_autofree char *highest = format_feet_inches (BS_MAX_HEIGHT_IN);
      g_autofree char *example = format_feet_inches (69);
      double inches = 0;
      ReadResult result = read_feet_inches (text, &inches);

      if (result == READ_GARBAGE)
        {
          g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                       /* Translators: the first two are heights in feet and
                        * inches, the third an example of how to type one */
                       _("Height must be feet and inches from %s to %s, such as %s"),
                       lowest, highest, example);
          return FALSE;
        }
      if (result == READ_NEGATIVE || inches < BS_MIN_HEIGHT_IN || inches > BS_MAX_HEIGHT_IN)
        {
          g_set_error (error, BS_ERROR, BS_ERROR_RANGE, _("Height must be from %s to %s"),
                       lowest, highest);
          return FALSE;
        }
      *cm = inches * BS_CM_PER_INCH;
      return TRUE;
    }

  invalid = g_strdup_printf (_("Height must be a number from %d to %d cm"),
                             BS_MIN_HEIGHT_CM, BS_MAX_HEIGHT_CM);
  range = g_strdup_printf (_("Height must be from %d to %d cm"), BS_MIN_HEIGHT_CM, BS_MAX_HEIGHT_CM);
  return parse_number (text, unit_words, FALSE, BS_MIN_HEIGHT_CM, BS_MAX_HEIGHT_CM, cm,
                       invalid, range, error);
}

gboolean
bs_parse_weight (const char  *text,
                 BsUnits      units,
                 double      *kg,
                 GError     **error)
{
  static const char * const kg_words[] = { "kg", NULL };
  static const char * const lb_words[] = { "lbs", "lb", NULL };
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (kg != NULL, FALSE);

  if (units == BS_UNITS_IMPERIAL)
    {
      double pounds;

      invalid = g_strdup_printf (_("Weight must be a number from %d to %d lb"),
                                 BS_MIN_WEIGHT_LB, BS_MAX_WEIGHT_LB);
      range = g_strdup_printf (_("Weight must be from %d to %d lb"), BS_MIN_WEIGHT_LB,
                               BS_MAX_WEIGHT_LB);
      if (!parse_number (text, lb_words, FALSE, BS_MIN_WEIGHT_LB, BS_MAX_WEIGHT_LB, &pounds,
                         invalid, range, error))
        return FALSE;
      *kg = pounds * BS_KG_PER_POUND;
      return TRUE;
    }

  invalid = g_strdup_printf (_("Weight must be a number from %d to %d kg"),
                             BS_MIN_WEIGHT_KG, BS_MAX_WEIGHT_KG);
  range = g_strdup_printf (_("Weight must be from %d to %d kg"), BS_MIN_WEIGHT_KG, BS_MAX_WEIGHT_KG);
  return parse_number (text, kg_words, FALSE, BS_MIN_WEIGHT_KG, BS_MAX_WEIGHT_KG, kg,
                       invalid, range, error);
}

gboolean
bs_parse_years (const char  *text,
                double      *years,
                GError     **error)
{
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (years != NULL, FALSE);

  invalid = g_strdup_printf (ngettext ("Running time must be a number from 0 to %d year",
                                       "Running time must be a number from 0 to %d years",
                                       BS_MAX_YEARS), BS_MAX_YEARS);
  range = g_strdup_printf (ngettext ("Running time must be from 0 to %d year",
                                     "Running time must be from 0 to %d years",
                                     BS_MAX_YEARS), BS_MAX_YEARS);
  return parse_number (text, NULL, FALSE, 0, BS_MAX_YEARS, years, invalid, range, error);
}

gboolean
bs_parse_distance (const char  *text,
                   BsUnits      units,
                   double      *km,
                   GError     **error)
{
  static const char * const km_words[] = { "km", NULL };
  static const char * const mile_words[] = { "miles", "mile", "mi", NULL };
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (km != NULL, FALSE);

  if (units == BS_UNITS_IMPERIAL)
    {
      double miles;

      invalid = g_strdup_printf (_("Weekly distance must be a number from 0 to %d mi"),
                                 BS_MAX_MILES);
      range = g_strdup_printf (_("Weekly distance must be from 0 to %d mi"), BS_MAX_MILES);
      if (!parse_number (text, mile_words, FALSE, 0, BS_MAX_MILES, &miles, invalid, range, error))
        return FALSE;
      *km = miles * BS_KM_PER_MILE;
      return TRUE;
    }

  invalid = g_strdup_printf (_("Weekly distance must be a number from 0 to %d km"), BS_MAX_KM);
  range = g_strdup_printf (_("Weekly distance must be from 0 to %d km"), BS_MAX_KM);
  return parse_number (text, km_words, FALSE, 0, BS_MAX_KM, km, invalid, range, error);
}

gboolean
bs_parse_percent (const char  *text,
                  double      *percent,
                  GError     **error)
{
  static const char * const unit_words[] = { "%", NULL };
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (percent != NULL, FALSE);

  invalid = g_strdup_printf (_("Speed work must be a number from 0 to %d %%"), 100);
  range = g_strdup_printf (_("Speed work must be from 0 to %d %%"), 100);
  return parse_number (text, unit_words, FALSE, 0, 100, percent, invalid, range, error);
}

gboolean
bs_parse_pain (const char  *text,
               int         *severity,
               GError     **error)
{
  g_autofree char *message = NULL;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (severity != NULL, FALSE);

  /* The 0 to 10 rating has no halves; "5.5" is refused as not a rating. */
  message = g_strdup_printf (_("Pain must be a whole number from 0 to %d"), BS_MAX_PAIN);
  if (!parse_number (text, NULL, TRUE, 0, BS_MAX_PAIN, &value, message, message, error))
    return FALSE;
  *severity = (int) value;
  return TRUE;
}

/* "70" or "70.5": one decimal, shown only when it is not zero. */
static char *
format_one_decimal (double value)
{
  double rounded = floor (value * 10.0 + 0.5) / 10.0;

  if (rounded == floor (rounded))
    return g_strdup_printf ("%.0f", rounded);
  return g_strdup_printf ("%.1f", rounded);
}

/**
 * bs_format_height:
 *
 * Returns: (transfer full): "175 cm", or "5′9″" to the nearest inch; "—"
 *   if @cm is unknown
 */
char *
bs_format_height (double  cm,
                  BsUnits units)
{
  if (cm < 0 || !isfinite (cm))
    return g_strdup ("—");
  if (units == BS_UNITS_IMPERIAL)
    return format_feet_inches ((int) lround (cm / BS_CM_PER_INCH));
  /* Translators: a height in centimetres */
  return g_strdup_printf (_("%d cm"), (int) lround (cm));
}

/**
 * bs_format_weight:
 *
 * Returns: (transfer full): "70 kg" or "70.5 kg"; "154 lb", to the nearest
 *   pound (a pound is less than half a kilogram already); "—" if unknown
 */
char *
bs_format_weight (double  kg,
                  BsUnits units)
{
  g_autofree char *number = NULL;

  if (kg < 0 || !isfinite (kg))
    return g_strdup ("—");
  if (units == BS_UNITS_IMPERIAL)
    /* Translators: a weight in pounds */
    return g_strdup_printf (_("%d lb"), (int) lround (kg / BS_KG_PER_POUND));

  number = format_one_decimal (kg);
  /* Translators: a weight in kilograms, e.g. "70.5 kg" */
  return g_strdup_printf (_("%s kg"), number);
}

/**
 * bs_format_distance:
 *
 * Returns: (transfer full): "30 km" or "12.5 km"; "19 mi", to the nearest
 *   mile; "—" if unknown
 */
char *
bs_format_distance (double  km,
                    BsUnits units)
{
  g_autofree char *number = NULL;

  if (km < 0 || !isfinite (km))
    return g_strdup ("—");
  if (units == BS_UNITS_IMPERIAL)
    /* Translators: a distance in miles */
    return g_strdup_printf (_("%d mi"), (int) lround (km / BS_KM_PER_MILE));

  number = format_one_decimal (km);
  /* Translators: a distance in kilometres, e.g. "12.5 km" */
  return g_strdup_printf (_("%s km"), number);
}
