/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-routine.h"

G_BEGIN_DECLS

guint     bs_routine_get_needed_format (BsRoutine  *self);
char     *bs_routine_to_json           (BsRoutine  *self);
gboolean  bs_routine_save              (BsRoutine  *self,
                                        GFile      *file,
                                        GError    **error);

G_END_DECLS
