/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BS_TYPE_PREFERENCES_WINDOW (bs_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BsPreferencesWindow, bs_preferences_window, BS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *bs_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
