/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include <json-glib/json-glib.h>

#include "bs-error.h"
#include "bs-history-csv.h"
#include "bs-history-entry-private.h"

/*
 * The history as spreadsheets, one file per table, in a folder: sessions,
 * their stages, and assessments, joined by the entry's uuid.  RFC 4180:
 * comma separated, CRLF line ends, fields quoted when they need it.  Times
 * are UTC in ISO 8601 so that a spreadsheet sorts them right.
 */

/**
 * bs_csv_field:
 * @text: (nullable): a value
 *
 * Returns: (transfer full): @text as one CSV field.  Text a spreadsheet
 *   would run as a formula (starting with =, +, - or @) gets a leading
 *   apostrophe, so a note can never become a command in someone's
 *   spreadsheet.
 */
char *
bs_csv_field (const char *text)
{
  GString *field;
  gboolean quote;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  field = g_string_new (NULL);
  if (strchr ("=+-@", text[0]) != NULL)
    g_string_append_c (field, '\'');
  g_string_append (field, text);
  quote = strpbrk (field->str, ",\"\r\n") != NULL;
  if (quote)
    {
      g_string_replace (field, "\"", "\"\"", 0);
      g_string_prepend_c (field, '"');
      g_string_append_c (field, '"');
    }
  return g_string_free (field, FALSE);
}

#define OR_EMPTY(text) ((text) != NULL ? (text) : "")

static void
append_row (GString    *csv,
            const char *first,
            ...)
{
  va_list args;

  va_start (args, first);
  for (const char *value = first; value != NULL; value = va_arg (args, const char *))
    {
      g_autofree char *field = NULL;

      /* The empty string stands for a missing value. */
      field = bs_csv_field (value);
      if (value != first)
        g_string_append_c (csv, ',');
      g_string_append (csv, field);
    }
  va_end (args);
  g_string_append (csv, "\r\n");
}

static char *
format_time (GDateTime *when)
{
  return when ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

static char *
format_ms_as_seconds (gint64 ms)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* One decimal, with a dot whatever the locale: CSV readers expect it. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", ms / 1000.0));
}

static void
append_session (GString        *sessions,
                GString        *stages,
                BsHistoryEntry *entry)
{
  g_autofree char *started = format_time (entry->started_at);
  g_autofree char *ended = format_time (entry->ended_at);
  g_autofree char *level = g_strdup_printf ("%u", entry->level);
  g_autofree char *reached = g_strdup_printf ("%u", entry->stage_reached);
  g_autofree char *n_stages = g_strdup_printf ("%u", entry->stages->len);
  g_autofree char *done = g_strdup_printf ("%u", bs_history_entry_get_stages_done (entry));
  g_autofree char *held = format_ms_as_seconds (bs_history_entry_get_held_ms (entry));
  g_autofree char *target = g_strdup_printf ("%u", entry->target_seconds);

  /* NULL ends the row, so a missing value is written as "". */
  append_row (sessions, entry->uuid, started, ended, OR_EMPTY (entry->routine_id),
              OR_EMPTY (entry->routine_name), OR_EMPTY (entry->category), OR_EMPTY (entry->form_name),
              level, bs_outcome_to_string (entry->outcome), entry->scored ? "yes" : "no",
              reached, n_stages, done, held, target, entry->note, NULL);

  for (guint i = 0; i < entry->stages->len; i++)
    {
      const BsStageRecord *record = &g_array_index (entry->stages, BsStageRecord, i);
      g_autofree char *stage = g_strdup_printf ("%u", i + 1);
      g_autofree char *seconds = g_strdup_printf ("%u", record->seconds);
      g_autofree char *stage_held = format_ms_as_seconds (record->held_ms);

      append_row (stages, entry->uuid, stage, seconds, stage_held,
                  record->skipped ? "yes" : "no", NULL);
    }
}

static char *
join_member (JsonObject *findings,
             const char *name)
{
  JsonArray *array;
  GString *joined = g_string_new (NULL);

  if (findings == NULL || !json_object_has_member (findings, name)
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (findings, name)))
    return g_string_free (joined, FALSE);
  array = json_object_get_array_member (findings, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ';');
      g_string_append (joined, json_node_get_string (node));
    }
  return g_string_free (joined, FALSE);
}

static void
append_assessment (GString        *assessments,
                   BsHistoryEntry *entry)
{
  g_autoptr(JsonNode) node = entry->findings_json ? json_from_string (entry->findings_json, NULL) : NULL;
  JsonObject *findings = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *when = format_time (entry->started_at);
  g_autofree char *version = g_strdup_printf ("%u", entry->rules_version);
  g_autofree char *red_flags = join_member (findings, "red-flags");
  g_autofree char *risks = join_member (findings, "risks");
  g_autofree char *advice = join_member (findings, "advice");
  g_autofree char *bmi = NULL;

  if (findings != NULL && json_object_has_member (findings, "bmi"))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      bmi = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                       json_object_get_double_member (findings, "bmi")));
    }

  append_row (assessments, entry->uuid, when, version, entry->red_flag ? "yes" : "no",
              red_flags, bmi ? bmi : "", risks, advice, entry->note, NULL);
}

static gboolean
write_table (GFile       *folder,
             const char  *name,
             GString     *contents,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);

  /* Written to a temporary file and renamed: an export that fails half-way
   * never leaves a truncated table that looks complete. */
  return g_file_replace_contents (file, contents->str, contents->len, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE, NULL, NULL, error);
}

/**
 * bs_history_export_csv:
 * @entries: #BsHistoryEntry items, in the order to write them
 * @folder: where to write sessions.csv, stages.csv and assessments.csv;
 *   made if it does not exist
 */
gboolean
bs_history_export_csv (GListModel  *entries,
                       GFile       *folder,
                       GError     **error)
{
  g_autoptr(GString) sessions = g_string_new (NULL);
  g_autoptr(GString) stages = g_string_new (NULL);
  g_autoptr(GString) assessments = g_string_new (NULL);
  g_autoptr(GError) mkdir_error = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (!g_file_make_directory_with_parents (folder, NULL, &mkdir_error)
      && !g_error_matches (mkdir_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&mkdir_error));
      return FALSE;
    }

  append_row (sessions, "uuid", "started_at", "ended_at", "routine_id", "routine", "category",
              "form", "level_seconds_off", "outcome", "scored", "stage_reached", "stages",
              "stages_done", "held_seconds", "target_seconds", "note", NULL);
  append_row (stages, "uuid", "stage", "seconds", "held_seconds", "skipped", NULL);
  append_row (assessments, "uuid", "completed_at", "rules_version", "red_flag", "red_flags",
              "bmi", "risks", "advice", "note", NULL);

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries, i);

      if (entry->kind == BS_HISTORY_SESSION)
        append_session (sessions, stages, entry);
      else
        append_assessment (assessments, entry);
    }

  return write_table (folder, "sessions.csv", sessions, error)
         && write_table (folder, "stages.csv", stages, error)
         && write_table (folder, "assessments.csv", assessments, error);
}
