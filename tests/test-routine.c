/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <string.h>

#include "bs-error.h"
#include "bs-routine.h"
#include "bs-routine-library.h"

/* Every bundled routine loads, and the core test holds CONTENT.md §1. */
static void
test_bundled_routines_load (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_BASE "/routines/",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  guint loaded = 0;

  g_assert_no_error (error);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_BASE "/routines/", names[i], NULL);
      g_autoptr(BsRoutine) routine = bs_routine_new_from_resource (path, &error);

      g_assert_no_error (error);
      g_assert_nonnull (routine);
      g_assert_cmpuint (bs_routine_get_n_steps (routine), >, 0);
      loaded++;
    }
  g_assert_cmpuint (loaded, >=, 1);
}

static void
test_library_lookup (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  GListModel *model = bs_routine_library_get_model (library);
  g_autoptr(BsRoutine) first = g_list_model_get_item (model, 0);
  BsRoutine *core = bs_routine_library_lookup (library, "core-test");

  g_assert_nonnull (core);
  g_assert_true (first == core);
  g_assert_null (bs_routine_library_lookup (library, "no-such-routine"));
  g_assert_cmpint (bs_routine_get_scoring (core), ==, BS_SCORING_HOLD_TEST);
  g_assert_cmpuint (bs_routine_get_n_steps (core), ==, 8);
  g_assert_cmpuint (bs_routine_get_n_forms (core), ==, 2);
  g_assert_cmpstr (bs_routine_get_form_id (core, 0), ==, "standard");
  g_assert_cmpstr (bs_routine_get_form_id (core, 1), ==, "short");
  g_assert_cmpuint (bs_routine_get_n_levels (core), ==, 4);
  g_assert_cmpuint (bs_routine_get_level_floor (core), ==, 5);
  g_assert_cmpint (bs_step_get_side (bs_routine_get_step (core, 1)), ==, BS_SIDE_RIGHT);
  g_assert_cmpint (bs_step_get_side (bs_routine_get_step (core, 2)), ==, BS_SIDE_LEFT);
}

typedef struct
{
  const char *file;
  BsError code;
  const char *prefix;    /* where the message must start: file, line, column, step */
  const char *contains;  /* and what it must say */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty.json", BS_ERROR_PARSE, "empty.json: ", "empty" },
  { "not-json.json", BS_ERROR_PARSE, "not-json.json:1:", "" },
  { "truncated.json", BS_ERROR_PARSE, "truncated.json:", "" },
  { "array-root.json", BS_ERROR_TYPE, "array-root.json:1:1: ", "must be a JSON object, not a list" },
  { "missing-format.json", BS_ERROR_MISSING, "missing-format.json:1:1: ", "“format” is missing" },
  { "future-format.json", BS_ERROR_FORMAT, "future-format.json:2:3: ", "format 2 is not supported" },
  { "format-string.json", BS_ERROR_TYPE, "format-string.json:2:3: ", "“format” must be a whole number" },
  { "missing-id.json", BS_ERROR_MISSING, "missing-id.json:1:1: ", "“id” is missing" },
  { "bad-id.json", BS_ERROR_INVALID, "bad-id.json:3:3: ", "“id” must be 1 to 64 lower-case" },
  { "missing-name.json", BS_ERROR_MISSING, "missing-name.json:1:1: ", "“name” is missing" },
  { "missing-steps.json", BS_ERROR_MISSING, "missing-steps.json:1:1: ", "“steps” is missing" },
  { "no-steps.json", BS_ERROR_RANGE, "no-steps.json:5:3: ", "from 1 to 500 steps" },
  { "steps-object.json", BS_ERROR_TYPE, "steps-object.json:5:3: ", "“steps” must be a list, not an object" },
  { "missing-seconds.json", BS_ERROR_MISSING, "missing-seconds.json:7:5: step 2: ", "“seconds” is missing" },
  { "negative-seconds.json", BS_ERROR_RANGE, "negative-seconds.json:8:20: step 3: ",
    "“seconds” must be a whole number from 1 to 3600" },
  { "huge-seconds.json", BS_ERROR_RANGE, "huge-seconds.json:6:20: step 1: ", "from 1 to 3600" },
  { "zero-seconds.json", BS_ERROR_RANGE, "zero-seconds.json:6:20: step 1: ", "from 1 to 3600" },
  { "fractional-seconds.json", BS_ERROR_RANGE, "fractional-seconds.json:6:20: step 1: ",
    "must be a whole number" },
  { "string-seconds.json", BS_ERROR_TYPE, "string-seconds.json:6:20: step 1: ", "not text" },
  { "number-name.json", BS_ERROR_TYPE, "number-name.json:4:3: ", "“name” must be text, not a number" },
  { "unknown-field.json", BS_ERROR_INVALID, "unknown-field.json:6:20: step 1: ", "unknown field “secnds”" },
  { "unknown-kind.json", BS_ERROR_INVALID, "unknown-kind.json:6:7: step 1: ", "“kind” is “juggle”" },
  { "bad-side.json", BS_ERROR_INVALID, "bad-side.json:6:20: step 1: ", "“side” must be “left” or “right”" },
  { "unknown-form.json", BS_ERROR_INVALID, "unknown-form.json:7:53: step 1: ", "not one of the routine’s forms" },
  { "duplicate-level.json", BS_ERROR_INVALID, "duplicate-level.json:5:20: ", "level 5 is listed twice" },
  { "step-not-object.json", BS_ERROR_TYPE, "step-not-object.json:6:5: step 1: ", "must be an object, not text" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", bad->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_file (file, &error);

  g_assert_null (routine);
  g_assert_error (error, BS_ERROR, (int) bad->code);
  if (!g_str_has_prefix (error->message, bad->prefix))
    g_error ("“%s” does not start with “%s”", error->message, bad->prefix);
  if (strstr (error->message, bad->contains) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->contains);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/dir/mine.backstay.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_file (file, &error);

  g_assert_null (routine);
  g_assert_error (error, BS_ERROR, BS_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "mine.backstay.json: "));
}

/* Positions count characters, not bytes, so a line with accents or an
 * em dash before the error still points at the right column. */
static void
test_column_counts_characters (void)
{
  const char *text =
    "{\n"
    "  \"format\": 1, \"id\": \"x\", \"name\": \"Étirement — ischio\", \"steps\": [ { \"name\": \"A\", \"seconds\": 0 } ]\n"
    "}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_bytes (bytes, "mine.json", 0, &error);

  g_assert_null (routine);
  g_assert_error (error, BS_ERROR, BS_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==,
                   "mine.json:2:83: step 1: “seconds” must be a whole number from 1 to 3600");
}

/* json-glib parses recursively: input nested deep enough would exhaust the
 * stack, so it must be refused before it is parsed. */
static void
test_deep_nesting_refused (void)
{
  gsize n = 200000;
  char *text = g_malloc (n);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = NULL;

  memset (text, '[', n);
  bytes = g_bytes_new_take (text, n);
  routine = bs_routine_new_from_bytes (bytes, "deep.json", 0, &error);
  g_assert_null (routine);
  g_assert_error (error, BS_ERROR, BS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "deep.json: the file is nested more than 32 levels deep; no routine is");
}

static void
test_huge_file_refused (void)
{
  gsize n = 2 * 1024 * 1024;
  char *text = g_malloc (n);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = NULL;

  memset (text, ' ', n);
  text[0] = '{';
  text[n - 1] = '}';
  bytes = g_bytes_new_take (text, n);
  routine = bs_routine_new_from_bytes (bytes, "huge.json", 0, &error);
  g_assert_null (routine);
  g_assert_error (error, BS_ERROR, BS_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "huge.json: the file is larger than a routine can be"));
}

static void
test_user_texts_are_not_translated (void)
{
  const char *text =
    "{ \"format\": 1, \"id\": \"mine\", \"name\": \"Get ready\", \"comment\": \"for Anna\","
    "  \"steps\": [ { \"name\": \"Hold\", \"seconds\": 20, \"comment\": \"gently\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_bytes (bytes, "mine.json", 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_get_name (routine), ==, "Get ready");
  g_assert_cmpuint (bs_routine_get_n_forms (routine), ==, 0);
  g_assert_cmpuint (bs_routine_get_n_levels (routine), ==, 1);
  g_assert_cmpuint (bs_routine_get_level (routine, 0), ==, 0);
  g_assert_cmpuint (bs_step_get_seconds (bs_routine_get_step (routine, 0)), ==, 20);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine/bundled/load", test_bundled_routines_load);
  g_test_add_func ("/routine/bundled/library", test_library_lookup);
  g_test_add_func ("/routine/bad/missing-file", test_missing_file);
  g_test_add_func ("/routine/bad/column-counts-characters", test_column_counts_characters);
  g_test_add_func ("/routine/user-texts", test_user_texts_are_not_translated);
  g_test_add_func ("/routine/bad/deep-nesting", test_deep_nesting_refused);
  g_test_add_func ("/routine/bad/huge-file", test_huge_file_refused);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/routine/bad/%s", bad_cases[i].file);
      g_test_add_data_func (name, &bad_cases[i], test_bad_file);
    }

  return g_test_run ();
}
