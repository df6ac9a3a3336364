/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bs-format.h"

/**
 * bs_format_clock:
 *
 * Returns: (transfer full): @seconds as a countdown shows it: "0:45",
 *   "3:00", "1:02:30"
 */
char *
bs_format_clock (guint seconds)
{
  guint h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;

  if (h > 0)
    return g_strdup_printf ("%u:%02u:%02u", h, m, s);
  return g_strdup_printf ("%u:%02u", m, s);
}
