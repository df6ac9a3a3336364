/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-qr-view.h"

/*
 * A QR code on screen.  Readers want dark modules on a light ground with
 * a light margin round it, so the code is drawn black on white whatever
 * the style (dark, high contrast): it is a picture of a printed code, not
 * text.  Every module is a whole number of pixels, so no edge is blurred.
 * The printed page draws it with the same function, bs_qr_draw().
 */

/* The smallest module a phone reads from a screen at arm's length, and
 * the size the code asks for: about 320 px, which leaves a 360 px wide
 * window its margins. */
#define MIN_MODULE_PX 2
#define NATURAL_PX 320

struct _BsQrView
{
  GtkWidget parent_instance;

  BsQrCode *code;
};

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BsQrView, bs_qr_view, GTK_TYPE_WIDGET)

/**
 * bs_qr_get_n_modules:
 *
 * Returns: the modules on each side of @code with its quiet zone
 */
guint
bs_qr_get_n_modules (BsQrCode *code)
{
  g_return_val_if_fail (code != NULL, 0);

  return bs_qr_code_get_width (code) + 2 * BS_QR_QUIET_ZONE;
}

/**
 * bs_qr_draw:
 * @cr: where to draw, with the origin at the top left of the code
 * @code: the code
 * @size: the side of the code with its quiet zone, in user units
 *
 * Draws the code black on white, quiet zone included.  The dark modules
 * are one path, filled once, so that no seam shows between two of them
 * even when a module is not a whole number of device pixels.
 */
void
bs_qr_draw (cairo_t  *cr,
            BsQrCode *code,
            double    size)
{
  guint width, n_modules;
  double module;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (code != NULL);

  width = bs_qr_code_get_width (code);
  n_modules = bs_qr_get_n_modules (code);
  module = size / n_modules;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, size, size);
  cairo_fill (cr);

  cairo_new_path (cr);
  for (guint y = 0; y < width; y++)
    for (guint x = 0; x < width;)
      {
        guint run = 0;

        while (x + run < width && bs_qr_code_get_module (code, x + run, y))
          run++;
        if (run == 0)
          {
            x++;
            continue;
          }
        cairo_rectangle (cr, (BS_QR_QUIET_ZONE + x) * module, (BS_QR_QUIET_ZONE + y) * module,
                         run * module, module);
        x += run;
      }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
bs_qr_view_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  BsQrView *self = BS_QR_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n_modules, module;
  int size;
  cairo_t *cr;

  if (self->code == NULL || width <= 0 || height <= 0)
    return;

  n_modules = bs_qr_get_n_modules (self->code);
  module = MAX (1u, (guint) MIN (width, height) / n_modules);
  size = (int) (module * n_modules);

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT ((width - size) / 2, (height - size) / 2,
                                                       size, size));
  cairo_translate (cr, (width - size) / 2, (height - size) / 2);
  bs_qr_draw (cr, self->code, size);
  cairo_destroy (cr);
}

static void
bs_qr_view_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  BsQrView *self = BS_QR_VIEW (widget);
  guint n_modules;

  if (self->code == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  n_modules = bs_qr_get_n_modules (self->code);
  *minimum = (int) (n_modules * MIN_MODULE_PX);
  *natural = (int) (n_modules * MAX (MIN_MODULE_PX, NATURAL_PX / n_modules));
}

static void
update_accessible (BsQrView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("QR code of your result"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->code ? bs_qr_code_get_text (self->code) : "",
                                  -1);
}

static void
bs_qr_view_finalize (GObject *object)
{
  BsQrView *self = BS_QR_VIEW (object);

  g_clear_pointer (&self->code, bs_qr_code_unref);

  G_OBJECT_CLASS (bs_qr_view_parent_class)->finalize (object);
}

static void
bs_qr_view_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BsQrView *self = BS_QR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_boxed (value, self->code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_qr_view_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BsQrView *self = BS_QR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      bs_qr_view_set_code (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_qr_view_class_init (BsQrViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bs_qr_view_finalize;
  object_class->get_property = bs_qr_view_get_property;
  object_class->set_property = bs_qr_view_set_property;
  widget_class->snapshot = bs_qr_view_snapshot;
  widget_class->measure = bs_qr_view_measure;

  properties[PROP_CODE] =
    g_param_spec_boxed ("code", NULL, NULL, BS_TYPE_QR_CODE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bs_qr_view_init (BsQrView *self)
{
  update_accessible (self);
}

GtkWidget *
bs_qr_view_new (void)
{
  return g_object_new (BS_TYPE_QR_VIEW, NULL);
}

/**
 * bs_qr_view_get_code:
 *
 * Returns: (transfer none) (nullable): the code shown
 */
BsQrCode *
bs_qr_view_get_code (BsQrView *self)
{
  g_return_val_if_fail (BS_IS_QR_VIEW (self), NULL);

  return self->code;
}

/**
 * bs_qr_view_set_code:
 * @code: (nullable): the code to show; its text becomes the accessible
 *   description, so a screen reader can read what the code says
 */
void
bs_qr_view_set_code (BsQrView *self,
                     BsQrCode *code)
{
  g_return_if_fail (BS_IS_QR_VIEW (self));

  if (self->code == code)
    return;
  g_clear_pointer (&self->code, bs_qr_code_unref);
  if (code != NULL)
    self->code = bs_qr_code_ref (code);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}
