/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bs-application.h"
#include "bs-fake-clock.h"

G_BEGIN_DECLS

BsApplication *bs_test_app_new           (BsClock     *clock);
gboolean       bs_test_start_gui         (BsClock    **clock,
                                          BsApplication **app);
GtkWindow     *bs_test_app_open_window   (BsApplication *app);
void           bs_test_app_close_windows (BsApplication *app);
void           bs_test_settle            (void);
void           bs_test_wait_frames       (GtkWidget   *widget,
                                          guint        n_frames);
gboolean       bs_test_save_png          (GtkWidget   *window,
                                          const char  *path,
                                          GError     **error);
GtkWidget     *bs_test_find_button       (GtkWidget   *root,
                                          const char  *label);
GtkWidget     *bs_test_find_widget       (GtkWidget   *root,
                                          GType        type);
void           bs_test_click             (GtkWidget   *button);
GtkWidget     *bs_test_child             (GtkWidget   *widget,
                                          GType        template_type,
                                          const char  *name);
gboolean       bs_test_press_key         (GtkWidget   *widget,
                                          guint        keyval);
gboolean       bs_test_tree_contains_text (GtkWidget  *root,
                                          const char  *text);
GtkWidget     *bs_test_find_row          (GtkWidget   *root,
                                          const char  *title);
void           bs_test_answer            (GtkWidget   *root,
                                          const char  *question,
                                          const char  *answer);
void           bs_test_type              (GtkWidget   *root,
                                          const char  *field,
                                          const char  *text);

G_END_DECLS
