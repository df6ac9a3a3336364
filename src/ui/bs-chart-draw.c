/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The core test chart, drawn with cairo and pango alone so that the widget
 * and a printed page draw the same thing: seconds held over time, the
 * target each run aimed for, and one marker per run.
 *
 * Nothing is told by colour alone.  A run at a shortened level is a square,
 * a run at the standard level a circle; a run where every stage was held is
 * larger and carries a check mark.  A legend says so in words.
 *
 * A long history has more runs than the chart has pixels: the line goes
 * through every run, but a marker is drawn only where it does not cover the
 * one before.  All text is laid out in one reused layout, never one per
 * run.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bs-chart-draw.h"

#define PAD 4.0
#define GAP 6.0
#define MARKER_RADIUS 4.5
#define GOOD_RADIUS 7.0
#define FOCUS_RADIUS 11.0
/* Markers closer than this would cover each other. */
#define MARKER_SPACING (2 * GOOD_RADIUS + 2)
#define MAX_GRIDLINES 6

typedef struct
{
  cairo_t *cr;
  PangoLayout *layout;
  const BsChartStyle *style;
} Painter;

static void
set_source (cairo_t            *cr,
            const BsChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
measure_text (Painter    *p,
              const char *text,
              int        *width,
              int        *height)
{
  pango_layout_set_text (p->layout, text, -1);
  pango_layout_get_pixel_size (p->layout, width, height);
}

/* @xalign: 0 puts the text's left edge at @x, 1 its right edge. */
static void
draw_text (Painter            *p,
           const char         *text,
           double              x,
           double              y,
           double              xalign,
           const BsChartColor *color)
{
  int width, height;

  measure_text (p, text, &width, &height);
  cairo_move_to (p->cr, round (x - width * xalign), round (y));
  set_source (p->cr, color);
  pango_cairo_show_layout (p->cr, p->layout);
  /* Showing text leaves a current point that the next path would start
   * from. */
  cairo_new_path (p->cr);
}

static void
check_mark (cairo_t *cr,
            double   x,
            double   y,
            double   r)
{
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.5, r * 0.3));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, x - 0.45 * r, y + 0.02 * r);
  cairo_line_to (cr, x - 0.12 * r, y + 0.35 * r);
  cairo_line_to (cr, x + 0.48 * r, y - 0.35 * r);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
marker_shape (cairo_t  *cr,
              double    x,
              double    y,
              double    r,
              gboolean  square)
{
  cairo_new_sub_path (cr);
  if (square)
    cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
  else
    cairo_arc (cr, x, y, r, 0, 2 * G_PI);
}

static void
draw_marker (cairo_t            *cr,
             const BsChartStyle *style,
             double              x,
             double              y,
             guint               level,
             gboolean            good)
{
  gboolean square = level > 0;

  if (good)
    {
      double r = square ? GOOD_RADIUS * 0.9 : GOOD_RADIUS;

      marker_shape (cr, x, y, r + 1.5, square);
      set_source (cr, &style->background);
      cairo_fill (cr);
      marker_shape (cr, x, y, r, square);
      set_source (cr, &style->success);
      cairo_fill (cr);
      set_source (cr, &style->background);
      check_mark (cr, x, y, r);
    }
  else if (square)
    {
      double r = MARKER_RADIUS * 0.9;

      marker_shape (cr, x, y, r, TRUE);
      set_source (cr, &style->background);
      cairo_fill_preserve (cr);
      set_source (cr, &style->accent);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  else
    {
      marker_shape (cr, x, y, MARKER_RADIUS + 1.5, FALSE);
      set_source (cr, &style->background);
      cairo_fill (cr);
      marker_shape (cr, x, y, MARKER_RADIUS, FALSE);
      set_source (cr, &style->accent);
      cairo_fill (cr);
    }
}

/* Flows the legend's items into lines no wider than @width, drawing them;
 * returns the height used. */
static double
draw_legend (Painter *p,
             double   x0,
             double   y0,
             double   width)
{
  struct {
    const char *text;
    guint level;
    gboolean good;
  } items[] = {
    { N_("Standard level"), 0, FALSE },
    { N_("Shortened holds"), 5, FALSE },
    { N_("Every stage held"), 0, TRUE },
  };
  double x = x0, y = y0, line_height = 0;
  double marker_width = 2 * GOOD_RADIUS;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      const char *text = _(items[i].text);
      int text_width, text_height;
      double item_width;

      measure_text (p, text, &text_width, &text_height);
      item_width = marker_width + GAP + text_width;
      if (x > x0 && x + item_width > x0 + width)
        {
          x = x0;
          y += line_height + GAP / 2;
          line_height = 0;
        }
      line_height = MAX (line_height, MAX (text_height, marker_width));
      draw_marker (p->cr, p->style, x + GOOD_RADIUS, y + line_height / 2,
                   items[i].level, items[i].good);
      draw_text (p, text, x + marker_width + GAP, y + (line_height - text_height) / 2, 0,
                 &p->style->foreground);
      x += item_width + 3 * GAP;
    }
  return y + line_height - y0;
}

static void
draw_empty (Painter *p,
            double   width,
            double   height)
{
  int text_width, text_height;

  pango_layout_set_width (p->layout, (int) (MAX (width - 2 * PAD, 1) * PANGO_SCALE));
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (p->layout, PANGO_WRAP_WORD_CHAR);
  measure_text (p, _("No core tests yet. Your results will show here after your first test."),
                &text_width, &text_height);
  cairo_move_to (p->cr, PAD, round ((height - text_height) / 2));
  set_source (p->cr, &p->style->dim);
  pango_cairo_show_layout (p->cr, p->layout);
  cairo_new_path (p->cr);
  pango_layout_set_width (p->layout, -1);
}

/* A step for the gridlines that gives at most @max_lines of them. */
static guint
choose_step (double seconds_max,
             guint  max_lines)
{
  static const guint steps[] = { 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (ceil (seconds_max / steps[i]) <= max_lines)
      return steps[i];
  return (guint) ceil (seconds_max / max_lines);
}

/* Translators: a date under the chart; see the g_date_time_format()
 * documentation for the codes, e.g. "3 May 2026".  Keep it short. */
#define AXIS_DATE_FORMAT N_("%-d %b %Y")

static char *
axis_date (gint64 when)
{
  g_autoptr(GDateTime) there = g_date_time_new_from_unix_local (when);

  return there != NULL ? g_date_time_format (there, _(AXIS_DATE_FORMAT)) : g_strdup ("");
}

double
bs_chart_geometry_x (const BsChartGeometry *geometry,
                     gint64                 when)
{
  double span;

  g_return_val_if_fail (geometry != NULL, 0);

  span = (double) (geometry->time_max - geometry->time_min);
  if (span <= 0)
    return (geometry->plot_left + geometry->plot_right) / 2;
  return geometry->plot_left +
         (geometry->plot_right - geometry->plot_left) * (when - geometry->time_min) / span;
}

static double
geometry_y (const BsChartGeometry *geometry,
            double                 seconds)
{
  return geometry->plot_bottom -
         (geometry->plot_bottom - geometry->plot_top) * seconds / geometry->seconds_max;
}

/**
 * bs_chart_geometry_nearest:
 * @points: (array length=n_points): the points drawn, oldest first
 * @x: a horizontal position in the chart
 *
 * Returns: the index of the point drawn nearest to @x, or -1 if none
 */
int
bs_chart_geometry_nearest (const BsChartGeometry *geometry,
                           const BsChartPoint    *points,
                           guint                  n_points,
                           double                 x)
{
  guint lo = 0, hi;
  double before, after;

  g_return_val_if_fail (geometry != NULL, -1);

  if (n_points == 0 || geometry->plot_right <= geometry->plot_left)
    return -1;

  /* The first point at or right of @x; the nearest is it or the one
   * before. */
  hi = n_points;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (bs_chart_geometry_x (geometry, points[mid].when) < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return 0;
  if (lo == n_points)
    return n_points - 1;
  before = x - bs_chart_geometry_x (geometry, points[lo - 1].when);
  after = bs_chart_geometry_x (geometry, points[lo].when) - x;
  return before < after ? (int) lo - 1 : (int) lo;
}

static void
draw_target (Painter               *p,
             const BsChartGeometry *g,
             const BsChartPoint    *points,
             guint                  n_points)
{
  cairo_t *cr = p->cr;
  static const double dashes[] = { 6, 4 };
  g_autofree char *label = NULL;
  guint target = points[n_points - 1].target_s;
  int text_width, text_height;
  double y, last_step = g->plot_left - GOOD_RADIUS;

  /* A run at another form or level aimed at another target: the line
   * steps half way between two runs that differ. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  set_source (cr, &p->style->target);
  cairo_move_to (cr, g->plot_left - GOOD_RADIUS, round (geometry_y (g, points[0].target_s)) + 0.5);
  for (guint i = 1; i < n_points; i++)
    {
      double mid;

      if (points[i].target_s == points[i - 1].target_s)
        continue;
      mid = (bs_chart_geometry_x (g, points[i - 1].when) + bs_chart_geometry_x (g, points[i].when)) / 2;
      cairo_line_to (cr, mid, round (geometry_y (g, points[i - 1].target_s)) + 0.5);
      cairo_line_to (cr, mid, round (geometry_y (g, points[i].target_s)) + 0.5);
      last_step = mid;
    }
  y = round (geometry_y (g, target)) + 0.5;
  cairo_line_to (cr, g->plot_right + GOOD_RADIUS, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Translators: the label of the target line on the chart; "s" is the
   * symbol for seconds, e.g. "Target 180 s" */
  label = g_strdup_printf (_("Target %u s"), target);
  measure_text (p, label, &text_width, &text_height);
  /* At the start of the current target, clear of the markers: results
   * reach the target late, at the right, if at all. */
  draw_text (p, label, MIN (last_step + GAP, g->plot_right - text_width),
             y - text_height - GOOD_RADIUS, 0, &p->style->target);
}

static void
draw_axes (Painter               *p,
           const BsChartGeometry *g,
           guint                  step,
           const BsChartPoint    *points,
           guint                  n_points)
{
  cairo_t *cr = p->cr;
  double left = g->plot_left - GOOD_RADIUS, right = g->plot_right + GOOD_RADIUS;
  double label_y = g->plot_bottom + GAP;
  g_autofree char *first = axis_date (points[0].when);
  g_autofree char *last = axis_date (points[n_points - 1].when);
  int first_width, last_width, text_height;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (guint s = 0; s <= (guint) g->seconds_max; s += step)
    {
      g_autofree char *label = NULL;
      double y = round (geometry_y (g, s)) + 0.5;
      int width, height;

      set_source (cr, s == 0 ? &p->style->dim : &p->style->grid);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);

      /* Translators: a value on the chart's axis of seconds held; "s" is
       * the symbol for seconds, e.g. "60 s" */
      label = g_strdup_printf (_("%u s"), s);
      measure_text (p, label, &width, &height);
      draw_text (p, label, left - GAP, y - height / 2.0, 1, &p->style->dim);
    }
  cairo_restore (cr);

  measure_text (p, first, &first_width, &text_height);
  measure_text (p, last, &last_width, &text_height);

  if (n_points == 1 || g->time_max == g->time_min)
    {
      draw_text (p, last, (g->plot_left + g->plot_right) / 2, label_y, 0.5, &p->style->dim);
      return;
    }

  /* The first and last dates sit under the ends; a middle one only where
   * it has room between them. */
  if (first_width + last_width + 2 * GAP <= right - left)
    draw_text (p, first, left, label_y, 0, &p->style->dim);
  draw_text (p, last, right, label_y, 1, &p->style->dim);

  {
    gint64 middle_time = g->time_min + (g->time_max - g->time_min) / 2;
    g_autofree char *middle = axis_date (middle_time);
    double middle_x = bs_chart_geometry_x (g, middle_time);
    int middle_width, middle_height;

    measure_text (p, middle, &middle_width, &middle_height);
    if (n_points > 2 &&
        left + first_width + 2 * GAP <= middle_x - middle_width / 2.0 &&
        middle_x + middle_width / 2.0 + 2 * GAP <= right - last_width &&
        g_strcmp0 (middle, first) != 0 && g_strcmp0 (middle, last) != 0)
      draw_text (p, middle, middle_x, label_y, 0.5, &p->style->dim);
  }
}

static void
draw_results (Painter               *p,
              const BsChartGeometry *g,
              const BsChartPoint    *points,
              guint                  n_points,
              int                    focused)
{
  cairo_t *cr = p->cr;
  double last_marker_x = -G_MAXDOUBLE;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_source (cr, &p->style->accent);
  for (guint i = 0; i < n_points; i++)
    cairo_line_to (cr, bs_chart_geometry_x (g, points[i].when),
                   geometry_y (g, points[i].held_s));
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < n_points; i++)
    {
      double x = bs_chart_geometry_x (g, points[i].when);
      gboolean fits = x - last_marker_x >= MARKER_SPACING;

      /* The latest run and the one in focus always show. */
      if (!fits && i + 1 != n_points && (int) i != focused)
        continue;
      draw_marker (cr, p->style, x, geometry_y (g, points[i].held_s),
                   points[i].level, points[i].good);
      last_marker_x = x;
    }

  if (focused >= 0 && (guint) focused < n_points)
    {
      const BsChartPoint *point = &points[focused];
      double x = bs_chart_geometry_x (g, point->when);

      cairo_save (cr);
      cairo_set_line_width (cr, 2.5);
      set_source (cr, &p->style->foreground);
      cairo_arc (cr, x, geometry_y (g, point->held_s), FOCUS_RADIUS, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/**
 * bs_chart_draw:
 * @context: (nullable): the pango context to lay text out in (a widget's);
 *   one made for @cr if %NULL
 * @points: (array length=n_points): the results, oldest first
 * @focused: the point to ring, or -1
 * @geometry: (out caller-allocates) (optional): where things were drawn
 *
 * Draws the chart into the rectangle (0, 0, @width, @height) of @cr.
 */
void
bs_chart_draw (cairo_t            *cr,
               PangoContext       *context,
               const BsChartStyle *style,
               double              width,
               double              height,
               const BsChartPoint *points,
               guint               n_points,
               int                 focused,
               BsChartGeometry    *geometry)
{
  g_autoptr(PangoLayout) layout = NULL;
  BsChartGeometry g = { 0 };
  Painter p;
  double seconds_max = 0, legend_height, label_width = 0;
  int text_width, text_height;
  guint step, max_lines, top_value;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  if (geometry != NULL)
    *geometry = g;
  if (width <= 2 * PAD || height <= 2 * PAD)
    return;

  layout = context != NULL ? pango_layout_new (context) : pango_cairo_create_layout (cr);
  if (style->font != NULL)
    pango_layout_set_font_description (layout, style->font);
  p.cr = cr;
  p.layout = layout;
  p.style = style;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (n_points == 0)
    {
      draw_empty (&p, width, height);
      cairo_restore (cr);
      return;
    }

  legend_height = draw_legend (&p, PAD, PAD, width - 2 * PAD);

  for (guint i = 0; i < n_points; i++)
    seconds_max = MAX (seconds_max, MAX (points[i].held_s, (double) points[i].target_s));
  seconds_max = MAX (seconds_max, 10);

  measure_text (&p, "0", &text_width, &text_height);
  g.plot_top = PAD + legend_height + GAP + text_height + 2;
  g.plot_bottom = height - PAD - text_height - GAP;
  max_lines = (guint) CLAMP ((g.plot_bottom - g.plot_top) / (1.8 * text_height), 1, MAX_GRIDLINES);
  step = choose_step (seconds_max, max_lines);
  top_value = (guint) ceil (seconds_max / step) * step;
  g.seconds_max = top_value;

  for (guint s = 0; s <= top_value; s += step)
    {
      g_autofree char *label = g_strdup_printf (_("%u s"), s);

      measure_text (&p, label, &text_width, &text_height);
      label_width = MAX (label_width, text_width);
    }

  /* Markers at the ends stay inside the frame. */
  g.plot_left = PAD + label_width + GAP + GOOD_RADIUS + 2;
  g.plot_right = width - PAD - GOOD_RADIUS - 2;
  g.time_min = points[0].when;
  g.time_max = points[n_points - 1].when;

  if (g.plot_right - g.plot_left < 10 || g.plot_bottom - g.plot_top < 10)
    {
      cairo_restore (cr);
      return;
    }

  draw_axes (&p, &g, step, points, n_points);
  draw_target (&p, &g, points, n_points);
  draw_results (&p, &g, points, n_points, focused);

  cairo_restore (cr);
  if (geometry != NULL)
    *geometry = g;
}
