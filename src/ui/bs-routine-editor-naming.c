/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "bs-error.h"
#include "bs-routine-editor-private.h"
#include "bs-routine-writer.h"

/*
 * Where a new routine is saved: an id made from its name that no routine
 * and no file in the routines folder has, and that folder made if needed.
 * Pure functions of the library and the folder, no editor state.
 */

/* Room left in an id for "-9999". */
#define MAX_BASE_ID 59

static gboolean
id_is_free (BsRoutineLibrary *library,
            GFile            *dir,
            const char       *id)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;

  if (!bs_routine_id_is_valid (id) || bs_routine_library_lookup (library, id) != NULL)
    return FALSE;
  /* A file that did not load still holds its name. */
  name = g_strconcat (id, BS_ROUTINE_FILE_SUFFIX, NULL);
  file = g_file_get_child (dir, name);
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL)
         == G_FILE_TYPE_UNKNOWN;
}

/**
 * bs_routine_editor_make_id:
 * @name: the routine's name
 *
 * Makes the id of a new routine from its name: lower case, every run of
 * other characters than a-z and 0-9 made one "-", with "-2", "-3" … added
 * if a routine or a file in the routines folder has it already.
 *
 * Returns: (transfer full) (nullable): the id, or %NULL if every number
 *   up to 9999 is taken
 */
char *
bs_routine_editor_make_id (BsRoutineLibrary *library,
                           const char       *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) base = g_string_new (NULL);
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (library), NULL);

  for (const char *c = ascii; *c != '\0' && base->len < MAX_BASE_ID; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (base, g_ascii_tolower (*c));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_assign (base, "routine");

  if (id_is_free (library, dir, base->str))
    return g_strdup (base->str);
  for (guint n = 2; n <= 9999; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", base->str, n);

      if (id_is_free (library, dir, candidate))
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

GFile *
bs_routine_editor_new_file (const char  *id,
                            GError     **error)
{
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autofree char *name = g_strconcat (id, BS_ROUTINE_FILE_SUFFIX, NULL);

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *where = g_filename_display_name (path);

      g_set_error (error, BS_ERROR, BS_ERROR_IO, _("The folder %s could not be made: %s"),
                   where, g_strerror (saved_errno));
      return NULL;
    }
  return g_file_get_child (dir, name);
}
