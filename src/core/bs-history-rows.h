/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "bs-history-entry.h"

G_BEGIN_DECLS

typedef enum
{
  BS_HISTORY_OP_OPEN,
  BS_HISTORY_OP_READ,
  BS_HISTORY_OP_WRITE,
} BsHistoryOp;

typedef struct _BsHistoryRows BsHistoryRows;

BsHistoryRows *bs_history_rows_new               (sqlite3         *db,
                                                  const char      *name);
void           bs_history_rows_free              (BsHistoryRows   *self);
void           bs_history_rows_set_error         (BsHistoryRows   *self,
                                                  BsHistoryOp      op,
                                                  GError         **error);
gboolean       bs_history_rows_exec              (BsHistoryRows   *self,
                                                  const char      *sql,
                                                  BsHistoryOp      op,
                                                  GError         **error);
gboolean       bs_history_rows_load              (BsHistoryRows   *self,
                                                  GPtrArray       *entries,
                                                  guint           *n_unreadable,
                                                  GError         **error);
gboolean       bs_history_rows_finish_interrupted (BsHistoryRows  *self,
                                                  GError         **error);
gboolean       bs_history_rows_write             (BsHistoryRows   *self,
                                                  BsHistoryEntry  *entry,
                                                  gboolean         insert,
                                                  gint64          *id,
                                                  GError         **error);
gboolean       bs_history_rows_uuid_exists       (BsHistoryRows   *self,
                                                  const char      *uuid,
                                                  gboolean        *exists,
                                                  GError         **error);
gboolean       bs_history_rows_set_note          (BsHistoryRows   *self,
                                                  BsHistoryEntry  *entry,
                                                  const char      *note,
                                                  GError         **error);
gboolean       bs_history_rows_delete            (BsHistoryRows   *self,
                                                  BsHistoryEntry  *entry,
                                                  GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BsHistoryRows, bs_history_rows_free)

gboolean       bs_history_rows_prune_schedules (BsHistoryRows  *self,
                                                GError        **error);
gboolean       bs_history_rows_delete_patient  (BsHistoryRows  *self,
                                                const char     *code,
                                                guint          *n_deleted,
                                                GError        **error);

G_END_DECLS
