/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

#include "bs-cue-plan.h"
#include "bs-session.h"

G_BEGIN_DECLS

#define BS_TYPE_CUE_PLAYER (bs_cue_player_get_type ())
G_DECLARE_FINAL_TYPE (BsCuePlayer, bs_cue_player, BS, CUE_PLAYER, GObject)

BsCuePlayer  *bs_cue_player_new         (BsSession    *session,
                                         BsCueStyle    style,
                                         gboolean      halfway,
                                         double        volume,
                                         const char   *sink_description);
gboolean      bs_cue_player_start       (BsCuePlayer  *self,
                                         GError      **error);
void          bs_cue_player_stop        (BsCuePlayer  *self);
GstElement   *bs_cue_player_get_pipeline (BsCuePlayer *self);
GstClockTime  bs_cue_player_get_latency (BsCuePlayer  *self);
GstClockTime  bs_cue_player_to_running_time (BsCuePlayer *self,
                                         gint64        clock_time);
const char   *bs_cue_player_get_voice_problem (BsCuePlayer *self);

G_END_DECLS
