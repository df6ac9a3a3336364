/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-history-entry.h"

G_BEGIN_DECLS

/* The most bytes of UTF-8 a hand-off text has.  Its QR code (level M) is
 * then version 19 at most, 93 modules a side, which a phone still reads
 * from a printed page; the usual text is half as long, version 13 or less. */
#define BS_HANDOFF_MAX_BYTES 600

char *bs_handoff_dup_title (BsHistoryEntry *entry);
char *bs_handoff_dup_text  (BsHistoryEntry *entry,
                            GDateTime      *now);
char *bs_handoff_truncate  (const char     *text,
                            gsize           max_bytes);

G_END_DECLS
