/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* The output the player is given when listened to: a synchronised fake
 * sink, with the samples fixed to what the listener reads.  Left free, the
 * converter before it may hand over floats instead. */
#define BS_ONSET_LISTENER_SINK "capsfilter caps=audio/x-raw,format=S16LE ! fakesink name=out sync=true"

/*
 * Listens at a fake sink's "handoff" and notes where each sound begins
 * after at least 50 ms of quiet: its running time, and when the sink
 * rendered it on the monotonic clock.  Shared by the live player's tests
 * and the cue-timing benchmark, so both measure the same way.
 */
typedef struct
{
  GMutex lock;
  GArray *onsets;          /* GstClockTime: running time of each sound's start */
  GArray *rendered;        /* gint64 µs, monotonic: when the sink played it */
  GstClockTime last_loud;
} BsOnsetListener;

void     bs_onset_listener_init   (BsOnsetListener *self);
void     bs_onset_listener_clear  (BsOnsetListener *self);
void     bs_onset_listener_attach (BsOnsetListener *self,
                                   GstElement      *sink);
gboolean bs_onset_listener_heard  (BsOnsetListener *self,
                                   GstClockTime     expected,
                                   GstClockTime     tolerance);
void     bs_run_main_loop_for     (guint            msec);

G_END_DECLS
