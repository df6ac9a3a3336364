/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

GstElement *bs_cue_graph_new (const char  *sink_description,
                              double       volume,
                              GstElement **mixer,
                              GError     **error);

G_END_DECLS
