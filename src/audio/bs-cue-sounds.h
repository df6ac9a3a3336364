/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-cue-plan.h"

G_BEGIN_DECLS

/* Every cue sound, spoken or not, is 16-bit signed mono at this rate: the
 * rate espeak-ng speaks at, and plenty for tones below 2 kHz. */
#define BS_CUE_RATE 22050
#define BS_CUE_CAPS "audio/x-raw,format=S16LE,layout=interleaved,rate=22050,channels=1"

GBytes *bs_cue_sound_new (BsCueKind kind);

G_END_DECLS
