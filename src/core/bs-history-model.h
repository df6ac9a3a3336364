/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-history-entry.h"

G_BEGIN_DECLS

#define BS_TYPE_HISTORY_MODEL (bs_history_model_get_type ())
G_DECLARE_FINAL_TYPE (BsHistoryModel, bs_history_model, BS, HISTORY_MODEL, GObject)

BsHistoryModel *bs_history_model_new      (void);
void            bs_history_model_add      (BsHistoryModel *self,
                                           BsHistoryEntry *entry);
void            bs_history_model_add_many (BsHistoryModel *self,
                                           GPtrArray      *entries);
void            bs_history_model_update   (BsHistoryModel *self,
                                           BsHistoryEntry *entry);
gboolean        bs_history_model_remove   (BsHistoryModel *self,
                                           const char     *uuid);
void            bs_history_model_changed  (BsHistoryModel *self,
                                           const char     *uuid);
void            bs_history_model_clear    (BsHistoryModel *self);
BsHistoryEntry *bs_history_model_lookup   (BsHistoryModel *self,
                                           const char     *uuid);

G_END_DECLS
