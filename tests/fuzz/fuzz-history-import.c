/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * libFuzzer target for the history import: bs_history_parse_json(), the
 * reader of the export files people carry between computers and hand to
 * others' software, then bs_history_import() into a store.
 *
 * The reader must refuse any file it cannot use with one error that names
 * the file, and the store must then take every entry the reader let
 * through: an import is all or nothing, so a file the reader accepts and
 * the store refuses would be one the person can never bring back.  What
 * is read must also write out again and read back the same.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <gio/gio.h>

#include "bs-error.h"
#include "bs-fuzz-check.h"
#include "bs-history.h"
#include "bs-history-entry.h"
#include "bs-history-json.h"

/* Two names, so that a display name used as a format string shows up as a
 * crash (the "%n") rather than going unnoticed. */
#define PLAIN_NAME "export.json"
#define PERCENT_NAME "export-%s%n.json"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_entry (BsHistoryEntry *entry)
{
  BsHistoryKind kind = bs_history_entry_get_kind (entry);
  BsOutcome outcome = bs_history_entry_get_outcome (entry);

  FUZZ_CHECK (g_uuid_string_is_valid (bs_history_entry_get_uuid (entry)));
  FUZZ_CHECK (kind == BS_HISTORY_SESSION || kind == BS_HISTORY_ASSESSMENT);
  FUZZ_CHECK (bs_history_entry_get_started_at (entry) != NULL);
  FUZZ_CHECK (bs_history_entry_get_note (entry) != NULL);
  FUZZ_CHECK (g_utf8_validate (bs_history_entry_get_note (entry), -1, NULL));
  /* Nothing read from a file is still running. */
  FUZZ_CHECK (outcome == BS_OUTCOME_COMPLETED || outcome == BS_OUTCOME_STOPPED_EARLY ||
              outcome == BS_OUTCOME_INTERRUPTED);
}

/* Parses once and checks the contract; returns the message with the
 * display name taken off, or NULL when the file was accepted. */
static char *
parse_once (GBytes      *bytes,
            const char  *display_name,
            GPtrArray  **entries)
{
  g_autoptr(GError) error = NULL;

  *entries = bs_history_parse_json (bytes, display_name, &error);
  FUZZ_CHECK ((*entries == NULL) != (error == NULL));
  if (*entries != NULL)
    return NULL;

  FUZZ_CHECK (error->domain == BS_ERROR);
  FUZZ_CHECK (error->message != NULL);
  FUZZ_CHECK (g_str_has_prefix (error->message, display_name));
  FUZZ_CHECK (error->message[strlen (display_name)] == ':');
  FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
  return g_strdup (error->message + strlen (display_name));
}

static char *
export (GPtrArray *entries)
{
  g_autoptr(GListStore) store = g_list_store_new (BS_TYPE_HISTORY_ENTRY);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (1767225600);

  for (guint i = 0; i < entries->len; i++)
    g_list_store_append (store, g_ptr_array_index (entries, i));
  return bs_history_export_json (G_LIST_MODEL (store), when);
}

/* Written out and read back, the entries say the same, and writing them
 * again gives the same text. */
static void
check_round_trip (GPtrArray *entries)
{
  g_autofree char *written = export (entries);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (written), strlen (written));
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *message = NULL;
  g_autofree char *rewritten = NULL;

  message = parse_once (bytes, PLAIN_NAME, &again);
  if (message != NULL)
    g_printerr ("the export of an accepted file is refused: %s\n", message);
  FUZZ_CHECK (message == NULL);
  FUZZ_CHECK (again->len == entries->len);
  rewritten = export (again);
  FUZZ_CHECK (g_strcmp0 (written, rewritten) == 0);
}

/* The store takes everything the reader accepted, skipping only what it
 * holds already (an export can list a uuid twice). */
static void
check_import (GPtrArray *entries)
{
  static BsHistory *history = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = G_MAXUINT;

  /* One store for the whole run: making one costs more than a parse. */
  if (history == NULL)
    history = bs_history_new_in_memory ();

  if (!bs_history_import (history, entries, &n_added, &error))
    g_printerr ("the store refuses what the reader accepted: %s\n", error->message);
  FUZZ_CHECK (error == NULL);
  FUZZ_CHECK (n_added >= (entries->len > 0 ? 1 : 0) && n_added <= entries->len);
  FUZZ_CHECK (g_list_model_get_n_items (bs_history_get_entries (history)) == n_added);
  for (guint i = 0; i < entries->len; i++)
    FUZZ_CHECK (bs_history_find_uuid (history,
                                      bs_history_entry_get_uuid (g_ptr_array_index (entries, i)))
                != NULL);

  FUZZ_CHECK (bs_history_clear (history, &error));
  FUZZ_CHECK (g_list_model_get_n_items (bs_history_get_entries (history)) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* g_bytes_new() copies into a block of exactly @size bytes, so a read past
   * the end is caught by AddressSanitizer instead of landing on a NUL. */
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) plain_entries = NULL;
  g_autoptr(GPtrArray) percent_entries = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *percent = NULL;

  fuzz_init_once ();

  plain = parse_once (bytes, PLAIN_NAME, &plain_entries);
  percent = parse_once (bytes, PERCENT_NAME, &percent_entries);
  /* The display name must not change the verdict or the rest of the
   * message. */
  FUZZ_CHECK (g_strcmp0 (plain, percent) == 0);
  if (plain_entries == NULL)
    return 0;

  FUZZ_CHECK (plain_entries->len == percent_entries->len);
  for (guint i = 0; i < plain_entries->len; i++)
    check_entry (g_ptr_array_index (plain_entries, i));
  check_round_trip (plain_entries);
  check_import (plain_entries);
  return 0;
}
