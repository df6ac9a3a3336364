/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-real-clock.h"

#include <time.h>

/*
 * Timeouts are GSources with an absolute ready time on the monotonic clock,
 * so a deadline is honoured as a point in time, however late the previous
 * one fired.  They run in the thread-default main context of the caller.
 */

typedef struct
{
  GSource source;
  BsClockFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} DeadlineSource;

struct _BsRealClock
{
  BsClock parent_instance;

  GHashTable *sources; /* id -> GSource, pending only */
};

G_DEFINE_FINAL_TYPE (BsRealClock, bs_real_clock, BS_TYPE_CLOCK)

static gboolean
deadline_source_dispatch (GSource     *source,
                          GSourceFunc  callback,
                          gpointer     user_data)
{
  DeadlineSource *self = (DeadlineSource *) source;

  /* The callback, not this source, knows the clock: it removes the entry. */
  callback (user_data);
  self->func (self->user_data);
  return G_SOURCE_REMOVE;
}

static void
deadline_source_finalize (GSource *source)
{
  DeadlineSource *self = (DeadlineSource *) source;

  if (self->destroy)
    self->destroy (self->user_data);
}

static GSourceFuncs deadline_source_funcs = {
  .dispatch = deadline_source_dispatch,
  .finalize = deadline_source_finalize,
};

typedef struct
{
  BsRealClock *clock; /* weak: the clock removes its sources on dispose */
  guint id;
} Forget;

static gboolean
forget_source (gpointer data)
{
  Forget *forget = data;

  g_hash_table_remove (forget->clock->sources, GUINT_TO_POINTER (forget->id));
  return G_SOURCE_REMOVE;
}

static gint64
bs_real_clock_get_time (BsClock *clock)
{
  return g_get_monotonic_time ();
}

/* Linux's boot-time clock runs on through suspend; the monotonic one does
 * not.  The difference is the time spent asleep. */
static gint64
bs_real_clock_get_sleep_time (BsClock *clock)
{
#ifdef CLOCK_BOOTTIME
  struct timespec boot, mono;

  if (clock_gettime (CLOCK_BOOTTIME, &boot) != 0 || clock_gettime (CLOCK_MONOTONIC, &mono) != 0)
    return 0;
  return ((gint64) boot.tv_sec - mono.tv_sec) * G_USEC_PER_SEC + (boot.tv_nsec - mono.tv_nsec) / 1000;
#else
  return 0;
#endif
}

static guint
bs_real_clock_add_timeout (BsClock        *clock,
                           gint64          deadline,
                           BsClockFunc     func,
                           gpointer        user_data,
                           GDestroyNotify  destroy)
{
  BsRealClock *self = BS_REAL_CLOCK (clock);
  GSource *source = g_source_new (&deadline_source_funcs, sizeof (DeadlineSource));
  DeadlineSource *deadline_source = (DeadlineSource *) source;
  Forget *forget = g_new0 (Forget, 1);
  guint id;

  deadline_source->func = func;
  deadline_source->user_data = user_data;
  deadline_source->destroy = destroy;
  g_source_set_ready_time (source, deadline);
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_static_name (source, "[backstay] clock deadline");
  g_source_set_callback (source, forget_source, forget, g_free);

  id = g_source_attach (source, g_main_context_get_thread_default ());
  forget->clock = self;
  forget->id = id;
  g_hash_table_insert (self->sources, GUINT_TO_POINTER (id), source);
  return id;
}

static void
bs_real_clock_remove_timeout (BsClock *clock,
                              guint    id)
{
  BsRealClock *self = BS_REAL_CLOCK (clock);

  /* Destroys the source, which runs its destroy notify. */
  g_hash_table_remove (self->sources, GUINT_TO_POINTER (id));
}

static void
destroy_source (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

static void
bs_real_clock_finalize (GObject *object)
{
  BsRealClock *self = BS_REAL_CLOCK (object);

  g_hash_table_unref (self->sources);

  G_OBJECT_CLASS (bs_real_clock_parent_class)->finalize (object);
}

static void
bs_real_clock_class_init (BsRealClockClass *klass)
{
  BsClockClass *clock_class = BS_CLOCK_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bs_real_clock_finalize;
  clock_class->get_time = bs_real_clock_get_time;
  clock_class->add_timeout = bs_real_clock_add_timeout;
  clock_class->remove_timeout = bs_real_clock_remove_timeout;
  clock_class->get_sleep_time = bs_real_clock_get_sleep_time;
}

static void
bs_real_clock_init (BsRealClock *self)
{
  self->sources = g_hash_table_new_full (NULL, NULL, NULL, destroy_source);
}

BsClock *
bs_real_clock_new (void)
{
  return g_object_new (BS_TYPE_REAL_CLOCK, NULL);
}
