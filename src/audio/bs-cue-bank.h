/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

#include "bs-cue-plan.h"

G_BEGIN_DECLS

#define BS_TYPE_CUE_BANK (bs_cue_bank_get_type ())
G_DECLARE_FINAL_TYPE (BsCueBank, bs_cue_bank, BS, CUE_BANK, GObject)

BsCueBank *bs_cue_bank_new          (void);
void       bs_cue_bank_add_voice    (BsCueBank   *self,
                                     const char  *text,
                                     GBytes      *samples);
gboolean   bs_cue_bank_has_voice    (BsCueBank   *self,
                                     const char  *text);
GBytes    *bs_cue_bank_lookup       (BsCueBank   *self,
                                     const BsCue *cue);
GPtrArray *bs_cue_bank_make_buffers (BsCueBank   *self,
                                     GArray      *timed,
                                     gint64       origin,
                                     GstClockTime offset);

G_END_DECLS
