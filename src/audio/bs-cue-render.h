/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-cue-plan.h"
#include "bs-voice.h"

G_BEGIN_DECLS

gboolean bs_cue_render (BsCuePlan   *plan,
                        BsVoice     *voice,
                        const char  *path,
                        GError     **error);

G_END_DECLS
