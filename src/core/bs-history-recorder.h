/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-history.h"
#include "bs-session.h"

G_BEGIN_DECLS

#define BS_TYPE_HISTORY_RECORDER (bs_history_recorder_get_type ())
G_DECLARE_FINAL_TYPE (BsHistoryRecorder, bs_history_recorder, BS, HISTORY_RECORDER, GObject)

BsHistoryRecorder *bs_history_recorder_new       (BsHistory         *history,
                                                  BsSession         *session);
BsHistoryEntry    *bs_history_recorder_get_entry (BsHistoryRecorder *self);
void               bs_history_recorder_abandon   (BsHistoryRecorder *self);

G_END_DECLS
