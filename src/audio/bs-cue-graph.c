/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The live cue pipeline, minus the cues:
 *
 *   audiotestsrc (silence) ─ audiomixer ─ audioconvert ─ audioresample ─ volume ─ sink
 *
 * The player adds a cue source to the mixer for each plan it queues.  The
 * silence keeps the output open from the start, so the first cue is not
 * clipped while a Bluetooth headset wakes up.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/audio/gstaudiobasesink.h>

#include "bs-cue-graph.h"
#include "bs-cue-sounds.h"
#include "bs-error.h"

/* The keep-alive silence comes in buffers this long: the mixer cannot run
 * ahead of it, so this bounds how far ahead it mixes. */
#define SILENCE_SAMPLES (BS_CUE_RATE / 50)

/* An audio sink normally slaves its device to the pipeline's clock by
 * skipping and inserting samples whenever they drift apart by more than a
 * few tens of milliseconds; in its first seconds that moved cues by up to
 * 60 ms on PulseAudio.  Left alone, cues land on the millisecond, and the
 * drift of a sound card (rarely over 100 ppm) adds less than 20 ms over a
 * three-minute test. */
static void
on_element_added (GstBin     *bin,
                  GstBin     *sub_bin,
                  GstElement *element,
                  gpointer    user_data)
{
  if (GST_IS_AUDIO_BASE_SINK (element))
    g_object_set (element, "slave-method", GST_AUDIO_BASE_SINK_SLAVE_NONE, NULL);
}

/* A new element, already in @bin so that it goes with it. */
static GstElement *
make (GstElement  *bin,
      const char  *factory,
      GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    g_set_error (error, BS_ERROR, BS_ERROR_AUDIO,
                 _("The GStreamer element “%s” is missing"), factory);
  else
    gst_bin_add (GST_BIN (bin), element);
  return element;
}

/**
 * bs_cue_graph_new:
 * @sink_description: (nullable): a gst-launch description of the output,
 *   or %NULL for the system's default
 * @volume: from 0 to 1
 * @mixer: (out): the mixer, for the cue sources
 *
 * Returns: (transfer full) (nullable): the pipeline, not yet started, or
 *   %NULL with @error saying what is missing
 */
GstElement *
bs_cue_graph_new (const char  *sink_description,
                  double       volume,
                  GstElement **mixer,
                  GError     **error)
{
  g_autoptr(GstElement) pipeline = gst_pipeline_new ("backstay-cues");
  g_autoptr(GstCaps) caps = gst_caps_from_string (BS_CUE_CAPS);
  GstElement *silence, *filter, *convert, *resample, *level, *sink;

  g_signal_connect (pipeline, "deep-element-added", G_CALLBACK (on_element_added), NULL);
  if (!(*mixer = make (pipeline, "audiomixer", error)) ||
      !(silence = make (pipeline, "audiotestsrc", error)) ||
      !(filter = make (pipeline, "capsfilter", error)) ||
      !(convert = make (pipeline, "audioconvert", error)) ||
      !(resample = make (pipeline, "audioresample", error)) ||
      !(level = make (pipeline, "volume", error)))
    return NULL;

  if (sink_description != NULL)
    {
      g_autoptr(GError) parse_error = NULL;

      sink = gst_parse_bin_from_description (sink_description, TRUE, &parse_error);
      if (sink == NULL)
        {
          g_set_error (error, BS_ERROR, BS_ERROR_AUDIO, _("The audio output “%s” is not usable: %s"),
                       sink_description, parse_error->message);
          return NULL;
        }
      gst_bin_add (GST_BIN (pipeline), sink);
    }
  else if (!(sink = make (pipeline, "autoaudiosink", error)))
    return NULL;

  g_object_set (silence, "wave", 4 /* silence */, "is-live", TRUE,
                "samplesperbuffer", SILENCE_SAMPLES, NULL);
  g_object_set (filter, "caps", caps, NULL);
  /* Gaps between cues are the point: resynchronise on every timestamp at
   * once, instead of waiting a second and meanwhile gluing a cue onto the
   * end of the one before.  And a live source delivers a buffer when it
   * ends, so the mixer cannot mix a stretch before its silence has
   * arrived; audiotestsrc does not report that as latency, so the mixer
   * declares it, and the sink waits for it instead of rendering every cue
   * that much late. */
  g_object_set (*mixer, "ignore-inactive-pads", TRUE, "discont-wait", (guint64) 0,
                "latency", gst_util_uint64_scale (SILENCE_SAMPLES, GST_SECOND, BS_CUE_RATE),
                NULL);
  g_object_set (level, "volume", CLAMP (volume, 0.0, 1.0), NULL);

  if (!gst_element_link_many (silence, filter, *mixer, convert, resample, level, sink, NULL))
    {
      g_set_error (error, BS_ERROR, BS_ERROR_AUDIO, _("The audio pipeline could not be linked"));
      return NULL;
    }
  return g_steal_pointer (&pipeline);
}
