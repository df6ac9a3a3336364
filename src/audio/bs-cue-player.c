/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsrc.h>

#include "bs-cue-bank.h"
#include "bs-cue-graph.h"
#include "bs-cue-player-private.h"
#include "bs-cue-sounds.h"
#include "bs-error.h"
#include "bs-voice.h"

/*
 * Live cues for a running session, in one pipeline for the whole run:
 *
 *   appsrc (cues, timestamped) ─┐
 *                               ├─ audiomixer ─ audioconvert ─ audioresample ─ volume ─ sink
 *   audiotestsrc (silence) ─────┘
 *
 * The silence keeps the output open from the start, so the first cue is
 * not clipped while a Bluetooth headset wakes up.  The pipeline runs on the
 * system's monotonic clock, the session's clock too, with a fixed base
 * time: a cue stamped with running time T sounds at base + T.  Every cue
 * still to come is queued as soon as it is known, stamped earlier by the
 * pipeline's reported latency, so it is heard on its boundary rather than
 * whenever the main loop gets round to it.
 *
 * When the session pauses, skips or goes back, the queued future is wrong:
 * the cue source is taken out of the mixer, with everything it had queued,
 * and a new one is put in with the cues from the new position on.
 */

/* How far ahead of the mixer a cue that is already due must be stamped so
 * that it is mixed whole rather than clipped. */
#define ASAP_MARGIN (50 * GST_MSECOND)
/* Output keeps running this long after the last cue of a run. */
#define TAIL_USEC (6 * G_USEC_PER_SEC)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BsCuePlayer, bs_cue_player, G_TYPE_OBJECT)

static void
remove_source (BsCuePlayer *self)
{
  GstPad *src_pad, *mixer_pad;

  if (self->source == NULL)
    return;

  src_pad = gst_element_get_static_pad (self->source, "src");
  mixer_pad = gst_pad_get_peer (src_pad);

  /* Flush the mixer's pad first: that drops the cue it holds and releases
   * the source if it is waiting to push the next one; then the source can
   * stop, and the pad go. */
  if (mixer_pad != NULL)
    gst_pad_send_event (mixer_pad, gst_event_new_flush_start ());
  gst_element_set_locked_state (self->source, TRUE);
  gst_element_set_state (self->source, GST_STATE_NULL);
  if (mixer_pad != NULL)
    {
      gst_pad_send_event (mixer_pad, gst_event_new_flush_stop (FALSE));
      gst_pad_unlink (src_pad, mixer_pad);
      gst_element_release_request_pad (self->mixer, mixer_pad);
      gst_object_unref (mixer_pad);
    }
  gst_object_unref (src_pad);
  gst_bin_remove (GST_BIN (self->pipeline), self->source);
  self->source = NULL;
}

static void
fail (BsCuePlayer *self,
      const char  *detail)
{
  g_autoptr(GError) error = NULL;

  if (self->failed)
    return;
  self->failed = TRUE;
  g_debug ("Audio output failed: %s", detail);
  g_set_error (&error, BS_ERROR, BS_ERROR_AUDIO,
               _("No sound output: the timer runs without audio cues (%s)"), detail);
  g_clear_handle_id (&self->replan_idle, g_source_remove);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_signal_emit (self, signals[FAILED], 0, error);
}

/**
 * bs_cue_player_to_running_time:
 * @clock_time: a time on the session's clock, in microseconds
 *
 * Returns: the pipeline running time of @clock_time, in nanoseconds,
 *   before latency compensation; 0 if it is before the pipeline started
 */
GstClockTime
bs_cue_player_to_running_time (BsCuePlayer *self,
                               gint64       clock_time)
{
  gint64 running = clock_time * GST_USECOND + self->clock_offset - (gint64) self->base_time;

  return running > 0 ? (GstClockTime) running : 0;
}

/* A new cue source in the mixer, with @timed queued and closed. */
static GstElement *
add_source (BsCuePlayer *self,
            GArray      *timed)
{
  g_autoptr(GPtrArray) buffers = NULL;
  g_autoptr(GstCaps) caps = NULL;
  GstElement *source;
  GstPad *src_pad, *mixer_pad;
  gint64 origin = bs_clock_get_time (bs_session_get_clock (self->session));
  GstClockTime now_running = bs_cue_player_to_running_time (self, origin);

  /* Stamp so that, once through the pipeline's latency, each cue sounds on
   * its time; a cue due right now (after a skip) goes out as soon as the
   * mixer can still take it. */
  buffers = bs_cue_bank_make_buffers (self->bank, timed, origin, now_running);
  for (guint i = 0; i < buffers->len; i++)
    {
      GstBuffer *buffer = g_ptr_array_index (buffers, i);
      GstClockTime pts = GST_BUFFER_PTS (buffer);

      pts = pts >= self->latency ? pts - self->latency : 0;
      GST_BUFFER_PTS (buffer) = MAX (pts, now_running + ASAP_MARGIN);
    }

  caps = gst_caps_from_string (BS_CUE_CAPS);
  source = gst_element_factory_make ("appsrc", NULL);
  g_object_set (source,
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "is-live", TRUE,
                "max-bytes", (guint64) 0,
                /* Its cues wait queued for as long as they need: it can
                 * absorb any latency, and must say so, or the pipeline
                 * cannot configure one and the mixer warns without end. */
                "min-latency", (gint64) 0,
                "max-latency", (gint64) (3600 * GST_SECOND),
                NULL);
  gst_bin_add (GST_BIN (self->pipeline), source);
  src_pad = gst_element_get_static_pad (source, "src");
  mixer_pad = gst_element_request_pad_simple (self->mixer, "sink_%u");
  gst_pad_link (src_pad, mixer_pad);
  gst_object_unref (src_pad);
  gst_object_unref (mixer_pad);
  gst_element_sync_state_with_parent (source);

  for (guint i = 0; i < buffers->len; i++)
    gst_app_src_push_buffer (GST_APP_SRC (source), gst_buffer_ref (g_ptr_array_index (buffers, i)));
  gst_app_src_end_of_stream (GST_APP_SRC (source));
  return source;
}

/* Replaces what is queued with the cues from the session's position on. */
void
bs_cue_player_queue_upcoming (BsCuePlayer *self)
{
  g_autoptr(GArray) timed = NULL;

  if (self->failed || self->pipeline == NULL)
    return;

  remove_source (self);
  self->queued = TRUE;
  timed = bs_cue_plan_upcoming (self->plan, self->session);
  if (timed->len > 0)
    self->source = add_source (self, timed);
}

static gboolean
replan_idle_cb (gpointer data)
{
  BsCuePlayer *self = data;

  self->replan_idle = 0;
  bs_cue_player_queue_upcoming (self);
  return G_SOURCE_REMOVE;
}

static void
replan_soon (BsCuePlayer *self)
{
  if (self->replan_idle == 0 && !self->failed)
    self->replan_idle = g_idle_add_full (G_PRIORITY_HIGH, replan_idle_cb, self, NULL);
}

/* Only what the person does changes the future: the session reaching a
 * boundary on its own is exactly what the queue already holds, and
 * replacing it then would cut off the cue sounding on that boundary. */
static void
on_state (BsSession   *session,
          GParamSpec  *pspec,
          BsCuePlayer *self)
{
  BsSessionState state = bs_session_get_state (session);
  BsSessionState last = self->last_state;

  self->last_state = state;
  if (state == BS_SESSION_CANCELLED)
    {
      bs_cue_player_stop (self);
    }
  else if (last == BS_SESSION_WAITING && bs_session_is_active (session)
           && state != BS_SESSION_WAITING)
    {
      /* The person said a set done "until done" is done: only now can
       * what follows be placed in time. */
      g_object_unref (self->plan);
      self->plan = bs_cue_plan_new_from (bs_session_get_schedule (session), self->style,
                                         self->halfway,
                                         (guint) MAX (bs_session_get_segment_index (session), 0));
      replan_soon (self);
    }
  else if (self->queued && (state == BS_SESSION_PAUSED || last == BS_SESSION_PAUSED))
    {
      replan_soon (self);
    }
}

static void
on_segment_finished (BsSession   *session,
                     guint        index,
                     gboolean     completed,
                     BsCuePlayer *self)
{
  /* Skipped or left by going back; giving up ends the run instead. */
  if (!completed && bs_session_is_active (session) && self->queued)
    replan_soon (self);
}

static gboolean
stop_timeout_cb (gpointer data)
{
  BsCuePlayer *self = data;

  self->stop_timeout = 0;
  bs_cue_player_stop (self);
  return G_SOURCE_REMOVE;
}

static void
queue_result (BsCuePlayer *self,
              gint64       time)
{
  g_autoptr(GArray) timed = g_array_new (FALSE, FALSE, sizeof (BsTimedCue));
  BsTimedCue entry = { time, &self->result_cue };

  if (self->failed || self->pipeline == NULL)
    return;
  g_array_append_val (timed, entry);
  /* Its own source, left to the pipeline: the finishing chime may still be
   * sounding in the other. */
  add_source (self, timed);
}

static void
on_result_spoken (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BsCuePlayer) self = user_data;
  g_autoptr(GBytes) samples = bs_voice_synthesize_finish (BS_VOICE (object), result, NULL);

  if (samples == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  bs_cue_bank_add_voice (self->bank, self->result_text, samples);
  queue_result (self, self->result_time);
}

static void
on_finished (BsSession   *session,
             BsCuePlayer *self)
{
  BsResult *result = bs_session_get_result (session);
  gint64 now = bs_clock_get_time (bs_session_get_clock (session));

  if (result == NULL || self->failed || self->pipeline == NULL)
    {
      bs_cue_player_stop (self);
      return;
    }

  /* A run that stopped early has cues queued that will never be due. */
  if (!bs_result_get_completed (result))
    remove_source (self);

  /* The result in one sentence: after the chime that ends a completed run,
   * at once otherwise.  Without a voice, a stopped run gets the chime. */
  g_free (self->result_text);
  self->result_text = bs_cue_result_sentence (result);
  self->result_cue.kind = BS_CUE_VOICE;
  self->result_cue.text = self->result_text;
  self->result_cue.fallback = BS_CUE_FINISH;
  self->result_time = bs_result_get_completed (result) ? now + 1500 * 1000 : now;

  if (self->voice != NULL)
    bs_voice_synthesize_async (self->voice, self->result_text, self->cancellable,
                               on_result_spoken, g_object_ref (self));
  else if (!bs_result_get_completed (result))
    queue_result (self, now);

  self->stop_timeout = g_timeout_add_full (G_PRIORITY_DEFAULT, TAIL_USEC / 1000,
                                           stop_timeout_cb, self, NULL);
}

/* Cues are stamped this much earlier, so that they sound on time once
 * through the pipeline; if it changed, what is queued is re-stamped. */
static void
update_latency (BsCuePlayer *self)
{
  g_autoptr(GstQuery) query = gst_query_new_latency ();
  GstClockTime min_latency, max_latency;
  gboolean live;

  if (!gst_element_query (self->pipeline, query))
    return;
  gst_query_parse_latency (query, &live, &min_latency, &max_latency);
  if (min_latency != self->latency)
    {
      g_debug ("Audio output latency: %.1f ms", min_latency / 1e6);
      self->latency = min_latency;
      if (self->queued)
        replan_soon (self);
    }
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  BsCuePlayer *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &error, &debug);
        g_debug ("GStreamer error from %s: %s (%s)", GST_OBJECT_NAME (message->src),
                 error->message, debug ? debug : "");
        fail (self, error->message);
        break;
      }
    case GST_MESSAGE_WARNING:
      {
        g_autoptr(GError) warning = NULL;

        gst_message_parse_warning (message, &warning, NULL);
        g_debug ("GStreamer warning from %s: %s", GST_OBJECT_NAME (message->src), warning->message);
        break;
      }
    case GST_MESSAGE_LATENCY:
      gst_bin_recalculate_latency (GST_BIN (self->pipeline));
      update_latency (self);
      break;
    case GST_MESSAGE_STATE_CHANGED:
      /* A live pipeline posts no latency message as it starts: ask. */
      if (GST_MESSAGE_SRC (message) == GST_OBJECT (self->pipeline))
        {
          GstState state;

          gst_message_parse_state_changed (message, NULL, &state, NULL);
          if (state == GST_STATE_PLAYING)
            update_latency (self);
        }
      break;
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

/**
 * bs_cue_player_start:
 *
 * Builds the pipeline and starts it.  Failing here (a missing plug-in, a
 * sink that does not exist) or later (no sound server) is reported once,
 * through @error or the "failed" signal; the session runs on regardless.
 */
gboolean
bs_cue_player_start (BsCuePlayer  *self,
                     GError      **error)
{
  g_autoptr(GstClock) clock = NULL;
  g_autoptr(GstBus) bus = NULL;

  g_return_val_if_fail (BS_IS_CUE_PLAYER (self), FALSE);
  g_return_val_if_fail (self->pipeline == NULL, FALSE);

  self->pipeline = bs_cue_graph_new (self->sink_description, self->volume, &self->mixer, error);
  if (self->pipeline == NULL)
    {
      self->failed = TRUE;
      return FALSE;
    }

  /* The session's clock is the monotonic clock; so is this one.  The base
   * time is fixed here, so running time never jumps. */
  clock = gst_system_clock_obtain ();
  gst_pipeline_use_clock (GST_PIPELINE (self->pipeline), clock);
  self->base_time = gst_clock_get_time (clock);
  self->clock_offset = (gint64) self->base_time -
                       bs_clock_get_time (bs_session_get_clock (self->session)) * GST_USECOND;
  gst_element_set_start_time (self->pipeline, GST_CLOCK_TIME_NONE);
  gst_element_set_base_time (self->pipeline, self->base_time);

  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
      g_autoptr(GError) gst_error = NULL;

      if (message != NULL)
        gst_message_parse_error (message, &gst_error, NULL);
      g_set_error (error, BS_ERROR, BS_ERROR_AUDIO,
                   _("No sound output: the timer runs without audio cues (%s)"),
                   gst_error ? gst_error->message : _("the audio device could not be opened"));
      self->failed = TRUE;
      bs_cue_player_stop (self);
      return FALSE;
    }

  self->last_state = bs_session_get_state (self->session);
  if (!bs_cue_player_prepare_voices (self))
    bs_cue_player_queue_upcoming (self);
  return TRUE;
}

/**
 * bs_cue_player_stop:
 *
 * Stops the output and forgets the pipeline.  Safe to call more than once.
 */
void
bs_cue_player_stop (BsCuePlayer *self)
{
  g_return_if_fail (BS_IS_CUE_PLAYER (self));

  g_clear_handle_id (&self->replan_idle, g_source_remove);
  g_clear_handle_id (&self->stop_timeout, g_source_remove);
  g_clear_handle_id (&self->voices_timeout, g_source_remove);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      self->source = NULL;
      g_clear_object (&self->pipeline);
    }
}

static void
bs_cue_player_dispose (GObject *object)
{
  BsCuePlayer *self = BS_CUE_PLAYER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  bs_cue_player_stop (self);

  G_OBJECT_CLASS (bs_cue_player_parent_class)->dispose (object);
}

static void
bs_cue_player_finalize (GObject *object)
{
  BsCuePlayer *self = BS_CUE_PLAYER (object);

  g_clear_object (&self->session);
  g_clear_object (&self->plan);
  g_clear_object (&self->bank);
  g_clear_object (&self->voice);
  g_clear_object (&self->cancellable);
  g_free (self->voice_problem);
  g_free (self->sink_description);
  g_free (self->result_text);

  G_OBJECT_CLASS (bs_cue_player_parent_class)->finalize (object);
}

static void
bs_cue_player_class_init (BsCuePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bs_cue_player_dispose;
  object_class->finalize = bs_cue_player_finalize;

  /**
   * BsCuePlayer::failed:
   * @error: what went wrong, for the person
   *
   * The audio output stopped working; the session carries on in silence.
   * Emitted at most once.
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
bs_cue_player_init (BsCuePlayer *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * bs_cue_player_new:
 * @session: the session to give cues for; it may already be running
 * @style: voice and tones, tones only, or off
 * @halfway: whether long holds get a halfway tone
 * @volume: from 0 to 1
 * @sink_description: (nullable): a gst-launch description of the output,
 *   e.g. "fakesink sync=true"; %NULL for the system's default output
 */
BsCuePlayer *
bs_cue_player_new (BsSession  *session,
                   BsCueStyle  style,
                   gboolean    halfway,
                   double      volume,
                   const char *sink_description)
{
  BsCuePlayer *self;

  g_return_val_if_fail (BS_IS_SESSION (session), NULL);

  self = g_object_new (BS_TYPE_CUE_PLAYER, NULL);
  self->session = g_object_ref (session);
  self->style = style;
  self->halfway = halfway;
  self->plan = bs_cue_plan_new (bs_session_get_schedule (session), style, halfway);
  self->bank = bs_cue_bank_new ();
  self->volume = CLAMP (volume, 0.0, 1.0);
  self->sink_description = g_strdup (sink_description);

  g_signal_connect (session, "notify::state", G_CALLBACK (on_state), self);
  g_signal_connect (session, "segment-finished", G_CALLBACK (on_segment_finished), self);
  g_signal_connect (session, "finished", G_CALLBACK (on_finished), self);
  return self;
}

GstElement *
bs_cue_player_get_pipeline (BsCuePlayer *self)
{
  g_return_val_if_fail (BS_IS_CUE_PLAYER (self), NULL);
  return self->pipeline;
}

/**
 * bs_cue_player_get_latency:
 *
 * Returns: the latency the pipeline reports, which cue timestamps are
 *   moved earlier by
 */
GstClockTime
bs_cue_player_get_latency (BsCuePlayer *self)
{
  g_return_val_if_fail (BS_IS_CUE_PLAYER (self), 0);
  return self->latency;
}

/**
 * bs_cue_player_get_voice_problem:
 *
 * Returns: (nullable): why cues are tones instead of words, if they are
 */
const char *
bs_cue_player_get_voice_problem (BsCuePlayer *self)
{
  g_return_val_if_fail (BS_IS_CUE_PLAYER (self), NULL);
  return self->voice_problem;
}
