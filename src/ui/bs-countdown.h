/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BS_TYPE_COUNTDOWN (bs_countdown_get_type ())
G_DECLARE_FINAL_TYPE (BsCountdown, bs_countdown, BS, COUNTDOWN, GtkWidget)

GtkWidget  *bs_countdown_new          (void);
const char *bs_countdown_get_text     (BsCountdown *self);
void        bs_countdown_set_text     (BsCountdown *self,
                                       const char  *text);
void        bs_countdown_set_template (BsCountdown *self,
                                       const char  *template_text);

G_END_DECLS
