/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * What goes wrong around the app rather than in it: a data folder that
 * cannot be written, a full disk, a damaged settings file, no session bus.
 * Each time the app must start, the timer must run to the end, the person
 * must be told once, and nothing already stored may be lost.
 *
 * The window tests run the real application and window on the fake clock,
 * with the history where the app keeps it ($XDG_DATA_HOME, private to this
 * program) or in a real SQLite file.  Cases that need a process of their
 * own (another settings backend, no session bus) run the real binary, or
 * this program again through g_test_trap_subprocess().
 *
 * No sound output is tested in test-window.c (/window/no-audio-message);
 * SIGKILL while saving in test-history.c (/history/crash-safety), which
 * meson also runs in this suite.
 */

#define _GNU_SOURCE
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sched.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bs-error.h"
#include "bs-history-fixture.h"
#include "bs-test-util.h"
#include "bs-window.h"

#define SEC ((gint64) G_USEC_PER_SEC)

/* The core test: 10 s to get ready, then 3:00. */
#define CORE_TEST_SECONDS 190

static char *test_root;           /* this run's own folder */
static gboolean can_mount;        /* root in a mount namespace of our own */
static gboolean have_display;

/* ---- A disk that fills up, at SQLite's edge ----
 *
 * A VFS that passes everything to the system's and, once armed, answers
 * every write with SQLITE_FULL, as a full disk does.  It is the default
 * VFS of this program, so the store uses it without knowing. */

typedef struct
{
  sqlite3_file base;
  sqlite3_file *real;             /* follows this struct, szOsFile bytes */
} FullFile;

static sqlite3_vfs *real_vfs;
static gboolean disk_full;

#define REAL(file) (((FullFile *) (file))->real)

static int
full_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
full_read (sqlite3_file  *file,
           void          *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
full_write (sqlite3_file  *file,
            const void    *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  if (disk_full)
    return SQLITE_FULL;
  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
full_truncate (sqlite3_file  *file,
               sqlite3_int64  size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
full_sync (sqlite3_file *file,
           int           flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
full_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
full_lock (sqlite3_file *file,
           int           lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
full_unlock (sqlite3_file *file,
             int           lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
full_check_reserved_lock (sqlite3_file *file,
                          int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
full_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
full_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
full_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
full_shm_map (sqlite3_file   *file,
              int             page,
              int             size,
              int             extend,
              void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, size, extend, out);
}

static int
full_shm_lock (sqlite3_file *file,
               int           offset,
               int           n,
               int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
full_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
full_shm_unmap (sqlite3_file *file,
                int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
full_fetch (sqlite3_file   *file,
            sqlite3_int64   offset,
            int             amount,
            void          **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
full_unfetch (sqlite3_file  *file,
              sqlite3_int64  offset,
              void          *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

static const sqlite3_io_methods full_io_methods = {
  3,
  full_close,
  full_read,
  full_write,
  full_truncate,
  full_sync,
  full_file_size,
  full_lock,
  full_unlock,
  full_check_reserved_lock,
  full_file_control,
  full_sector_size,
  full_device_characteristics,
  full_shm_map,
  full_shm_lock,
  full_shm_barrier,
  full_shm_unmap,
  full_fetch,
  full_unfetch,
};

static int
full_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  FullFile *self = (FullFile *) file;
  int rc;

  self->real = (sqlite3_file *) (self + 1);
  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  /* SQLite calls xClose only on a file whose methods are set. */
  self->base.pMethods = self->real->pMethods != NULL ? &full_io_methods : NULL;
  return rc;
}

static int
full_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
full_access (sqlite3_vfs *vfs,
             const char  *name,
             int          flags,
             int         *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
full_full_pathname (sqlite3_vfs *vfs,
                    const char  *name,
                    int          size,
                    char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static int
full_randomness (sqlite3_vfs *vfs,
                 int          size,
                 char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
full_sleep (sqlite3_vfs *vfs,
            int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
full_current_time (sqlite3_vfs *vfs,
                   double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
full_get_last_error (sqlite3_vfs *vfs,
                     int          size,
                     char        *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
full_current_time_int64 (sqlite3_vfs   *vfs,
                         sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static sqlite3_vfs full_vfs = {
  .iVersion = 2,
  .mxPathname = 0,                /* set from the real VFS */
  .zName = "backstay-full-disk",
  .xOpen = full_open,
  .xDelete = full_delete,
  .xAccess = full_access,
  .xFullPathname = full_full_pathname,
  .xRandomness = full_randomness,
  .xSleep = full_sleep,
  .xCurrentTime = full_current_time,
  .xGetLastError = full_get_last_error,
  .xCurrentTimeInt64 = full_current_time_int64,
};

static void
install_full_disk_vfs (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  full_vfs.szOsFile = sizeof (FullFile) + real_vfs->szOsFile;
  full_vfs.mxPathname = real_vfs->mxPathname;
  g_assert_cmpint (sqlite3_vfs_register (&full_vfs, 1), ==, SQLITE_OK);
}

/* ---- Helpers ---- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        remove_tree (child);
      }
  g_rmdir (path);
}

/* The real application as a test drives it: not on the bus, sessions on
 * @clock, and the history the app opens itself unless @history is given. */
static BsApplication *
app_new (BsClock   *clock,
         BsHistory *history)
{
  BsApplication *app = bs_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (app), NULL);
  bs_application_set_clock (app, clock);
  if (history != NULL)
    bs_application_set_history (app, history);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static guint
count_text (GtkWidget  *root,
            const char *text)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_text (child, text);
  return n;
}

/* The text behind the "History problem" toast's Details button. */
static char *
dup_history_problem (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;
  char *body;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-history-problem",
                                             NULL));
  bs_test_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (item)),
                     "History Problem") == 0)
        dialog = ADW_MESSAGE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  bs_test_settle ();
  return body;
}

/* Runs the core test from the home page to its result, on the fake clock. */
static void
run_core_test (BsClock   *clock,
               GtkWindow *window)
{
  GtkWidget *start = bs_test_find_button (GTK_WIDGET (window), "Start the Test");

  g_assert_nonnull (start);
  bs_test_click (start);
  g_assert_cmpstr (bs_window_get_page (BS_WINDOW (window)), ==, "session");
  for (guint i = 0; i < CORE_TEST_SECONDS; i++)
    {
      bs_fake_clock_advance (BS_FAKE_CLOCK (clock), SEC);
      bs_test_settle ();
    }
  g_assert_cmpstr (bs_window_get_page (BS_WINDOW (window)), ==, "result");
}

static void
close_app (BsApplication *app)
{
  bs_test_app_close_windows (app);
  g_object_unref (app);
  bs_test_settle ();
}

/* Each window test runs in a process of its own: a registered application
 * cannot be unregistered, and each test needs one that opens its own
 * history or reads its own settings.  Returns TRUE in that process. */
static gboolean
in_own_process (void)
{
  if (g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static char *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static guint
n_entries (BsHistory *history)
{
  return g_list_model_get_n_items (bs_history_get_entries (history));
}

/* Opens @path with @n_days of plausible history in it, and closes it. */
static guint
make_history (const char *path,
              guint       n_days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = bs_history_open (path, &error);
  g_autoptr(GDateTime) last_day = g_date_time_new_utc (2026, 5, 3, 0, 0, 0);

  g_assert_no_error (error);
  bs_history_fixture_seed (history, n_days, last_day, 11);
  g_assert_cmpuint (n_entries (history), >, 0);
  return n_entries (history);
}

static char *
integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
assert_history_intact (const char *path,
                       guint       n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistory) history = NULL;
  g_autofree char *integrity = NULL;

  history = bs_history_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (bs_history_get_moved_aside (history));
  g_assert_cmpuint (bs_history_get_n_unreadable (history), ==, 0);
  g_assert_cmpuint (n_entries (history), ==, n_expected);
  g_clear_object (&history);
  integrity = integrity_check (path);
  g_assert_cmpstr (integrity, ==, "ok");
}

static gboolean
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  return mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) == 0;
}

/* ---- 1. The data folder cannot be written ---- */

typedef enum
{
  READ_ONLY_CHMOD,        /* a folder without write permission */
  READ_ONLY_MOUNT,        /* a read-only file system: what stops root too */
  READ_ONLY_DANGLING,     /* root, no mounts: history.db points nowhere */
} ReadOnlyKind;

static void
test_read_only_data_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "backstay", NULL);
  g_autofree char *path = g_build_filename (dir, "history.db", NULL);
  g_autoptr(BsClock) clock = bs_fake_clock_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;
  g_autofree char *problem = NULL;
  ReadOnlyKind kind;
  BsApplication *app;
  GtkWindow *window;
  guint n_stored = 0;

  if (!in_own_process ())
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (geteuid () != 0)
    kind = READ_ONLY_CHMOD;
  else if (can_mount && mount_tmpfs (dir, "4m"))
    kind = READ_ONLY_MOUNT;
  else
    kind = READ_ONLY_DANGLING;

  if (kind == READ_ONLY_DANGLING)
    {
      g_autofree char *nowhere = g_build_filename (test_root, "missing", "history.db", NULL);

      g_test_message ("root without mounts: history.db is a link into a missing folder");
      g_assert_cmpint (symlink (nowhere, path), ==, 0);
    }
  else
    {
      n_stored = make_history (path, 6);
      before = read_bytes (path);
    }
  listing_before = list_folder (dir);

  if (kind == READ_ONLY_CHMOD)
    g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  else if (kind == READ_ONLY_MOUNT)
    g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);

  /* The app starts, and says once that nothing will be kept. */
  app = app_new (clock, NULL);
  window = bs_test_app_open_window (app);
  g_assert_cmpuint (count_text (GTK_WIDGET (window), "History problem"), ==, 1);
  problem = dup_history_problem (window);
  g_test_message ("%s", problem);
  g_assert_true (g_str_has_prefix (problem, "Nothing will be kept after Backstay closes"));
  g_assert_nonnull (strstr (problem, path));

  /* The timer runs to the end, and the run is kept for as long as the app
   * runs, without a second message. */
  run_core_test (clock, window);
  g_assert_cmpuint (count_text (GTK_WIDGET (window), "History problem"), ==, 1);
  g_assert_cmpuint (n_entries (bs_application_get_history (app)), ==, 1);
  close_app (app);

  /* Nothing on disk changed. */
  listing_after = list_folder (dir);
  g_assert_cmpstr (listing_after, ==, listing_before);
  if (kind == READ_ONLY_DANGLING)
    {
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  else
    {
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }

  if (kind == READ_ONLY_CHMOD)
    g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  if (kind == READ_ONLY_MOUNT)
    {
      g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT, NULL), ==, 0);
      assert_history_intact (path, n_stored);
      g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
    }
  else if (kind == READ_ONLY_CHMOD)
    assert_history_intact (path, n_stored);
  remove_tree (dir);
}

/* ---- 2. The disk is full ---- */

/* Through the window: every write fails from the first checkpoint on. */
static void
test_full_disk_window (void)
{
  g_autofree char *dir = g_build_filename (test_root, "full-window", NULL);
  g_autofree char *path = g_build_filename (dir, "history.db", NULL);
  g_autoptr(BsClock) clock = bs_fake_clock_new ();
  g_autoptr(BsHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  BsApplication *app;
  GtkWindow *window;
  guint n_stored;

  if (!in_own_process ())
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  n_stored = make_history (path, 6);
  history = bs_history_open (path, &error);
  g_assert_no_error (error);

  app = app_new (clock, history);
  window = bs_test_app_open_window (app);
  g_assert_cmpuint (count_text (GTK_WIDGET (window), "History problem"), ==, 0);

  disk_full = TRUE;
  run_core_test (clock, window);
  disk_full = FALSE;

  /* Told once, naming the file and why. */
  g_assert_cmpuint (count_text (GTK_WIDGET (window), "History problem"), ==, 1);
  problem = dup_history_problem (window);
  g_test_message ("%s", problem);
  g_assert_true (g_str_has_prefix (problem, "This run could not be written to the history: "));
  g_assert_nonnull (strstr (problem, path));
  g_assert_nonnull (strstr (problem, "full"));
  /* The list shows what the file holds: the run is not in it. */
  g_assert_cmpuint (n_entries (history), ==, n_stored);

  close_app (app);
  g_clear_object (&history);
  assert_history_intact (path, n_stored);
  remove_tree (dir);
}

/* On a real file system that fills up: a small tmpfs. */
static void
test_full_disk_tmpfs (void)
{
  g_autofree char *dir = g_build_filename (test_root, "full-tmpfs", NULL);
  g_autofree char *path = g_build_filename (dir, "history.db", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(GDateTime) last_day = g_date_time_new_utc (2026, 6, 3, 0, 0, 0);
  g_autoptr(BsHistory) history = NULL;
  g_autoptr(GPtrArray) more = NULL;
  g_autoptr(GError) error = NULL;
  char block[4096] = { 0 };
  guint n_stored;
  gboolean refused = FALSE;
  int fd;

  if (!can_mount)
    {
      g_test_skip ("cannot mount a small file system here (needs root in a mount namespace); "
                   "/faults/full-disk/window fills the disk at SQLite's edge instead");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (mount_tmpfs (dir, "2m"));

  n_stored = make_history (path, 6);
  history = bs_history_open (path, &error);
  g_assert_no_error (error);

  /* Fill what is left. */
  fd = g_open (filler, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);

  /* A save can still fit in space the file already has; one that needs
   * more fails, saying which file and why. */
  more = bs_history_fixture_generate (60, last_day, 12);
  for (guint i = 0; i < more->len && !refused; i++)
    {
      if (bs_history_save (history, g_ptr_array_index (more, i), &error))
        {
          n_stored++;
          continue;
        }
      g_test_message ("after %u saves: %s", i, error->message);
      g_assert_error (error, BS_ERROR, BS_ERROR_IO);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, "full"));
      refused = TRUE;
    }
  g_assert_true (refused);
  g_assert_cmpuint (n_entries (history), ==, n_stored);
  g_clear_object (&history);

  g_assert_cmpint (g_unlink (filler), ==, 0);
  assert_history_intact (path, n_stored);
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
  remove_tree (dir);
}

/* ---- 3. Damaged settings ---- */

typedef struct
{
  const char *name;
  const char *keyfile;
} Damage;

static const Damage damages[] = {
  { "garbage", "\xff\xfe[garbage\nlead-in-seconds=\n[[[\xc3\x28=\n\x01\x02" },
  /* Valid syntax, values the schema refuses: GSettings falls back to the
   * defaults. */
  { "out-of-range",
    "[io/github/backstay/Backstay]\n"
    "lead-in-seconds=uint32 9999\n"
    "core-test-level=uint32 700\n"
    "core-test-form='sideways'\n"
    "cue-style='loud'\n"
    "volume=7.5\n"
    "units=42\n"
    "window-width=-5\n"
    "window-height=2147483647\n"
    "window-maximized='maybe'\n" },
};

static char *
write_damaged_config (const Damage *damage)
{
  g_autofree char *config = g_build_filename (test_root, "config", damage->name, NULL);
  g_autofree char *dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (dir, "keyfile", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (keyfile, damage->keyfile, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&config);
}

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

/* Runs the binary with the test environment and @env_pairs (NAME, VALUE,
 * ..., NULL) on top. */
static void
run_backstay (Run                *run,
              const char * const *argv,
              const char         *first_name,
              ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("BACKSTAY_BINARY");
  va_list ap;

  g_assert_nonnull (binary);
  va_start (ap, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (ap, const char *))
    g_subprocess_launcher_setenv (launcher, name, va_arg (ap, const char *), TRUE);
  va_end (ap);

  g_ptr_array_add (args, (char *) binary);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static const char * const version_args[] = { "--version", NULL };
static const char * const list_args[] = { "--list-routines", NULL };
static const char * const print_args[] = { "--print-routine", "core-test", NULL };
static const char * const * const command_lines[] = { version_args, list_args, print_args };

/* The command-line modes answer as they do with sound settings. */
static void
test_damaged_settings_command_line (gconstpointer data)
{
  const Damage *damage = data;
  g_autofree char *config = write_damaged_config (damage);

  for (guint i = 0; i < G_N_ELEMENTS (command_lines); i++)
    {
      g_auto(Run) good = { 0 };
      g_auto(Run) damaged = { 0 };

      run_backstay (&good, command_lines[i], "GSETTINGS_BACKEND", "memory", NULL);
      g_assert_cmpint (good.status, ==, 0);
      run_backstay (&damaged, command_lines[i], "GSETTINGS_BACKEND", "keyfile",
                    "XDG_CONFIG_HOME", config, NULL);
      g_assert_cmpint (damaged.status, ==, 0);
      g_assert_cmpstr (damaged.out, ==, good.out);
      g_assert_cmpstr (damaged.err, ==, "");
    }
}

/* The window, in a process of its own with the keyfile backend: it opens
 * with the defaults in place of what the schema refuses, and a run goes
 * to the end. */
static void
test_damaged_settings_window (gconstpointer data)
{
  const Damage *damage = data;
  g_autofree char *config = NULL;
  g_autofree char *saved_config = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(BsClock) clock = bs_fake_clock_new ();
      g_autoptr(BsHistory) history = bs_history_new_in_memory ();
      BsApplication *app = app_new (clock, history);
      GSettings *settings = bs_application_get_settings (app);
      GtkWindow *window = bs_test_app_open_window (app);
      int width, height;

      g_assert_cmpuint (g_settings_get_uint (settings, "lead-in-seconds"), ==, 10);
      g_assert_cmpuint (g_settings_get_uint (settings, "core-test-level"), ==, 0);
      gtk_window_get_default_size (window, &width, &height);
      g_assert_cmpint (width, >, 0);
      g_assert_cmpint (height, >, 0);
      g_assert_cmpint (height, <, 32768);
      g_assert_true (bs_test_tree_contains_text (GTK_WIDGET (window), "8 stages, 3:00 in all"));
      run_core_test (clock, window);
      g_assert_cmpuint (n_entries (history), ==, 1);
      close_app (app);
      return;
    }

  config = write_damaged_config (damage);
  saved_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("XDG_CONFIG_HOME", saved_config, TRUE);
  g_test_trap_assert_passed ();
  /* G_DEBUG=fatal-warnings makes any warning a failure above; a critical
   * is checked for in case a test runner clears it. */
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
}

/* ---- 4. No session bus ---- */

static void
test_no_session_bus_command_line (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (command_lines); i++)
    {
      g_auto(Run) good = { 0 };
      g_auto(Run) no_bus = { 0 };

      run_backstay (&good, command_lines[i], NULL);
      g_assert_cmpint (good.status, ==, 0);
      run_backstay (&no_bus, command_lines[i],
                    "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", NULL);
      g_assert_cmpint (no_bus.status, ==, 0);
      g_assert_cmpstr (no_bus.out, ==, good.out);
      g_assert_cmpstr (no_bus.err, ==, "");
    }
}

/* The app as it really starts, with its own id, registering on a bus that
 * is not there: it runs as its own primary instance. */
static void
test_no_session_bus_window (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(BsClock) clock = bs_fake_clock_new ();
      g_autoptr(BsHistory) history = bs_history_new_in_memory ();
      BsApplication *app = bs_application_new ();
      g_autoptr(GError) error = NULL;
      GtkWindow *window;

      /* GTK warns that it has no bus for accessibility and the session
       * manager: that is the point here, not a failure.  Criticals still
       * are. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      bs_application_set_clock (app, clock);
      bs_application_set_history (app, history);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
      g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
      window = bs_test_app_open_window (app);
      run_core_test (clock, window);
      g_assert_cmpuint (n_entries (history), ==, 1);
      close_app (app);
      return;
    }

  {
    g_autofree char *saved_bus = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
    /* GTK 4.8's accessibility still finds its own bus through the X
     * display, then publishes under the application's bus path, which
     * without a session bus is NULL: a critical inside GTK, whatever the
     * app does.  What is tested here is the app, so GTK's accessibility
     * is left out. */
    g_setenv ("GTK_A11Y", "none", TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_unsetenv ("GTK_A11Y");
    if (saved_bus != NULL)
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved_bus, TRUE);
    else
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  }
  g_test_trap_assert_passed ();
}

/* ---- ---- */

/* Mounts made by a test stay in this process's own mount namespace, and go
 * with it, whatever happens to the test. */
static gboolean
enter_private_mount_namespace (void)
{
  if (geteuid () != 0)
    return FALSE;
  if (unshare (CLONE_NEWNS) != 0)
    return FALSE;
  return mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  /* Before any thread starts, and before GLib reads the folders. */
  can_mount = enter_private_mount_namespace ();
  test_root = g_dir_make_tmp ("backstay-faults-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  data_home = g_build_filename (test_root, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  install_full_disk_vfs ();

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* Without a display only the command line is tested. */
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      g_test_add_func ("/faults/read-only-data-folder", test_read_only_data_folder);
      g_test_add_func ("/faults/full-disk/window", test_full_disk_window);
      g_test_add_func ("/faults/no-session-bus/window", test_no_session_bus_window);
    }
  g_test_add_func ("/faults/full-disk/tmpfs", test_full_disk_tmpfs);
  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *cli = g_strdup_printf ("/faults/damaged-settings/%s/command-line",
                                              damages[i].name);
      g_autofree char *win = g_strdup_printf ("/faults/damaged-settings/%s/window",
                                              damages[i].name);

      g_test_add_data_func (cli, &damages[i], test_damaged_settings_command_line);
      if (have_display)
        g_test_add_data_func (win, &damages[i], test_damaged_settings_window);
    }
  g_test_add_func ("/faults/no-session-bus/command-line", test_no_session_bus_command_line);

  ret = g_test_run ();
  remove_tree (test_root);
  g_free (test_root);
  return ret;
}
