/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-schedule.h"

G_BEGIN_DECLS

#define BS_TYPE_RESULT (bs_result_get_type ())
G_DECLARE_FINAL_TYPE (BsResult, bs_result, BS, RESULT, GObject)

BsResult   *bs_result_new               (BsSchedule   *schedule,
                                         gboolean      completed,
                                         const gint64 *held_ms,
                                         const gboolean *skipped,
                                         guint         last_segment,
                                         GDateTime    *started_at,
                                         GDateTime    *ended_at);

BsSchedule *bs_result_get_schedule      (BsResult     *self);
gboolean    bs_result_get_completed     (BsResult     *self);
gboolean    bs_result_get_scored        (BsResult     *self);
gboolean    bs_result_get_good          (BsResult     *self);
guint       bs_result_get_stage_reached (BsResult     *self);
gint64      bs_result_get_stage_held_ms (BsResult     *self,
                                         guint         stage);
gint64      bs_result_get_held_ms       (BsResult     *self);
guint       bs_result_get_target_seconds (BsResult    *self);
guint       bs_result_get_n_skipped     (BsResult     *self);
gboolean    bs_result_stage_was_skipped (BsResult     *self,
                                         guint         stage);
GDateTime  *bs_result_get_started_at    (BsResult     *self);
GDateTime  *bs_result_get_ended_at      (BsResult     *self);

G_END_DECLS
