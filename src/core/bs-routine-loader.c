/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * Reads routine files (formats 1 and 2, described in
 * data/routines/README.md).  Format 2 only adds fields and step kinds, so
 * one reader takes both; a format-1 file that uses something of format 2
 * is refused with a message that says so, rather than half-understood.
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
/* A routine nests four levels deep; json-glib recurses once per level and
 * runs out of stack on deep enough input, so deeper text is refused before
 * it is parsed. */
#define MAX_NESTING 32
#define MAX_TEXT 2000
#define MAX_LEVEL 600
/* Sets, rounds and rests multiply: a routine is refused if, fully
 * expanded, it would have more parts or last longer than this, so
 * nothing downstream needs to fear overflow or a list a screen cannot
 * show. */
#define MAX_SEGMENTS 10000
#define MAX_TOTAL_SECONDS (24 * 60 * 60)

typedef struct
{
  const char *display_name;
  BsJsonLocator *locator;
  BsRoutineLoadFlags flags;
  guint format;
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
 * instead of silently ignored.  "comment" is allowed anywhere, for notes.
 * A member of @allowed_2 in a format-1 file is named as needing format 2. */
static gboolean
check_members (Loader             *loader,
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
      child = member_pointer (pointer, member);
      if (allowed_2 != NULL && g_strv_contains (allowed_2, member))
        {
          if (loader->format >= 2)
            continue;
          return fail (loader, child, BS_ERROR_FORMAT, error,
                       _("“%s” needs format 2; the file says “format”: 1"), member);
        }
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
      if (!check_members (loader, object, pointer, allowed, NULL, error) ||
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

/* Which step fields each kind takes ("kind", "name" and "comment" go
 * with every kind). */
static const char * const hold_fields[] = {
  "instruction", "illustration", "side", "seconds", "form-seconds", "sets", "set-rest",
  "rest-after", NULL
};
static const char * const per_side_fields[] = {
  "instruction", "illustration", "seconds", "form-seconds", "sets", "set-rest",
  "switch-seconds", "first-side", "rest-after", NULL
};
static const char * const counted_fields[] = {
  "instruction", "illustration", "reps", "pace", "sets", "set-rest", "rest-after", NULL
};
static const char * const rest_fields[] = {
  "instruction", "illustration", "seconds", NULL
};

static gboolean
check_kind_fields (Loader      *loader,
                   JsonObject  *object,
                   const char  *pointer,
                   BsStepKind   kind,
                   GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);
  const char * const *fields;

  switch (kind)
    {
    case BS_STEP_PER_SIDE:
      fields = per_side_fields;
      break;
    case BS_STEP_COUNTED:
      fields = counted_fields;
      break;
    case BS_STEP_REST:
      fields = rest_fields;
      break;
    case BS_STEP_HOLD:
    default:
      fields = hold_fields;
      break;
    }

  for (GList *l = members; l; l = l->next)
    {
      const char *member = l->data;
      g_autofree char *child = NULL;

      if (g_str_equal (member, "kind") || g_str_equal (member, "name") ||
          g_str_equal (member, "comment") || g_strv_contains (fields, member))
        continue;
      child = member_pointer (pointer, member);
      if (kind == BS_STEP_PER_SIDE && g_str_equal (member, "side"))
        return fail (loader, child, BS_ERROR_INVALID, error,
                     _("“side” does not belong in a “per-side” step: it works both sides, "
                       "starting with “first-side”"));
      if (kind == BS_STEP_COUNTED && g_str_equal (member, "seconds"))
        return fail (loader, child, BS_ERROR_INVALID, error,
                     _("“seconds” does not belong in a “counted” step: its length comes "
                       "from “reps” and “pace”"));
      return fail (loader, child, BS_ERROR_INVALID, error,
                   _("“%s” does not belong in a “%s” step"), member,
                   bs_step_kind_to_string (kind));
    }
  return TRUE;
}

static gboolean
load_kind (Loader      *loader,
           JsonObject  *object,
           const char  *pointer,
           BsStepKind  *kind,
           GError     **error)
{
  g_autofree char *child = member_pointer (pointer, "kind");
  const char *text = NULL;

  *kind = BS_STEP_HOLD;
  if (!get_string (loader, object, pointer, "kind", FALSE, TRUE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!bs_step_kind_from_string (text, kind))
    {
      if (loader->format < 2)
        return fail (loader, child, BS_ERROR_INVALID, error,
                     _("“kind” is “%s”, but the only kind in format 1 is “hold”"), text);
      return fail (loader, child, BS_ERROR_INVALID, error,
                   _("“kind” is “%s”; a step is “hold”, “per-side”, “counted” or “rest”"),
                   text);
    }
  if (*kind != BS_STEP_HOLD && loader->format < 2)
    return fail (loader, child, BS_ERROR_FORMAT, error,
                 _("“kind” “%s” needs format 2; the file says “format”: 1"), text);
  return TRUE;
}

static gboolean
load_side (Loader      *loader,
           JsonObject  *object,
           const char  *pointer,
           const char  *member,
           BsSide      *side,
           GError     **error)
{
  const char *text = NULL;

  if (!get_string (loader, object, pointer, member, FALSE, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (g_str_equal (text, "left"))
    *side = BS_SIDE_LEFT;
  else if (g_str_equal (text, "right"))
    *side = BS_SIDE_RIGHT;
  else
    {
      g_autofree char *child = member_pointer (pointer, member);
      return fail (loader, child, BS_ERROR_INVALID, error,
                   _("“%s” must be “left” or “right”, not “%s”"), member, text);
    }
  return TRUE;
}

static gboolean
load_illustration (Loader      *loader,
                   JsonObject  *object,
                   const char  *pointer,
                   BsStep      *step,
                   GError     **error)
{
  g_autofree char *child = member_pointer (pointer, "illustration");
  JsonNode *node = json_object_get_member (object, "illustration");
  const char *value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (loader, child, BS_ERROR_TYPE, error,
                 _("“%s” must be text, not %s"), "illustration", json_type_name (node));
  value = json_node_get_string (node);
  if (!bs_illustration_id_is_valid (value))
    return fail (loader, child, BS_ERROR_INVALID, error,
                 _("“illustration” must be 1 to %d lower-case letters, digits or “-”"),
                 BS_STEP_MAX_ILLUSTRATION);
  bs_step_set_illustration (step, value);
  return TRUE;
}

/* A number of seconds per repetition, or "until-done". */
static gboolean
load_pace (Loader      *loader,
           JsonObject  *object,
           const char  *pointer,
           BsStep      *step,
           GError     **error)
{
  g_autofree char *child = member_pointer (pointer, "pace");
  JsonNode *node = json_object_get_member (object, "pace");
  GType type;

  if (node == NULL)
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type == G_TYPE_STRING && g_str_equal (json_node_get_string (node), "until-done"))
    {
      bs_step_set_pace (step, BS_STEP_UNTIL_DONE);
      return TRUE;
    }
  if (type == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      if (value >= BS_STEP_MIN_PACE && value <= BS_STEP_MAX_PACE)
        {
          bs_step_set_pace (step, (guint) value);
          return TRUE;
        }
    }
  return fail (loader, child,
               type == G_TYPE_STRING ? BS_ERROR_INVALID
               : type == G_TYPE_INT64 || type == G_TYPE_DOUBLE ? BS_ERROR_RANGE
               : BS_ERROR_TYPE,
               error,
               _("“pace” must be the seconds each repetition takes, a whole number from "
                 "%d to %d, or “until-done”"), BS_STEP_MIN_PACE, BS_STEP_MAX_PACE);
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
  static const char * const allowed_2[] = {
    "illustration", "sets", "set-rest", "switch-seconds", "first-side", "reps", "pace",
    "rest-after", NULL
  };
  g_autofree char *pointer = g_strdup_printf ("/steps/%u", index);
  g_autoptr(BsStep) step = NULL;
  const char *name, *instruction;
  BsStepKind kind;
  BsSide side = BS_SIDE_NONE, first_side = BS_SIDE_RIGHT;
  guint seconds = 0, sets = 1, set_rest = 0, rest_after = 0;
  guint switch_seconds = BS_STEP_DEFAULT_SWITCH_SECONDS, reps = 0;
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

  if (!check_members (loader, object, pointer, allowed, allowed_2, error) ||
      !load_kind (loader, object, pointer, &kind, error) ||
      !check_kind_fields (loader, object, pointer, kind, error))
    return NULL;

  if (!get_string (loader, object, pointer, "name", TRUE, FALSE, &name, error) ||
      !get_string (loader, object, pointer, "instruction", FALSE, FALSE, &instruction, error) ||
      !load_side (loader, object, pointer, "side", &side, error) ||
      !get_whole_number (loader, object, pointer, "seconds", kind != BS_STEP_COUNTED,
                         BS_STEP_MIN_SECONDS, BS_STEP_MAX_SECONDS, &seconds, error) ||
      !get_whole_number (loader, object, pointer, "reps", kind == BS_STEP_COUNTED,
                         1, BS_STEP_MAX_REPS, &reps, error) ||
      !get_whole_number (loader, object, pointer, "sets", FALSE,
                         1, BS_STEP_MAX_SETS, &sets, error) ||
      !get_whole_number (loader, object, pointer, "set-rest", FALSE,
                         0, BS_STEP_MAX_SECONDS, &set_rest, error) ||
      !get_whole_number (loader, object, pointer, "switch-seconds", FALSE,
                         0, BS_STEP_MAX_SWITCH_SECONDS, &switch_seconds, error) ||
      !load_side (loader, object, pointer, "first-side", &first_side, error) ||
      !get_whole_number (loader, object, pointer, "rest-after", FALSE,
                         0, BS_STEP_MAX_SECONDS, &rest_after, error))
    return NULL;

  step = bs_step_new (kind, text (loader, name), seconds);
  bs_step_set_instruction (step, text (loader, instruction));
  bs_step_set_side (step, side);
  bs_step_set_reps (step, reps);
  bs_step_set_sets (step, sets);
  bs_step_set_set_rest (step, set_rest);
  bs_step_set_switch_seconds (step, switch_seconds);
  bs_step_set_first_side (step, first_side);
  bs_step_set_rest_after (step, rest_after);

  if (!load_pace (loader, object, pointer, step, error) ||
      !load_illustration (loader, object, pointer, step, error) ||
      !load_form_seconds (loader, object, pointer, routine, step, error))
    return NULL;

  return g_steal_pointer (&step);
}

/* The longest a step's hold can be, over every form. */
static guint64
longest_hold (BsRoutine *routine,
              BsStep    *step)
{
  guint64 longest = bs_step_get_seconds (step);

  for (guint i = 0; i < bs_routine_get_n_forms (routine); i++)
    longest = MAX (longest, bs_step_get_form_seconds (step, bs_routine_get_form_id (routine, i)));
  return longest;
}

/* Counts the parts and seconds of the routine fully expanded, generously
 * (every rest, the longest form, no level), and refuses it if either is
 * more than a routine can reasonably be. */
static gboolean
check_size (Loader     *loader,
            BsRoutine  *routine,
            GError    **error)
{
  guint64 parts = 0, seconds = 0;
  guint64 rounds = bs_routine_get_rounds (routine);
  gboolean any_work = FALSE;

  for (guint i = 0; i < bs_routine_get_n_steps (routine); i++)
    {
      BsStep *step = bs_routine_get_step (routine, i);
      guint64 sets = bs_step_get_sets (step);
      guint64 between = (sets - 1) * bs_step_get_set_rest (step);

      switch (bs_step_get_kind (step))
        {
        case BS_STEP_HOLD:
          parts += 2 * sets;
          seconds += sets * longest_hold (routine, step) + between;
          break;
        case BS_STEP_PER_SIDE:
          parts += 4 * sets;
          seconds += sets * (2 * longest_hold (routine, step) + bs_step_get_switch_seconds (step))
                     + between;
          break;
        case BS_STEP_COUNTED:
          parts += 2 * sets;
          seconds += sets * bs_step_get_reps (step) * bs_step_get_pace (step) + between;
          break;
        case BS_STEP_REST:
        default:
          parts += 1;
          seconds += bs_step_get_seconds (step);
          break;
        }
      if (bs_step_get_kind (step) != BS_STEP_REST)
        {
          any_work = TRUE;
          parts += 1;
          seconds += bs_step_get_rest_after (step);
        }
    }
  parts = parts * rounds + rounds;
  seconds = seconds * rounds + (rounds - 1) * bs_routine_get_round_rest (routine);

  if (!any_work)
    return fail (loader, "/steps", BS_ERROR_INVALID, error,
                 _("a routine needs at least one step that is not a rest"));
  if (parts > MAX_SEGMENTS)
    return fail (loader, "", BS_ERROR_RANGE, error,
                 _("with its sets, sides, rests and rounds the routine has more than %d parts"),
                 MAX_SEGMENTS);
  if (seconds > MAX_TOTAL_SECONDS)
    return fail (loader, "", BS_ERROR_RANGE, error,
                 _("with its sets, sides, rests and rounds the routine lasts more than %d hours"),
                 MAX_TOTAL_SECONDS / 3600);
  return TRUE;
}

static gboolean
load_format_2 (Loader      *loader,
               JsonObject  *root,
               BsRoutine   *routine,
               GError     **error)
{
  const char *category = NULL;
  guint lead_in = 0, rounds = 1, round_rest = 0;

  if (!get_string (loader, root, "", "category", FALSE, TRUE, &category, error))
    return FALSE;
  if (category != NULL)
    {
      if (!bs_routine_category_is_valid (category))
        return fail (loader, "/category", BS_ERROR_INVALID, error,
                     _("“category” must be “test”, “stretch”, “strength”, “warm-up” or "
                       "“other”, not “%s”"), category);
      bs_routine_set_category (routine, category);
    }

  if (json_object_has_member (root, "lead-in"))
    {
      if (!get_whole_number (loader, root, "", "lead-in", FALSE,
                             0, BS_ROUTINE_MAX_LEAD_IN, &lead_in, error))
        return FALSE;
      bs_routine_set_lead_in (routine, (int) lead_in);
    }

  if (!get_whole_number (loader, root, "", "rounds", FALSE,
                         1, BS_ROUTINE_MAX_ROUNDS, &rounds, error) ||
      !get_whole_number (loader, root, "", "round-rest", FALSE,
                         0, BS_STEP_MAX_SECONDS, &round_rest, error))
    return FALSE;
  bs_routine_set_rounds (routine, rounds);
  bs_routine_set_round_rest (routine, round_rest);
  return TRUE;
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
  static const char * const allowed_2[] = {
    "category", "lead-in", "rounds", "round-rest", NULL
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
  if (format > BS_ROUTINE_FORMAT)
    {
      fail (loader, "/format", BS_ERROR_FORMAT, error,
            _("format %u is not supported; this version of Backstay reads format %d"),
            format, BS_ROUTINE_FORMAT);
      return NULL;
    }
  loader->format = format;

  if (!check_members (loader, root, "", allowed, allowed_2, error) ||
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

  if (!load_format_2 (loader, root, routine, error) ||
      !load_forms (loader, root, routine, error) ||
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
  g_clear_pointer (&loader->where, g_free);

  if (!check_size (loader, routine, error))
    return NULL;

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
