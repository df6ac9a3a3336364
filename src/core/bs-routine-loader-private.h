/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "bs-error.h"
#include "bs-json-locator.h"
#include "bs-routine.h"

G_BEGIN_DECLS

/* What the routine reader, its step reader and its value readers share:
 * the state of one read, so that every refusal can name the file, the
 * position and the step. */
typedef struct
{
  const char *display_name;
  BsJsonLocator *locator;
  BsRoutineLoadFlags flags;
  guint format;
  char *where; /* "step 3", or NULL at the top level */
} Loader;

gboolean    bs_routine_loader_fail                 (Loader             *loader,
                                                    const char         *pointer,
                                                    BsError             code,
                                                    GError            **error,
                                                    const char         *format,
                                                    ...) G_GNUC_PRINTF (5, 6);
char       *bs_routine_loader_member_pointer       (const char         *parent,
                                                    const char         *member);
const char *bs_routine_loader_json_type_name       (JsonNode           *node);
gboolean    bs_routine_loader_check_members        (Loader             *loader,
                                                    JsonObject         *object,
                                                    const char         *pointer,
                                                    const char * const *allowed,
                                                    const char * const *allowed_2,
                                                    GError            **error);
gboolean    bs_routine_loader_get_string           (Loader             *loader,
                                                    JsonObject         *object,
                                                    const char         *pointer,
                                                    const char         *member,
                                                    gboolean            required,
                                                    gboolean            is_id,
                                                    const char        **out,
                                                    GError            **error);
gboolean    bs_routine_loader_node_to_whole_number (Loader             *loader,
                                                    JsonNode           *node,
                                                    const char         *pointer,
                                                    const char         *label,
                                                    guint               min,
                                                    guint               max,
                                                    guint              *out,
                                                    GError            **error);
gboolean    bs_routine_loader_get_whole_number     (Loader             *loader,
                                                    JsonObject         *object,
                                                    const char         *pointer,
                                                    const char         *member,
                                                    gboolean            required,
                                                    guint               min,
                                                    guint               max,
                                                    guint              *out,
                                                    GError            **error);
const char *bs_routine_loader_text                 (Loader             *loader,
                                                    const char         *value);
JsonArray  *bs_routine_loader_get_array            (Loader             *loader,
                                                    JsonObject         *object,
                                                    const char         *pointer,
                                                    const char         *member,
                                                    gboolean            required,
                                                    GError            **error);

BsStep     *bs_routine_loader_load_step            (Loader             *loader,
                                                    JsonNode           *node,
                                                    guint               index,
                                                    BsRoutine          *routine,
                                                    GError            **error);

G_END_DECLS
