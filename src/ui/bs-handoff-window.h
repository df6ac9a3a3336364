/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-history-entry.h"

G_BEGIN_DECLS

#define BS_TYPE_HANDOFF_WINDOW (bs_handoff_window_get_type ())
G_DECLARE_FINAL_TYPE (BsHandoffWindow, bs_handoff_window, BS, HANDOFF_WINDOW, AdwWindow)

GtkWidget  *bs_handoff_window_new      (GtkWindow       *parent,
                                        BsHistoryEntry  *entry,
                                        gboolean         kiosk);
const char *bs_handoff_window_get_text (BsHandoffWindow *self);

G_END_DECLS
