/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bs-history-stats.h"

G_BEGIN_DECLS

/* Seven days and the week's strength badge. */
#define BS_ADHERENCE_DRAW_COLUMNS 8
/* Between the labels and the calendar, and above the legend. */
#define BS_ADHERENCE_DRAW_SPACING 12

void bs_adherence_draw (cairo_t           *cr,
                        GtkWidget         *widget,
                        const BsAdherence *adherence,
                        double             x0,
                        double             y0,
                        int                cell,
                        int                line);

G_END_DECLS
