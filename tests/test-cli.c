/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The command line, run as a person or a script would: the real binary,
 * its exit status, its output. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_backstay (Run        *run,
              const char *first_arg,
              ...)
{
  const char *binary = g_getenv ("BACKSTAY_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static void
assert_one_line_error (Run        *run,
                       const char *expected)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpstr (run->err, ==, expected);
}

static void
test_list_routines (void)
{
  g_auto(Run) run = { 0 };

  run_backstay (&run, "--list-routines", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "core-test\tCore strength test\t3:00\n"
                   "daily-stretches\tDaily stretches\t15:55\n"
                   "hamstring-wall-stretch\tHamstring wall stretch\t5:40\n"
                   "piriformis-stretch\tPiriformis stretch\t6:05\n"
                   "strength-circuit\tStrengthening circuit\t20:10\n"
                   "warm-up\tWarm-up before a run\t8:00\n");
}

typedef struct
{
  const char *kind;
  int stage;
  const char *name;
  const char *side;
  int start;
  int duration;
} Segment;

static void
assert_schedule (const char    *json,
                 const char    *form,
                 int            level,
                 int            work,
                 const Segment *expected,
                 guint          n_expected)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *segments;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "routine"), ==, "core-test");
  g_assert_cmpstr (json_object_get_string_member (root, "form"), ==, form);
  g_assert_cmpint (json_object_get_int_member (root, "level"), ==, level);
  g_assert_cmpint (json_object_get_int_member (root, "lead-in"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (root, "work"), ==, work);
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, work + 10);

  segments = json_object_get_array_member (root, "segments");
  g_assert_cmpuint (json_array_get_length (segments), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      JsonObject *segment = json_array_get_object_element (segments, i);

      g_assert_cmpstr (json_object_get_string_member (segment, "kind"), ==, expected[i].kind);
      g_assert_cmpint (json_object_get_int_member_with_default (segment, "stage", 0), ==,
                       expected[i].stage);
      g_assert_cmpstr (json_object_get_string_member (segment, "name"), ==, expected[i].name);
      g_assert_cmpstr (json_object_get_string_member_with_default (segment, "side", NULL), ==,
                       expected[i].side);
      g_assert_cmpint (json_object_get_int_member (segment, "start"), ==, expected[i].start);
      g_assert_cmpint (json_object_get_int_member (segment, "duration"), ==, expected[i].duration);
    }
}

static void
test_print_standard (void)
{
  static const Segment expected[] = {
    { "get-ready", 0, "Get ready", NULL, 0, 10 },
    { "work", 1, "Plank on your elbows", NULL, 10, 60 },
    { "work", 2, "Lift your right arm", "right", 70, 15 },
    { "work", 3, "Lift your left arm", "left", 85, 15 },
    { "work", 4, "Lift your right leg", "right", 100, 15 },
    { "work", 5, "Lift your left leg", "left", 115, 15 },
    { "work", 6, "Right arm and left leg", NULL, 130, 15 },
    { "work", 7, "Left arm and right leg", NULL, 145, 15 },
    { "work", 8, "Plank on your elbows", NULL, 160, 30 },
  };
  g_auto(Run) run = { 0 };

  run_backstay (&run, "--print-routine", "core-test", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_schedule (run.out, "standard", 0, 180, expected, G_N_ELEMENTS (expected));
}

static void
test_print_short_easiest (void)
{
  static const Segment expected[] = {
    { "get-ready", 0, "Get ready", NULL, 0, 10 },
    { "work", 1, "Plank on your elbows", NULL, 10, 15 },
    { "work", 2, "Lift your right arm", "right", 25, 5 },
    { "work", 3, "Lift your left arm", "left", 30, 5 },
    { "work", 4, "Lift your right leg", "right", 35, 5 },
    { "work", 5, "Lift your left leg", "left", 40, 5 },
    { "work", 6, "Right arm and left leg", NULL, 45, 5 },
    { "work", 7, "Left arm and right leg", NULL, 50, 5 },
    { "work", 8, "Plank on your elbows", NULL, 55, 15 },
  };
  g_auto(Run) run = { 0 };
  g_auto(Run) negative = { 0 };

  run_backstay (&run, "--print-routine", "core-test", "--form", "short", "--level", "15", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_schedule (run.out, "short", 15, 60, expected, G_N_ELEMENTS (expected));

  /* "-15" names the same level. */
  run_backstay (&negative, "--print-routine=core-test", "--form=short", "--level=-15", NULL);
  g_assert_cmpint (negative.status, ==, 0);
  g_assert_cmpstr (negative.out, ==, run.out);
}

static void
test_bad_arguments (void)
{
  g_auto(Run) unknown = { 0 };
  g_auto(Run) level = { 0 };
  g_auto(Run) form = { 0 };
  g_auto(Run) stray = { 0 };
  g_auto(Run) start = { 0 };

  run_backstay (&unknown, "--print-routine", "yoga", NULL);
  assert_one_line_error (&unknown, "backstay: There is no routine “yoga”; see backstay --list-routines\n");

  run_backstay (&level, "--print-routine", "core-test", "--level", "7", NULL);
  assert_one_line_error (&level, "backstay: “core-test” has no level 7; its levels are 0, 5, 10, 15\n");

  run_backstay (&form, "--print-routine", "core-test", "--form", "long", NULL);
  assert_one_line_error (&form, "backstay: “core-test” has no form “long”\n");

  run_backstay (&stray, "--level", "5", NULL);
  assert_one_line_error (&stray, "backstay: --level and --form go with --print-routine, --render-cues or --start\n");

  /* Refused before any window would open. */
  run_backstay (&start, "--start", "yoga", NULL);
  assert_one_line_error (&start, "backstay: There is no routine “yoga”; see backstay --list-routines\n");
}

/* The guidance track on the command line: written faster than real time,
 * as long as the routine; a bad file name refused in one line. */
static void
test_render_cues (void)
{
  g_autofree char *dir = g_dir_make_tmp ("backstay-cli-XXXXXX", NULL);
  g_autofree char *wav = g_build_filename (dir, "core.wav", NULL);
  g_autofree char *ogg = g_build_filename (dir, "core.ogg", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) vorbis = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) alone = { 0 };
  gsize size;

  run_backstay (&run, "--render-cues", "core-test", "--form", "short", "--output", wav, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (wav, &contents, &size, NULL));
  g_assert_true (g_str_has_prefix (contents, "RIFF"));
  /* 16-bit mono at 22050 Hz: at least the 10 s lead-in and the 150 s of holds. */
  g_assert_cmpuint (size, >, 160 * 22050 * 2);

  run_backstay (&vorbis, "--render-cues", "core-test", "--output", ogg, NULL);
  g_assert_cmpint (vorbis.status, ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (ogg, &contents, &size, NULL));
  g_assert_true (g_str_has_prefix (contents, "OggS"));

  run_backstay (&bad, "--render-cues", "core-test", "--output", "/tmp/core.mp3", NULL);
  assert_one_line_error (&bad, "backstay: /tmp/core.mp3: the file name must end in .wav or .ogg\n");

  run_backstay (&alone, "--render-cues", "core-test", NULL);
  assert_one_line_error (&alone, "backstay: --render-cues and --output go together\n");

  g_remove (wav);
  g_remove (ogg);
  g_rmdir (dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* A routine file opened with the app (as the file manager does through
 * its MIME type) lands in the person's routines.  The window is real, so
 * this needs a display; without one the test is skipped. */
static void
test_open_routine_file (void)
{
  const char *binary = g_getenv ("BACKSTAY_BINARY");
  static const char routine[] =
    "{ \"format\": 2, \"id\": \"opened-file\", \"name\": \"Opened from a file\",\n"
    "  \"steps\": [ { \"name\": \"Hold\", \"seconds\": 30 } ] }\n";
  g_autofree char *home = g_dir_make_tmp ("backstay-open-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (home, "shared.backstay.json", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *imported = g_build_filename (data_home, "backstay", "routines",
                                                "opened-file.backstay.json", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copied = NULL;
  gint64 deadline;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("no display: run under xvfb-run (tools/dev test does)");
      return;
    }
  g_assert_true (g_file_set_contents (source, routine, -1, &error));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "BACKSTAY_AUDIO_SINK", "fakesink", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, binary, source, NULL);
  g_assert_no_error (error);

  /* Waiting for the app to act, not timing it: the limit only stops a
   * broken build from hanging the suite. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!g_file_test (imported, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_usleep (G_USEC_PER_SEC / 20);
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);

  g_assert_true (g_file_get_contents (imported, &copied, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (copied, ==, routine);

  remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/list-routines", test_list_routines);
  g_test_add_func ("/cli/print-routine/standard", test_print_standard);
  g_test_add_func ("/cli/print-routine/short-easiest", test_print_short_easiest);
  g_test_add_func ("/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/render-cues", test_render_cues);
  g_test_add_func ("/cli/open-routine-file", test_open_routine_file);

  return g_test_run ();
}
