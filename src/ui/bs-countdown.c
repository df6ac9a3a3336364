/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-countdown.h"

/*
 * The big digits.  A label cannot grow with the window, and a runner reads
 * this from a mat two metres away, so the text is laid out at whatever size
 * fills the space it is given.  The size is fitted to a template (the
 * widest text of the current segment, e.g. "0:00" or "00"), so the digits
 * do not jump in size as they count down; tabular figures keep every digit
 * the same width.
 */

#define MIN_HEIGHT 72
#define FILL 0.92

struct _BsCountdown
{
  GtkWidget parent_instance;

  char *text;
  char *template_text;
};

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BsCountdown, bs_countdown, GTK_TYPE_WIDGET)

static PangoLayout *
make_layout (BsCountdown *self,
             const char  *text,
             double       size)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoFontDescription) font = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();

  font = pango_font_description_copy (pango_context_get_font_description (
                                        pango_layout_get_context (layout)));
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
bs_countdown_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  BsCountdown *self = BS_COUNTDOWN (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  const char *fit = self->template_text ? self->template_text : self->text;
  PangoRectangle ink, logical;
  double size;
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0 || height <= 0)
    return;

  /* Measure the template at a reference size, then scale to fit. */
  probe = make_layout (self, fit, 100.0);
  pango_layout_get_pixel_extents (probe, &ink, &logical);
  if (logical.width <= 0 || ink.height <= 0)
    return;
  size = 100.0 * MIN (width * FILL / logical.width, height * FILL / ink.height);

  layout = make_layout (self, self->text, size);
  pango_layout_get_pixel_extents (layout, &ink, &logical);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  /* Centre the ink, not the line box, so digits sit in the middle. */
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - logical.width) / 2.0f,
                                                          (height - ink.height) / 2.0f - ink.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
bs_countdown_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MIN_HEIGHT;
      *natural = MIN_HEIGHT * 3;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = MIN_HEIGHT * 4;
    }
}

static void
bs_countdown_finalize (GObject *object)
{
  BsCountdown *self = BS_COUNTDOWN (object);

  g_free (self->text);
  g_free (self->template_text);

  G_OBJECT_CLASS (bs_countdown_parent_class)->finalize (object);
}

static void
bs_countdown_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, BS_COUNTDOWN (object)->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_countdown_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      bs_countdown_set_text (BS_COUNTDOWN (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_countdown_class_init (BsCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bs_countdown_finalize;
  object_class->get_property = bs_countdown_get_property;
  object_class->set_property = bs_countdown_set_property;
  widget_class->snapshot = bs_countdown_snapshot;
  widget_class->measure = bs_countdown_measure;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "countdown");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TIMER);
}

static void
bs_countdown_init (BsCountdown *self)
{
}

GtkWidget *
bs_countdown_new (void)
{
  return g_object_new (BS_TYPE_COUNTDOWN, NULL);
}

const char *
bs_countdown_get_text (BsCountdown *self)
{
  g_return_val_if_fail (BS_IS_COUNTDOWN (self), NULL);
  return self->text;
}

void
bs_countdown_set_text (BsCountdown *self,
                       const char  *text)
{
  g_return_if_fail (BS_IS_COUNTDOWN (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * bs_countdown_set_template:
 * @template_text: (nullable): the widest text to be shown until the next
 *   call, used to choose the font size
 */
void
bs_countdown_set_template (BsCountdown *self,
                           const char  *template_text)
{
  g_return_if_fail (BS_IS_COUNTDOWN (self));

  if (g_strcmp0 (self->template_text, template_text) == 0)
    return;
  g_free (self->template_text);
  self->template_text = g_strdup (template_text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
