/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-history.h"

G_BEGIN_DECLS

#define BS_TYPE_ENTRY_WINDOW (bs_entry_window_get_type ())
G_DECLARE_FINAL_TYPE (BsEntryWindow, bs_entry_window, BS, ENTRY_WINDOW, AdwWindow)

BsEntryWindow  *bs_entry_window_new       (BsHistory      *history,
                                           BsHistoryEntry *entry);
BsHistoryEntry *bs_entry_window_get_entry (BsEntryWindow  *self);

G_END_DECLS
