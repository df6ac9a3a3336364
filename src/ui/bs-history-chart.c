/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bs-chart-draw.h"
#include "bs-history-chart.h"
#include "bs-history-stats.h"

/*
 * The core test results over time, with a line of text under the chart
 * that spells out one result.  Pointing at the chart picks the nearest
 * result; so do the arrow keys, Home and End, so the details are never
 * hover-only.  For a screen reader the chart is an image whose description
 * is the same summary in words.
 */

#define CHART_MIN_HEIGHT 220
#define CHART_EXTRA_HEIGHT 40
#define MIN_WIDTH 240
#define NAT_WIDTH 480
#define SPACING 6

struct _BsHistoryChart
{
  GtkWidget parent_instance;

  GListModel *entries;
  GArray *points;           /* BsChartPoint, oldest first */
  BsChartGeometry geometry; /* of the last drawing */
  int selected;             /* from the keyboard or a click; -1 if none */
  int hovered;              /* under the pointer; -1 if none */
  double chart_height;

  GtkWidget *details;
};

enum {
  PROP_0,
  PROP_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BsHistoryChart, bs_history_chart, GTK_TYPE_WIDGET)

enum {
  MOVE_FIRST,
  MOVE_BACK,
  MOVE_ON,
  MOVE_LAST,
};

static int
shown_point (BsHistoryChart *self)
{
  return self->hovered >= 0 ? self->hovered : self->selected;
}

static void
update_details (BsHistoryChart *self)
{
  int index = shown_point (self);
  g_autofree char *text = NULL;

  if (index >= 0 && (guint) index < self->points->len)
    text = bs_chart_point_describe (&g_array_index (self->points, BsChartPoint, index), NULL);
  else if (self->points->len > 0)
    text = g_strdup (_("Point at a result, or use the arrow keys, to see its details."));

  gtk_label_set_label (GTK_LABEL (self->details), text != NULL ? text : "");
  gtk_widget_set_visible (self->details, text != NULL);
}

static void
recompute (BsHistoryChart *self)
{
  g_autofree char *summary_text = NULL;
  BsCoreSummary summary;

  g_clear_pointer (&self->points, g_array_unref);
  if (self->entries != NULL)
    self->points = bs_history_core_series (self->entries);
  else
    self->points = g_array_new (FALSE, FALSE, sizeof (BsChartPoint));

  if (self->selected >= (int) self->points->len)
    self->selected = self->points->len > 0 ? (int) self->points->len - 1 : -1;
  self->hovered = -1;

  bs_core_summary_init (&summary, (const BsChartPoint *) self->points->data, self->points->len);
  summary_text = bs_core_summary_to_text (&summary, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary_text,
                                  -1);
  update_details (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_items_changed (BsHistoryChart *self)
{
  recompute (self);
}

static BsChartColor
to_chart_color (const GdkRGBA *rgba,
                double         alpha)
{
  return (BsChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              GdkRGBA         *color,
              const char      *fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
make_style (BsHistoryChart *self,
            BsChartStyle   *style)
{
  GtkStyleContext *context;
  GdkRGBA fg, accent, success, bg;
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (context, "accent_color", &accent, "#1c71d8");
  lookup_color (context, "success_color", &success, "#26a269");
  lookup_color (context, "window_bg_color", &bg, "#fafafa");

  style->foreground = to_chart_color (&fg, 1.0);
  style->dim = to_chart_color (&fg, high_contrast ? 1.0 : 0.7);
  style->grid = to_chart_color (&fg, high_contrast ? 0.5 : 0.12);
  style->accent = to_chart_color (&accent, 1.0);
  style->success = to_chart_color (&success, 1.0);
  style->target = to_chart_color (&fg, high_contrast ? 1.0 : 0.75);
  style->background = to_chart_color (&bg, 1.0);
  style->font = NULL;
}

static void
bs_history_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  BsHistoryChart *self = BS_HISTORY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  BsChartStyle style;
  cairo_t *cr;

  if (width > 0 && self->chart_height > 0)
    {
      int focused = shown_point (self);

      make_style (self, &style);
      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (0, 0, width, self->chart_height));
      bs_chart_draw (cr, gtk_widget_get_pango_context (widget), &style,
                     width, self->chart_height,
                     (const BsChartPoint *) self->points->data, self->points->len,
                     focused, &self->geometry);
      cairo_destroy (cr);
    }

  gtk_widget_snapshot_child (widget, self->details, snapshot);
}

/* Large text takes more room for the legend and the axes: the plot keeps
 * its share. */
static int
chart_min_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
  int line;

  pango_layout_get_pixel_size (layout, NULL, &line);
  return MAX (CHART_MIN_HEIGHT, 13 * line);
}

static GtkSizeRequestMode
bs_history_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bs_history_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  BsHistoryChart *self = BS_HISTORY_CHART (widget);
  int label_min = 0, label_nat = 0;

  if (gtk_widget_get_visible (self->details))
    gtk_widget_measure (self->details, orientation, for_size,
                        &label_min, &label_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (MIN_WIDTH, label_min);
      *natural = MAX (NAT_WIDTH, label_nat);
    }
  else
    {
      int spacing = gtk_widget_get_visible (self->details) ? SPACING : 0;
      int chart_min = chart_min_height (widget);

      *minimum = chart_min + spacing + label_min;
      *natural = chart_min + CHART_EXTRA_HEIGHT + spacing + label_nat;
    }
}

static void
bs_history_chart_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BsHistoryChart *self = BS_HISTORY_CHART (widget);
  int label_height = 0;

  if (gtk_widget_get_visible (self->details))
    {
      gtk_widget_measure (self->details, GTK_ORIENTATION_VERTICAL, width,
                          &label_height, NULL, NULL, NULL);
      gtk_widget_allocate (self->details, width, label_height, -1,
                           gsk_transform_translate (NULL,
                                                    &GRAPHENE_POINT_INIT (0, height - label_height)));
      label_height += SPACING;
    }
  self->chart_height = MAX (0, height - label_height);
}

static void
bs_history_chart_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bs_history_chart_parent_class)->css_changed (widget, change);
  /* The colours come from named theme colours, which a switch to dark or
   * high contrast changes without touching this widget's own style. */
  gtk_widget_queue_draw (widget);
}

static void
set_hovered (BsHistoryChart *self,
             int             index)
{
  if (self->hovered == index)
    return;
  self->hovered = index;
  update_details (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_selected (BsHistoryChart *self,
              int             index)
{
  self->hovered = -1;
  self->selected = index;
  update_details (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
point_at (BsHistoryChart *self,
          double          x,
          double          y)
{
  if (y > self->chart_height)
    return -1;
  return bs_chart_geometry_nearest (&self->geometry, (const BsChartPoint *) self->points->data,
                                    self->points->len, x);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BsHistoryChart           *self)
{
  set_hovered (self, point_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          BsHistoryChart           *self)
{
  set_hovered (self, -1);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            BsHistoryChart  *self)
{
  int index = point_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index >= 0)
    set_selected (self, index);
}

static gboolean
move (GtkWidget *widget,
      GVariant  *args,
      gpointer   user_data)
{
  BsHistoryChart *self = BS_HISTORY_CHART (widget);
  int last = (int) self->points->len - 1;
  int index = shown_point (self);

  if (last < 0)
    return FALSE;

  switch (g_variant_get_int32 (args))
    {
    case MOVE_FIRST:
      index = 0;
      break;
    case MOVE_LAST:
      index = last;
      break;
    case MOVE_BACK:
      /* With nothing picked yet, the arrows start from the newest run. */
      index = index < 0 ? last : MAX (index - 1, 0);
      break;
    case MOVE_ON:
      index = index < 0 ? last : MIN (index + 1, last);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  set_selected (self, index);
  return TRUE;
}

static void
bs_history_chart_dispose (GObject *object)
{
  BsHistoryChart *self = BS_HISTORY_CHART (object);

  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_func (self->entries, on_items_changed, self);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->details, gtk_widget_unparent);

  G_OBJECT_CLASS (bs_history_chart_parent_class)->dispose (object);
}

static void
bs_history_chart_finalize (GObject *object)
{
  BsHistoryChart *self = BS_HISTORY_CHART (object);

  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (bs_history_chart_parent_class)->finalize (object);
}

static void
bs_history_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ENTRIES:
      g_value_set_object (value, BS_HISTORY_CHART (object)->entries);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_history_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ENTRIES:
      bs_history_chart_set_entries (BS_HISTORY_CHART (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  int             where)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move, "i", where);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, move, "i", where);
}

static void
bs_history_chart_class_init (BsHistoryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bs_history_chart_dispose;
  object_class->finalize = bs_history_chart_finalize;
  object_class->get_property = bs_history_chart_get_property;
  object_class->set_property = bs_history_chart_set_property;
  widget_class->snapshot = bs_history_chart_snapshot;
  widget_class->get_request_mode = bs_history_chart_get_request_mode;
  widget_class->measure = bs_history_chart_measure;
  widget_class->size_allocate = bs_history_chart_size_allocate;
  widget_class->css_changed = bs_history_chart_css_changed;

  properties[PROP_ENTRIES] =
    g_param_spec_object ("entries", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, MOVE_FIRST);
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, MOVE_BACK);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, MOVE_ON);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, MOVE_LAST);

  gtk_widget_class_set_css_name (widget_class, "historychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bs_history_chart_init (BsHistoryChart *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->selected = -1;
  self->hovered = -1;
  self->points = g_array_new (FALSE, FALSE, sizeof (BsChartPoint));

  self->details = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->details), 0);
  gtk_widget_add_css_class (self->details, "chart-details");
  gtk_widget_set_parent (self->details, GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Core test results"),
                                  -1);
  recompute (self);
}

GtkWidget *
bs_history_chart_new (void)
{
  return g_object_new (BS_TYPE_HISTORY_CHART, NULL);
}

GListModel *
bs_history_chart_get_entries (BsHistoryChart *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_CHART (self), NULL);
  return self->entries;
}

/**
 * bs_history_chart_set_entries:
 * @entries: (nullable): a list of #BsHistoryEntry, newest first
 *
 * The chart follows the list as it changes.
 */
void
bs_history_chart_set_entries (BsHistoryChart *self,
                              GListModel     *entries)
{
  g_return_if_fail (BS_IS_HISTORY_CHART (self));
  g_return_if_fail (entries == NULL || G_IS_LIST_MODEL (entries));

  if (self->entries == entries)
    return;
  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_func (self->entries, on_items_changed, self);
  g_set_object (&self->entries, entries);
  if (entries != NULL)
    g_signal_connect_swapped (entries, "items-changed", G_CALLBACK (on_items_changed), self);

  self->selected = -1;
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRIES]);
}
