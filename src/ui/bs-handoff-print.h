/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long printing without a dialog waits for the print system to name
 * a printer, in seconds. */
#define BS_HANDOFF_PRINTER_WAIT 20

gboolean bs_handoff_print_run          (GtkWindow           *parent,
                                        const char          *title,
                                        const char          *text,
                                        gboolean             ask,
                                        GError             **error);
void     bs_handoff_print_run_async    (GtkWindow           *parent,
                                        const char          *title,
                                        const char          *text,
                                        gboolean             ask,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean bs_handoff_print_run_finish   (GAsyncResult        *result,
                                        GError             **error);
gboolean bs_handoff_print_export_pdf   (const char          *title,
                                        const char          *text,
                                        GFile               *file,
                                        GError             **error);

G_END_DECLS
