/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "bs-history.h"
#include "bs-history-model.h"
#include "bs-history-rows.h"

G_BEGIN_DECLS

/* The store's fields and its transactions, for the files that make up the
 * store (bs-history.c, bs-history-clinic.c).  Everything else goes
 * through bs-history.h. */
struct _BsHistory
{
  GObject parent_instance;

  sqlite3 *db;
  BsHistoryRows *rows;
  char *path;                     /* NULL in memory */
  char *moved_aside;
  char *moved_aside_reason;
  guint n_unreadable;
  BsHistoryModel *entries;
};

gboolean bs_history_begin    (BsHistory  *self,
                              GError    **error);
void     bs_history_rollback (BsHistory  *self);
gboolean bs_history_commit   (BsHistory  *self,
                              GError    **error);

G_END_DECLS
