/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "bs-error.h"
#include "bs-routine-library-private.h"

/*
 * The routine files on disk: reading and writing one safely, and naming
 * the file for a new routine in the user's folder.  The library and the
 * import code both go through these, so a file is read with one size limit
 * and written with one crash-safety rule everywhere.
 */

/* The loader refuses a routine larger than 1 MiB; reading one byte more
 * than that lets it say so without reading a huge file whole. */
#define READ_LIMIT (1024 * 1024 + 1)

/* File names are bytes in the file system's encoding; messages are UTF-8. */
char *
bs_routine_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

/**
 * bs_routine_file_read:
 *
 * Reads a routine file, but never more than a routine may hold plus one
 * byte, so that a huge file is refused by the loader without being read.
 *
 * Returns: (transfer full): the contents, or %NULL with a #BS_ERROR_IO
 *   error naming the file
 */
GBytes *
bs_routine_file_read (GFile   *file,
                      GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  gsize n_read = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    {
      buffer = g_malloc (READ_LIMIT);
      if (g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, READ_LIMIT, &n_read,
                                   NULL, &local_error))
        return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), n_read), n_read);
    }

  {
    g_autofree char *name = bs_routine_file_display_name (file);

    g_set_error (error, BS_ERROR, BS_ERROR_IO, "%s: %s", name, local_error->message);
  }
  return NULL;
}

/**
 * bs_routine_file_write:
 * @mode: the permissions of a new local file, before the umask
 *
 * Writes @contents so that a crash leaves the old file or the new one,
 * never part of either: a local file is written to a temporary file beside
 * it, flushed to the disk and renamed over it.  Elsewhere, GIO's replace
 * does the same as far as the location allows.
 */
gboolean
bs_routine_file_write (GFile   *file,
                       GBytes  *contents,
                       int      mode,
                       GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;
  gboolean written;

  data = g_bytes_get_data (contents, &size);
  if (path != NULL)
    written = g_file_set_contents_full (path, data != NULL ? data : "", (gssize) size,
                                        G_FILE_SET_CONTENTS_CONSISTENT |
                                        G_FILE_SET_CONTENTS_DURABLE,
                                        mode, &local_error);
  else
    written = g_file_replace_contents (file, data != NULL ? data : "", size, NULL, FALSE,
                                       G_FILE_CREATE_NONE, NULL, NULL, &local_error);
  if (!written)
    {
      g_autofree char *name = bs_routine_file_display_name (file);

      g_set_error (error, BS_ERROR, BS_ERROR_IO, "%s: %s", name, local_error->message);
    }
  return written;
}

static GFile *
user_file_named (const char *id,
                 guint       n)
{
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();
  g_autofree char *name = NULL;

  if (n < 2)
    name = g_strconcat (id, BS_ROUTINE_FILE_SUFFIX, NULL);
  else
    name = g_strdup_printf ("%s-%u" BS_ROUTINE_FILE_SUFFIX, id, n);
  return g_file_get_child (dir, name);
}

/* A file's existence, without following a symbolic link: a dangling link
 * still takes the name. */
static gboolean
file_exists (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL)
         != G_FILE_TYPE_UNKNOWN;
}

/**
 * bs_routine_library_id_is_free:
 *
 * Returns: %TRUE if no routine has @id and its file name is not taken by
 *   a file that did not load
 */
gboolean
bs_routine_library_id_is_free (BsRoutineLibrary *self,
                               const char       *id)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), FALSE);

  if (bs_routine_library_lookup (self, id) != NULL)
    return FALSE;
  file = user_file_named (id, 0);
  return !file_exists (file);
}

/**
 * bs_routine_library_new_user_file:
 *
 * Makes the routines folder if needed (readable by the user only) and
 * picks the file for a new routine @id: `<id>.backstay.json`, or, if a file
 * that did not load holds that name, `<id>-2.backstay.json` and so on, so
 * that no file is ever written over by a new routine.
 *
 * Returns: (transfer full): the file, not yet written
 */
GFile *
bs_routine_library_new_user_file (BsRoutineLibrary  *self,
                                  const char        *id,
                                  GError           **error)
{
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();
  g_autofree char *path = g_file_get_path (dir);

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), NULL);

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *where = g_filename_display_name (path);

      g_set_error (error, BS_ERROR, BS_ERROR_IO, _("The folder %s could not be made: %s"),
                   where, g_strerror (saved_errno));
      return NULL;
    }

  for (guint n = 1; n < G_MAXUINT; n++)
    {
      g_autoptr(GFile) file = user_file_named (id, n);

      if (!file_exists (file))
        return g_steal_pointer (&file);
    }
  g_assert_not_reached ();
}
