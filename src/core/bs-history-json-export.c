/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <json-glib/json-glib.h>

#include "bs-history-entry-private.h"
#include "bs-history-json.h"

/*
 * Writes the history export.  Its reader, which decides what a valid
 * export is, is in bs-history-json.c; the two are apart because they share
 * nothing but the format.
 */

static void
add_time (JsonBuilder *builder,
          const char  *member,
          GDateTime   *when)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;
  int year, month, day;

  if (when == NULL)
    return;
  /* By hand: g_date_time_format()'s %Y does not pad, and ISO 8601 (and so
   * the reader) wants four digits for the years before 1000 too. */
  utc = g_date_time_to_utc (when);
  g_date_time_get_ymd (utc, &year, &month, &day);
  text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* Stored JSON goes into the export as JSON, not as a string of JSON, so
 * the file reads naturally.  Text that no longer parses is left out rather
 * than exported broken. */
static void
add_embedded (JsonBuilder *builder,
              const char  *member,
              const char  *json)
{
  g_autoptr(JsonNode) node = NULL;

  if (json == NULL)
    return;
  node = json_from_string (json, NULL);
  if (node == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, g_steal_pointer (&node));
}

static void
add_session (JsonBuilder    *builder,
             BsHistoryEntry *entry)
{
  json_builder_set_member_name (builder, "session");
  json_builder_begin_object (builder);
  add_string (builder, "routine-id", entry->routine_id);
  add_string (builder, "routine-name", entry->routine_name);
  add_string (builder, "category", entry->category);
  add_string (builder, "form-id", entry->form_id);
  add_string (builder, "form-name", entry->form_name);
  add_int (builder, "level", entry->level);
  add_string (builder, "outcome", bs_outcome_to_string (entry->outcome));
  add_bool (builder, "scored", entry->scored);
  add_int (builder, "stage-reached", entry->stage_reached);
  add_int (builder, "target-seconds", entry->target_seconds);
  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entry->stages->len; i++)
    {
      const BsStageRecord *record = &g_array_index (entry->stages, BsStageRecord, i);

      json_builder_begin_object (builder);
      add_int (builder, "seconds", record->seconds);
      add_int (builder, "held-ms", record->held_ms);
      add_bool (builder, "skipped", record->skipped);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_embedded (builder, "schedule", entry->schedule_json);
  json_builder_end_object (builder);
}

static void
add_assessment (JsonBuilder    *builder,
                BsHistoryEntry *entry)
{
  json_builder_set_member_name (builder, "assessment");
  json_builder_begin_object (builder);
  add_int (builder, "rules-version", entry->rules_version);
  add_bool (builder, "red-flag", entry->red_flag);
  add_embedded (builder, "answers", entry->answers_json);
  add_embedded (builder, "findings", entry->findings_json);
  json_builder_end_object (builder);
}

/**
 * bs_history_export_json:
 * @entries: #BsHistoryEntry items, in the order to write them
 * @exported_at: (nullable): the time to record; now if %NULL
 *
 * Returns: (transfer full): the export file's text
 */
char *
bs_history_export_json (GListModel *entries,
                        GDateTime  *exported_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  if (exported_at == NULL)
    exported_at = now = g_date_time_new_now_utc ();

  json_builder_begin_object (builder);
  add_int (builder, "format", BS_HISTORY_EXPORT_FORMAT);
  add_string (builder, "generator", "Backstay " PACKAGE_VERSION);
  add_time (builder, "exported-at", exported_at);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries, i);

      json_builder_begin_object (builder);
      add_string (builder, "uuid", entry->uuid);
      add_string (builder, "kind", bs_history_kind_to_string (entry->kind));
      add_time (builder, "started-at", entry->started_at);
      add_time (builder, "ended-at", entry->ended_at);
      add_string (builder, "note", entry->note);
      if (entry->kind == BS_HISTORY_SESSION)
        add_session (builder, entry);
      else
        add_assessment (builder, entry);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
