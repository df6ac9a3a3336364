/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <adwaita.h>

#include "bs-bench-hook.h"

/*
 * The floor of the toolkit: the least a libadwaita app does to show a
 * window, built in the same tree and started in the same environment as
 * Backstay, so the start-up and running-cost benchmarks can say how much
 * Backstay adds to it.  One AdwApplicationWindow of Backstay's default
 * size, holding a header bar and a label; the same benchmark hook reports
 * its first frame.
 */

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("the floor of the toolkit");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Hello");
  /* Backstay's default size: the same area to paint. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 760);
  bs_bench_hook_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new (APP_ID ".Hello",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
