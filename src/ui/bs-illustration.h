/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BS_TYPE_ILLUSTRATION (bs_illustration_get_type ())
G_DECLARE_FINAL_TYPE (BsIllustration, bs_illustration, BS, ILLUSTRATION, GtkWidget)

GtkWidget  *bs_illustration_new              (void);
const char *bs_illustration_get_illustration (BsIllustration *self);
void        bs_illustration_set_illustration (BsIllustration *self,
                                              const char     *id);

G_END_DECLS
