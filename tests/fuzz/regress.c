/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Runs the fuzz target over saved inputs without libFuzzer, so the seed
 * corpus and every crash reproducer run as an ordinary test on machines
 * without clang's fuzzing runtime:
 *
 *   regress DIR|FILE...
 *
 * A directory that does not exist is skipped (tests/fuzz/regressions/ only
 * appears once something has been found).  A failing input aborts inside
 * the harness; the file name is printed first so the log says which one.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
run_file (const char *path,
          guint      *n_run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *exact = NULL;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  g_print ("running %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  /* g_file_get_contents() adds a NUL past the end; hand the harness an
   * exact-size copy as libFuzzer does, so a sanitizer build sees over-reads.
   * libFuzzer never passes NULL, even for an empty input, and g_memdup2()
   * of nothing would be NULL. */
  exact = g_memdup2 (contents, length);
  LLVMFuzzerTestOneInput ((const uint8_t *) (length > 0 ? exact : contents), length);
  (*n_run)++;
}

static void
run_path (const char *path,
          guint      *n_run)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("skipping %s: does not exist\n", path);
      return;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      run_file (path, n_run);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    g_error ("cannot open %s", path);

  /* Sorted, so that two runs print the same log. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        run_file (child, n_run);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint n_run = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s DIR|FILE...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    run_path (argv[i], &n_run);

  if (n_run == 0)
    {
      g_printerr ("no input found\n");
      return 1;
    }
  g_print ("%u passed, 0 failed\n", n_run);
  return 0;
}
