/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bs-schedule.h"

G_BEGIN_DECLS

#define BS_TYPE_STAGE_BAR (bs_stage_bar_get_type ())
G_DECLARE_FINAL_TYPE (BsStageBar, bs_stage_bar, BS, STAGE_BAR, GtkWidget)

GtkWidget *bs_stage_bar_new          (void);
void       bs_stage_bar_set_schedule (BsStageBar *self,
                                      BsSchedule *schedule);
void       bs_stage_bar_set_position (BsStageBar *self,
                                      int         segment,
                                      double      fraction);

G_END_DECLS
