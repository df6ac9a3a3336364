/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * json-glib does not keep source positions on its nodes, so a second, very
 * small scanner walks the same text and records where every value starts,
 * keyed by its JSON Pointer ("/steps/2/seconds").  A member's position is
 * the position of its key, which is what a person editing the file looks for.
 */
typedef struct _BsJsonLocator BsJsonLocator;

BsJsonLocator *bs_json_locator_new    (const char    *text,
                                       gsize          length);
void           bs_json_locator_free   (BsJsonLocator *self);
gboolean       bs_json_locator_lookup (BsJsonLocator *self,
                                       const char    *pointer,
                                       guint         *line,
                                       guint         *column);

void           bs_json_locator_set_error (BsJsonLocator *self,
                                          GError       **error,
                                          int            code,
                                          const char    *display_name,
                                          const char    *pointer,
                                          const char    *message);

guint          bs_json_nesting_depth  (const char    *text,
                                       gsize          length,
                                       guint          limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BsJsonLocator, bs_json_locator_free)

G_END_DECLS
