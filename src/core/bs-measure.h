/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BS_UNITS_METRIC,
  BS_UNITS_IMPERIAL,
} BsUnits;

/* Exact, by definition of the international inch and pound. */
#define BS_CM_PER_INCH 2.54
#define BS_KG_PER_POUND 0.45359237
#define BS_KM_PER_MILE 1.609344

#define BS_MIN_HEIGHT_CM 100
#define BS_MAX_HEIGHT_CM 250
#define BS_MIN_HEIGHT_IN 39 /* 3′3″ */
#define BS_MAX_HEIGHT_IN 98 /* 8′2″ */
#define BS_MIN_WEIGHT_KG 25
#define BS_MAX_WEIGHT_KG 300
#define BS_MIN_WEIGHT_LB 55
#define BS_MAX_WEIGHT_LB 661
#define BS_MAX_YEARS 80
#define BS_MAX_KM 400
#define BS_MAX_MILES 248
#define BS_MAX_PAIN 10

/* Input checks for what a person types.  Each refuses text that is not a
 * number or is out of range with a message that gives the range in the
 * units asked for (e.g. "Height must be from 100 to 250 cm"), and accepts
 * a decimal comma or point.  Heights in imperial units are "5'9", 5' 9",
 * 5 ft 9 in" or plain inches "69"; weights in pounds. */
gboolean   bs_parse_height       (const char  *text,
                                  BsUnits      units,
                                  double      *cm,
                                  GError     **error);
gboolean   bs_parse_weight       (const char  *text,
                                  BsUnits      units,
                                  double      *kg,
                                  GError     **error);
gboolean   bs_parse_years        (const char  *text,
                                  double      *years,
                                  GError     **error);
gboolean   bs_parse_distance     (const char  *text,
                                  BsUnits      units,
                                  double      *km,
                                  GError     **error);
gboolean   bs_parse_percent      (const char  *text,
                                  double      *percent,
                                  GError     **error);
gboolean   bs_parse_pain         (const char  *text,
                                  int         *severity,
                                  GError     **error);
char      *bs_format_height      (double       cm,
                                  BsUnits      units);
char      *bs_format_weight      (double       kg,
                                  BsUnits      units);
char      *bs_format_distance    (double       km,
                                  BsUnits      units);

G_END_DECLS
