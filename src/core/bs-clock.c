/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-clock.h"

G_DEFINE_ABSTRACT_TYPE (BsClock, bs_clock, G_TYPE_OBJECT)

static void
bs_clock_class_init (BsClockClass *klass)
{
}

static void
bs_clock_init (BsClock *self)
{
}

gint64
bs_clock_get_time (BsClock *self)
{
  g_return_val_if_fail (BS_IS_CLOCK (self), 0);
  return BS_CLOCK_GET_CLASS (self)->get_time (self);
}

guint
bs_clock_add_timeout (BsClock        *self,
                      gint64          deadline,
                      BsClockFunc     func,
                      gpointer        user_data,
                      GDestroyNotify  destroy)
{
  g_return_val_if_fail (BS_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);
  return BS_CLOCK_GET_CLASS (self)->add_timeout (self, deadline, func, user_data, destroy);
}

void
bs_clock_remove_timeout (BsClock *self,
                         guint    id)
{
  g_return_if_fail (BS_IS_CLOCK (self));
  g_return_if_fail (id != 0);
  BS_CLOCK_GET_CLASS (self)->remove_timeout (self, id);
}

/**
 * bs_clock_get_sleep_time:
 *
 * Returns: microseconds spent suspended so far, or 0 where that is unknown
 */
gint64
bs_clock_get_sleep_time (BsClock *self)
{
  g_return_val_if_fail (BS_IS_CLOCK (self), 0);

  if (BS_CLOCK_GET_CLASS (self)->get_sleep_time == NULL)
    return 0;
  return BS_CLOCK_GET_CLASS (self)->get_sleep_time (self);
}
