/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bs-adherence-draw.h"
#include "bs-adherence-grid.h"
#include "bs-history-stats.h"

/*
 * How regularly the person stretched and did strength work: the streaks in
 * words on top, then the last weeks as a calendar, Monday to Sunday, one
 * row a week.
 *
 * Every mark has a shape as well as a colour: a stretched day is a filled
 * circle with a check mark, any other day an empty ring, today a second
 * ring around it, a strength session a small diamond.  Each week ends with
 * its strength days out of the target ("2/3"), or a check mark when met.
 *
 * The cells are drawn, not made of buttons: there is nothing to do with a
 * day, and the figures are in the text above and in the accessible
 * description.
 */

#define MIN_CELL 28
#define MAX_CELL 48
#define NAT_CELL 42
#define COLUMNS BS_ADHERENCE_DRAW_COLUMNS
#define SPACING BS_ADHERENCE_DRAW_SPACING

struct _BsAdherenceGrid
{
  GtkWidget parent_instance;

  GListModel *entries;
  BsAdherence *adherence;
  GDate today;              /* set by bs_adherence_grid_set_today(), or cleared */
  GTimeZone *tz;            /* likewise */
  guint midnight_id;

  GtkWidget *box;
  GtkWidget *streak_label;
  GtkWidget *best_label;
  GtkWidget *week_label;
  double grid_top;
};

G_DEFINE_FINAL_TYPE (BsAdherenceGrid, bs_adherence_grid, GTK_TYPE_WIDGET)

static void
update_labels (BsAdherenceGrid *self)
{
  const BsAdherence *a = self->adherence;
  g_autofree char *streak = NULL;
  g_autofree char *best = NULL;
  g_autofree char *week = NULL;
  g_autofree char *description = NULL;

  /* Translators: stretched days in a row up to today */
  streak = g_strdup_printf (ngettext ("Current streak: %u day", "Current streak: %u days",
                                      a->current_streak),
                            a->current_streak);
  /* Translators: the longest run of stretched days ever */
  best = g_strdup_printf (ngettext ("Best streak: %u day", "Best streak: %u days", a->best_streak),
                          a->best_streak);
  /* Translators: how many of the last seven days had a stretch routine done */
  week = g_strdup_printf (ngettext ("Stretched %u of the last 7 days",
                                    "Stretched %u of the last 7 days",
                                    a->stretched_last_7),
                          a->stretched_last_7);
  gtk_label_set_label (GTK_LABEL (self->streak_label), streak);
  gtk_label_set_label (GTK_LABEL (self->best_label), best);
  gtk_label_set_label (GTK_LABEL (self->week_label), week);

  description = bs_adherence_to_text (a);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
recompute (BsAdherenceGrid *self)
{
  g_autoptr(GListStore) empty = NULL;
  g_autoptr(GTimeZone) local = NULL;
  GListModel *entries = self->entries;
  GTimeZone *tz = self->tz;
  GDate today = self->today;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  if (!g_date_valid (&today))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  if (entries == NULL)
    entries = G_LIST_MODEL (empty = g_list_store_new (BS_TYPE_HISTORY_ENTRY));

  g_clear_pointer (&self->adherence, bs_adherence_free);
  self->adherence = bs_adherence_compute (entries, &today, tz, BS_ADHERENCE_GRID_WEEKS);
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_items_changed (BsAdherenceGrid *self)
{
  recompute (self);
}

static gboolean
on_midnight (gpointer user_data)
{
  BsAdherenceGrid *self = user_data;

  self->midnight_id = 0;
  recompute (self);
  /* Once the day has turned, wait for the next one. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      guint left = 86400 - (guint) (g_date_time_get_hour (now) * 3600 +
                                    g_date_time_get_minute (now) * 60 +
                                    g_date_time_get_second (now));

      self->midnight_id = g_timeout_add_seconds (left + 1, on_midnight, self);
    }
  return G_SOURCE_REMOVE;
}

static void
bs_adherence_grid_map (GtkWidget *widget)
{
  BsAdherenceGrid *self = BS_ADHERENCE_GRID (widget);

  GTK_WIDGET_CLASS (bs_adherence_grid_parent_class)->map (widget);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  on_midnight (self);
}

static void
bs_adherence_grid_unmap (GtkWidget *widget)
{
  BsAdherenceGrid *self = BS_ADHERENCE_GRID (widget);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  GTK_WIDGET_CLASS (bs_adherence_grid_parent_class)->unmap (widget);
}

static int
text_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Large text makes the cells larger, so a day's number fits its ring. */
static int
min_cell (GtkWidget *widget)
{
  return MAX (MIN_CELL, (int) ceil (text_height (widget) * 1.5));
}

static int
cell_for_width (GtkWidget *widget,
                int        width)
{
  int smallest = min_cell (widget);

  return CLAMP (width / COLUMNS, smallest, MAX (MAX_CELL, smallest));
}

/* Weekday names above the columns, the cells, and a legend line. */
static int
grid_height (GtkWidget *widget,
             int        cell)
{
  int line = text_height (widget);

  return line + 4 + BS_ADHERENCE_GRID_WEEKS * cell + SPACING + MAX (line, 16);
}

static GtkSizeRequestMode
bs_adherence_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bs_adherence_grid_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  BsAdherenceGrid *self = BS_ADHERENCE_GRID (widget);
  int box_min, box_nat;

  gtk_widget_measure (self->box, orientation, for_size, &box_min, &box_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (box_min, COLUMNS * min_cell (widget));
      *natural = MAX (box_nat, COLUMNS * MAX (NAT_CELL, min_cell (widget)));
    }
  else
    {
      int cell = for_size < 0 ? MAX (NAT_CELL, min_cell (widget)) : cell_for_width (widget, for_size);

      *minimum = box_min + SPACING + grid_height (widget, for_size < 0 ? min_cell (widget) : cell);
      *natural = box_nat + SPACING + grid_height (widget, cell);
    }
}

static void
bs_adherence_grid_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  BsAdherenceGrid *self = BS_ADHERENCE_GRID (widget);
  int box_height;

  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, width, &box_height, NULL, NULL, NULL);
  gtk_widget_allocate (self->box, width, box_height, -1, NULL);
  self->grid_top = box_height + SPACING;
}

static void
bs_adherence_grid_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  BsAdherenceGrid *self = BS_ADHERENCE_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int line = text_height (widget);
  int cell = cell_for_width (widget, width);
  cairo_t *cr;

  gtk_widget_snapshot_child (widget, self->box, snapshot);
  if (height <= self->grid_top)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, self->grid_top,
                                                                 width, height - self->grid_top));
  bs_adherence_draw (cr, widget, self->adherence,
                     floor ((width - COLUMNS * cell) / 2.0), self->grid_top, cell, line);
  cairo_destroy (cr);
}

static void
bs_adherence_grid_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bs_adherence_grid_parent_class)->css_changed (widget, change);
  /* Named theme colours change with dark and high contrast styles without
   * this widget's own style changing. */
  gtk_widget_queue_draw (widget);
}

static void
bs_adherence_grid_dispose (GObject *object)
{
  BsAdherenceGrid *self = BS_ADHERENCE_GRID (object);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_func (self->entries, on_items_changed, self);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (bs_adherence_grid_parent_class)->dispose (object);
}

static void
bs_adherence_grid_finalize (GObject *object)
{
  BsAdherenceGrid *self = BS_ADHERENCE_GRID (object);

  g_clear_pointer (&self->adherence, bs_adherence_free);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (bs_adherence_grid_parent_class)->finalize (object);
}

static void
bs_adherence_grid_class_init (BsAdherenceGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bs_adherence_grid_dispose;
  object_class->finalize = bs_adherence_grid_finalize;
  widget_class->snapshot = bs_adherence_grid_snapshot;
  widget_class->get_request_mode = bs_adherence_grid_get_request_mode;
  widget_class->measure = bs_adherence_grid_measure;
  widget_class->size_allocate = bs_adherence_grid_size_allocate;
  widget_class->map = bs_adherence_grid_map;
  widget_class->unmap = bs_adherence_grid_unmap;
  widget_class->css_changed = bs_adherence_grid_css_changed;

  gtk_widget_class_set_css_name (widget_class, "adherencegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static GtkWidget *
add_label (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
bs_adherence_grid_init (BsAdherenceGrid *self)
{
  g_date_clear (&self->today, 1);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->streak_label = add_label (self->box);
  gtk_widget_add_css_class (self->streak_label, "adherence-streak");
  self->best_label = add_label (self->box);
  self->week_label = add_label (self->box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stretching and strength, last 8 weeks"),
                                  -1);
  recompute (self);
}

GtkWidget *
bs_adherence_grid_new (void)
{
  return g_object_new (BS_TYPE_ADHERENCE_GRID, NULL);
}

GListModel *
bs_adherence_grid_get_entries (BsAdherenceGrid *self)
{
  g_return_val_if_fail (BS_IS_ADHERENCE_GRID (self), NULL);
  return self->entries;
}

/**
 * bs_adherence_grid_set_entries:
 * @entries: (nullable): a list of #BsHistoryEntry
 *
 * The grid follows the list as it changes.
 */
void
bs_adherence_grid_set_entries (BsAdherenceGrid *self,
                               GListModel      *entries)
{
  g_return_if_fail (BS_IS_ADHERENCE_GRID (self));
  g_return_if_fail (entries == NULL || G_IS_LIST_MODEL (entries));

  if (self->entries == entries)
    return;
  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_func (self->entries, on_items_changed, self);
  g_set_object (&self->entries, entries);
  if (entries != NULL)
    g_signal_connect_swapped (entries, "items-changed", G_CALLBACK (on_items_changed), self);
  recompute (self);
}

/**
 * bs_adherence_grid_set_today:
 * @today: (nullable): the day to count up to; today's date if %NULL
 * @tz: (nullable): the zone whose days count; local time if %NULL
 *
 * Fixes the calendar, for tests and for printing a report of a given day.
 */
void
bs_adherence_grid_set_today (BsAdherenceGrid *self,
                             const GDate     *today,
                             GTimeZone       *tz)
{
  g_return_if_fail (BS_IS_ADHERENCE_GRID (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  if (tz != NULL)
    self->tz = g_time_zone_ref (tz);
  recompute (self);
}
