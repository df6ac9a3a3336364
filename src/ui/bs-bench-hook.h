/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bs_bench_hook_watch (GtkWindow *window);

G_END_DECLS
