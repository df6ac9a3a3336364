/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bs-adherence-draw.h"

/*
 * The calendar part of the adherence grid, drawn with cairo: weekday
 * initials, one row of day marks a week with its strength badge, and the
 * legend.  Kept apart from the widget so the widget is only about size,
 * data and timing.
 */

#define COLUMNS BS_ADHERENCE_DRAW_COLUMNS
#define SPACING BS_ADHERENCE_DRAW_SPACING

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA faint;
  GdkRGBA fill;       /* a stretched day */
  GdkRGBA on_fill;    /* the check mark on it */
  GdkRGBA met;        /* a week's strength target reached */
  GdkRGBA on_met;
} Colors;

static void
lookup (GtkStyleContext *context,
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
get_colors (GtkWidget *widget,
            Colors    *colors)
{
  GtkStyleContext *context;
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &colors->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  colors->dim = colors->fg;
  colors->dim.alpha *= high_contrast ? 1.0f : 0.6f;
  colors->faint = colors->fg;
  colors->faint.alpha *= high_contrast ? 0.6f : 0.2f;
  lookup (context, "accent_bg_color", &colors->fill, "#3584e4");
  lookup (context, "accent_fg_color", &colors->on_fill, "#ffffff");
  lookup (context, "success_bg_color", &colors->met, "#26a269");
  lookup (context, "success_fg_color", &colors->on_met, "#ffffff");
}

static void
check_mark (cairo_t *cr,
            double   x,
            double   y,
            double   r)
{
  cairo_set_line_width (cr, MAX (1.5, r * 0.28));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, x - 0.45 * r, y + 0.02 * r);
  cairo_line_to (cr, x - 0.12 * r, y + 0.35 * r);
  cairo_line_to (cr, x + 0.48 * r, y - 0.35 * r);
  cairo_stroke (cr);
}

static void
diamond (cairo_t *cr,
         double   x,
         double   y,
         double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
show_text (cairo_t       *cr,
           PangoLayout   *layout,
           const char    *text,
           double         cx,
           double         cy,
           const GdkRGBA *color)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, round (cx - width / 2.0), round (cy - height / 2.0));
  gdk_cairo_set_source_rgba (cr, color);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
draw_day (cairo_t              *cr,
          PangoLayout          *layout,
          const Colors         *colors,
          const BsAdherenceDay *day,
          gboolean              is_today,
          double                cx,
          double                cy,
          double                cell)
{
  double r = cell * 0.36;

  cairo_new_path (cr);
  if (day->stretched)
    {
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &colors->fill);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &colors->on_fill);
      check_mark (cr, cx, cy, r);
    }
  else
    {
      GDate date;
      char number[4];

      cairo_set_line_width (cr, 1.5);
      cairo_arc (cr, cx, cy, r - 0.75, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, day->future ? &colors->faint : &colors->dim);
      cairo_stroke (cr);

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day->julian);
      g_snprintf (number, sizeof number, "%u", g_date_get_day (&date));
      show_text (cr, layout, number, cx, cy, day->future ? &colors->faint : &colors->dim);
    }

  if (is_today)
    {
      cairo_new_path (cr);
      cairo_set_line_width (cr, 2);
      cairo_arc (cr, cx, cy, r + 3.5, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &colors->fg);
      cairo_stroke (cr);
    }

  if (day->n_strength > 0)
    {
      double dx = cx + cell * 0.36, dy = cy + cell * 0.30;

      cairo_new_path (cr);
      gdk_cairo_set_source_rgba (cr, &colors->fg);
      diamond (cr, dx, dy, cell * 0.13);
    }
}

static void
draw_badge (cairo_t               *cr,
            PangoLayout           *layout,
            const Colors          *colors,
            const BsAdherenceWeek *week,
            double                 cx,
            double                 cy,
            double                 cell)
{
  double r = cell * 0.36;

  cairo_new_path (cr);
  if (week->strength_met)
    {
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &colors->met);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &colors->on_met);
      check_mark (cr, cx, cy, r);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: a week's strength days out of the days aimed for,
       * e.g. "2/3"; keep it very short */
      text = g_strdup_printf (_("%u/%u"), week->strength_days, BS_STRENGTH_DAYS_PER_WEEK);
      show_text (cr, layout, text, cx, cy, &colors->fg);
    }
}

static void
draw_legend (cairo_t      *cr,
             PangoLayout  *layout,
             const Colors *colors,
             double        x,
             double        y,
             double        width,
             double        line)
{
  const char *stretched = _("Stretched");
  const char *strength = _("Strength session");
  double r = MIN (line, 16) / 2;
  int w1, w2, h;

  pango_layout_set_text (layout, stretched, -1);
  pango_layout_get_pixel_size (layout, &w1, &h);
  pango_layout_set_text (layout, strength, -1);
  pango_layout_get_pixel_size (layout, &w2, &h);

  cairo_new_path (cr);
  cairo_arc (cr, x + r, y + line / 2, r, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &colors->fill);
  cairo_fill (cr);
  gdk_cairo_set_source_rgba (cr, &colors->on_fill);
  check_mark (cr, x + r, y + line / 2, r);
  pango_layout_set_text (layout, stretched, -1);
  cairo_move_to (cr, round (x + 2 * r + 6), round (y + (line - h) / 2));
  gdk_cairo_set_source_rgba (cr, &colors->fg);
  pango_cairo_show_layout (cr, layout);

  x += 2 * r + 6 + w1 + 18;
  if (x + 2 * r + 6 + w2 > width)
    return;
  gdk_cairo_set_source_rgba (cr, &colors->fg);
  diamond (cr, x + r, y + line / 2, r * 0.7);
  pango_layout_set_text (layout, strength, -1);
  cairo_move_to (cr, round (x + 2 * r + 6), round (y + (line - h) / 2));
  pango_cairo_show_layout (cr, layout);
}

static void
set_font_size (PangoFontDescription *font,
               double                size)
{
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size);
  else
    pango_font_description_set_size (font, (int) size);
}

void
bs_adherence_draw (cairo_t           *cr,
                   GtkWidget         *widget,
                   const BsAdherence *a,
                   double             x0,
                   double             y0,
                   int                cell,
                   int                line)
{
  static const char *weekdays[7];
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoLayout) small = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoFontDescription) small_font = NULL;
  guint32 today = g_date_get_julian (&a->today);
  Colors colors;

  if (weekdays[0] == NULL)
    {
      /* Translators: the first letter of Monday, above a calendar column */
      weekdays[0] = C_("narrow Monday", "M");
      /* Translators: the first letter of Tuesday */
      weekdays[1] = C_("narrow Tuesday", "T");
      /* Translators: the first letter of Wednesday */
      weekdays[2] = C_("narrow Wednesday", "W");
      /* Translators: the first letter of Thursday */
      weekdays[3] = C_("narrow Thursday", "T");
      /* Translators: the first letter of Friday */
      weekdays[4] = C_("narrow Friday", "F");
      /* Translators: the first letter of Saturday */
      weekdays[5] = C_("narrow Saturday", "S");
      /* Translators: the first letter of Sunday */
      weekdays[6] = C_("narrow Sunday", "S");
    }

  get_colors (widget, &colors);
  /* Day numbers are a help to find one's way, not the point: smaller, and
   * never wider than their ring, whatever the text size. */
  small_font = pango_font_description_copy (pango_context_get_font_description (
                                              pango_layout_get_context (small)));
  {
    double size = pango_font_description_get_size (small_font) * 0.8;
    int widest;

    set_font_size (small_font, size);
    pango_layout_set_font_description (small, small_font);
    pango_layout_set_text (small, "28", -1);
    pango_layout_get_pixel_size (small, &widest, NULL);
    if (widest > cell * 0.5)
      {
        set_font_size (small_font, size * cell * 0.5 / widest);
        pango_layout_set_font_description (small, small_font);
      }
  }

  for (guint d = 0; d < 7; d++)
    show_text (cr, layout, weekdays[d], x0 + (d + 0.5) * cell, y0 + line / 2.0, &colors.dim);
  gdk_cairo_set_source_rgba (cr, &colors.dim);
  diamond (cr, x0 + 7.5 * cell, y0 + line / 2.0, line * 0.3);
  y0 += line + 4;

  for (guint w = 0; w < a->n_weeks; w++)
    {
      const BsAdherenceWeek *week = &a->weeks[w];
      double cy = y0 + (w + 0.5) * cell;

      for (guint d = 0; d < 7; d++)
        draw_day (cr, small, &colors, &week->days[d], week->days[d].julian == today,
                  x0 + (d + 0.5) * cell, cy, cell);
      draw_badge (cr, layout, &colors, week, x0 + 7.5 * cell, cy, cell);
    }
  y0 += a->n_weeks * cell + SPACING;

  draw_legend (cr, layout, &colors, x0, y0, x0 + COLUMNS * cell, MAX (line, 16));
}
