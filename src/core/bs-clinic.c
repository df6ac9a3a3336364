/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bs-clinic.h"
#include "bs-format.h"
#include "bs-history-csv.h"

/*
 * A clinic's history: an ordinary history file whose entries each carry
 * the patient code the therapist typed.  What the administrator does with
 * it: list the patients, take one patient's results, export everything as
 * one spreadsheet, forget a patient.
 */

typedef struct
{
  guint n_results;
  GDateTime *last_visit;      /* not owned: the entry's */
} Tally;

static int
compare_patients (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  BsClinicPatient *pa = (BsClinicPatient *) a;
  BsClinicPatient *pb = (BsClinicPatient *) b;
  GDateTime *ta = bs_clinic_patient_get_last_visit (pa);
  GDateTime *tb = bs_clinic_patient_get_last_visit (pb);
  int order = g_date_time_compare (tb, ta);

  return order != 0 ? order : g_strcmp0 (bs_clinic_patient_get_code (pa),
                                         bs_clinic_patient_get_code (pb));
}

/**
 * bs_clinic_list_patients:
 * @entries: #BsHistoryEntry items: a clinic's history
 *
 * Every patient code in @entries, with how many results it has and its
 * last visit, the patient seen most recently first.  Entries without a
 * code are left out.
 *
 * Returns: (transfer full): a list model of #BsClinicPatient
 */
GListModel *
bs_clinic_list_patients (GListModel *entries)
{
  g_autoptr(GHashTable) tallies = NULL;
  GListStore *patients;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries, i);
      const char *code = bs_history_entry_get_patient_code (entry);
      GDateTime *when = bs_history_entry_get_started_at (entry);
      Tally *tally;

      if (code == NULL)
        continue;
      tally = g_hash_table_lookup (tallies, code);
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          /* The code lives in the entry, which @entries keeps. */
          g_hash_table_insert (tallies, (char *) code, tally);
        }
      tally->n_results++;
      if (tally->last_visit == NULL || g_date_time_compare (when, tally->last_visit) > 0)
        tally->last_visit = when;
    }

  patients = g_list_store_new (BS_TYPE_CLINIC_PATIENT);
  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Tally *tally = value;
      g_autoptr(BsClinicPatient) patient = bs_clinic_patient_new (key, tally->n_results,
                                                                  tally->last_visit);

      g_list_store_insert_sorted (patients, patient, compare_patients, NULL);
    }
  return G_LIST_MODEL (patients);
}

/**
 * bs_clinic_dup_entries_of:
 * @entries: #BsHistoryEntry items
 * @code: a patient code
 *
 * Returns: (transfer full): a list model of the entries kept under @code,
 *   in the order of @entries
 */
GListModel *
bs_clinic_dup_entries_of (GListModel *entries,
                          const char *code)
{
  GListStore *store;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (bs_history_entry_get_patient_code (entry), code) == 0)
        g_list_store_append (store, entry);
    }
  return G_LIST_MODEL (store);
}

/* Spreadsheet */

static void
append_row (GString           *csv,
            const char * const values[],
            guint              n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *field = bs_csv_field (values[i]);

      if (i > 0)
        g_string_append_c (csv, ',');
      g_string_append (csv, field);
    }
  g_string_append (csv, "\r\n");
}

static const char *
kind_name (BsHistoryEntry *entry)
{
  if (bs_history_entry_get_kind (entry) == BS_HISTORY_ASSESSMENT)
    return "assessment";
  return bs_history_entry_get_scored (entry) ? "core-test" : "routine";
}

static char *
local_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* The names in one member of the findings, joined with ";", without the
 * prefix every name of the member shares ("red-flag-numbness" is
 * "numbness" under "red flags:"). */
static char *
join_names (JsonObject *findings,
            const char *member,
            const char *prefix)
{
  GString *joined = g_string_new (NULL);
  JsonArray *array;

  if (findings == NULL || !json_object_has_member (findings, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (findings, member)))
    return g_string_free (joined, FALSE);
  array = json_object_get_array_member (findings, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      name = json_node_get_string (node);
      if (g_str_has_prefix (name, prefix))
        name += strlen (prefix);
      if (joined->len > 0)
        g_string_append_c (joined, ';');
      g_string_append (joined, name);
    }
  return g_string_free (joined, FALSE);
}

static char *
assessment_result (BsHistoryEntry *entry)
{
  const char *json = bs_history_entry_get_findings_json (entry);
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;
  JsonObject *findings = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                         ? json_node_get_object (node) : NULL;
  g_autofree char *names = NULL;

  if (bs_history_entry_get_red_flag (entry))
    {
      names = join_names (findings, "red-flags", "red-flag-");
      return g_strdup_printf ("red flags: %s", names);
    }
  names = join_names (findings, "risks", "risk-");
  if (*names == '\0')
    return g_strdup ("no risk factors");
  return g_strdup_printf ("risks: %s", names);
}

static char *
session_result (BsHistoryEntry *entry)
{
  guint held = (guint) (bs_history_entry_get_held_ms (entry) / 1000);
  g_autofree char *held_text = NULL;
  g_autofree char *target_text = NULL;

  if (!bs_history_entry_get_scored (entry))
    return g_strdup_printf ("%u of %u sets done", bs_history_entry_get_stages_done (entry),
                            bs_history_entry_get_n_stages (entry));

  held_text = bs_format_clock (held);
  target_text = bs_format_clock (bs_history_entry_get_target_seconds (entry));
  return g_strdup_printf ("held %s of %s, stage %u of %u", held_text, target_text,
                          bs_history_entry_get_stage_reached (entry),
                          bs_history_entry_get_n_stages (entry));
}

static int
compare_for_sheet (gconstpointer a,
                   gconstpointer b)
{
  BsHistoryEntry *ea = *(BsHistoryEntry **) a;
  BsHistoryEntry *eb = *(BsHistoryEntry **) b;
  int order = g_strcmp0 (bs_history_entry_get_patient_code (ea),
                         bs_history_entry_get_patient_code (eb));

  if (order != 0)
    return order;
  return g_date_time_compare (bs_history_entry_get_started_at (ea),
                              bs_history_entry_get_started_at (eb));
}

/**
 * bs_clinic_dup_csv:
 * @entries: #BsHistoryEntry items: a clinic's history
 *
 * The whole clinic as one table, one row per entry, sorted by patient code
 * and then by time: patient_code, date_time (ISO 8601, local time with its
 * offset), kind (core-test, routine or assessment), routine (or
 * "Self-assessment"), outcome, and the result ("held 2:12 of 3:00, stage 5
 * of 8", "12 of 21 sets done", or the names of the warning signs or risk
 * factors found).  Like the personal history's tables, its words are the
 * file's format and are not translated.  RFC 4180, with a header row.
 *
 * Returns: (transfer full): the CSV text, UTF-8
 */
char *
bs_clinic_dup_csv (GListModel *entries)
{
  static const char * const header[] = {
    "patient_code", "date_time", "kind", "routine", "outcome", "result",
  };
  g_autoptr(GPtrArray) sorted = NULL;
  GString *csv;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  n = g_list_model_get_n_items (entries);
  sorted = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (entries, i));
  /* Stable, so that two entries of the same second keep their order. */
  g_ptr_array_sort (sorted, compare_for_sheet);

  csv = g_string_new (NULL);
  append_row (csv, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < sorted->len; i++)
    {
      BsHistoryEntry *entry = g_ptr_array_index (sorted, i);
      gboolean assessment = bs_history_entry_get_kind (entry) == BS_HISTORY_ASSESSMENT;
      g_autofree char *when = local_time (bs_history_entry_get_started_at (entry));
      g_autofree char *result = assessment ? assessment_result (entry) : session_result (entry);
      const char *values[] = {
        bs_history_entry_get_patient_code (entry),
        when,
        kind_name (entry),
        assessment ? "Self-assessment" : bs_history_entry_get_routine_name (entry),
        bs_outcome_to_string (bs_history_entry_get_outcome (entry)),
        result,
      };

      append_row (csv, values, G_N_ELEMENTS (values));
    }
  return g_string_free (csv, FALSE);
}

/**
 * bs_clinic_export_csv:
 * @entries: #BsHistoryEntry items: a clinic's history
 * @file: the spreadsheet to write
 *
 * Writes bs_clinic_dup_csv() to @file, private, through a temporary file
 * renamed over it: a failed export never leaves half a table that looks
 * whole.
 */
gboolean
bs_clinic_export_csv (GListModel  *entries,
                      GFile       *file,
                      GError     **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = bs_clinic_dup_csv (entries);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/**
 * bs_clinic_delete_patient:
 * @store: a clinic's history
 * @code: a patient code
 *
 * Deletes every result kept under @code, in one transaction.
 *
 * Returns: whether they are gone
 */
gboolean
bs_clinic_delete_patient (BsHistory   *store,
                          const char  *code,
                          GError     **error)
{
  g_return_val_if_fail (BS_IS_HISTORY (store), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  return bs_history_remove_patient (store, code, NULL, error);
}
