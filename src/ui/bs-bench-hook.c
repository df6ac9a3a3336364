/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <stdio.h>

#include "bs-bench-hook.h"

/*
 * What the start-up and running-cost benchmarks (tests/bench/) need to see
 * from outside the process, without a window manager to ask.  It does
 * nothing unless BACKSTAY_BENCH_MAPPED is set in the environment.  Then the
 * first frame painted after a window is mapped writes one line,
 * "mapped <µs>", on stderr: the monotonic clock, which every process
 * shares, so the benchmark subtracts the time it took before starting the
 * process.  With BACKSTAY_BENCH_HIDE also set, the window is hidden right
 * after that frame: under Xvfb nothing would minimise it.
 */

static gboolean reported;

static gboolean
hide_window (gpointer data)
{
  gtk_widget_set_visible (GTK_WIDGET (data), FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, window);
  if (reported)
    return;
  reported = TRUE;

  /* stderr is unbuffered: the line is out before the next frame. */
  fprintf (stderr, "mapped %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());

  /* Not from inside the paint that is being reported. */
  if (g_getenv ("BACKSTAY_BENCH_HIDE") != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, hide_window, g_object_ref (window), g_object_unref);
}

static void
on_map (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

  if (reported || surface == NULL)
    return;
  g_signal_connect_object (gdk_surface_get_frame_clock (surface), "after-paint",
                           G_CALLBACK (on_after_paint), widget, 0);
}

/**
 * bs_bench_hook_watch:
 *
 * Reports @window's first painted frame for the benchmarks, if they asked
 * for it through the environment; otherwise does nothing.
 */
void
bs_bench_hook_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("BACKSTAY_BENCH_MAPPED") == NULL || reported)
    return;
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}
