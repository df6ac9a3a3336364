/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BS_TYPE_ADVICE_WINDOW (bs_advice_window_get_type ())
G_DECLARE_FINAL_TYPE (BsAdviceWindow, bs_advice_window, BS, ADVICE_WINDOW, AdwWindow)

GtkWidget *bs_advice_window_new (GtkWindow *parent);

G_END_DECLS
