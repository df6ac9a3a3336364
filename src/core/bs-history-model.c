/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-history-entry-private.h"
#include "bs-history-model.h"

/*
 * The stored entries, newest first (ties: the later row first), as a
 * GListModel.  A plain sorted array: a view asks for items by position far
 * more often than the store writes, and a new entry is nearly always the
 * newest, so inserting it is a binary search and a memmove.
 *
 * Every entry is filed under the start time and id it had when it was
 * added.  The caller may change an entry (a checkpoint gets a new start
 * time) before saving it again, so the model keeps the key it filed the
 * entry under rather than reading it back from the entry.
 */

typedef struct
{
  gint64 started;
  gint64 id;
} Key;

typedef struct
{
  Key key;
  BsHistoryEntry *entry;
} Item;

struct _BsHistoryModel
{
  GObject parent_instance;

  GArray *items;      /* Item, in list order */
  GHashTable *keys;   /* uuid -> Key the entry is filed under */
};

static void bs_history_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BsHistoryModel, bs_history_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bs_history_model_list_model_init))

static GType
bs_history_model_get_item_type (GListModel *model)
{
  return BS_TYPE_HISTORY_ENTRY;
}

static guint
bs_history_model_get_n_items (GListModel *model)
{
  return BS_HISTORY_MODEL (model)->items->len;
}

static gpointer
bs_history_model_get_item (GListModel *model,
                           guint       position)
{
  BsHistoryModel *self = BS_HISTORY_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_array_index (self->items, Item, position).entry);
}

static void
bs_history_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bs_history_model_get_item_type;
  iface->get_n_items = bs_history_model_get_n_items;
  iface->get_item = bs_history_model_get_item;
}

static void
clear_item (Item *item)
{
  g_clear_object (&item->entry);
}

static void
bs_history_model_finalize (GObject *object)
{
  BsHistoryModel *self = BS_HISTORY_MODEL (object);

  g_array_unref (self->items);
  g_hash_table_unref (self->keys);

  G_OBJECT_CLASS (bs_history_model_parent_class)->finalize (object);
}

static void
bs_history_model_class_init (BsHistoryModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_history_model_finalize;
}

static void
bs_history_model_init (BsHistoryModel *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (self->items, (GDestroyNotify) clear_item);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

BsHistoryModel *
bs_history_model_new (void)
{
  return g_object_new (BS_TYPE_HISTORY_MODEL, NULL);
}

static Key
key_of (BsHistoryEntry *entry)
{
  Key key = { 0, entry->id };

  if (entry->started_at != NULL)
    key.started = g_date_time_to_unix (entry->started_at);
  return key;
}

/* Negative when @a comes before @b in the list. */
static int
key_compare (const Key *a,
             const Key *b)
{
  if (a->started != b->started)
    return a->started > b->started ? -1 : 1;
  if (a->id != b->id)
    return a->id > b->id ? -1 : 1;
  return 0;
}

static int
item_compare (gconstpointer a,
              gconstpointer b)
{
  return key_compare (&((const Item *) a)->key, &((const Item *) b)->key);
}

/* The first position whose item does not come before @key. */
static guint
lower_bound (BsHistoryModel *self,
             const Key      *key)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (key_compare (&g_array_index (self->items, Item, mid).key, key) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static gboolean
find (BsHistoryModel *self,
      const char     *uuid,
      guint          *position)
{
  const Key *key = g_hash_table_lookup (self->keys, uuid);

  if (key == NULL)
    return FALSE;
  for (guint i = lower_bound (self, key); i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (key_compare (&item->key, key) != 0)
        break;
      if (g_strcmp0 (item->entry->uuid, uuid) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static void
file_key (BsHistoryModel *self,
          BsHistoryEntry *entry,
          Key             key)
{
  g_hash_table_insert (self->keys, g_strdup (entry->uuid), g_memdup2 (&key, sizeof key));
}

/**
 * bs_history_model_add:
 * @entry: a stored entry whose uuid the model does not hold yet
 */
void
bs_history_model_add (BsHistoryModel *self,
                      BsHistoryEntry *entry)
{
  Item item;
  guint position;

  g_return_if_fail (BS_IS_HISTORY_MODEL (self));
  g_return_if_fail (BS_IS_HISTORY_ENTRY (entry));
  g_return_if_fail (!g_hash_table_contains (self->keys, entry->uuid));

  item.key = key_of (entry);
  item.entry = g_object_ref (entry);
  position = lower_bound (self, &item.key);
  g_array_insert_val (self->items, position, item);
  file_key (self, entry, item.key);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * bs_history_model_add_many:
 * @entries: (element-type BsHistoryEntry): stored entries the model does
 *   not hold yet
 *
 * Adds them all with a single ::items-changed: an import or the first load
 * may bring thousands, and a view is better off rebuilt once than told
 * about each.
 */
void
bs_history_model_add_many (BsHistoryModel *self,
                           GPtrArray      *entries)
{
  guint old_len;

  g_return_if_fail (BS_IS_HISTORY_MODEL (self));

  if (entries->len == 0)
    return;

  old_len = self->items->len;
  for (guint i = 0; i < entries->len; i++)
    {
      BsHistoryEntry *entry = g_ptr_array_index (entries, i);
      Item item = { key_of (entry), g_object_ref (entry) };

      g_return_if_fail (!g_hash_table_contains (self->keys, entry->uuid));
      g_array_append_val (self->items, item);
      file_key (self, entry, item.key);
    }
  g_array_sort (self->items, item_compare);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
}

/**
 * bs_history_model_update:
 * @entry: a stored entry, just saved again
 *
 * Files @entry under its current start time and id in place of the entry
 * with the same uuid (the same object or an older copy), or adds it.
 */
void
bs_history_model_update (BsHistoryModel *self,
                         BsHistoryEntry *entry)
{
  Item item;
  guint old_position;
  guint position;

  g_return_if_fail (BS_IS_HISTORY_MODEL (self));
  g_return_if_fail (BS_IS_HISTORY_ENTRY (entry));

  if (!find (self, entry->uuid, &old_position))
    {
      bs_history_model_add (self, entry);
      return;
    }

  item.key = key_of (entry);
  item.entry = g_object_ref (entry);
  file_key (self, entry, item.key);

  position = lower_bound (self, &item.key);
  if (position > old_position)
    position--;

  if (position == old_position)
    {
      Item *slot = &g_array_index (self->items, Item, position);

      clear_item (slot);
      *slot = item;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }

  g_array_remove_index (self->items, old_position);
  g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
  g_array_insert_val (self->items, position, item);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * bs_history_model_remove:
 *
 * Returns: whether the model held an entry with @uuid
 */
gboolean
bs_history_model_remove (BsHistoryModel *self,
                         const char     *uuid)
{
  guint position;

  g_return_val_if_fail (BS_IS_HISTORY_MODEL (self), FALSE);

  if (!find (self, uuid, &position))
    return FALSE;
  g_hash_table_remove (self->keys, uuid);
  g_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/**
 * bs_history_model_changed:
 *
 * Tells views that the entry with @uuid changed where it stands (its note).
 */
void
bs_history_model_changed (BsHistoryModel *self,
                          const char     *uuid)
{
  guint position;

  g_return_if_fail (BS_IS_HISTORY_MODEL (self));

  if (find (self, uuid, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

void
bs_history_model_clear (BsHistoryModel *self)
{
  guint old_len;

  g_return_if_fail (BS_IS_HISTORY_MODEL (self));

  old_len = self->items->len;
  if (old_len == 0)
    return;
  g_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->keys);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
}

/**
 * bs_history_model_lookup:
 *
 * Returns: (transfer none) (nullable): the entry with @uuid
 */
BsHistoryEntry *
bs_history_model_lookup (BsHistoryModel *self,
                         const char     *uuid)
{
  guint position;

  g_return_val_if_fail (BS_IS_HISTORY_MODEL (self), NULL);

  if (uuid == NULL || !find (self, uuid, &position))
    return NULL;
  return g_array_index (self->items, Item, position).entry;
}
