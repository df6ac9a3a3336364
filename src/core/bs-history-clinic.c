/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * What the store does for a clinic's history, whose entries each carry a
 * patient code: removing all of one patient's results at once, when the
 * clinic is asked to forget them.
 */

#include "config.h"

#include "bs-history-entry-private.h"
#include "bs-history-private.h"

/**
 * bs_history_remove_patient:
 * @code: a patient code
 * @n_removed: (out) (optional): how many entries had it
 *
 * Deletes every entry kept under @code, those that could not be read
 * included, in one transaction: all of them go, or none.  The entries
 * leave the list and get id 0.  A code no entry has removes nothing and
 * is not an error.
 *
 * Returns: whether they were removed
 */
gboolean
bs_history_remove_patient (BsHistory   *self,
                           const char  *code,
                           guint       *n_removed,
                           GError     **error)
{
  g_autoptr(GPtrArray) removed = NULL;
  GListModel *model;
  guint n_deleted = 0;

  g_return_val_if_fail (BS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bs_history_begin (self, error))
    return FALSE;
  if (!bs_history_rows_delete_patient (self->rows, code, &n_deleted, error))
    {
      bs_history_rollback (self);
      return FALSE;
    }
  if (!bs_history_commit (self, error))
    return FALSE;

  /* The list may hold the last references. */
  removed = g_ptr_array_new_with_free_func (g_object_unref);
  model = G_LIST_MODEL (self->entries);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (entry->patient_code, code) == 0)
        g_ptr_array_add (removed, g_steal_pointer (&entry));
    }
  for (guint i = 0; i < removed->len; i++)
    {
      BsHistoryEntry *entry = g_ptr_array_index (removed, i);

      entry->id = 0;
      bs_history_model_remove (self->entries, entry->uuid);
    }

  /* What was deleted but not listed had not read. */
  if (n_deleted > removed->len)
    self->n_unreadable -= MIN (self->n_unreadable, n_deleted - removed->len);
  if (n_removed != NULL)
    *n_removed = n_deleted;
  return TRUE;
}
