/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-cue-bank.h"
#include "bs-cue-player.h"
#include "bs-voice.h"

G_BEGIN_DECLS

/* Shared by the player (bs-cue-player.c) and its voice preparation
 * (bs-cue-player-voices.c). */
struct _BsCuePlayer
{
  GObject parent_instance;

  BsSession *session;
  BsCuePlan *plan;
  BsCueBank *bank;
  BsVoice *voice;
  char *voice_problem;
  char *sink_description;
  double volume;
  BsCueStyle style;
  gboolean halfway;

  GstElement *pipeline;
  GstElement *mixer;
  GstElement *source;       /* the current cue source, or NULL */
  GstClockTime base_time;
  gint64 clock_offset;      /* GStreamer clock ns minus session clock µs × 1000 */
  GstClockTime latency;
  guint bus_watch;
  guint replan_idle;
  guint stop_timeout;
  guint voices_timeout;
  GCancellable *cancellable;
  gboolean failed;
  gboolean queued;          /* the cues have gone out at least once */
  BsSessionState last_state;
  BsCue result_cue;
  char *result_text;
  gint64 result_time;
};

void     bs_cue_player_queue_upcoming  (BsCuePlayer *self);
gboolean bs_cue_player_prepare_voices  (BsCuePlayer *self);

G_END_DECLS
