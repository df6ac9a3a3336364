/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <string.h>

#include <glib/gstdio.h>

#include "bs-error.h"
#include "bs-routine.h"
#include "bs-routine-library.h"
#include "bs-routine-writer.h"
#include "bs-schedule.h"

static const char * const bundled_ids[] = {
  "core-test", "daily-stretches", "hamstring-wall-stretch", "piriformis-stretch",
  "strength-circuit", "warm-up",
};

static BsRoutine *
load_bundled (const char *id)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/routines/%s.json", id);
  g_autoptr(GError) error = NULL;
  BsRoutine *routine = bs_routine_new_from_resource (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_get_id (routine), ==, id);
  return routine;
}

static BsRoutine *
load_test_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "routines", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BsRoutine *routine = bs_routine_new_from_file (file, &error);

  g_assert_no_error (error);
  return routine;
}

/* Every field of every step and of the routine, as the getters give them. */
static void
assert_same_routine (BsRoutine *a,
                     BsRoutine *b)
{
  g_assert_cmpstr (bs_routine_get_id (a), ==, bs_routine_get_id (b));
  g_assert_cmpstr (bs_routine_get_name (a), ==, bs_routine_get_name (b));
  g_assert_cmpstr (bs_routine_get_description (a), ==, bs_routine_get_description (b));
  g_assert_cmpstr (bs_routine_get_category (a), ==, bs_routine_get_category (b));
  g_assert_cmpint (bs_routine_get_scoring (a), ==, bs_routine_get_scoring (b));
  g_assert_cmpint (bs_routine_get_lead_in (a), ==, bs_routine_get_lead_in (b));
  g_assert_cmpuint (bs_routine_get_rounds (a), ==, bs_routine_get_rounds (b));
  g_assert_cmpuint (bs_routine_get_round_rest (a), ==, bs_routine_get_round_rest (b));
  g_assert_cmpuint (bs_routine_get_level_floor (a), ==, bs_routine_get_level_floor (b));

  g_assert_cmpuint (bs_routine_get_n_forms (a), ==, bs_routine_get_n_forms (b));
  for (guint i = 0; i < bs_routine_get_n_forms (a); i++)
    {
      g_assert_cmpstr (bs_routine_get_form_id (a, i), ==, bs_routine_get_form_id (b, i));
      g_assert_cmpstr (bs_routine_get_form_name (a, i), ==, bs_routine_get_form_name (b, i));
      g_assert_cmpstr (bs_routine_get_form_description (a, i), ==,
                       bs_routine_get_form_description (b, i));
    }
  g_assert_cmpuint (bs_routine_get_n_levels (a), ==, bs_routine_get_n_levels (b));
  for (guint i = 0; i < bs_routine_get_n_levels (a); i++)
    g_assert_cmpuint (bs_routine_get_level (a, i), ==, bs_routine_get_level (b, i));

  g_assert_cmpuint (bs_routine_get_n_steps (a), ==, bs_routine_get_n_steps (b));
  for (guint i = 0; i < bs_routine_get_n_steps (a); i++)
    {
      BsStep *sa = bs_routine_get_step (a, i), *sb = bs_routine_get_step (b, i);

      g_assert_cmpint (bs_step_get_kind (sa), ==, bs_step_get_kind (sb));
      g_assert_cmpstr (bs_step_get_name (sa), ==, bs_step_get_name (sb));
      g_assert_cmpstr (bs_step_get_instruction (sa), ==, bs_step_get_instruction (sb));
      g_assert_cmpstr (bs_step_get_illustration (sa), ==, bs_step_get_illustration (sb));
      g_assert_cmpint (bs_step_get_side (sa), ==, bs_step_get_side (sb));
      g_assert_cmpuint (bs_step_get_seconds (sa), ==, bs_step_get_seconds (sb));
      for (guint f = 0; f < bs_routine_get_n_forms (a); f++)
        g_assert_cmpuint (bs_step_get_form_seconds (sa, bs_routine_get_form_id (a, f)), ==,
                          bs_step_get_form_seconds (sb, bs_routine_get_form_id (b, f)));
      g_assert_cmpuint (bs_step_get_sets (sa), ==, bs_step_get_sets (sb));
      g_assert_cmpuint (bs_step_get_set_rest (sa), ==, bs_step_get_set_rest (sb));
      g_assert_cmpuint (bs_step_get_switch_seconds (sa), ==, bs_step_get_switch_seconds (sb));
      g_assert_cmpint (bs_step_get_first_side (sa), ==, bs_step_get_first_side (sb));
      g_assert_cmpuint (bs_step_get_reps (sa), ==, bs_step_get_reps (sb));
      g_assert_cmpuint (bs_step_get_pace (sa), ==, bs_step_get_pace (sb));
      g_assert_cmpuint (bs_step_get_rest_after (sa), ==, bs_step_get_rest_after (sb));
    }
}

static BsRoutine *
reload (BsRoutine  *routine,
        char      **out_json)
{
  g_autofree char *json = bs_routine_to_json (routine);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  BsRoutine *again = bs_routine_new_from_bytes (bytes, "again.json", 0, &error);

  g_assert_no_error (error);
  if (out_json != NULL)
    *out_json = g_steal_pointer (&json);
  return again;
}

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
  g_assert_cmpuint (loaded, ==, G_N_ELEMENTS (bundled_ids));
}

/* The library lists every bundled routine, the core test first, each in
 * its category. */
static void
test_library_lists_bundled (void)
{
  static const char * const categories[] = {
    "test", "stretch", "stretch", "stretch", "strength", "warm-up",
  };
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();

  for (guint i = 0; i < G_N_ELEMENTS (bundled_ids); i++)
    {
      BsRoutine *routine = bs_routine_library_lookup (library, bundled_ids[i]);

      g_assert_nonnull (routine);
      g_assert_cmpstr (bs_routine_get_category (routine), ==, categories[i]);
      /* Every bundled step names its picture. */
      for (guint j = 0; j < bs_routine_get_n_steps (routine); j++)
        g_assert_nonnull (bs_step_get_illustration (bs_routine_get_step (routine, j)));
    }
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
  { "future-format.json", BS_ERROR_FORMAT, "future-format.json:2:3: ", "format 3 is not supported" },
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


/* Format 1 files keep loading: the core test as it was before format 2 is
 * the same routine as the bundled one, but for the pictures. */
static void
test_format_1_still_loads (void)
{
  g_autoptr(BsRoutine) old = load_test_file ("core-test-format-1.json");
  g_autoptr(BsRoutine) bundled = load_bundled ("core-test");
  g_autofree char *json = NULL;
  g_autoptr(BsRoutine) again = NULL;

  g_assert_cmpstr (bs_routine_get_category (old), ==, BS_CATEGORY_TEST);
  g_assert_cmpint (bs_routine_get_lead_in (old), ==, -1);
  g_assert_cmpuint (bs_routine_get_rounds (old), ==, 1);
  g_assert_cmpuint (bs_routine_get_n_steps (old), ==, bs_routine_get_n_steps (bundled));
  for (guint i = 0; i < bs_routine_get_n_steps (old); i++)
    {
      BsStep *step = bs_routine_get_step (old, i);

      g_assert_null (bs_step_get_illustration (step));
      g_assert_cmpint (bs_step_get_kind (step), ==, BS_STEP_HOLD);
      g_assert_cmpuint (bs_step_get_sets (step), ==, 1);
      g_assert_cmpuint (bs_step_get_rest_after (step), ==, 0);
    }

  for (guint level = 0; level <= 15; level += 5)
    for (guint form = 0; form < 2; form++)
      {
        const char *form_id = bs_routine_get_form_id (old, form);
        g_autoptr(BsSchedule) a = bs_schedule_new (old, form_id, level, 10, NULL);
        g_autoptr(BsSchedule) b = bs_schedule_new (bundled, form_id, level, 10, NULL);
        g_autofree char *ja = bs_schedule_to_json (a);
        g_autofree char *jb = bs_schedule_to_json (b);

        g_assert_cmpstr (ja, ==, jb);
      }

  /* Written back, it needs nothing of format 2 and stays format 1. */
  g_assert_cmpuint (bs_routine_get_needed_format (old), ==, 1);
  g_assert_cmpuint (bs_routine_get_needed_format (bundled), ==, 2);
  again = reload (old, &json);
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\" : 1,\n"));
  assert_same_routine (old, again);
}

/* Load, write, load: the same routine, for every bundled one. */
static void
test_round_trip (gconstpointer data)
{
  const char *id = data;
  g_autoptr(BsRoutine) routine = load_bundled (id);
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autoptr(BsRoutine) again = reload (routine, &json);
  g_autoptr(BsRoutine) third = reload (again, &json_again);

  assert_same_routine (routine, again);
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\" : 2,\n"));
  /* Writing is stable: the second write is the first, byte for byte. */
  g_assert_cmpstr (json, ==, json_again);
  assert_same_routine (routine, third);
}

/* A routine built in code with every field away from its default. */
static BsRoutine *
everything_routine (void)
{
  BsRoutine *routine = bs_routine_new ("everything", "Every field");
  static const guint levels[] = { 0, 3 };
  g_autoptr(BsStep) hold = bs_step_new (BS_STEP_HOLD, "Hold", 40);
  g_autoptr(BsStep) sides = bs_step_new (BS_STEP_PER_SIDE, "Sides", 20);
  g_autoptr(BsStep) paced = bs_step_new (BS_STEP_COUNTED, "Paced", 0);
  g_autoptr(BsStep) open = bs_step_new (BS_STEP_COUNTED, "Open", 0);
  g_autoptr(BsStep) rest = bs_step_new (BS_STEP_REST, "Lie still", 15);

  bs_routine_set_description (routine, "With \"quotes\", a back\\slash and a\nnew line.");
  bs_routine_set_category (routine, BS_CATEGORY_STRENGTH);
  bs_routine_set_lead_in (routine, 0);
  bs_routine_set_rounds (routine, 3);
  bs_routine_set_round_rest (routine, 45);
  bs_routine_add_form (routine, "long", "Long", NULL);
  bs_routine_add_form (routine, "short", "Short", "Shorter holds.");
  bs_routine_set_levels (routine, levels, G_N_ELEMENTS (levels));
  bs_routine_set_level_floor (routine, 8);

  bs_step_set_instruction (hold, "Hold still.");
  bs_step_set_illustration (hold, "plank");
  bs_step_set_side (hold, BS_SIDE_LEFT);
  bs_step_set_form_seconds (hold, "short", 25);
  bs_step_set_sets (hold, 3);
  bs_step_set_set_rest (hold, 12);
  bs_step_set_rest_after (hold, 30);
  bs_step_set_switch_seconds (sides, 0);
  bs_step_set_first_side (sides, BS_SIDE_LEFT);
  bs_step_set_sets (sides, 2);
  bs_step_set_reps (paced, 12);
  bs_step_set_pace (paced, 3);
  bs_step_set_reps (open, 15);
  bs_step_set_pace (open, BS_STEP_UNTIL_DONE);
  bs_step_set_rest_after (open, 5);
  bs_step_set_illustration (rest, "pelvic-tilt");

  bs_routine_add_step (routine, hold);
  bs_routine_add_step (routine, sides);
  bs_routine_add_step (routine, paced);
  bs_routine_add_step (routine, open);
  bs_routine_add_step (routine, rest);
  return routine;
}

static void
test_round_trip_every_field (void)
{
  g_autoptr(BsRoutine) routine = everything_routine ();
  g_autoptr(BsRoutine) again = reload (routine, NULL);

  assert_same_routine (routine, again);
  g_assert_cmpuint (bs_step_get_pace (bs_routine_get_step (again, 3)), ==, BS_STEP_UNTIL_DONE);
  g_assert_cmpint (bs_routine_get_lead_in (again), ==, 0);
}

/* Saved through a real file: read back the same, and nothing left beside
 * it, also when it replaces an older version. */
static void
test_save_to_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("backstay-routine-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BsRoutine) routine = load_bundled ("daily-stretches");
  g_autoptr(BsRoutine) other = everything_routine ();
  g_autoptr(BsRoutine) loaded = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *entry;
  guint n_entries = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "mine.backstay.json", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (bs_routine_save (other, file, &error));
  g_assert_no_error (error);
  g_assert_true (bs_routine_save (routine, file, &error));
  g_assert_no_error (error);

  loaded = bs_routine_new_from_file (file, &error);
  g_assert_no_error (error);
  assert_same_routine (routine, loaded);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (entry, ==, "mine.backstay.json");
      n_entries++;
    }
  g_assert_cmpuint (n_entries, ==, 1);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_save_fails_cleanly (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/dir/mine.backstay.json");
  g_autoptr(BsRoutine) routine = load_bundled ("warm-up");
  g_autoptr(GError) error = NULL;

  g_assert_false (bs_routine_save (routine, file, &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "mine.backstay.json: No such file or directory");
}

/* What a format-2 file leaves out has the format's defaults. */
static void
test_format_2_defaults (void)
{
  const char *text =
    "{ \"format\": 2, \"id\": \"mine\", \"name\": \"Mine\", \"steps\": ["
    "  { \"kind\": \"per-side\", \"name\": \"Sides\", \"seconds\": 20 },"
    "  { \"kind\": \"counted\", \"name\": \"Reps\", \"reps\": 8 },"
    "  { \"kind\": \"rest\", \"name\": \"Breathe\", \"seconds\": 10 } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_bytes (bytes, "mine.json", 0, &error);
  BsStep *sides, *reps;

  g_assert_no_error (error);
  g_assert_cmpstr (bs_routine_get_category (routine), ==, BS_CATEGORY_OTHER);
  g_assert_cmpint (bs_routine_get_lead_in (routine), ==, -1);
  g_assert_cmpuint (bs_routine_get_rounds (routine), ==, 1);
  g_assert_cmpuint (bs_routine_get_round_rest (routine), ==, 0);

  sides = bs_routine_get_step (routine, 0);
  g_assert_cmpint (bs_step_get_kind (sides), ==, BS_STEP_PER_SIDE);
  g_assert_cmpuint (bs_step_get_switch_seconds (sides), ==, 5);
  g_assert_cmpint (bs_step_get_first_side (sides), ==, BS_SIDE_RIGHT);
  g_assert_cmpuint (bs_step_get_sets (sides), ==, 1);
  g_assert_cmpuint (bs_step_get_set_rest (sides), ==, 0);
  g_assert_cmpuint (bs_step_get_rest_after (sides), ==, 0);

  reps = bs_routine_get_step (routine, 1);
  g_assert_cmpint (bs_step_get_kind (reps), ==, BS_STEP_COUNTED);
  g_assert_cmpuint (bs_step_get_reps (reps), ==, 8);
  g_assert_cmpuint (bs_step_get_pace (reps), ==, BS_STEP_UNTIL_DONE);
  g_assert_cmpint (bs_step_get_kind (bs_routine_get_step (routine, 2)), ==, BS_STEP_REST);
}

typedef struct
{
  const char *file;
  BsError code;
  const char *message;  /* the whole message */
} Malformed;

static const Malformed malformed[] = {
  { "unknown-kind.json", BS_ERROR_INVALID,
    "unknown-kind.json:6:7: step 1: “kind” is “juggle”; a step is “hold”, “per-side”, “counted” or “rest”" },
  { "per-side-with-side.json", BS_ERROR_INVALID,
    "per-side-with-side.json:7:40: step 2: “side” does not belong in a “per-side” step: it works both sides, starting with “first-side”" },
  { "counted-without-reps.json", BS_ERROR_MISSING,
    "counted-without-reps.json:6:5: step 1: “reps” is missing" },
  { "pace-zero.json", BS_ERROR_RANGE,
    "pace-zero.json:6:61: step 1: “pace” must be the seconds each repetition takes, a whole number from 1 to 60, or “until-done”" },
  { "pace-soon.json", BS_ERROR_INVALID,
    "pace-soon.json:6:61: step 1: “pace” must be the seconds each repetition takes, a whole number from 1 to 60, or “until-done”" },
  { "sets-zero.json", BS_ERROR_RANGE,
    "sets-zero.json:6:35: step 1: “sets” must be a whole number from 1 to 50" },
  { "switch-seconds-61.json", BS_ERROR_RANGE,
    "switch-seconds-61.json:7:7: step 1: “switch-seconds” must be a whole number from 0 to 60" },
  { "rest-with-reps.json", BS_ERROR_INVALID,
    "rest-with-reps.json:7:57: step 2: “reps” does not belong in a “rest” step" },
  { "illustration-path.json", BS_ERROR_INVALID,
    "illustration-path.json:6:35: step 1: “illustration” must be 1 to 64 lower-case letters, digits or “-”" },
  { "format-1-sets.json", BS_ERROR_FORMAT,
    "format-1-sets.json:6:35: step 1: “sets” needs format 2; the file says “format”: 1" },
  { "format-1-per-side.json", BS_ERROR_FORMAT,
    "format-1-per-side.json:6:7: step 1: “kind” “per-side” needs format 2; the file says “format”: 1" },
  { "format-1-rounds.json", BS_ERROR_FORMAT,
    "format-1-rounds.json:5:3: “rounds” needs format 2; the file says “format”: 1" },
  { "lead-in-121.json", BS_ERROR_RANGE,
    "lead-in-121.json:5:3: “lead-in” must be a whole number from 0 to 120" },
  { "rounds-zero.json", BS_ERROR_RANGE,
    "rounds-zero.json:5:3: “rounds” must be a whole number from 1 to 20" },
  { "bad-category.json", BS_ERROR_INVALID,
    "bad-category.json:5:3: “category” must be “test”, “stretch”, “strength”, “warm-up” or “other”, not “yoga”" },
  { "bad-first-side.json", BS_ERROR_INVALID,
    "bad-first-side.json:6:55: step 1: “first-side” must be “left” or “right”, not “up”" },
  { "counted-with-seconds.json", BS_ERROR_INVALID,
    "counted-with-seconds.json:6:51: step 1: “seconds” does not belong in a “counted” step: its length comes from “reps” and “pace”" },
  { "hold-with-reps.json", BS_ERROR_INVALID,
    "hold-with-reps.json:6:35: step 1: “reps” does not belong in a “hold” step" },
  { "only-rests.json", BS_ERROR_INVALID,
    "only-rests.json:5:3: a routine needs at least one step that is not a rest" },
  { "too-long.json", BS_ERROR_RANGE,
    "too-long.json:1:1: with its sets, sides, rests and rounds the routine lasts more than 24 hours" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *bad = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "routines", bad->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = bs_routine_new_from_file (file, &error);

  g_assert_null (routine);
  g_assert_error (error, BS_ERROR, (int) bad->code);
  g_assert_cmpstr (error->message, ==, bad->message);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine/bundled/load", test_bundled_routines_load);
  g_test_add_func ("/routine/bundled/library", test_library_lookup);
  g_test_add_func ("/routine/bundled/listed", test_library_lists_bundled);
  g_test_add_func ("/routine/format-1/still-loads", test_format_1_still_loads);
  g_test_add_func ("/routine/format-2/defaults", test_format_2_defaults);
  for (guint i = 0; i < G_N_ELEMENTS (bundled_ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("/routine/round-trip/%s", bundled_ids[i]);
      g_test_add_data_func (name, bundled_ids[i], test_round_trip);
    }
  g_test_add_func ("/routine/round-trip/every-field", test_round_trip_every_field);
  g_test_add_func ("/routine/save/file", test_save_to_file);
  g_test_add_func ("/routine/save/fails-cleanly", test_save_fails_cleanly);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strdup_printf ("/routine/malformed/%s", malformed[i].file);
      g_test_add_data_func (name, &malformed[i], test_malformed);
    }
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
