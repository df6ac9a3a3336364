/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The routine reader's value readers: each reads one member of a JSON
 * object as the type the format wants and refuses anything else with a
 * message that names the member, its position and the rule.  Keeping them
 * together keeps every message about a wrong type or range worded alike.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bs-routine-loader-private.h"

#define MAX_TEXT 2000

gboolean
bs_routine_loader_fail (Loader      *loader,
                        const char  *pointer,
                        BsError      code,
                        GError     **error,
                        const char  *format,
                        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *located = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* "step 3: …" inside a step */
  located = loader->where ? g_strdup_printf ("%s: %s", loader->where, message) : g_strdup (message);
  bs_json_locator_set_error (loader->locator, error, code, loader->display_name, pointer, located);
  return FALSE;
}

/* A JSON Pointer to @member of @parent, with "~" and "/" in the name
 * escaped as RFC 6901 and the locator write them. */
char *
bs_routine_loader_member_pointer (const char *parent,
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

const char *
bs_routine_loader_json_type_name (JsonNode *node)
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
 * instead of silently ignored.  "comment" is allowed anywhere, for notes.
 * A member of @allowed_2 in a format-1 file is named as needing format 2. */
gboolean
bs_routine_loader_check_members (Loader             *loader,
                                 JsonObject         *object,
                                 const char         *pointer,
                                 const char * const *allowed,
                                 const char * const *allowed_2,
                                 GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      const char *member = l->data;
      g_autofree char *child = NULL;

      if (g_str_equal (member, "comment") || g_strv_contains (allowed, member))
        continue;
      child = bs_routine_loader_member_pointer (pointer, member);
      if (allowed_2 != NULL && g_strv_contains (allowed_2, member))
        {
          if (loader->format >= 2)
            continue;
          return bs_routine_loader_fail (loader, child, BS_ERROR_FORMAT, error,
                                         _("“%s” needs format 2; the file says “format”: 1"),
                                         member);
        }
      return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
                                     _("unknown field “%s”"), member);
    }
  return TRUE;
}

gboolean
bs_routine_loader_get_string (Loader      *loader,
                              JsonObject  *object,
                              const char  *pointer,
                              const char  *member,
                              gboolean     required,
                              gboolean     is_id,
                              const char **out,
                              GError     **error)
{
  g_autofree char *child = bs_routine_loader_member_pointer (pointer, member);
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        return bs_routine_loader_fail (loader, pointer, BS_ERROR_MISSING, error,
                                       _("“%s” is missing"), member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return bs_routine_loader_fail (loader, child, BS_ERROR_TYPE, error,
                                   _("“%s” must be text, not %s"), member,
                                   bs_routine_loader_json_type_name (node));

  value = json_node_get_string (node);
  if (is_id && !bs_routine_id_is_valid (value))
    return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
                                   _("“%s” must be 1 to 64 lower-case letters, digits, "
                                     "“-” or “_”, starting with a letter or digit"), member);
  /* Validate first: the file is UTF-8, but json-glib's escapes are not
   * ("\360" is the lone byte 0xF0), and g_utf8_strlen() trusts what it is
   * given and would step over the terminating NUL. */
  if (!g_utf8_validate (value, -1, NULL))
    return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
                                   _("“%s” is not valid UTF-8"), member);
  if (!is_id && (value[0] == '\0' || g_utf8_strlen (value, -1) > MAX_TEXT))
    return bs_routine_loader_fail (loader, child, BS_ERROR_RANGE, error,
                                   _("“%s” must be between 1 and %d characters long"),
                                   member, MAX_TEXT);

  *out = value;
  return TRUE;
}

gboolean
bs_routine_loader_node_to_whole_number (Loader     *loader,
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
    return bs_routine_loader_fail (loader, pointer, BS_ERROR_TYPE, error,
                                   _("%s must be a whole number from %u to %u, not %s"),
                                   label, min, max, bs_routine_loader_json_type_name (node));

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return bs_routine_loader_fail (loader, pointer, BS_ERROR_RANGE, error,
                                   _("%s must be a whole number from %u to %u"), label, min, max);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return bs_routine_loader_fail (loader, pointer, BS_ERROR_RANGE, error,
                                   _("%s must be a whole number from %u to %u"), label, min, max);

  *out = (guint) value;
  return TRUE;
}

gboolean
bs_routine_loader_get_whole_number (Loader      *loader,
                                    JsonObject  *object,
                                    const char  *pointer,
                                    const char  *member,
                                    gboolean     required,
                                    guint        min,
                                    guint        max,
                                    guint       *out,
                                    GError     **error)
{
  g_autofree char *child = bs_routine_loader_member_pointer (pointer, member);
  g_autofree char *label = g_strdup_printf ("“%s”", member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        return bs_routine_loader_fail (loader, pointer, BS_ERROR_MISSING, error,
                                       _("“%s” is missing"), member);
      return TRUE;
    }
  return bs_routine_loader_node_to_whole_number (loader, node, child, label, min, max, out, error);
}

const char *
bs_routine_loader_text (Loader     *loader,
                        const char *value)
{
  if (value != NULL && (loader->flags & BS_ROUTINE_LOAD_TRANSLATE))
    return g_dgettext (GETTEXT_PACKAGE, value);
  return value;
}

JsonArray *
bs_routine_loader_get_array (Loader      *loader,
                             JsonObject  *object,
                             const char  *pointer,
                             const char  *member,
                             gboolean     required,
                             GError     **error)
{
  g_autofree char *child = bs_routine_loader_member_pointer (pointer, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        bs_routine_loader_fail (loader, pointer, BS_ERROR_MISSING, error,
                                _("“%s” is missing"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      bs_routine_loader_fail (loader, child, BS_ERROR_TYPE, error,
                              _("“%s” must be a list, not %s"), member,
                              bs_routine_loader_json_type_name (node));
      return NULL;
    }
  return json_node_get_array (node);
}
