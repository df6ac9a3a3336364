/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <math.h>

#include "bs-error.h"
#include "bs-illustration.h"

/*
 * A line drawing of an exercise position, from the bundled SVGs in
 * illustrations/.  The drawings are written in two colour tokens: the body
 * in "currentColor" and the part that works in the literal "#3584e4".  Both
 * are replaced by the widget's own foreground and the theme's accent before
 * rendering, so a drawing follows light, dark and high contrast styles like
 * text does.  Rendering goes through gdk-pixbuf at the exact device size
 * (a texture scaled afterwards would be blurred), and the result is kept
 * until the size, the scale or the colours change.
 */

#define NATURAL_WIDTH 240
#define NATURAL_HEIGHT 160
#define MIN_WIDTH 120
#define ACCENT_TOKEN "#3584e4"
#define FOREGROUND_TOKEN "currentColor"

struct _BsIllustration
{
  GtkWidget parent_instance;

  char *illustration;
  GBytes *svg;
  gboolean render_failed;

  GdkTexture *texture;
  int texture_width;
  int texture_height;
  GdkRGBA texture_fg;
  GdkRGBA texture_accent;
};

enum {
  PROP_0,
  PROP_ILLUSTRATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BsIllustration, bs_illustration, GTK_TYPE_WIDGET)

static GBytes *
load_svg (const char  *id,
          GError     **error)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/illustrations/%s.svg", id);
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND, "There is no drawing “%s”", id);
  return bytes;
}

static char *
css_color (const GdkRGBA *color)
{
  /* Opaque on purpose: the strokes overlap at every joint, and a
   * translucent colour would show each overlap as a darker blot. */
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) lroundf (CLAMP (color->red, 0.f, 1.f) * 255.f),
                          (int) lroundf (CLAMP (color->green, 0.f, 1.f) * 255.f),
                          (int) lroundf (CLAMP (color->blue, 0.f, 1.f) * 255.f));
}

static GdkTexture *
render_texture (GBytes         *svg,
                const GdkRGBA  *fg,
                const GdkRGBA  *accent,
                int             width,
                int             height,
                GError        **error)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *fg_css = css_color (fg);
  g_autofree char *accent_css = css_color (accent);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  text = g_string_new_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_string_replace (text, FOREGROUND_TOKEN, fg_css, 0);
  g_string_replace (text, ACCENT_TOKEN, accent_css, 0);
  len = text->len;
  stream = g_memory_input_stream_new_from_data (g_string_free (g_steal_pointer (&text), FALSE),
                                                len, g_free);
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, width, height, TRUE, NULL, &local_error);
  if (pixbuf == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_IO, "The drawing could not be read as an image: %s",
                   local_error->message);
      return NULL;
    }
  return gdk_texture_new_for_pixbuf (pixbuf);
}

static void
get_colors (GtkWidget *widget,
            GdkRGBA   *fg,
            GdkRGBA   *accent)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    gdk_rgba_parse (accent, ACCENT_TOKEN);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
texture_matches (BsIllustration *self,
                 int             width,
                 int             height,
                 const GdkRGBA  *fg,
                 const GdkRGBA  *accent)
{
  return self->texture != NULL &&
         self->texture_width == width && self->texture_height == height &&
         gdk_rgba_equal (&self->texture_fg, fg) &&
         gdk_rgba_equal (&self->texture_accent, accent);
}

static void
bs_illustration_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  BsIllustration *self = BS_ILLUSTRATION (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  float box_width, box_height;
  int pixel_width, pixel_height;
  GdkRGBA fg, accent;

  if (self->svg == NULL || self->render_failed || width <= 0 || height <= 0)
    return;

  /* The largest box of the drawing's proportions that fits, centred. */
  box_width = MIN ((float) width, height * (float) NATURAL_WIDTH / NATURAL_HEIGHT);
  box_height = box_width * NATURAL_HEIGHT / NATURAL_WIDTH;
  pixel_width = (int) ceilf (box_width * scale);
  pixel_height = (int) ceilf (box_height * scale);
  if (pixel_width <= 0 || pixel_height <= 0)
    return;

  get_colors (widget, &fg, &accent);
  if (!texture_matches (self, pixel_width, pixel_height, &fg, &accent))
    {
      g_autoptr(GError) error = NULL;

      g_clear_object (&self->texture);
      self->texture = render_texture (self->svg, &fg, &accent, pixel_width, pixel_height, &error);
      if (self->texture == NULL)
        {
          /* The drawings are checked when the package is built, so this
           * means the SVG image loader is missing: say so once. */
          g_warning ("Cannot draw illustration “%s”: %s", self->illustration, error->message);
          self->render_failed = TRUE;
          return;
        }
      self->texture_width = pixel_width;
      self->texture_height = pixel_height;
      self->texture_fg = fg;
      self->texture_accent = accent;
    }

  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT ((width - box_width) / 2.f,
                                                    (height - box_height) / 2.f,
                                                    box_width, box_height));
}

static GtkSizeRequestMode
bs_illustration_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bs_illustration_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  BsIllustration *self = BS_ILLUSTRATION (widget);

  if (self->svg == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  /* The minimum stays small whatever the width, so that a wide window
   * never has to grow tall for the drawing: it is scaled down instead. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = for_size < 0 ? NATURAL_WIDTH
                              : MAX (MIN_WIDTH, for_size * NATURAL_WIDTH / NATURAL_HEIGHT);
    }
  else
    {
      *minimum = MIN_WIDTH * NATURAL_HEIGHT / NATURAL_WIDTH;
      *natural = for_size < 0 ? NATURAL_HEIGHT
                              : MAX (*minimum, for_size * NATURAL_HEIGHT / NATURAL_WIDTH);
    }
}

static void
bs_illustration_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bs_illustration_parent_class)->css_changed (widget, change);

  /* The colours may come from named theme colours that changed without
   * the widget's own style changing; snapshot compares them. */
  gtk_widget_queue_draw (widget);
}

static void
scale_factor_changed (BsIllustration *self,
                      GParamSpec     *pspec,
                      gpointer        user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bs_illustration_finalize (GObject *object)
{
  BsIllustration *self = BS_ILLUSTRATION (object);

  g_free (self->illustration);
  g_clear_pointer (&self->svg, g_bytes_unref);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (bs_illustration_parent_class)->finalize (object);
}

static void
bs_illustration_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ILLUSTRATION:
      g_value_set_string (value, BS_ILLUSTRATION (object)->illustration);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_illustration_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ILLUSTRATION:
      bs_illustration_set_illustration (BS_ILLUSTRATION (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_illustration_class_init (BsIllustrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bs_illustration_finalize;
  object_class->get_property = bs_illustration_get_property;
  object_class->set_property = bs_illustration_set_property;
  widget_class->snapshot = bs_illustration_snapshot;
  widget_class->get_request_mode = bs_illustration_get_request_mode;
  widget_class->measure = bs_illustration_measure;
  widget_class->css_changed = bs_illustration_css_changed;

  /**
   * BsIllustration:illustration: (nullable)
   *
   * The drawing's id, e.g. "plank".  %NULL, or an id with no drawing,
   * shows nothing and takes no space.
   */
  properties[PROP_ILLUSTRATION] =
    g_param_spec_string ("illustration", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "illustration");
  /* The label, the name of the step, is set by whoever shows the step. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bs_illustration_init (BsIllustration *self)
{
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed), NULL);
}

GtkWidget *
bs_illustration_new (void)
{
  return g_object_new (BS_TYPE_ILLUSTRATION, NULL);
}

const char *
bs_illustration_get_illustration (BsIllustration *self)
{
  g_return_val_if_fail (BS_IS_ILLUSTRATION (self), NULL);
  return self->illustration;
}

/**
 * bs_illustration_set_illustration:
 * @id: (nullable): the drawing to show, e.g. "plank"
 */
void
bs_illustration_set_illustration (BsIllustration *self,
                                  const char     *id)
{
  g_return_if_fail (BS_IS_ILLUSTRATION (self));

  if (g_strcmp0 (self->illustration, id) == 0)
    return;
  g_free (self->illustration);
  self->illustration = g_strdup (id);
  g_clear_pointer (&self->svg, g_bytes_unref);
  g_clear_object (&self->texture);
  self->render_failed = FALSE;
  if (id != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->svg = load_svg (id, &error);
      /* A routine may name a drawing this build does not have (a user's
       * own routine, or one from a newer version): the step shows none. */
      if (self->svg == NULL)
        g_debug ("%s", error->message);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ILLUSTRATION]);
}
