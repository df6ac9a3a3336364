/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-fake-clock.h"

/*
 * A clock that moves only when told.  Advancing fires every timeout that
 * falls inside the step, in deadline order, with the time set to each
 * timeout's own deadline while it runs: exactly what a perfectly punctual
 * main loop would do.  It refuses what the real clock cannot do either
 * (going backwards).
 */

/* Far from zero, so code that confuses "no time" with "time 0" shows up. */
#define FAKE_EPOCH (1000 * G_USEC_PER_SEC)

typedef struct
{
  guint id;
  gint64 deadline;
  BsClockFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} Timeout;

struct _BsFakeClock
{
  BsClock parent_instance;

  gint64 now;
  gint64 slept;
  guint last_id;
  GList *timeouts; /* Timeout, sorted by deadline then id */
};

G_DEFINE_FINAL_TYPE (BsFakeClock, bs_fake_clock, BS_TYPE_CLOCK)

static void
timeout_free (Timeout *timeout)
{
  if (timeout->destroy)
    timeout->destroy (timeout->user_data);
  g_free (timeout);
}

static int
compare_timeouts (gconstpointer a,
                  gconstpointer b)
{
  const Timeout *ta = a, *tb = b;

  if (ta->deadline != tb->deadline)
    return ta->deadline < tb->deadline ? -1 : 1;
  return ta->id < tb->id ? -1 : (ta->id > tb->id);
}

static gint64
bs_fake_clock_get_time (BsClock *clock)
{
  return BS_FAKE_CLOCK (clock)->now;
}

static gint64
bs_fake_clock_get_sleep_time (BsClock *clock)
{
  return BS_FAKE_CLOCK (clock)->slept;
}

static guint
bs_fake_clock_add_timeout (BsClock        *clock,
                           gint64          deadline,
                           BsClockFunc     func,
                           gpointer        user_data,
                           GDestroyNotify  destroy)
{
  BsFakeClock *self = BS_FAKE_CLOCK (clock);
  Timeout *timeout = g_new0 (Timeout, 1);

  timeout->id = ++self->last_id;
  timeout->deadline = deadline;
  timeout->func = func;
  timeout->user_data = user_data;
  timeout->destroy = destroy;
  self->timeouts = g_list_insert_sorted (self->timeouts, timeout, compare_timeouts);
  return timeout->id;
}

static void
bs_fake_clock_remove_timeout (BsClock *clock,
                              guint    id)
{
  BsFakeClock *self = BS_FAKE_CLOCK (clock);

  for (GList *l = self->timeouts; l; l = l->next)
    {
      Timeout *timeout = l->data;

      if (timeout->id == id)
        {
          self->timeouts = g_list_delete_link (self->timeouts, l);
          timeout_free (timeout);
          return;
        }
    }
}

static void
bs_fake_clock_finalize (GObject *object)
{
  BsFakeClock *self = BS_FAKE_CLOCK (object);

  g_list_free_full (self->timeouts, (GDestroyNotify) timeout_free);

  G_OBJECT_CLASS (bs_fake_clock_parent_class)->finalize (object);
}

static void
bs_fake_clock_class_init (BsFakeClockClass *klass)
{
  BsClockClass *clock_class = BS_CLOCK_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bs_fake_clock_finalize;
  clock_class->get_time = bs_fake_clock_get_time;
  clock_class->add_timeout = bs_fake_clock_add_timeout;
  clock_class->remove_timeout = bs_fake_clock_remove_timeout;
  clock_class->get_sleep_time = bs_fake_clock_get_sleep_time;
}

static void
bs_fake_clock_init (BsFakeClock *self)
{
  self->now = FAKE_EPOCH;
}

BsClock *
bs_fake_clock_new (void)
{
  return g_object_new (BS_TYPE_FAKE_CLOCK, NULL);
}

/**
 * bs_fake_clock_advance_to:
 * @time: the new time; not before the current one
 *
 * Fires, in order, every timeout due at or before @time, including ones
 * added by the timeouts fired on the way.
 */
void
bs_fake_clock_advance_to (BsFakeClock *self,
                          gint64       time)
{
  g_return_if_fail (BS_IS_FAKE_CLOCK (self));
  g_return_if_fail (time >= self->now);

  g_object_ref (self);
  while (self->timeouts != NULL)
    {
      Timeout *timeout = self->timeouts->data;

      if (timeout->deadline > time)
        break;
      self->timeouts = g_list_delete_link (self->timeouts, self->timeouts);
      /* A timeout asked for the past fires now, as a main loop would. */
      self->now = MAX (self->now, timeout->deadline);
      timeout->func (timeout->user_data);
      timeout_free (timeout);
    }
  self->now = time;
  g_object_unref (self);
}

void
bs_fake_clock_advance (BsFakeClock *self,
                       gint64       usec)
{
  g_return_if_fail (BS_IS_FAKE_CLOCK (self));
  g_return_if_fail (usec >= 0);
  bs_fake_clock_advance_to (self, self->now + usec);
}

guint
bs_fake_clock_get_n_pending (BsFakeClock *self)
{
  g_return_val_if_fail (BS_IS_FAKE_CLOCK (self), 0);
  return g_list_length (self->timeouts);
}

/**
 * bs_fake_clock_sleep:
 * @usec: how long the machine is suspended
 *
 * Suspends the machine, as far as the clock goes: the time line stands
 * still (nothing fires), and the time spent asleep grows.
 */
void
bs_fake_clock_sleep (BsFakeClock *self,
                     gint64       usec)
{
  g_return_if_fail (BS_IS_FAKE_CLOCK (self));
  g_return_if_fail (usec >= 0);
  self->slept += usec;
}
