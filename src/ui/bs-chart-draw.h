/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "bs-history-stats.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} BsChartColor;

/**
 * BsChartStyle:
 * @foreground: text and the line of results
 * @dim: axis labels and the axes
 * @grid: gridlines
 * @accent: the line and the markers of results
 * @success: markers of results where every stage was held
 * @target: the target line
 * @background: what the chart is drawn on; cut-outs and check marks
 * @font: (nullable): the text's font; the context's own if %NULL
 *
 * The colours a chart is drawn in, so a screen theme (light, dark, high
 * contrast) and a printed page each give their own.
 */
typedef struct
{
  BsChartColor foreground;
  BsChartColor dim;
  BsChartColor grid;
  BsChartColor accent;
  BsChartColor success;
  BsChartColor target;
  BsChartColor background;
  const PangoFontDescription *font;
} BsChartStyle;

/**
 * BsChartGeometry:
 *
 * Where the last drawing put things, to find the result under a pointer.
 */
typedef struct
{
  double plot_left;
  double plot_right;
  double plot_top;
  double plot_bottom;
  gint64 time_min;
  gint64 time_max;
  double seconds_max;
} BsChartGeometry;

void   bs_chart_draw             (cairo_t               *cr,
                                  PangoContext          *context,
                                  const BsChartStyle    *style,
                                  double                 width,
                                  double                 height,
                                  const BsChartPoint    *points,
                                  guint                  n_points,
                                  int                    focused,
                                  BsChartGeometry       *geometry);
double bs_chart_geometry_x       (const BsChartGeometry *geometry,
                                  gint64                 when);
int    bs_chart_geometry_nearest (const BsChartGeometry *geometry,
                                  const BsChartPoint    *points,
                                  guint                  n_points,
                                  double                 x);

G_END_DECLS
