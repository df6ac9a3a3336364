/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-history-entry.h"

G_BEGIN_DECLS

char *bs_history_entry_dup_title  (BsHistoryEntry *entry);
char *bs_history_entry_dup_figure (BsHistoryEntry *entry);
GStrv bs_history_entry_dup_stage_names (BsHistoryEntry *entry);
char *bs_history_format_day       (GDateTime      *local_day,
                                   GDateTime      *local_now);

G_END_DECLS
