/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef void (*BsClockFunc) (gpointer user_data);

#define BS_TYPE_CLOCK (bs_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (BsClock, bs_clock, BS, CLOCK, GObject)

/**
 * BsClockClass:
 * @get_time: the current time in microseconds, never going backwards
 * @add_timeout: calls @func once, at or after @deadline (microseconds on
 *   the same time line); returns a non-zero id
 * @remove_timeout: cancels a timeout that has not fired yet
 * @get_sleep_time: microseconds the machine has spent suspended since it
 *   started: the time line above stands still while it sleeps, so this is
 *   how a session finds out that it did
 *
 * The session's only source of time.  The real clock is the monotonic
 * clock and main-loop sources; the fake clock is advanced by tests.
 */
struct _BsClockClass
{
  GObjectClass parent_class;

  gint64 (*get_time)       (BsClock        *self);
  guint  (*add_timeout)    (BsClock        *self,
                            gint64          deadline,
                            BsClockFunc     func,
                            gpointer        user_data,
                            GDestroyNotify  destroy);
  void   (*remove_timeout) (BsClock        *self,
                            guint           id);
  gint64 (*get_sleep_time) (BsClock        *self);
};

gint64 bs_clock_get_time       (BsClock        *self);
guint  bs_clock_add_timeout    (BsClock        *self,
                                gint64          deadline,
                                BsClockFunc     func,
                                gpointer        user_data,
                                GDestroyNotify  destroy);
void   bs_clock_remove_timeout (BsClock        *self,
                                guint           id);
gint64 bs_clock_get_sleep_time (BsClock        *self);

G_END_DECLS
