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
#include <string.h>

#include "bs-routine-loader-private.h"

#define MAX_STEPS 500
/* A routine is a few kilobytes; this leaves room for long instructions. */
#define MAX_FILE_SIZE (1024 * 1024)
/* A routine nests four levels deep; json-glib recurses once per level and
 * runs out of stack on deep enough input, so deeper text is refused before
 * it is parsed. */
#define MAX_NESTING 32
#define MAX_LEVEL 600
/* Sets, rounds and rests multiply: a routine is refused if, fully
 * expanded, it would have more parts or last longer than this, so
 * nothing downstream needs to fear overflow or a list a screen cannot
 * show. */
#define MAX_SEGMENTS 10000
#define MAX_TOTAL_SECONDS (24 * 60 * 60)

static gboolean
load_forms (Loader      *loader,
            JsonObject  *root,
            BsRoutine   *routine,
            GError     **error)
{
  static const char * const allowed[] = { "id", "name", "description", NULL };
  g_autoptr(GError) local_error = NULL;
  JsonArray *forms = bs_routine_loader_get_array (loader, root, "", "forms", FALSE, &local_error);

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
    return bs_routine_loader_fail (loader, "/forms", BS_ERROR_RANGE, error,
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
        return bs_routine_loader_fail (loader, pointer, BS_ERROR_TYPE, error,
                                       _("must be an object, not %s"),
                                       bs_routine_loader_json_type_name (node));
      object = json_node_get_object (node);
      if (!bs_routine_loader_check_members (loader, object, pointer, allowed, NULL, error) ||
          !bs_routine_loader_get_string (loader, object, pointer, "id", TRUE, TRUE, &id, error) ||
          !bs_routine_loader_get_string (loader, object, pointer, "name", TRUE, FALSE,
                                         &name, error) ||
          !bs_routine_loader_get_string (loader, object, pointer, "description", FALSE, FALSE,
                                         &description, error))
        return FALSE;
      if (bs_routine_find_form (routine, id) >= 0)
        {
          g_autofree char *child = bs_routine_loader_member_pointer (pointer, "id");
          return bs_routine_loader_fail (loader, child, BS_ERROR_INVALID, error,
                                         _("form “%s” is listed twice"), id);
        }
      bs_routine_add_form (routine, id, bs_routine_loader_text (loader, name),
                           bs_routine_loader_text (loader, description));
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
  JsonArray *levels = bs_routine_loader_get_array (loader, root, "", "levels", FALSE, &local_error);
  guint floor_seconds = BS_ROUTINE_DEFAULT_LEVEL_FLOOR;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (levels != NULL)
    {
      if (json_array_get_length (levels) == 0)
        return bs_routine_loader_fail (loader, "/levels", BS_ERROR_RANGE, error,
                                       _("“levels” must list at least one level"));
      for (guint i = 0; i < json_array_get_length (levels); i++)
        {
          g_autofree char *pointer = g_strdup_printf ("/levels/%u", i);
          g_autofree char *label = g_strdup_printf (_("level %u"), i + 1);
          guint value;

          if (!bs_routine_loader_node_to_whole_number (loader, json_array_get_element (levels, i),
                                                       pointer, label, 0, MAX_LEVEL, &value,
                                                       error))
            return FALSE;
          for (guint j = 0; j < values->len; j++)
            if (g_array_index (values, guint, j) == value)
              return bs_routine_loader_fail (loader, pointer, BS_ERROR_INVALID, error,
                                             _("level %u is listed twice"), value);
          g_array_append_val (values, value);
        }
      bs_routine_set_levels (routine, (const guint *) (gpointer) values->data, values->len);
    }

  if (!bs_routine_loader_get_whole_number (loader, root, "", "level-floor", FALSE,
                                           BS_STEP_MIN_SECONDS, BS_STEP_MAX_SECONDS,
                                           &floor_seconds, error))
    return FALSE;
  bs_routine_set_level_floor (routine, floor_seconds);
  return TRUE;
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
    return bs_routine_loader_fail (loader, "/steps", BS_ERROR_INVALID, error,
                                   _("a routine needs at least one step that is not a rest"));
  if (parts > MAX_SEGMENTS)
    return bs_routine_loader_fail (loader, "", BS_ERROR_RANGE, error,
                                   _("with its sets, sides, rests and rounds the routine has "
                                     "more than %d parts"), MAX_SEGMENTS);
  if (seconds > MAX_TOTAL_SECONDS)
    return bs_routine_loader_fail (loader, "", BS_ERROR_RANGE, error,
                                   _("with its sets, sides, rests and rounds the routine lasts "
                                     "more than %d hours"), MAX_TOTAL_SECONDS / 3600);
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

  if (!bs_routine_loader_get_string (loader, root, "", "category", FALSE, TRUE, &category, error))
    return FALSE;
  if (category != NULL)
    {
      if (!bs_routine_category_is_valid (category))
        return bs_routine_loader_fail (loader, "/category", BS_ERROR_INVALID, error,
                                       _("“category” must be “test”, “stretch”, “strength”, "
                                         "“warm-up” or “other”, not “%s”"), category);
      bs_routine_set_category (routine, category);
    }

  if (json_object_has_member (root, "lead-in"))
    {
      if (!bs_routine_loader_get_whole_number (loader, root, "", "lead-in", FALSE,
                                               0, BS_ROUTINE_MAX_LEAD_IN, &lead_in, error))
        return FALSE;
      bs_routine_set_lead_in (routine, (int) lead_in);
    }

  if (!bs_routine_loader_get_whole_number (loader, root, "", "rounds", FALSE,
                                           1, BS_ROUTINE_MAX_ROUNDS, &rounds, error) ||
      !bs_routine_loader_get_whole_number (loader, root, "", "round-rest", FALSE,
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
      bs_routine_loader_fail (loader, "", BS_ERROR_TYPE, error,
                              _("a routine must be a JSON object, not %s"),
                              bs_routine_loader_json_type_name (root_node));
      return NULL;
    }
  root = json_node_get_object (root_node);

  /* The version comes first: a newer file is refused for what it is, not
   * for the first field this build does not know. */
  if (!bs_routine_loader_get_whole_number (loader, root, "", "format", TRUE, 1, 1000,
                                           &format, error))
    return NULL;
  if (format > BS_ROUTINE_FORMAT)
    {
      bs_routine_loader_fail (loader, "/format", BS_ERROR_FORMAT, error,
                              _("format %u is not supported; this version of Backstay reads "
                                "format %d"), format, BS_ROUTINE_FORMAT);
      return NULL;
    }
  loader->format = format;

  if (!bs_routine_loader_check_members (loader, root, "", allowed, allowed_2, error) ||
      !bs_routine_loader_get_string (loader, root, "", "id", TRUE, TRUE, &id, error) ||
      !bs_routine_loader_get_string (loader, root, "", "name", TRUE, FALSE, &name, error) ||
      !bs_routine_loader_get_string (loader, root, "", "description", FALSE, FALSE,
                                     &description, error) ||
      !bs_routine_loader_get_string (loader, root, "", "scoring", FALSE, TRUE, &scoring, error))
    return NULL;

  routine = bs_routine_new (id, bs_routine_loader_text (loader, name));
  bs_routine_set_description (routine, bs_routine_loader_text (loader, description));

  if (scoring == NULL || g_str_equal (scoring, "none"))
    bs_routine_set_scoring (routine, BS_SCORING_NONE);
  else if (g_str_equal (scoring, "hold-test"))
    bs_routine_set_scoring (routine, BS_SCORING_HOLD_TEST);
  else
    {
      bs_routine_loader_fail (loader, "/scoring", BS_ERROR_INVALID, error,
                              _("“scoring” must be “none” or “hold-test”, not “%s”"), scoring);
      return NULL;
    }

  if (!load_format_2 (loader, root, routine, error) ||
      !load_forms (loader, root, routine, error) ||
      !load_levels (loader, root, routine, error))
    return NULL;

  {
    g_autoptr(GError) local_error = NULL;

    steps = bs_routine_loader_get_array (loader, root, "", "steps", TRUE, &local_error);
    if (steps == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }
  if (json_array_get_length (steps) == 0 || json_array_get_length (steps) > MAX_STEPS)
    {
      bs_routine_loader_fail (loader, "/steps", BS_ERROR_RANGE, error,
                              _("“steps” must list from 1 to %d steps"), MAX_STEPS);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      g_autoptr(BsStep) step = bs_routine_loader_load_step (loader, node, i, routine, error);
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
