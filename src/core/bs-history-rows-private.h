/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-history-rows.h"

G_BEGIN_DECLS

sqlite3 *bs_history_rows_get_db (BsHistoryRows *self);

G_END_DECLS
