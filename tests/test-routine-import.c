/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "bs-error.h"
#include "bs-routine-import.h"
#include "bs-routine-library.h"

/*
 * Import, export, delete and restore of the user's routines, on real files.
 * Every test runs with its own XDG folders (G_TEST_OPTION_ISOLATE_DIRS), so
 * the routines folder starts missing; the files to import are written to
 * the test's own cache folder.
 */

static char *
routine_text (const char *id,
              const char *name,
              guint       seconds)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": 1,\n"
                          "  \"comment\": \"written by hand\",\n"
                          "  \"id\": \"%s\",\n"
                          "  \"name\": \"%s\",\n"
                          "  \"description\": \"Deux étirements, tenus longtemps.\",\n"
                          "  \"levels\": [0, 5],\n"
                          "  \"steps\": [\n"
                          "    { \"name\": \"Hamstring wall stretch\", \"seconds\": %u },\n"
                          "    { \"name\": \"Piriformis stretch\", \"side\": \"left\",\n"
                          "      \"seconds\": 30, \"comment\": \"then the right\" }\n"
                          "  ]\n"
                          "}\n",
                          id, name, seconds);
}

static GFile *
write_source (const char *name,
              const char *data,
              gssize      length)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "sources", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static char *
routines_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "backstay", "routines", name, NULL);
}

static GBytes *
read_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static GBytes *
read_stored (const char *name)
{
  g_autofree char *path = routines_path (name);

  return read_path (path);
}

static GBytes *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return read_path (path);
}

static void
assert_bytes_equal (GBytes     *bytes,
                    const char *expected,
                    gssize      length)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (length < 0)
    length = strlen (expected);
  g_assert_cmpmem (data, size, expected, length);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The routines folder's file names, sorted, joined by spaces ("" when the
 * folder is missing or empty).  Also checks that nothing but routines is
 * left there: no temporary files from an atomic write. */
static char *
list_routines_dir (void)
{
  g_autofree char *path = routines_path (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_no_temporary_files (void)
{
  g_autofree char *listing = list_routines_dir ();
  g_auto(GStrv) names = g_strsplit (listing, " ", -1);

  for (guint i = 0; names[i] && names[i][0]; i++)
    if (!g_str_has_suffix (names[i], BS_ROUTINE_FILE_SUFFIX))
      g_error ("left in the routines folder: %s", names[i]);
}

static char *
import_text (BsRoutineLibrary *library,
             const char       *source_name,
             const char       *text,
             BsImportAction    action)
{
  g_autoptr(GFile) source = write_source (source_name, text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutineImport) import = bs_routine_import_prepare (library, source, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_true (bs_routine_import_commit (import, action, &error));
  g_assert_no_error (error);
  return g_strdup (bs_routine_import_get_saved_id (import));
}

static JsonNode *
parse_bytes (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  json_parser_load_from_data (parser, data, (gssize) size, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_import_new (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  g_autoptr(BsRoutineLibrary) later = NULL;
  g_autofree char *text = routine_text ("evening-stretch", "Evening stretch", 60);
  g_autoptr(GFile) source = write_source ("stretch.backstay.json", text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutineImport) import = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *dir = routines_path (NULL);
  g_autofree char *file = routines_path ("evening-stretch.backstay.json");
  GStatBuf st;
  BsRoutine *routine;
  guint n_before = g_list_model_get_n_items (bs_routine_library_get_model (library));

  g_assert_cmpuint (bs_routine_library_get_load_errors (library)->len, ==, 0);

  import = bs_routine_import_prepare (library, source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_get_id (bs_routine_import_get_routine (import)), ==,
                   "evening-stretch");
  g_assert_null (bs_routine_import_get_conflict (import));
  g_assert_false (bs_routine_import_conflict_is_bundled (import));
  g_assert_null (bs_routine_import_get_saved_id (import));
  /* Preparing writes nothing. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  g_assert_true (bs_routine_import_commit (import, BS_IMPORT_ACTION_KEEP_BOTH, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_import_get_saved_id (import), ==, "evening-stretch");

  listing = list_routines_dir ();
  g_assert_cmpstr (listing, ==, "evening-stretch.backstay.json");
  stored = read_stored ("evening-stretch.backstay.json");
  assert_bytes_equal (stored, text, -1);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  routine = bs_routine_library_lookup (library, "evening-stretch");
  g_assert_nonnull (routine);
  g_assert_cmpstr (bs_routine_get_name (routine), ==, "Evening stretch");
  g_assert_cmpuint (bs_routine_get_n_steps (routine), ==, 2);
  g_assert_false (bs_routine_library_is_bundled (library, "evening-stretch"));
  g_assert_cmpuint (g_list_model_get_n_items (bs_routine_library_get_model (library)), ==,
                    n_before + 1);
  {
    GFile *stored_file = bs_routine_library_get_user_file (library, "evening-stretch");
    g_autofree char *basename = g_file_get_basename (stored_file);

    g_assert_cmpstr (basename, ==, "evening-stretch.backstay.json");
  }

  /* It is there for the next start too. */
  later = bs_routine_library_new ();
  g_assert_nonnull (bs_routine_library_lookup (later, "evening-stretch"));
  assert_no_temporary_files ();
}

static void
test_import_conflict_reported (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  g_autofree char *first = routine_text ("evening-stretch", "Evening stretch", 60);
  g_autofree char *second = routine_text ("evening-stretch", "Evening stretch, longer", 90);
  g_autofree char *id = import_text (library, "first.backstay.json", first,
                                     BS_IMPORT_ACTION_KEEP_BOTH);
  g_autoptr(GFile) source = write_source ("second.backstay.json", second, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutineImport) import = bs_routine_import_prepare (library, source, &error);
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *listing = NULL;
  BsRoutine *conflict;

  g_assert_no_error (error);
  conflict = bs_routine_import_get_conflict (import);
  g_assert_nonnull (conflict);
  g_assert_true (conflict == bs_routine_library_lookup (library, "evening-stretch"));
  g_assert_cmpstr (bs_routine_get_name (conflict), ==, "Evening stretch");
  g_assert_cmpstr (bs_routine_get_name (bs_routine_import_get_routine (import)), ==,
                   "Evening stretch, longer");
  g_assert_false (bs_routine_import_conflict_is_bundled (import));

  /* Not committed: the stored routine is as it was. */
  listing = list_routines_dir ();
  g_assert_cmpstr (listing, ==, "evening-stretch.backstay.json");
  stored = read_stored ("evening-stretch.backstay.json");
  assert_bytes_equal (stored, first, -1);
}

static void
test_import_replace (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  g_autofree char *first = routine_text ("evening-stretch", "Evening stretch", 60);
  g_autofree char *second = routine_text ("evening-stretch", "Evening stretch, longer", 90);
  g_autofree char *id1 = import_text (library, "first.backstay.json", first,
                                      BS_IMPORT_ACTION_KEEP_BOTH);
  g_autofree char *id2 = import_text (library, "second.backstay.json", second,
                                      BS_IMPORT_ACTION_REPLACE);
  g_autoptr(GBytes) stored = read_stored ("evening-stretch.backstay.json");
  g_autofree char *listing = list_routines_dir ();
  BsRoutine *routine = bs_routine_library_lookup (library, "evening-stretch");

  g_assert_cmpstr (id2, ==, "evening-stretch");
  g_assert_cmpstr (listing, ==, "evening-stretch.backstay.json");
  assert_bytes_equal (stored, second, -1);
  g_assert_nonnull (routine);
  g_assert_cmpstr (bs_routine_get_name (routine), ==, "Evening stretch, longer");
  g_assert_cmpuint (bs_step_get_seconds (bs_routine_get_step (routine, 0)), ==, 90);
  assert_no_temporary_files ();
}

static void
assert_copy (BsRoutineLibrary *library,
             const char       *source_text,
             const char       *id,
             const char       *name)
{
  g_autofree char *file_name = g_strconcat (id, BS_ROUTINE_FILE_SUFFIX, NULL);
  g_autoptr(GBytes) source = g_bytes_new (source_text, strlen (source_text));
  g_autoptr(GBytes) stored = read_stored (file_name);
  g_autoptr(JsonNode) before = parse_bytes (source);
  g_autoptr(JsonNode) after = parse_bytes (stored);
  JsonObject *b = json_node_get_object (before), *a = json_node_get_object (after);
  g_autoptr(GList) members_before = json_object_get_members (b);
  g_autoptr(GList) members_after = json_object_get_members (a);
  BsRoutine *routine = bs_routine_library_lookup (library, id);

  g_assert_nonnull (routine);
  g_assert_cmpstr (bs_routine_get_name (routine), ==, name);
  g_assert_cmpstr (json_object_get_string_member (a, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (a, "name"), ==, name);

  /* Everything else is as it was, in the same order. */
  g_assert_cmpuint (g_list_length (members_before), ==, g_list_length (members_after));
  for (GList *l = members_before, *m = members_after; l; l = l->next, m = m->next)
    {
      g_assert_cmpstr (l->data, ==, m->data);
      if (g_str_equal (l->data, "id") || g_str_equal (l->data, "name"))
        continue;
      g_assert_true (json_node_equal (json_object_get_member (b, l->data),
                                      json_object_get_member (a, l->data)));
    }
  g_assert_cmpstr (json_object_get_string_member (a, "comment"), ==, "written by hand");
  g_assert_cmpstr (json_object_get_string_member (a, "description"), ==,
                   "Deux étirements, tenus longtemps.");
}

static void
test_import_keep_both (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  g_autofree char *first = routine_text ("evening-stretch", "Evening stretch", 60);
  g_autofree char *second = routine_text ("evening-stretch", "Evening stretch", 90);
  g_autofree char *third = routine_text ("evening-stretch", "Evening stretch", 120);
  g_autofree char *id1 = import_text (library, "a.backstay.json", first,
                                      BS_IMPORT_ACTION_KEEP_BOTH);
  g_autofree char *id2 = import_text (library, "b.backstay.json", second,
                                      BS_IMPORT_ACTION_KEEP_BOTH);
  g_autofree char *id3 = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GBytes) original = NULL;
  BsRoutine *copy;

  g_assert_cmpstr (id1, ==, "evening-stretch");
  g_assert_cmpstr (id2, ==, "evening-stretch-2");
  assert_copy (library, second, "evening-stretch-2", "Evening stretch (2)");
  copy = bs_routine_library_lookup (library, "evening-stretch-2");
  g_assert_cmpuint (bs_step_get_seconds (bs_routine_get_step (copy, 0)), ==, 90);

  id3 = import_text (library, "c.backstay.json", third, BS_IMPORT_ACTION_KEEP_BOTH);
  g_assert_cmpstr (id3, ==, "evening-stretch-3");
  assert_copy (library, third, "evening-stretch-3", "Evening stretch (3)");

  listing = list_routines_dir ();
  g_assert_cmpstr (listing, ==, "evening-stretch-2.backstay.json evening-stretch-3.backstay.json "
                                "evening-stretch.backstay.json");
  original = read_stored ("evening-stretch.backstay.json");
  assert_bytes_equal (original, first, -1);
  g_assert_cmpstr (bs_routine_get_name (bs_routine_library_lookup (library, "evening-stretch")), ==,
                   "Evening stretch");
  assert_no_temporary_files ();
}

/* A copy's id stays within the 64 characters an id may have. */
static void
test_import_keep_both_long_id (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  g_autofree char *long_id = g_strnfill (64, 'a');
  g_autofree char *text = routine_text (long_id, "Long", 60);
  g_autofree char *id1 = import_text (library, "a.backstay.json", text,
                                      BS_IMPORT_ACTION_KEEP_BOTH);
  g_autofree char *id2 = import_text (library, "b.backstay.json", text,
                                      BS_IMPORT_ACTION_KEEP_BOTH);
  g_autofree char *shortened = g_strnfill (62, 'a');
  g_autofree char *expected = g_strconcat (shortened, "-2", NULL);

  g_assert_cmpstr (id1, ==, long_id);
  g_assert_cmpuint (strlen (id2), ==, 64);
  g_assert_true (bs_routine_id_is_valid (id2));
  g_assert_cmpstr (id2, ==, expected);
  g_assert_nonnull (bs_routine_library_lookup (library, id2));
}

static void
test_import_bundled_conflict (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  g_autofree char *text = routine_text ("core-test", "My own core test", 45);
  g_autoptr(GFile) source = write_source ("core.backstay.json", text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutineImport) import = bs_routine_import_prepare (library, source, &error);
  BsRoutine *bundled = bs_routine_library_lookup (library, "core-test");
  g_autofree char *listing = NULL;
  BsRoutine *copy;

  g_assert_no_error (error);
  g_assert_true (bs_routine_import_get_conflict (import) == bundled);
  g_assert_true (bs_routine_import_conflict_is_bundled (import));
  g_assert_true (bs_routine_library_is_bundled (library, "core-test"));

  g_assert_false (bs_routine_import_commit (import, BS_IMPORT_ACTION_REPLACE, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be replaced"));
  g_clear_error (&error);
  listing = list_routines_dir ();
  g_assert_cmpstr (listing, ==, "");
  g_assert_null (bs_routine_import_get_saved_id (import));
  g_assert_true (bs_routine_library_lookup (library, "core-test") == bundled);

  g_assert_true (bs_routine_import_commit (import, BS_IMPORT_ACTION_KEEP_BOTH, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_import_get_saved_id (import), ==, "core-test-2");
  assert_copy (library, text, "core-test-2", "My own core test (2)");
  copy = bs_routine_library_lookup (library, "core-test-2");
  g_assert_cmpuint (bs_routine_get_n_steps (copy), ==, 2);
  g_assert_false (bs_routine_library_is_bundled (library, "core-test-2"));

  /* The bundled routine is untouched and the same object as before. */
  g_assert_true (bs_routine_library_lookup (library, "core-test") == bundled);
  g_assert_cmpstr (bs_routine_get_name (bundled), ==, "Core strength test");
  g_assert_cmpuint (bs_routine_get_n_steps (bundled), ==, 8);
  assert_no_temporary_files ();
}

typedef struct
{
  const char *file;
  BsError code;
  gboolean has_position;  /* whether the loader can say where */
  const char *contains;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "bad-json.backstay.json", BS_ERROR_PARSE, TRUE, "" },
  { "no-steps.backstay.json", BS_ERROR_MISSING, TRUE, "“steps” is missing" },
  { "bad-seconds.backstay.json", BS_ERROR_RANGE, TRUE, "step 2: “seconds” must be" },
  { "latin-1.backstay.json", BS_ERROR_PARSE, FALSE, "not UTF-8" },
  { "huge.backstay.json", BS_ERROR_PARSE, FALSE, "larger than a routine can be" },
  { "absent.backstay.json", BS_ERROR_IO, FALSE, "" },
};

static GFile *
write_invalid (const InvalidCase *c)
{
  if (g_str_equal (c->file, "bad-json.backstay.json"))
    return write_source (c->file, "{\n  \"format\": 1,\n  \"id\": \"x\",,\n}\n", -1);
  if (g_str_equal (c->file, "no-steps.backstay.json"))
    return write_source (c->file, "{ \"format\": 1, \"id\": \"x\", \"name\": \"X\" }\n", -1);
  if (g_str_equal (c->file, "bad-seconds.backstay.json"))
    return write_source (c->file,
                         "{ \"format\": 1, \"id\": \"x\", \"name\": \"X\", \"steps\": [\n"
                         "  { \"name\": \"A\", \"seconds\": 10 },\n"
                         "  { \"name\": \"B\", \"seconds\": 0 }\n"
                         "] }\n", -1);
  if (g_str_equal (c->file, "latin-1.backstay.json"))
    return write_source (c->file,
                         "{ \"format\": 1, \"id\": \"x\", \"name\": \"Caf\xe9\", \"steps\": [\n"
                         "  { \"name\": \"A\", \"seconds\": 10 } ] }\n", -1);
  if (g_str_equal (c->file, "huge.backstay.json"))
    {
      /* Valid JSON, but 2 MiB of it. */
      gsize size = 2 * 1024 * 1024;
      g_autofree char *text = routine_text ("huge", "Huge", 60);
      g_autofree char *data = g_malloc (size);

      memset (data, ' ', size);
      memcpy (data, text, strlen (text));
      return write_source (c->file, data, (gssize) size);
    }
  {
    g_autofree char *path = g_build_filename (g_get_user_cache_dir (), c->file, NULL);
    return g_file_new_for_path (path);
  }
}

static void
test_import_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  g_autofree char *good = routine_text ("evening-stretch", "Evening stretch", 60);
  g_autofree char *id = import_text (library, "good.backstay.json", good,
                                     BS_IMPORT_ACTION_KEEP_BOTH);
  g_autofree char *before = list_routines_dir ();
  guint n_before = g_list_model_get_n_items (bs_routine_library_get_model (library));
  g_autoptr(GFile) source = write_invalid (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutineImport) import = bs_routine_import_prepare (library, source, &error);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) stored = NULL;

  g_assert_null (import);
  g_assert_error (error, BS_ERROR, (int) c->code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, c->file));
  g_assert_nonnull (strstr (error->message, c->contains));
  if (c->has_position)
    {
      g_autofree char *escaped = g_regex_escape_string (c->file, -1);
      g_autofree char *pattern = g_strdup_printf ("^%s:[0-9]+:[0-9]+: ", escaped);
      g_assert_true (g_regex_match_simple (pattern, error->message, 0, 0));
    }

  after = list_routines_dir ();
  g_assert_cmpstr (after, ==, before);
  stored = read_stored ("evening-stretch.backstay.json");
  assert_bytes_equal (stored, good, -1);
  g_assert_cmpuint (g_list_model_get_n_items (bs_routine_library_get_model (library)), ==,
                    n_before);
  g_assert_null (bs_routine_library_lookup (library, "x"));
  g_assert_null (bs_routine_library_lookup (library, "huge"));
}

static void
test_export_round_trip (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  g_autofree char *text = routine_text ("evening-stretch", "Evening stretch", 60);
  g_autofree char *id = import_text (library, "stretch.backstay.json", text,
                                     BS_IMPORT_ACTION_KEEP_BOTH);
  g_autofree char *out_dir = g_build_filename (g_get_user_cache_dir (), "exported", NULL);
  g_autofree char *user_path = g_build_filename (out_dir, "evening.backstay.json", NULL);
  g_autofree char *core_path = g_build_filename (out_dir, "core.backstay.json", NULL);
  g_autoptr(GFile) user_out = g_file_new_for_path (user_path);
  g_autoptr(GFile) core_out = g_file_new_for_path (core_path);
  g_autoptr(GBytes) bundled = g_resources_lookup_data (RESOURCE_BASE "/routines/core-test.json",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutineImport) again = NULL;
  g_autoptr(BsRoutineImport) core_again = NULL;
  g_autofree char *listing = NULL;
  BsRoutine *copy;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  /* An existing destination is replaced. */
  g_assert_true (g_file_set_contents (user_path, "old", -1, NULL));

  g_assert_true (bs_routine_export (library, "evening-stretch", user_out, &error));
  g_assert_no_error (error);
  exported = read_file (user_out);
  assert_bytes_equal (exported, text, -1);

  g_assert_true (bs_routine_export (library, "core-test", core_out, &error));
  g_assert_no_error (error);
  g_clear_pointer (&exported, g_bytes_unref);
  exported = read_file (core_out);
  g_assert_true (g_bytes_equal (exported, bundled));

  g_assert_false (bs_routine_export (library, "no-such-routine", core_out, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&exported, g_bytes_unref);
  exported = read_file (core_out);
  g_assert_true (g_bytes_equal (exported, bundled));

  /* The exported user routine comes back as itself. */
  again = bs_routine_import_prepare (library, user_out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bs_routine_import_get_conflict (again));
  g_assert_false (bs_routine_import_conflict_is_bundled (again));
  g_assert_true (bs_routine_import_commit (again, BS_IMPORT_ACTION_REPLACE, &error));
  g_assert_no_error (error);
  stored = read_stored ("evening-stretch.backstay.json");
  assert_bytes_equal (stored, text, -1);

  /* The exported bundled routine loads whole, untranslated, as a copy. */
  core_again = bs_routine_import_prepare (library, core_out, &error);
  g_assert_no_error (error);
  g_assert_true (bs_routine_import_conflict_is_bundled (core_again));
  g_assert_true (bs_routine_import_commit (core_again, BS_IMPORT_ACTION_KEEP_BOTH, &error));
  g_assert_no_error (error);
  copy = bs_routine_library_lookup (library, "core-test-2");
  g_assert_nonnull (copy);
  g_assert_cmpstr (bs_routine_get_name (copy), ==, "Core strength test (2)");
  g_assert_cmpuint (bs_routine_get_n_steps (copy), ==, 8);
  g_assert_cmpuint (bs_routine_get_n_forms (copy), ==, 2);
  g_assert_cmpuint (bs_routine_get_n_levels (copy), ==, 4);
  g_assert_cmpint (bs_routine_get_scoring (copy), ==, BS_SCORING_HOLD_TEST);

  listing = list_routines_dir ();
  g_assert_cmpstr (listing, ==, "core-test-2.backstay.json evening-stretch.backstay.json");
  assert_no_temporary_files ();
  {
    g_autoptr(GDir) dir = g_dir_open (out_dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }
}

static void
test_delete_restore (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  g_autofree char *text = routine_text ("evening-stretch", "Evening stretch", 60);
  g_autofree char *other = routine_text ("morning-stretch", "Morning stretch", 30);
  g_autofree char *id1 = import_text (library, "a.backstay.json", text,
                                      BS_IMPORT_ACTION_KEEP_BOTH);
  g_autofree char *id2 = import_text (library, "b.backstay.json", other,
                                      BS_IMPORT_ACTION_KEEP_BOTH);
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) wrong = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (bs_routine_library_delete (library, "evening-stretch", &previous, &error));
  g_assert_no_error (error);
  assert_bytes_equal (previous, text, -1);
  g_assert_null (bs_routine_library_lookup (library, "evening-stretch"));
  g_assert_nonnull (bs_routine_library_lookup (library, "morning-stretch"));
  listing = list_routines_dir ();
  g_assert_cmpstr (listing, ==, "morning-stretch.backstay.json");

  g_assert_false (bs_routine_library_delete (library, "evening-stretch", NULL, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bs_routine_library_delete (library, "core-test", NULL, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (bs_routine_library_lookup (library, "core-test"));

  /* Contents of another routine are not put back under this id. */
  wrong = g_bytes_new (other, strlen (other));
  g_assert_false (bs_routine_library_restore (library, "evening-stretch", wrong, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (bs_routine_library_restore (library, "evening-stretch", previous, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_get_name (bs_routine_library_lookup (library, "evening-stretch")), ==,
                   "Evening stretch");
  stored = read_stored ("evening-stretch.backstay.json");
  assert_bytes_equal (stored, text, -1);

  /* Restoring twice would make two routines with one id. */
  g_assert_false (bs_routine_library_restore (library, "evening-stretch", previous, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&listing, g_free);
  listing = list_routines_dir ();
  g_assert_cmpstr (listing, ==, "evening-stretch.backstay.json morning-stretch.backstay.json");
  assert_no_temporary_files ();
}

static void
write_user_file (const char *name,
                 const char *text)
{
  g_autofree char *dir = routines_path (NULL);
  g_autofree char *path = routines_path (name);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static gboolean
has_error (GPtrArray  *errors,
           const char *prefix,
           const char *contains)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      if (g_str_has_prefix (error->message, prefix) && strstr (error->message, contains))
        return TRUE;
    }
  return FALSE;
}

/* Broken files are listed, never hide the good ones, and are never touched. */
static void
test_broken_user_files (void)
{
  g_autofree char *alpha = routine_text ("alpha", "Alpha", 20);
  g_autofree char *zulu = routine_text ("zulu", "Zulu", 20);
  g_autofree char *core = routine_text ("core-test", "Shadow", 20);
  g_autofree char *alpha_again = routine_text ("alpha", "Alpha again", 20);
  g_autofree char *mended = routine_text ("broken", "Mended", 20);
  const char *broken = "{ \"format\": 1, \"id\": \"broken\", ]";
  g_autoptr(BsRoutineLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autofree char *id = NULL;
  g_autofree char *listing = NULL;
  GPtrArray *errors;
  BsRoutine *core_test;

  write_user_file ("a.backstay.json", alpha);
  write_user_file ("b.backstay.json", broken);
  write_user_file ("c.backstay.json", core);
  write_user_file ("d.backstay.json", alpha_again);
  write_user_file ("e.backstay.json", zulu);
  write_user_file ("notes.txt", "not a routine");
  write_user_file ("old.json", "not a routine either");

  library = bs_routine_library_new ();
  errors = bs_routine_library_get_load_errors (library);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (errors, i))->message);
  g_assert_cmpuint (errors->len, ==, 3);
  g_assert_true (g_regex_match_simple ("^b\\.backstay\\.json:1:[0-9]+:",
                                       ((GError *) g_ptr_array_index (errors, 0))->message, 0, 0));
  g_assert_true (has_error (errors, "c.backstay.json: ", "comes with Backstay"));
  g_assert_true (has_error (errors, "d.backstay.json: ", "a.backstay.json"));

  g_assert_cmpstr (bs_routine_get_name (bs_routine_library_lookup (library, "alpha")), ==, "Alpha");
  g_assert_nonnull (bs_routine_library_lookup (library, "zulu"));
  core_test = bs_routine_library_lookup (library, "core-test");
  g_assert_cmpstr (bs_routine_get_name (core_test), ==, "Core strength test");
  g_assert_true (bs_routine_library_is_bundled (library, "core-test"));
  g_assert_null (bs_routine_library_get_user_file (library, "core-test"));

  /* Reloading, and importing, leave the broken file as it was. */
  g_assert_true (bs_routine_library_reload (library, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bs_routine_library_get_load_errors (library)->len, ==, 3);
  g_assert_true (bs_routine_library_lookup (library, "core-test") == core_test);

  /* A routine with the id the broken file meant to have goes beside it. */
  id = import_text (library, "new.backstay.json", mended, BS_IMPORT_ACTION_KEEP_BOTH);
  g_assert_cmpstr (id, ==, "broken");
  kept = read_stored ("b.backstay.json");
  assert_bytes_equal (kept, broken, -1);
  g_assert_nonnull (bs_routine_library_lookup (library, "broken"));
  g_assert_cmpuint (bs_routine_library_get_load_errors (library)->len, ==, 3);
  listing = list_routines_dir ();
  g_assert_cmpstr (listing, ==, "a.backstay.json b.backstay.json broken.backstay.json "
                                "c.backstay.json d.backstay.json e.backstay.json "
                                "notes.txt old.json");
}

/* A copy never takes the file name of a file that did not load. */
static void
test_keep_both_skips_broken_names (void)
{
  g_autofree char *alpha = routine_text ("alpha", "Alpha", 20);
  g_autofree char *other = routine_text ("broken", "Broken", 20);
  const char *broken = "not json at all";
  g_autoptr(BsRoutineLibrary) library = NULL;
  g_autoptr(GBytes) kept_alpha2 = NULL;
  g_autoptr(GBytes) kept_broken = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *listing = NULL;

  write_user_file ("alpha-2.backstay.json", broken);
  write_user_file ("broken.backstay.json", broken);
  library = bs_routine_library_new ();
  g_assert_cmpuint (bs_routine_library_get_load_errors (library)->len, ==, 2);

  id = import_text (library, "x.backstay.json", alpha, BS_IMPORT_ACTION_KEEP_BOTH);
  g_assert_cmpstr (id, ==, "alpha");
  id2 = import_text (library, "y.backstay.json", alpha, BS_IMPORT_ACTION_KEEP_BOTH);
  g_assert_cmpstr (id2, ==, "alpha-3");
  g_clear_pointer (&id, g_free);
  id = import_text (library, "z.backstay.json", other, BS_IMPORT_ACTION_KEEP_BOTH);
  g_assert_cmpstr (id, ==, "broken");

  kept_alpha2 = read_stored ("alpha-2.backstay.json");
  assert_bytes_equal (kept_alpha2, broken, -1);
  kept_broken = read_stored ("broken.backstay.json");
  assert_bytes_equal (kept_broken, broken, -1);
  listing = list_routines_dir ();
  g_assert_cmpstr (listing, ==, "alpha-2.backstay.json alpha-3.backstay.json alpha.backstay.json "
                                "broken-2.backstay.json broken.backstay.json");
  assert_no_temporary_files ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/routine-import/new", test_import_new);
  g_test_add_func ("/routine-import/conflict", test_import_conflict_reported);
  g_test_add_func ("/routine-import/replace", test_import_replace);
  g_test_add_func ("/routine-import/keep-both", test_import_keep_both);
  g_test_add_func ("/routine-import/keep-both-long-id", test_import_keep_both_long_id);
  g_test_add_func ("/routine-import/keep-both-skips-broken-names",
                   test_keep_both_skips_broken_names);
  g_test_add_func ("/routine-import/bundled-conflict", test_import_bundled_conflict);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/routine-import/invalid/%s",
                                               invalid_cases[i].file);
      g_test_add_data_func (name, &invalid_cases[i], test_import_invalid);
    }
  g_test_add_func ("/routine-import/export-round-trip", test_export_round_trip);
  g_test_add_func ("/routine-import/delete-restore", test_delete_restore);
  g_test_add_func ("/routine-import/broken-user-files", test_broken_user_files);

  return g_test_run ();
}
