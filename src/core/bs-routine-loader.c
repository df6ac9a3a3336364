/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * Reads routine files (format 1, described in data/routines/README.md).
 *
 * Every refusal names the file, the line and column of the offending member
 * (or of the object that lacks one), the step if any, and the rule, e.g.
 *   core-test.json:14:9: step 3: "seconds" must be a whole number from 1 to 3600
 * Nothing is half-loaded: either a whole routine comes back or an error.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bs-error.h"
#include "bs-json-locator.h"
#include "bs-routine.h"

#define MAX_STEPS 500
/* A routine is a few kilobytes; this leaves room for long instructions. */
#define MAX_FILE_SIZE (1024 * 1024)
/* Format 1 nests four levels deep; json-glib recurses once per level and
 * runs out of stack on deep enough input, so deeper text is refused before
 * it is parsed. */
#define MAX_NESTING 32
#define MAX_TEXT 2000
#define MAX_LEVEL 600

typedef struct
{
  const char *display_name;
  BsJsonLocator *locator;
  BsRoutineLoadFlags flags;
  char *where; /* "step 3", or NULL at the top level */
} Loader;

static gboolean G_GNUC_PRINTF (5, 6)
fail (Loader      *loader,
      const char  *pointer,
      BsError      code,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *raw = NULL;
  g_autofree char *message = NULL;
  guint line = 0, column = 0;
  va_list args;

  va_start (args, format);
  raw = g_strdup_vprintf (format, args);
  va_end (args);
  /* Member names come from the file through json-glib's escapes, which can
   * make invalid UTF-8; the message is shown in a GTK label. */
  message = g_utf8_make_valid (raw, -1);

  if (bs_json_locator_lookup (loader->locator, pointer, &line, &column))
    g_set_error (error, BS_ERROR, code, "%s:%u:%u: %s%s%s", loader->display_name, line, column,
                 loader->where ? loader->where : "", loader->where ? ": " : "", message);
  else
    g_set_error (error, BS_ERROR, code, "%s: %s%s%s", loader->display_name,
                 loader->where ? loader->where : "", loader->where ? ": " : "", message);
  return FALSE;
}

/* A JSON Pointer to @member of @parent, with "~" and "/" in the name
 * escaped as RFC 6901 and the locator write them. */
static char *
member_pointer (const char *parent,
                const char *member)
{
  GString *pointer = g_string_new (parent);

  g_string_append_c (pointer, '/');
  for (const char *c = member; *c; c++)
    {
      if (*c == '~')
        g_string_append (pointer, "~0");
      else if (*c == '/')
        g_string_append (pointer, "~1");
      else
        g_string_append_c (pointer, *c);
    }
  return g_string_free (pointer, FALSE);
}

static const char *
json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "a list";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "text";
    case G_TYPE_BOOLEAN:
      return "true or false";
    case G_TYPE_DOUBLE:
      return "a decimal number";
    default:
      return "a number";
    }
}

/* Refuses members the format does not define, so a misspelt key is reported
 * instead of silently ignored.  "comment" is allowed anywhere, for notes. */
static gboolean
check_members (Loader             *loader,
               JsonObject         *object,
               const char         *pointer,
               const char * const *allowed,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      const char *member = l->data;
      g_autofree char *child = NULL;

      if (g_str_equal (member, "comment") || g_strv_contains (allowed, member))
        continue;
      child = member_pointer (pointer, member);
      return fail (loader, child, BS_ERROR_INVALID, error,
                   _("unknown field “%s”"), member);
    }
  return TRUE;
}

static gboolean
get_string (Loader      *loader,
            JsonObject  *object,
            const char  *pointer,
            const char  *member,
            gboolean     required,
            gboolean     is_id,
            const char **out,
            GError     **error)
{
  g_autofree char *child = member_pointer (pointer, member);
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        return fail (loader, pointer, BS_ERROR_MISSING, error,
                     _("“%s” is missing"), member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (loader, child, BS_ERROR_TYPE, error,
                 _("“%s” must be text, not %s"), member, json_type_name (node));

  value = json_node_get_string (node);
  if (is_id && !bs_routine_id_is_valid (value))
    return fail (loader, child, BS_ERROR_INVALID, error,
                 _("“%s” must be 1 to 64 lower-case letters, digits, “-” or “_”, "
                   "starting with a letter or digit"), member);
  /* Validate first: the file is UTF-8, but json-glib's escapes are not
   * ("\360" is the lone byte 0xF0), and g_utf8_strlen() trusts what it is
   * given and would step over the terminating NUL. */
  if (!g_utf8_validate (value, -1, NULL))
    return fail (loader, child, BS_ERROR_INVALID, error,
                 _("“%s” is not valid UTF-8"), member);
  if (!is_id && (value[0] == '\0' || g_utf8_strlen (value, -1) > MAX_TEXT))
    return fail (loader, child, BS_ERROR_RANGE, error,
                 _("“%s” must be between 1 and %d characters long"), member, MAX_TEXT);

  *out = value;
  return TRUE;
}

static gboolean
node_to_whole_number (Loader     *loader,
                      JsonNode   *node,
                      const char *pointer,
                      const char *label,
                      guint       min,
                      guint       max,
                      guint      *out,
                      GError    **error)
{
  gint64 value;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return fail (loader, pointer, BS_ERROR_TYPE, error,
                 _("%s must be a whole number from %u to %u, not %s"),
                 label, min, max, json_type_name (node));

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return fail (loader, pointer, BS_ERROR_RANGE, error,
                 _("%s must be a whole number from %u to %u"), label, min, max);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return fail (loader, pointer, BS_ERROR_RANGE, error,
                 _("%s must be a whole number from %u to %u"), label, min, max);

  *out = (guint) value;
  return TRUE;
}

static gboolean
get_whole_number (Loader      *loader,
                  JsonObject  *object,
                  const char  *pointer,
                  const char  *member,
                  gboolean     required,
                  guint        min,
                  guint        max,
                  guint       *out,
                  GError     **error)
{
  g_autofree char *child = member_pointer (pointer, member);
  g_autofree char *label = g_strdup_printf ("“%s”", member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        return fail (loader, pointer, BS_ERROR_MISSING, error,
                     _("“%s” is missing"), member);
      return TRUE;
    }
  return node_to_whole_number (loader, node, child, label, min, max, out, error);
}

static const char *
text (Loader     *loader,
      const char *value)
{
  if (value != NULL && (loader->flags & BS_ROUTINE_LOAD_TRANSLATE))
    return g_dgettext (GETTEXT_PACKAGE, value);
  return value;
}

static JsonArray *
get_array (Loader      *loader,
           JsonObject  *object,
           const char  *pointer,
           const char  *member,
           gboolean     required,
           GError     **error)
{
  g_autofree char *child = member_pointer (pointer, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        fail (loader, pointer, BS_ERROR_MISSING, error, _("“%s” is missing"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (loader, child, BS_ERROR_TYPE, error,
            _("“%s” must be a list, not %s"), member, json_type_name (node));
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
load_forms (Loader      *loader,
            JsonObject  *root,
            BsRoutine   *routine,
            GError     **error)
{
  static const char * const allowed[] = { "id", "name", "description", NULL };
  g_autoptr(GError) local_error = NULL;
  JsonArray *forms = get_array (loader, root, "", "forms", FALSE, &local_error);

  if (forms == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }
  if (json_array_get_length (forms) == 0)
    return fail (loader, "/forms", BS_ERROR_RANGE, error,
                 _("“forms” must list at least one form"));

  for (guint i = 0; i < json_array_get_length (forms); i++)
    {
      g_autofree char *pointer = g_strdup_printf ("/forms/%u", i);
      JsonNode *node = json_array_get_element (forms, i);
      JsonObject *object;
      const char *id, *name, *description;

      g_clear_pointer (&loader->where, g_free);
      loader->where = g_strdup_printf (_("form %u"), i + 1);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (loader, pointer, BS_ERROR_TYPE, error,
                     _("must be an object, not %s"), json_type_name (node));
      object = json_node_get_object (node);
      if (!check_members (loader, object, pointer, allowed, error) ||
          !get_string (loader, object, pointer, "id", TRUE, TRUE, &id, error) ||
          !get_string (loader, object, pointer, "name", TRUE, FALSE, &name, error) ||
          !get_string (loader, object, pointer, "description", FALSE, FALSE, &description, error))
        return FALSE;
      if (bs_routine_find_form (routine, id) >= 0)
        {
          g_autofree char *child = member_pointer (pointer, "id");
          return fail (loader, child, BS_ERROR_INVALID, error,
                       _("form “%s” is listed twice"), id);
        }
      bs_routine_add_form (routine, id, text (loader, name), text (loader, description));
    }
  g_clear_pointer (&loader->where, g_free);
  return TRUE;
}

static gboolean
load_levels (Loader      *loader,
             JsonObject  *root,
             BsRoutine   *routine,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonArray *levels = get_array (loader, root, "", "levels", FALSE, &local_error);
  guint floor_seconds = BS_ROUTINE_DEFAULT_LEVEL_FLOOR;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (levels != NULL)
    {
      if (json_array_get_length (levels) == 0)
        return fail (loader, "/levels", BS_ERROR_RANGE, error,
                     _("“levels” must list at least one level"));
      for (guint i = 0; i < json_array_get_length (levels); i++)
        {
          g_autofree char *pointer = g_strdup_printf ("/levels/%u", i);
          g_autofree char *label = g_strdup_printf (_("level %u"), i + 1);
          guint value;

          if (!node_to_whole_number (loader, json_array_get_element (levels, i), pointer,
                                     label, 0, MAX_LEVEL, &value, error))
            return FALSE;
          for (guint j = 0; j < values->len; j++)
            if (g_array_index (values, guint, j) == value)
              return fail (loader, pointer, BS_ERROR_INVALID, error,
                           _("level %u is listed twice"), value);
          g_array_append_val (values, value);
        }
      bs_routine_set_levels (routine, (const guint *) (gpointer) values->data, values->len);
    }

  if (!get_whole_number (loader, root, "", "level-floor", FALSE,
                         BS_STEP_MIN_SECONDS, BS_STEP_MAX_SECONDS, &floor_seconds, error))
    return FALSE;
  bs_routine_set_level_floor (routine, floor_seconds);
  return TRUE;
}

static gboolean
load_form_seconds (Loader      *loader,
                   JsonObject  *object,
                   const char  *pointer,
                   BsRoutine   *routine,
                   BsStep      *step,
                   GError     **error)
{
  g_autofree char *child = member_pointer (pointer, "form-seconds");
  JsonNode *node = json_object_get_member (object, "form-seconds");
  g_autoptr(GList) members = NULL;
  JsonObject *map;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, child, BS_ERROR_TYPE, error,
                 _("“form-seconds” must be an object, not %s"), json_type_name (node));

  map = json_node_get_object (node);
  members = json_object_get_members (map);
  for (GList *l = members; l; l = l->next)
    {
      const char *form_id = l->data;
      g_autofree char *entry = member_pointer (child, form_id);
      g_autofree char *label = g_strdup_printf ("“form-seconds” of “%s”", form_id);
      guint seconds;

      if (bs_routine_find_form (routine, form_id) < 0)
        return fail (loader, entry, BS_ERROR_INVALID, error,
                     _("“form-seconds” names “%s”, which is not one of the routine’s forms"),
                     form_id);
      if (!node_to_whole_number (loader, json_object_get_member (map, form_id), entry, label,
                                 BS_STEP_MIN_SECONDS, BS_STEP_MAX_SECONDS, &seconds, error))
        return FALSE;
      bs_step_set_form_seconds (step, form_id, seconds);
    }
  return TRUE;
}

static BsStep *
load_step (Loader      *loader,
           JsonNode    *node,
           guint        index,
           BsRoutine   *routine,
           GError     **error)
{
  static const char * const allowed[] = {
    "kind", "name", "instruction", "side", "seconds", "form-seconds", NULL
  };
  g_autofree char *pointer = g_strdup_printf ("/steps/%u", index);
  g_autoptr(BsStep) step = NULL;
  const char *kind = NULL, *name, *instruction, *side = NULL;
  guint seconds = 0;
  JsonObject *object;

  g_clear_pointer (&loader->where, g_free);
  loader->where = g_strdup_printf (_("step %u"), index + 1);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (loader, pointer, BS_ERROR_TYPE, error,
            _("must be an object, not %s"), json_type_name (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!check_members (loader, object, pointer, allowed, error) ||
      !get_string (loader, object, pointer, "kind", FALSE, TRUE, &kind, error))
    return NULL;
  if (kind != NULL && !g_str_equal (kind, "hold"))
    {
      g_autofree char *child = member_pointer (pointer, "kind");
      fail (loader, child, BS_ERROR_INVALID, error,
            _("“kind” is “%s”, but the only kind in format 1 is “hold”"), kind);
      return NULL;
    }

  if (!get_string (loader, object, pointer, "name", TRUE, FALSE, &name, error) ||
      !get_string (loader, object, pointer, "instruction", FALSE, FALSE, &instruction, error) ||
      !get_string (loader, object, pointer, "side", FALSE, FALSE, &side, error) ||
      !get_whole_number (loader, object, pointer, "seconds", TRUE,
                         BS_STEP_MIN_SECONDS, BS_STEP_MAX_SECONDS, &seconds, error))
    return NULL;

  step = bs_step_new (BS_STEP_HOLD, text (loader, name), seconds);
  bs_step_set_instruction (step, text (loader, instruction));

  if (side != NULL)
    {
      if (g_str_equal (side, "left"))
        bs_step_set_side (step, BS_SIDE_LEFT);
      else if (g_str_equal (side, "right"))
        bs_step_set_side (step, BS_SIDE_RIGHT);
      else
        {
          g_autofree char *child = member_pointer (pointer, "side");
          fail (loader, child, BS_ERROR_INVALID, error,
                _("“side” must be “left” or “right”, not “%s”"), side);
          return NULL;
        }
    }

  if (!load_form_seconds (loader, object, pointer, routine, step, error))
    return NULL;

  return g_steal_pointer (&step);
}

static BsRoutine *
load_routine (Loader      *loader,
              JsonNode    *root_node,
              GError     **error)
{
  static const char * const allowed[] = {
    "format", "id", "name", "description", "scoring", "forms", "levels", "level-floor",
    "steps", NULL
  };
  g_autoptr(BsRoutine) routine = NULL;
  const char *id, *name, *description, *scoring;
  JsonObject *root;
  JsonArray *steps;
  guint format;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fail (loader, "", BS_ERROR_TYPE, error,
            _("a routine must be a JSON object, not %s"), json_type_name (root_node));
      return NULL;
    }
  root = json_node_get_object (root_node);

  /* The version comes first: a newer file is refused for what it is, not
   * for the first field this build does not know. */
  if (!get_whole_number (loader, root, "", "format", TRUE, 1, 1000, &format, error))
    return NULL;
  if (format != BS_ROUTINE_FORMAT)
    {
      fail (loader, "/format", BS_ERROR_FORMAT, error,
            _("format %u is not supported; this version of Backstay reads format %d"),
            format, BS_ROUTINE_FORMAT);
      return NULL;
    }

  if (!check_members (loader, root, "", allowed, error) ||
      !get_string (loader, root, "", "id", TRUE, TRUE, &id, error) ||
      !get_string (loader, root, "", "name", TRUE, FALSE, &name, error) ||
      !get_string (loader, root, "", "description", FALSE, FALSE, &description, error) ||
      !get_string (loader, root, "", "scoring", FALSE, TRUE, &scoring, error))
    return NULL;

  routine = bs_routine_new (id, text (loader, name));
  bs_routine_set_description (routine, text (loader, description));

  if (scoring == NULL || g_str_equal (scoring, "none"))
    bs_routine_set_scoring (routine, BS_SCORING_NONE);
  else if (g_str_equal (scoring, "hold-test"))
    bs_routine_set_scoring (routine, BS_SCORING_HOLD_TEST);
  else
    {
      fail (loader, "/scoring", BS_ERROR_INVALID, error,
            _("“scoring” must be “none” or “hold-test”, not “%s”"), scoring);
      return NULL;
    }

  if (!load_forms (loader, root, routine, error) ||
      !load_levels (loader, root, routine, error))
    return NULL;

  {
    g_autoptr(GError) local_error = NULL;

    steps = get_array (loader, root, "", "steps", TRUE, &local_error);
    if (steps == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }
  if (json_array_get_length (steps) == 0 || json_array_get_length (steps) > MAX_STEPS)
    {
      fail (loader, "/steps", BS_ERROR_RANGE, error,
            _("“steps” must list from 1 to %d steps"), MAX_STEPS);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      g_autoptr(BsStep) step = load_step (loader, json_array_get_element (steps, i), i,
                                          routine, error);
      if (step == NULL)
        return NULL;
      bs_routine_add_step (routine, step);
    }

  return g_steal_pointer (&routine);
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: ..." when given no
 * file name; keep its position but put the real file name in front. */
static void
set_parse_error (const char  *display_name,
                 const char  *message,
                 GError     **error)
{
  const char *rest = message;
  g_autofree char *valid = NULL;

  if (g_str_has_prefix (rest, "<data>:"))
    rest += strlen ("<data>:");
  /* json-glib quotes the offending text, which can be invalid UTF-8 made
   * by an escape such as a lone "\ud800". */
  valid = g_utf8_make_valid (rest, -1);
  g_set_error (error, BS_ERROR, BS_ERROR_PARSE, "%s:%s", display_name, valid);
}

/**
 * bs_routine_new_from_bytes:
 * @bytes: the file's contents
 * @display_name: the name to use in messages, usually the file's base name
 * @flags: whether the texts are the app's own and should be translated
 *
 * Returns: (transfer full): the routine, or %NULL with @error set to a
 *   message naming @display_name, the line and column, and the rule broken
 */
BsRoutine *
bs_routine_new_from_bytes (GBytes              *bytes,
                           const char          *display_name,
                           BsRoutineLoadFlags   flags,
                           GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BsJsonLocator) locator = NULL;
  BsRoutine *routine;
  const char *data;
  gsize size;
  Loader loader = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || data == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE, _("%s: the file is empty"), display_name);
      return NULL;
    }
  if (size > MAX_FILE_SIZE)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE,
                   _("%s: the file is larger than a routine can be (%d KiB at most)"),
                   display_name, MAX_FILE_SIZE / 1024);
      return NULL;
    }
  if (bs_json_nesting_depth (data, size, MAX_NESTING) > MAX_NESTING)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE,
                   _("%s: the file is nested more than %d levels deep; no routine is"),
                   display_name, MAX_NESTING);
      return NULL;
    }
  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE,
                   _("%s: the file is not UTF-8 text"), display_name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      set_parse_error (display_name, local_error->message, error);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE,
                   _("%s: the file holds no JSON value"), display_name);
      return NULL;
    }

  locator = bs_json_locator_new (data, size);
  loader.display_name = display_name;
  loader.locator = locator;
  loader.flags = flags;

  routine = load_routine (&loader, json_parser_get_root (parser), error);
  g_free (loader.where);
  return routine;
}
