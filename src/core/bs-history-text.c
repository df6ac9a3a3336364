/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bs-history-text.h"

/*
 * How an entry of the history is put in words: its title and its key
 * figure ("132 of 180 s, stage 5 of 8").  The list, its accessible names,
 * the printed summary and the tests all say it the same way.
 */

/**
 * bs_history_entry_dup_title:
 *
 * Returns: (transfer full): the routine's name as it was when run, or
 *   "Self-assessment"
 */
char *
bs_history_entry_dup_title (BsHistoryEntry *entry)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), NULL);

  if (bs_history_entry_get_kind (entry) == BS_HISTORY_ASSESSMENT)
    return g_strdup (_("Self-assessment"));
  return g_strdup (bs_history_entry_get_routine_name (entry));
}

static guint
count_member (JsonObject *object,
              const char *name)
{
  if (object == NULL || !json_object_has_member (object, name)
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, name)))
    return 0;
  return json_array_get_length (json_object_get_array_member (object, name));
}

static char *
assessment_figure (BsHistoryEntry *entry)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *findings = NULL;
  guint n_risks, n_advice;

  if (bs_history_entry_get_red_flag (entry))
    return g_strdup (_("Warning signs: see a clinician"));

  node = json_from_string (bs_history_entry_get_findings_json (entry), NULL);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    findings = json_node_get_object (node);
  n_risks = count_member (findings, "risks");
  n_advice = count_member (findings, "advice");

  if (n_risks == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "No risk factors, %u recommendation",
                                         "No risk factors, %u recommendations", n_advice),
                            n_advice);
  /* Translators: the two numbers are counted separately, e.g.
   * "3 risk factors, 6 recommendations". */
  {
    g_autofree char *risks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk factor",
                                                           "%u risk factors", n_risks), n_risks);
    g_autofree char *advice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation",
                                                            "%u recommendations", n_advice),
                                               n_advice);
    /* Translators: "3 risk factors" and "6 recommendations", joined */
    return g_strdup_printf (C_("history figure", "%s, %s"), risks, advice);
  }
}

static char *
scored_figure (BsHistoryEntry *entry)
{
  guint held = (guint) (bs_history_entry_get_held_ms (entry) / 1000);
  guint target = bs_history_entry_get_target_seconds (entry);

  if (bs_history_entry_get_good (entry))
    /* Translators: the core test's result when every stage was held */
    return g_strdup_printf (_("Good core strength: %u of %u s"), held, target);
  /* Translators: the core test's result, e.g. "132 of 180 s, stage 5 of 8" */
  return g_strdup_printf (_("%u of %u s, stage %u of %u"), held, target,
                          bs_history_entry_get_stage_reached (entry),
                          bs_history_entry_get_n_stages (entry));
}

static char *
followed_figure (BsHistoryEntry *entry)
{
  guint done = bs_history_entry_get_stages_done (entry);
  guint n = bs_history_entry_get_n_stages (entry);

  /* Translators: how much of a stretch or strength routine was done; a
   * set is one timed hold, e.g. "12 of 21 sets" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u set", "%u of %u sets", n),
                          done, n);
}

/**
 * bs_history_entry_dup_figure:
 *
 * Returns: (transfer full): the key figure of the entry, with how the run
 *   ended when it did not run to the end
 */
char *
bs_history_entry_dup_figure (BsHistoryEntry *entry)
{
  g_autofree char *figure = NULL;

  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), NULL);

  if (bs_history_entry_get_kind (entry) == BS_HISTORY_ASSESSMENT)
    return assessment_figure (entry);

  figure = bs_history_entry_get_scored (entry) ? scored_figure (entry) : followed_figure (entry);
  switch (bs_history_entry_get_outcome (entry))
    {
    case BS_OUTCOME_STOPPED_EARLY:
      /* Translators: %s is a result such as "132 of 180 s, stage 5 of 8" */
      return bs_history_entry_get_scored (entry)
             ? g_steal_pointer (&figure)
             : g_strdup_printf (_("Stopped early: %s"), figure);
    case BS_OUTCOME_INTERRUPTED:
      /* Translators: the app closed during the run; %s is what was done */
      return g_strdup_printf (_("Interrupted: %s"), figure);
    case BS_OUTCOME_IN_PROGRESS:
      /* Translators: %s is what has been done so far */
      return g_strdup_printf (_("In progress: %s"), figure);
    case BS_OUTCOME_COMPLETED:
    default:
      return g_steal_pointer (&figure);
    }
}

static char *
stage_name (JsonObject *segment,
            GHashTable *per_side)
{
  const char *name = json_object_get_string_member_with_default (segment, "name", "");
  const char *side = json_object_get_string_member_with_default (segment, "side", NULL);
  guint set = (guint) json_object_get_int_member_with_default (segment, "set", 0);
  guint n_sets = (guint) json_object_get_int_member_with_default (segment, "sets", 0);
  g_autofree char *with_side = NULL;

  /* A stage done on both sides under one name gets its side; names that
   * are one side's own ("Lift your right arm") stay as they are. */
  if (g_hash_table_contains (per_side, name) && g_strcmp0 (side, "left") == 0)
    /* Translators: a stretch done on the left side, "Piriformis stretch, left" */
    with_side = g_strdup_printf (C_("stage side", "%s, left"), name);
  else if (g_hash_table_contains (per_side, name) && g_strcmp0 (side, "right") == 0)
    with_side = g_strdup_printf (C_("stage side", "%s, right"), name);
  else
    with_side = g_strdup (name);

  if (n_sets > 1 && set > 0)
    /* Translators: a stage and its set, "Hamstring wall stretch, set 2 of 5" */
    return g_strdup_printf (_("%s, set %u of %u"), with_side, set, n_sets);
  return g_steal_pointer (&with_side);
}

static gboolean
is_stage (JsonNode *item)
{
  return JSON_NODE_HOLDS_OBJECT (item)
         && json_object_get_int_member_with_default (json_node_get_object (item), "stage", 0) > 0;
}

/* The names worked on both sides: a name seen with two different sides. */
static GHashTable *
names_on_both_sides (JsonArray *segments)
{
  g_autoptr(GHashTable) first_side = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *both = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonNode *item = json_array_get_element (segments, i);
      JsonObject *segment;
      const char *name, *side, *seen;

      if (!is_stage (item))
        continue;
      segment = json_node_get_object (item);
      name = json_object_get_string_member_with_default (segment, "name", "");
      side = json_object_get_string_member_with_default (segment, "side", NULL);
      if (side == NULL)
        continue;
      seen = g_hash_table_lookup (first_side, name);
      if (seen == NULL)
        g_hash_table_insert (first_side, (char *) name, (char *) side);
      else if (!g_str_equal (seen, side))
        g_hash_table_add (both, (char *) name);
    }
  return both;
}

/**
 * bs_history_entry_dup_stage_names:
 *
 * Returns: (transfer full): the name of every stage of a session, from the
 *   schedule as it was run; %NULL for an assessment or a schedule that no
 *   longer reads
 */
GStrv
bs_history_entry_dup_stage_names (BsHistoryEntry *entry)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GStrvBuilder) names = NULL;
  g_autoptr(GHashTable) per_side = NULL;
  JsonArray *segments;

  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), NULL);

  if (bs_history_entry_get_schedule_json (entry) == NULL)
    return NULL;
  node = json_from_string (bs_history_entry_get_schedule_json (entry), NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || !json_object_has_member (json_node_get_object (node), "segments")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (node), "segments")))
    return NULL;

  names = g_strv_builder_new ();
  segments = json_object_get_array_member (json_node_get_object (node), "segments");
  per_side = names_on_both_sides (segments);
  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonNode *item = json_array_get_element (segments, i);
      g_autofree char *name = NULL;

      if (!is_stage (item))
        continue;
      name = stage_name (json_node_get_object (item), per_side);
      g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

/**
 * bs_history_format_day:
 * @local_day: a time on the day, in the time zone to show
 * @local_now: now, in the same zone
 *
 * Returns: (transfer full): "Today", "Yesterday", a weekday within the last
 *   week, or the date
 */
char *
bs_history_format_day (GDateTime *local_day,
                       GDateTime *local_now)
{
  GDate day, today;
  int days_ago;

  g_return_val_if_fail (local_day != NULL && local_now != NULL, NULL);

  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local_day),
                  g_date_time_get_month (local_day), g_date_time_get_year (local_day));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now), g_date_time_get_year (local_now));
  days_ago = g_date_days_between (&day, &today);

  if (days_ago == 0)
    return g_strdup (_("Today"));
  if (days_ago == 1)
    return g_strdup (_("Yesterday"));
  if (days_ago > 1 && days_ago < 7)
    /* Translators: a day in the last week, as strftime: "Monday" */
    return g_date_time_format (local_day, _("%A"));
  if (g_date_time_get_year (local_day) == g_date_time_get_year (local_now))
    /* Translators: a day this year, as strftime: "Sunday, 3 May" */
    return g_date_time_format (local_day, _("%A, %-d %B"));
  /* Translators: a day in another year, as strftime: "3 May 2025" */
  return g_date_time_format (local_day, _("%-d %B %Y"));
}
