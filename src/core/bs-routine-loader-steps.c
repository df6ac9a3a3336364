/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * Reads one step of a routine file: its kind first, since the kind decides
 * which other fields belong, then its fields, each checked as it is read.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bs-routine-loader-private.h"

static gboolean
load_form_seconds (Loader      *loader,
                   JsonObject  *object,
                   const char  *pointer,
                   BsRoutine   *routine,
                   BsStep      *step,
                   GError     **error)
{
  g_autofree char *child = bs_routine_loader_member_pointer (pointer, "form-seconds");
  JsonNode *node = json_object_get_member (object, "form-seconds");
  g_autoptr(GList) members = NULL;
  JsonObject *map;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bs_routine_loader_fail (loader, child, BS_ERROR_TYPE, error,
                                   _("“form-seconds” must be an object, not %s"),
                                   bs_routine_loader_json_type_name (node));

  map = json_node_get_object (node);
  members = json_object_get_members (map);
  for (GList *l = members; l; l = l->next)
    {
      const char *form_id = l->data;
      g_autofree char *entry = bs_routine_loader_member_pointer (child, form_id);
      g_autofree char *label = g_strdup_printf ("“form-seconds” of “%s”", form_id);
      guint seconds;

      if (bs_routine_find_form (routine, form_id) < 0)
        return bs_routine_loader_fail (loader, entry, BS_ERROR_INVALID, error,
                                       _("“form-seconds” names “%s”, which is not one of the "
                                         "routine’s forms"), form_id);
      if (!bs_routine_loader_node_to_whole_number (loader, json_object_get_member (map, form_id),
                                                   entry, label,
                                                   BS_STEP_MIN_SECONDS, BS_STEP_MAX_SECONDS,
                                                   &seconds, error))
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
      child = bs_routine_loader_member_pointer (pointer, member);
      if (kind == BS_STEP_PER_SIDE && g_str_equal (member, "side"))
        return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
                                       _("“side” does not belong in a “per-side” step: it works "
                                         "both sides, starting with “first-side”"));
      if (kind == BS_STEP_COUNTED && g_str_equal (member, "seconds"))
        return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
                                       _("“seconds” does not belong in a “counted” step: its "
                                         "length comes from “reps” and “pace”"));
      return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
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
  g_autofree char *child = bs_routine_loader_member_pointer (pointer, "kind");
  const char *text = NULL;

  *kind = BS_STEP_HOLD;
  if (!bs_routine_loader_get_string (loader, object, pointer, "kind", FALSE, TRUE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!bs_step_kind_from_string (text, kind))
    {
      if (loader->format < 2)
        return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
                                       _("“kind” is “%s”, but the only kind in format 1 is “hold”"),
                                       text);
      return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
                                     _("“kind” is “%s”; a step is “hold”, “per-side”, “counted” "
                                       "or “rest”"), text);
    }
  if (*kind != BS_STEP_HOLD && loader->format < 2)
    return bs_routine_loader_fail (loader, child, BS_ERROR_FORMAT, error,
                                   _("“kind” “%s” needs format 2; the file says “format”: 1"),
                                   text);
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

  if (!bs_routine_loader_get_string (loader, object, pointer, member, FALSE, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (g_str_equal (text, "left"))
    *side = BS_SIDE_LEFT;
  else if (g_str_equal (text, "right"))
    *side = BS_SIDE_RIGHT;
  else
    {
      g_autofree char *child = bs_routine_loader_member_pointer (pointer, member);
      return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
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
  g_autofree char *child = bs_routine_loader_member_pointer (pointer, "illustration");
  JsonNode *node = json_object_get_member (object, "illustration");
  const char *value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return bs_routine_loader_fail (loader, child, BS_ERROR_TYPE, error,
                                   _("“%s” must be text, not %s"), "illustration",
                                   bs_routine_loader_json_type_name (node));
  value = json_node_get_string (node);
  if (!bs_illustration_id_is_valid (value))
    return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
                                   _("“illustration” must be 1 to %d lower-case letters, "
                                     "digits or “-”"), BS_STEP_MAX_ILLUSTRATION);
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
  g_autofree char *child = bs_routine_loader_member_pointer (pointer, "pace");
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
  return bs_routine_loader_fail (loader, child,
                                 type == G_TYPE_STRING ? BS_ERROR_INVALID
                                 : type == G_TYPE_INT64 || type == G_TYPE_DOUBLE ? BS_ERROR_RANGE
                                 : BS_ERROR_TYPE,
                                 error,
                                 _("“pace” must be the seconds each repetition takes, a whole "
                                   "number from %d to %d, or “until-done”"),
                                 BS_STEP_MIN_PACE, BS_STEP_MAX_PACE);
}

BsStep *
bs_routine_loader_load_step (Loader      *loader,
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
      bs_routine_loader_fail (loader, pointer, BS_ERROR_TYPE, error,
                              _("must be an object, not %s"),
                              bs_routine_loader_json_type_name (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!bs_routine_loader_check_members (loader, object, pointer, allowed, allowed_2, error) ||
      !load_kind (loader, object, pointer, &kind, error) ||
      !check_kind_fields (loader, object, pointer, kind, error))
    return NULL;

  if (!bs_routine_loader_get_string (loader, object, pointer, "name", TRUE, FALSE, &name, error) ||
      !bs_routine_loader_get_string (loader, object, pointer, "instruction", FALSE, FALSE,
                                     &instruction, error) ||
      !load_side (loader, object, pointer, "side", &side, error) ||
      !bs_routine_loader_get_whole_number (loader, object, pointer, "seconds",
                                           kind != BS_STEP_COUNTED,
                                           BS_STEP_MIN_SECONDS, BS_STEP_MAX_SECONDS,
                                           &seconds, error) ||
      !bs_routine_loader_get_whole_number (loader, object, pointer, "reps", kind == BS_STEP_COUNTED,
                                           1, BS_STEP_MAX_REPS, &reps, error) ||
      !bs_routine_loader_get_whole_number (loader, object, pointer, "sets", FALSE,
                                           1, BS_STEP_MAX_SETS, &sets, error) ||
      !bs_routine_loader_get_whole_number (loader, object, pointer, "set-rest", FALSE,
                                           0, BS_STEP_MAX_SECONDS, &set_rest, error) ||
      !bs_routine_loader_get_whole_number (loader, object, pointer, "switch-seconds", FALSE,
                                           0, BS_STEP_MAX_SWITCH_SECONDS, &switch_seconds, error) ||
      !load_side (loader, object, pointer, "first-side", &first_side, error) ||
      !bs_routine_loader_get_whole_number (loader, object, pointer, "rest-after", FALSE,
                                           0, BS_STEP_MAX_SECONDS, &rest_after, error))
    return NULL;

  step = bs_step_new (kind, bs_routine_loader_text (loader, name), seconds);
  bs_step_set_instruction (step, bs_routine_loader_text (loader, instruction));
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
