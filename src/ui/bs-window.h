/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-application.h"
#include "bs-schedule.h"
#include "bs-session.h"

G_BEGIN_DECLS

#define BS_TYPE_WINDOW (bs_window_get_type ())
G_DECLARE_FINAL_TYPE (BsWindow, bs_window, BS, WINDOW, AdwApplicationWindow)

BsWindow   *bs_window_new         (BsApplication *application);
void        bs_window_start       (BsWindow      *self,
                                   BsSchedule    *schedule);
BsSession  *bs_window_get_session (BsWindow      *self);
const char *bs_window_get_page    (BsWindow      *self);
const char *bs_window_get_audio_problem (BsWindow *self);
gboolean    bs_window_is_keeping_awake (BsWindow *self);
gboolean    bs_window_was_refused_keeping_awake (BsWindow *self);

void         bs_window_import_routine (BsWindow *self,
                                      GFile    *file);

G_END_DECLS
