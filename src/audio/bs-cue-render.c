/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsrc.h>

#include "bs-cue-bank.h"
#include "bs-cue-render.h"
#include "bs-cue-sounds.h"
#include "bs-error.h"

/*
 * A routine's whole guidance track in a file, as fast as the machine can
 * make it: the same plan and the same timestamped buffers as live playback,
 * with audiorate filling the time between cues with silence, so every cue
 * lands on its sample.
 *
 *   appsrc ─ audiorate ─ audioconvert ─ wavenc | vorbisenc ─ oggmux ─ filesink
 */

static const char *
encoder_for (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".wav"))
    return "wavenc";
  if (g_str_has_suffix (lower, ".ogg") || g_str_has_suffix (lower, ".oga"))
    return "vorbisenc ! oggmux";
  return NULL;
}

static const char *
closing_words (BsCuePlan *plan)
{
  BsRoutine *routine = bs_schedule_get_routine (bs_cue_plan_get_schedule (plan));

  if (bs_routine_get_scoring (routine) == BS_SCORING_HOLD_TEST)
    return _("Test complete. If you held every stage, that is good core strength.");
  return _("Routine complete. Well done.");
}

/**
 * bs_cue_render:
 * @plan: the cues
 * @voice: (nullable): the voice for spoken cues; tones stand in without one
 * @path: a .wav or .ogg file to write
 *
 * Returns: %TRUE if the whole track was written
 */
gboolean
bs_cue_render (BsCuePlan   *plan,
               BsVoice     *voice,
               const char  *path,
               GError     **error)
{
  g_autoptr(BsCueBank) bank = bs_cue_bank_new ();
  g_autoptr(GArray) timed = g_array_new (FALSE, FALSE, sizeof (BsTimedCue));
  g_autoptr(GPtrArray) buffers = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;
  g_auto(GStrv) texts = NULL;
  const char *encoder;
  BsCue closing = { 0, 0, BS_CUE_VOICE, NULL, BS_CUE_STAGE };

  g_return_val_if_fail (BS_IS_CUE_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  encoder = encoder_for (path);
  if (encoder == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                   _("%s: the file name must end in .wav or .ogg"), path);
      return FALSE;
    }

  for (guint i = 0; i < bs_cue_plan_get_n_cues (plan); i++)
    {
      const BsCue *cue = bs_cue_plan_get_cue (plan, i);
      BsTimedCue entry = { bs_cue_plan_get_time (plan, cue), cue };

      g_array_append_val (timed, entry);
    }
  if (timed->len > 0 && voice != NULL)
    {
      BsTimedCue last = g_array_index (timed, BsTimedCue, timed->len - 1);
      BsTimedCue words = { last.time + 1500 * 1000, &closing };

      closing.text = closing_words (plan);
      g_array_append_val (timed, words);
    }

  if (voice != NULL)
    {
      texts = bs_cue_plan_dup_texts (plan);
      for (guint i = 0; texts[i]; i++)
        {
          g_autoptr(GBytes) samples = bs_voice_synthesize (voice, texts[i], error);
          if (samples == NULL)
            return FALSE;
          bs_cue_bank_add_voice (bank, texts[i], samples);
        }
      if (closing.text != NULL)
        {
          g_autoptr(GBytes) samples = bs_voice_synthesize (voice, closing.text, error);
          if (samples == NULL)
            return FALSE;
          bs_cue_bank_add_voice (bank, closing.text, samples);
        }
    }

  buffers = bs_cue_bank_make_buffers (bank, timed, 0, 0);

  escaped = g_strescape (path, NULL);
  description = g_strdup_printf ("appsrc name=cues format=time caps=\"%s\" ! audiorate ! "
                                 "audioconvert ! %s ! filesink location=\"%s\"",
                                 BS_CUE_CAPS, encoder, escaped);
  pipeline = gst_parse_launch (description, &parse_error);
  if (pipeline == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_AUDIO,
                   _("The rendering pipeline could not be built: %s"), parse_error->message);
      return FALSE;
    }
  source = gst_bin_get_by_name (GST_BIN (pipeline), "cues");
  g_object_set (source, "max-bytes", (guint64) 0, NULL);

  for (guint i = 0; i < buffers->len; i++)
    gst_app_src_push_buffer (GST_APP_SRC (source), gst_buffer_ref (g_ptr_array_index (buffers, i)));
  gst_app_src_end_of_stream (GST_APP_SRC (source));

  bus = gst_pipeline_get_bus (GST_PIPELINE (pipeline));
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  else
    message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE,
                                          GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (message == NULL || GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;

      if (message != NULL)
        gst_message_parse_error (message, &gst_error, NULL);
      g_set_error (error, BS_ERROR, BS_ERROR_IO, "%s: %s", path,
                   gst_error ? gst_error->message : _("could not be written"));
      return FALSE;
    }
  return TRUE;
}
