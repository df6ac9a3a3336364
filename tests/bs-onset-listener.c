/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bs-onset-listener.h"

/* Quieter than this is silence: the voice's trimmed silence is below it,
 * every tone passes it within its first samples. */
#define SOUND_LEVEL 200
#define MIN_GAP (GST_SECOND / 20)

static void
on_handoff (GstElement      *sink,
            GstBuffer       *buffer,
            GstPad          *pad,
            BsOnsetListener *self)
{
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  g_autoptr(GstClock) clock = gst_system_clock_obtain ();
  gint64 now = (gint64) (gst_clock_get_time (clock) / GST_USECOND);
  GstStructure *s = gst_caps_get_structure (caps, 0);
  GstMapInfo map;
  int rate = 0;

  gst_structure_get_int (s, "rate", &rate);
  g_assert_cmpstr (gst_structure_get_string (s, "format"), ==, "S16LE");
  if (rate <= 0 || !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return;

  g_mutex_lock (&self->lock);
  for (gsize i = 0; i < map.size / 2; i++)
    {
      gint16 value = ((const gint16 *) (gpointer) map.data)[i];
      GstClockTime at = GST_BUFFER_PTS (buffer) + gst_util_uint64_scale (i, GST_SECOND, rate);

      if (ABS (value) < SOUND_LEVEL)
        continue;
      if (!GST_CLOCK_TIME_IS_VALID (self->last_loud) || at - self->last_loud >= MIN_GAP)
        {
          /* The sink renders a buffer's first sample now; this one later. */
          gint64 rendered = now + (gint64) i * G_USEC_PER_SEC / rate;

          g_array_append_val (self->onsets, at);
          g_array_append_val (self->rendered, rendered);
        }
      self->last_loud = at;
    }
  g_mutex_unlock (&self->lock);
  gst_buffer_unmap (buffer, &map);
}

void
bs_onset_listener_init (BsOnsetListener *self)
{
  g_mutex_init (&self->lock);
  self->onsets = g_array_new (FALSE, FALSE, sizeof (GstClockTime));
  self->rendered = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->last_loud = GST_CLOCK_TIME_NONE;
}

void
bs_onset_listener_clear (BsOnsetListener *self)
{
  g_clear_pointer (&self->onsets, g_array_unref);
  g_clear_pointer (&self->rendered, g_array_unref);
  g_mutex_clear (&self->lock);
}

/* @sink: a fakesink; its handoffs are turned on. */
void
bs_onset_listener_attach (BsOnsetListener *self,
                          GstElement      *sink)
{
  g_object_set (sink, "signal-handoffs", TRUE, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), self);
}

/* Whether a sound began within @tolerance of running time @expected. */
gboolean
bs_onset_listener_heard (BsOnsetListener *self,
                         GstClockTime     expected,
                         GstClockTime     tolerance)
{
  gboolean found = FALSE;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->onsets->len; i++)
    {
      GstClockTime at = g_array_index (self->onsets, GstClockTime, i);
      if ((at > expected ? at - expected : expected - at) <= tolerance)
        found = TRUE;
    }
  g_mutex_unlock (&self->lock);
  return found;
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Real time passes, with the main loop running: for live playback only. */
void
bs_run_main_loop_for (guint msec)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (msec, quit_loop, loop);
  g_main_loop_run (loop);
}
