/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-history-entry.h"

G_BEGIN_DECLS

#define BS_TYPE_HISTORY (bs_history_get_type ())
G_DECLARE_FINAL_TYPE (BsHistory, bs_history, BS, HISTORY, GObject)

BsHistory      *bs_history_open                   (const char      *path,
                                                   GError         **error);
BsHistory      *bs_history_new_in_memory          (void);

const char     *bs_history_get_path               (BsHistory       *self);
const char     *bs_history_get_moved_aside        (BsHistory       *self);
const char     *bs_history_get_moved_aside_reason (BsHistory       *self);
guint           bs_history_get_n_unreadable       (BsHistory       *self);
GListModel     *bs_history_get_entries            (BsHistory       *self);
BsHistoryEntry *bs_history_find_uuid              (BsHistory       *self,
                                                   const char      *uuid);

gboolean        bs_history_save                   (BsHistory       *self,
                                                   BsHistoryEntry  *entry,
                                                   GError         **error);
gboolean        bs_history_set_note               (BsHistory       *self,
                                                   BsHistoryEntry  *entry,
                                                   const char      *note,
                                                   GError         **error);
gboolean        bs_history_remove                 (BsHistory       *self,
                                                   BsHistoryEntry  *entry,
                                                   GError         **error);
gboolean        bs_history_clear                  (BsHistory       *self,
                                                   GError         **error);
gboolean        bs_history_import                 (BsHistory       *self,
                                                   GPtrArray       *entries,
                                                   guint           *n_added,
                                                   GError         **error);

/* A clinic's history (bs-history-clinic.c) */
gboolean        bs_history_remove_patient         (BsHistory       *self,
                                                   const char      *code,
                                                   guint           *n_removed,
                                                   GError         **error);

G_END_DECLS
