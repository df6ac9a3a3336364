/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bs-answers.h"
#include "bs-error.h"
#include "bs-history-entry-private.h"
#include "bs-history-json.h"
#include "bs-json-locator.h"

/*
 * The whole history as one JSON file: what a runner takes to another
 * computer or hands to a physiotherapist's software, and what import merges
 * back.  Reading is as strict as the routine loader: a file that breaks a
 * rule is refused whole, with the place and the rule, so an import either
 * adds every entry or none.  This file reads it; bs-history-json-export.c
 * writes it.
 */

#define MAX_NESTING 24
#define MAX_TEXT 2000
#define MAX_STAGES 5000

typedef struct
{
  const char *display_name;
  BsJsonLocator *locator;
} Reader;

static gboolean G_GNUC_PRINTF (5, 6)
fail (Reader      *reader,
      const char  *pointer,
      BsError      code,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  bs_json_locator_set_error (reader->locator, error, code, reader->display_name, pointer, message);
  return FALSE;
}

typedef struct
{
  Reader *reader;
  JsonObject *object;
  const char *pointer;   /* of the object */
  guint index;           /* 1-based entry number, for messages */
} Scope;

static char *
pointer_to (Scope      *scope,
            const char *member)
{
  return g_strdup_printf ("%s/%s", scope->pointer, member);
}

static JsonNode *
member (Scope       *scope,
        const char  *name,
        gboolean     required,
        GError     **error)
{
  JsonNode *node = json_object_get_member (scope->object, name);

  if (node == NULL && required)
    fail (scope->reader, scope->pointer, BS_ERROR_MISSING, error,
          _("entry %u: “%s” is missing"), scope->index, name);
  return node;
}

static gboolean
read_string (Scope       *scope,
             const char  *name,
             gboolean     required,
             char       **out,
             GError     **error)
{
  JsonNode *node = member (scope, name, required, error);
  g_autofree char *pointer = pointer_to (scope, name);
  const char *value;

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (scope->reader, pointer, BS_ERROR_TYPE, error,
                 _("entry %u: “%s” must be text"), scope->index, name);
  value = json_node_get_string (node);
  /* json-glib turns escapes such as "\ud800" into invalid UTF-8. */
  if (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > MAX_TEXT)
    return fail (scope->reader, pointer, BS_ERROR_RANGE, error,
                 _("entry %u: “%s” must be valid text of at most %d characters"),
                 scope->index, name, MAX_TEXT);
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_uint (Scope       *scope,
           const char  *name,
           gint64       max,
           gint64      *out,
           GError     **error)
{
  JsonNode *node = member (scope, name, TRUE, error);
  g_autofree char *pointer = pointer_to (scope, name);
  gint64 value;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (scope->reader, pointer, BS_ERROR_TYPE, error,
                 _("entry %u: “%s” must be a whole number"), scope->index, name);
  value = json_node_get_int (node);
  if (value < 0 || value > max)
    {
      /* Formatted apart: a G_GINT64_FORMAT inside _() would cut the
       * message short for the translation tools. */
      g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      return fail (scope->reader, pointer, BS_ERROR_RANGE, error,
                   _("entry %u: “%s” must be from 0 to %s"), scope->index, name, limit);
    }
  *out = value;
  return TRUE;
}

static gboolean
read_bool (Scope       *scope,
           const char  *name,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = member (scope, name, TRUE, error);
  g_autofree char *pointer = pointer_to (scope, name);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (scope->reader, pointer, BS_ERROR_TYPE, error,
                 _("entry %u: “%s” must be true or false"), scope->index, name);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_time (Scope       *scope,
           const char  *name,
           GDateTime  **out,
           GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *pointer = pointer_to (scope, name);
  g_autoptr(GDateTime) parsed = NULL;

  if (!read_string (scope, name, TRUE, &text, error))
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  /* In UTC a time at either end of GDateTime's range (years 1 to 9999) can
   * fall outside it, and is then NULL. */
  *out = parsed != NULL ? g_date_time_to_utc (parsed) : NULL;
  if (*out == NULL)
    return fail (scope->reader, pointer, BS_ERROR_INVALID, error,
                 _("entry %u: “%s” must be a date and time such as 2026-05-03T07:30:00Z"),
                 scope->index, name);
  return TRUE;
}

static gboolean
read_object (Scope       *scope,
             const char  *name,
             gboolean     required,
             JsonObject **out,
             GError     **error)
{
  JsonNode *node = member (scope, name, required, error);
  g_autofree char *pointer = pointer_to (scope, name);

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (scope->reader, pointer, BS_ERROR_TYPE, error,
                 _("entry %u: “%s” must be an object"), scope->index, name);
  *out = json_node_get_object (node);
  return TRUE;
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

/* The embedded JSON as the store keeps it.  It has to read back: json-glib
 * turns escapes such as "\ud800" into invalid UTF-8 and 1e999 into
 * infinity, both of which it then writes as text no JSON reader takes, so
 * the entry could never be exported again. */
static gboolean
read_embedded (Scope       *scope,
               const char  *name,
               JsonObject  *object,
               char       **out,
               GError     **error)
{
  g_autofree char *text = object_to_string (object);
  g_autoptr(JsonNode) again = NULL;

  if (g_utf8_validate (text, -1, NULL))
    again = json_from_string (text, NULL);
  if (again == NULL)
    {
      g_autofree char *pointer = pointer_to (scope, name);

      return fail (scope->reader, pointer, BS_ERROR_INVALID, error,
                   _("entry %u: “%s” holds text that is not valid or a number out of range"),
                   scope->index, name);
    }
  *out = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
read_stages (Scope           *scope,
             BsHistoryEntry  *entry,
             GError         **error)
{
  JsonNode *node = member (scope, "stages", TRUE, error);
  g_autofree char *pointer = pointer_to (scope, "stages");
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (scope->reader, pointer, BS_ERROR_TYPE, error,
                 _("entry %u: “%s” must be a list"), scope->index, "stages");
  array = json_node_get_array (node);
  if (json_array_get_length (array) > MAX_STAGES)
    return fail (scope->reader, pointer, BS_ERROR_RANGE, error,
                 _("entry %u: a session has at most %d stages"), scope->index, MAX_STAGES);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *item_pointer = g_strdup_printf ("%s/%u", pointer, i);
      Scope stage = { scope->reader, NULL, item_pointer, scope->index };
      BsStageRecord record = { 0 };
      gint64 seconds, held_ms;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return fail (scope->reader, item_pointer, BS_ERROR_TYPE, error,
                     _("entry %u: stage %u must be an object"), scope->index, i + 1);
      stage.object = json_node_get_object (item);
      if (!read_uint (&stage, "seconds", 24 * 3600, &seconds, error)
          || !read_uint (&stage, "held-ms", (gint64) 24 * 3600 * 1000, &held_ms, error)
          || !read_bool (&stage, "skipped", &record.skipped, error))
        return FALSE;
      record.seconds = (guint) seconds;
      record.held_ms = held_ms;
      g_array_append_val (entry->stages, record);
    }
  return TRUE;
}

static gboolean
read_session (Scope           *scope,
              BsHistoryEntry  *entry,
              GError         **error)
{
  JsonObject *object, *schedule;
  g_autofree char *session_pointer = pointer_to (scope, "session");
  g_autofree char *outcome = NULL;
  Scope session;
  gint64 level, stage_reached, target;

  if (!read_object (scope, "session", TRUE, &object, error))
    return FALSE;
  session = (Scope) { scope->reader, object, session_pointer, scope->index };

  if (!read_string (&session, "routine-id", TRUE, &entry->routine_id, error)
      || !read_string (&session, "routine-name", TRUE, &entry->routine_name, error)
      || !read_string (&session, "category", TRUE, &entry->category, error)
      || !read_string (&session, "form-id", FALSE, &entry->form_id, error)
      || !read_string (&session, "form-name", FALSE, &entry->form_name, error)
      || !read_uint (&session, "level", 3600, &level, error)
      || !read_string (&session, "outcome", TRUE, &outcome, error)
      || !read_bool (&session, "scored", &entry->scored, error)
      || !read_uint (&session, "stage-reached", MAX_STAGES, &stage_reached, error)
      || !read_uint (&session, "target-seconds", 24 * 3600, &target, error)
      || !read_stages (&session, entry, error)
      || !read_object (&session, "schedule", FALSE, &schedule, error))
    return FALSE;

  if (!bs_outcome_from_string (outcome, &entry->outcome))
    {
      g_autofree char *pointer = pointer_to (&session, "outcome");
      return fail (scope->reader, pointer, BS_ERROR_INVALID, error,
                   _("entry %u: “outcome” must be “completed”, “stopped-early” or “interrupted”"),
                   scope->index);
    }
  /* A run that was going on when the file was written is not going on in
   * this one. */
  if (entry->outcome == BS_OUTCOME_IN_PROGRESS)
    entry->outcome = BS_OUTCOME_INTERRUPTED;
  if (stage_reached > entry->stages->len)
    {
      g_autofree char *pointer = pointer_to (&session, "stage-reached");
      return fail (scope->reader, pointer, BS_ERROR_RANGE, error,
                   _("entry %u: “stage-reached” is beyond the stages listed"), scope->index);
    }
  /* Checked last, so that a broken outcome or stage is named first.  The
   * store keeps every session with its schedule: one without would pass
   * here and fail the import. */
  if (schedule == NULL)
    return fail (scope->reader, session_pointer, BS_ERROR_MISSING, error,
                 _("entry %u: “%s” is missing"), scope->index, "schedule");

  entry->level = (guint) level;
  entry->stage_reached = (guint) stage_reached;
  entry->target_seconds = (guint) target;
  {
    g_autofree char *json = NULL;

    if (!read_embedded (&session, "schedule", schedule, &json, error))
      return FALSE;
    entry->schedule_json = g_ref_string_new_intern (json);
  }
  return TRUE;
}

static gboolean
read_assessment (Scope           *scope,
                 BsHistoryEntry  *entry,
                 GError         **error)
{
  JsonObject *object, *answers, *findings;
  g_autofree char *assessment_pointer = pointer_to (scope, "assessment");
  g_autoptr(GError) answers_error = NULL;
  Scope assessment;
  gint64 rules_version;
  BsAnswers parsed;

  if (!read_object (scope, "assessment", TRUE, &object, error))
    return FALSE;
  assessment = (Scope) { scope->reader, object, assessment_pointer, scope->index };

  if (!read_uint (&assessment, "rules-version", G_MAXUINT16, &rules_version, error)
      || !read_bool (&assessment, "red-flag", &entry->red_flag, error)
      || !read_object (&assessment, "answers", TRUE, &answers, error)
      || !read_object (&assessment, "findings", TRUE, &findings, error))
    return FALSE;
  /* The rules are numbered from 1, and the store holds to that. */
  if (rules_version < 1)
    {
      g_autofree char *pointer = pointer_to (&assessment, "rules-version");
      return fail (scope->reader, pointer, BS_ERROR_RANGE, error,
                   _("entry %u: “%s” must be from 1 to %d"), scope->index, "rules-version",
                   G_MAXUINT16);
    }

  entry->outcome = BS_OUTCOME_COMPLETED;
  entry->rules_version = (guint) rules_version;
  if (!read_embedded (&assessment, "answers", answers, &entry->answers_json, error)
      || !read_embedded (&assessment, "findings", findings, &entry->findings_json, error))
    return FALSE;

  /* The answers are read again whenever the entry is shown: refuse them
   * now rather than keep something that never reads. */
  if (!bs_answers_from_json (entry->answers_json, -1, &parsed, &answers_error))
    {
      g_autofree char *pointer = pointer_to (&assessment, "answers");
      return fail (scope->reader, pointer, BS_ERROR_INVALID, error,
                   _("entry %u: the answers do not read: %s"), scope->index,
                   answers_error->message);
    }
  return TRUE;
}

static BsHistoryEntry *
read_entry (Reader      *reader,
            JsonNode    *node,
            guint        index,
            GError     **error)
{
  g_autofree char *pointer = g_strdup_printf ("/entries/%u", index);
  g_autoptr(BsHistoryEntry) entry = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *note = NULL;
  Scope scope = { reader, NULL, pointer, index + 1 };
  BsHistoryKind parsed_kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, pointer, BS_ERROR_TYPE, error, _("entry %u must be an object"), index + 1);
      return NULL;
    }
  scope.object = json_node_get_object (node);

  if (!read_string (&scope, "uuid", TRUE, &uuid, error)
      || !read_string (&scope, "kind", TRUE, &kind, error)
      || !read_string (&scope, "note", FALSE, &note, error))
    return NULL;
  if (!g_uuid_string_is_valid (uuid))
    {
      g_autofree char *member_pointer = pointer_to (&scope, "uuid");
      fail (reader, member_pointer, BS_ERROR_INVALID, error,
            _("entry %u: “uuid” must be a UUID such as 0b6a2d3e-6f5c-4c1e-9a57-2f0d5b7f8e21"),
            index + 1);
      return NULL;
    }
  if (!bs_history_kind_from_string (kind, &parsed_kind))
    {
      g_autofree char *member_pointer = pointer_to (&scope, "kind");
      fail (reader, member_pointer, BS_ERROR_INVALID, error,
            _("entry %u: “kind” must be “session” or “assessment”"), index + 1);
      return NULL;
    }

  entry = bs_history_entry_new_empty (parsed_kind);
  g_free (entry->uuid);
  entry->uuid = g_ascii_strdown (uuid, -1);
  bs_history_entry_set_note (entry, note);
  if (!read_time (&scope, "started-at", &entry->started_at, error)
      || !read_time (&scope, "ended-at", &entry->ended_at, error))
    return NULL;

  if (parsed_kind == BS_HISTORY_SESSION ? !read_session (&scope, entry, error)
                                        : !read_assessment (&scope, entry, error))
    return NULL;
  return g_steal_pointer (&entry);
}

/**
 * bs_history_parse_json:
 * @bytes: an export file's contents
 * @display_name: the name to use in messages
 *
 * Returns: (transfer full) (element-type BsHistoryEntry): the entries, not
 *   stored, or %NULL with @error naming the file, the place and the rule
 */
GPtrArray *
bs_history_parse_json (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BsJsonLocator) locator = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  Reader reader = { display_name, NULL };
  JsonObject *root;
  JsonNode *format, *list;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || data == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE, _("%s: the file is empty"), display_name);
      return NULL;
    }
  if (size > BS_HISTORY_EXPORT_MAX_SIZE)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE,
                   _("%s: the file is larger than a Backstay export can be (%d MiB at most)"),
                   display_name, BS_HISTORY_EXPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  /* json-glib's parser recurses without a limit. */
  if (bs_json_nesting_depth (data, size, MAX_NESTING) > MAX_NESTING)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE,
                   _("%s: the file is nested more than %d levels deep; no export is"),
                   display_name, MAX_NESTING);
      return NULL;
    }
  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE, _("%s: the file is not UTF-8 text"),
                   display_name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      const char *rest = local_error->message;
      g_autofree char *valid = NULL;

      if (g_str_has_prefix (rest, "<data>:"))
        rest += strlen ("<data>:");
      valid = g_utf8_make_valid (rest, -1);
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE, "%s:%s", display_name, valid);
      return NULL;
    }

  locator = bs_json_locator_new (data, size);
  reader.locator = locator;

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fail (&reader, "", BS_ERROR_FORMAT, error, _("this is not a Backstay history export"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  format = json_object_get_member (root, "format");
  list = json_object_get_member (root, "entries");
  if (format == NULL || list == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_INT64 || !JSON_NODE_HOLDS_ARRAY (list))
    {
      fail (&reader, "", BS_ERROR_FORMAT, error, _("this is not a Backstay history export"));
      return NULL;
    }
  if (json_node_get_int (format) != BS_HISTORY_EXPORT_FORMAT)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (format));

      fail (&reader, "/format", BS_ERROR_FORMAT, error,
            _("export format %s is not supported; this version reads format %d"),
            found, BS_HISTORY_EXPORT_FORMAT);
      return NULL;
    }

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      BsHistoryEntry *entry = read_entry (&reader, json_array_get_element (json_node_get_array (list), i),
                                          i, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

/**
 * bs_history_read_json_file:
 *
 * Returns: (transfer full) (element-type BsHistoryEntry): as
 *   bs_history_parse_json(), named by the file's base name
 */
GPtrArray *
bs_history_read_json_file (GFile   *file,
                           GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > BS_HISTORY_EXPORT_MAX_SIZE)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE,
                   _("%s: the file is larger than a Backstay export can be (%d MiB at most)"),
                   name, BS_HISTORY_EXPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return bs_history_parse_json (bytes, name, error);
}
