/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-history-days.h"
#include "bs-history-entry.h"

/*
 * The history list grouped by day: the entries (newest first) with a
 * BsHistoryDay before the first entry of each local day.  GTK 4.8's list
 * view has no sections, so the headers are items of their own.  The index
 * is rebuilt in one pass when the entries change: a few milliseconds for
 * ten years of daily use, and only then.
 */

struct _BsHistoryDay
{
  GObject parent_instance;

  GDateTime *date;   /* local midnight */
  guint n_entries;
};

G_DEFINE_FINAL_TYPE (BsHistoryDay, bs_history_day, G_TYPE_OBJECT)

static void
bs_history_day_finalize (GObject *object)
{
  g_date_time_unref (BS_HISTORY_DAY (object)->date);
  G_OBJECT_CLASS (bs_history_day_parent_class)->finalize (object);
}

static void
bs_history_day_class_init (BsHistoryDayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_history_day_finalize;
}

static void
bs_history_day_init (BsHistoryDay *self)
{
}

/**
 * bs_history_day_get_date:
 *
 * Returns: (transfer none): midnight at the start of the day, local time
 */
GDateTime *
bs_history_day_get_date (BsHistoryDay *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_DAY (self), NULL);
  return self->date;
}

guint
bs_history_day_get_n_entries (BsHistoryDay *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_DAY (self), 0);
  return self->n_entries;
}

typedef struct
{
  BsHistoryDay *day;   /* a header row, or NULL */
  guint entry;         /* else the position in the entries */
} Row;

struct _BsHistoryDays
{
  GObject parent_instance;

  GListModel *entries;
  GTimeZone *time_zone;
  GArray *rows;        /* Row */
};

static void bs_history_days_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BsHistoryDays, bs_history_days, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bs_history_days_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return BS_HISTORY_DAYS (model)->rows->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BsHistoryDays *self = BS_HISTORY_DAYS (model);
  Row *row;

  if (position >= self->rows->len)
    return NULL;
  row = &g_array_index (self->rows, Row, position);
  if (row->day != NULL)
    return g_object_ref (row->day);
  return g_list_model_get_item (self->entries, row->entry);
}

static void
bs_history_days_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
clear_row (gpointer data)
{
  g_clear_object (&((Row *) data)->day);
}

static void
rebuild (BsHistoryDays *self)
{
  guint n = g_list_model_get_n_items (self->entries);
  BsHistoryDay *current = NULL;
  int year = 0, day_of_year = 0;

  g_array_set_size (self->rows, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (self->entries, i);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (bs_history_entry_get_started_at (entry),
                                                            self->time_zone);
      Row row = { NULL, i };

      if (current == NULL || g_date_time_get_year (local) != year
          || g_date_time_get_day_of_year (local) != day_of_year)
        {
          Row header = { NULL, 0 };

          year = g_date_time_get_year (local);
          day_of_year = g_date_time_get_day_of_year (local);
          current = g_object_new (BS_TYPE_HISTORY_DAY, NULL);
          current->date = g_date_time_new (self->time_zone, year,
                                           g_date_time_get_month (local),
                                           g_date_time_get_day_of_month (local), 0, 0, 0);
          header.day = current;
          g_array_append_val (self->rows, header);
        }
      current->n_entries++;
      g_array_append_val (self->rows, row);
    }
}

static void
on_entries_changed (GListModel    *entries,
                    guint          position,
                    guint          removed,
                    guint          added,
                    BsHistoryDays *self)
{
  guint old_n = self->rows->len;

  rebuild (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->rows->len);
}

static void
bs_history_days_finalize (GObject *object)
{
  BsHistoryDays *self = BS_HISTORY_DAYS (object);

  g_signal_handlers_disconnect_by_func (self->entries, on_entries_changed, self);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_array_unref (self->rows);

  G_OBJECT_CLASS (bs_history_days_parent_class)->finalize (object);
}

static void
bs_history_days_class_init (BsHistoryDaysClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_history_days_finalize;
}

static void
bs_history_days_init (BsHistoryDays *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
}

/**
 * bs_history_days_new:
 * @entries: #BsHistoryEntry items, newest first
 * @time_zone: (nullable): where days begin and end; local if %NULL
 *
 * Returns: (transfer full): the entries with a #BsHistoryDay before each
 *   day's first
 */
BsHistoryDays *
bs_history_days_new (GListModel *entries,
                     GTimeZone  *time_zone)
{
  BsHistoryDays *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  self = g_object_new (BS_TYPE_HISTORY_DAYS, NULL);
  self->entries = g_object_ref (entries);
  self->time_zone = time_zone ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
  g_signal_connect (entries, "items-changed", G_CALLBACK (on_entries_changed), self);
  rebuild (self);
  return self;
}

GListModel *
bs_history_days_get_entries (BsHistoryDays *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_DAYS (self), NULL);
  return self->entries;
}
