/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The history file on disk, before SQLite sees it: a private folder and
 * file, and moving aside a file that cannot be used.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bs-error.h"
#include "bs-history-file.h"

/* SQLite's files beside the database; they go wherever it goes. */
static const char * const side_suffixes[] = { "-wal", "-shm" };

/**
 * bs_history_file_prepare_directory:
 * @tighten: whether to make an existing folder private too
 *
 * Makes @dir, and any missing parent, private (0700).
 */
gboolean
bs_history_file_prepare_directory (const char  *dir,
                                   gboolean     tighten,
                                   GError     **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_stat (dir, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BS_ERROR, BS_ERROR_IO, _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (tighten && (st.st_mode & 077) != 0 && g_chmod (dir, st.st_mode & 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BS_ERROR, BS_ERROR_IO, _("Could not make the folder “%s” private: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * bs_history_file_prepare:
 *
 * Makes the file, private (0600), before SQLite sees it, so that it never
 * exists with the umask's wider mode even for an instant.  An existing
 * file and its WAL files are made private too (SQLite gives those the
 * mode of the file).
 */
gboolean
bs_history_file_prepare (const char  *path,
                         GError     **error)
{
  struct stat st;
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || fstat (fd, &st) != 0 ||
      ((st.st_mode & 077) != 0 && fchmod (fd, st.st_mode & 0700) != 0))
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, BS_ERROR, BS_ERROR_IO, _("Could not open the history file “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);
      GStatBuf side_st;

      if (g_stat (side, &side_st) == 0 && (side_st.st_mode & 077) != 0)
        g_chmod (side, side_st.st_mode & 0700);
    }
  return TRUE;
}

/* Renames @from to @to unless @to exists: a hard link and an unlink do it
 * atomically.  Where the file system has no hard links, a check and a
 * rename do, as nothing else writes in the history's folder. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (link (from, to) == 0)
    return g_unlink (from) == 0 ? 0 : errno;
  if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS && errno != EMLINK)
    return errno;
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    return EEXIST;
  return g_rename (from, to) == 0 ? 0 : errno;
}

/**
 * bs_history_file_move_aside:
 * @reason: why, a translated clause for the error message
 *
 * Renames @path, with its WAL files, to `PATH.damaged-YYYYMMDD-HHMMSS`
 * (with a counter if that is taken).  Nothing is deleted or overwritten.
 *
 * Returns: (transfer full) (nullable): the new name, or %NULL if the file
 *   could not be moved (a read-only folder)
 */
char *
bs_history_file_move_aside (const char  *path,
                            const char  *reason,
                            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  int err = EEXIST;

  for (guint i = 1; err == EEXIST; i++)
    {
      g_free (target);
      target = i == 1 ? g_strdup_printf ("%s.damaged-%s", path, stamp)
                      : g_strdup_printf ("%s.damaged-%s-%u", path, stamp, i);
      err = rename_no_replace (path, target);
    }

  /* Left behind, an old WAL would be replayed into the fresh file. */
  for (guint i = 0; err == 0 && i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, side_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, side_suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        err = rename_no_replace (from, to);
    }

  if (err != 0)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_IO,
                   _("The history file “%s” cannot be used (%s) and could not be moved aside: %s"),
                   path, reason, g_strerror (err));
      return NULL;
    }

  g_debug ("Moved the history file %s aside to %s: %s", path, target, reason);
  return g_steal_pointer (&target);
}
