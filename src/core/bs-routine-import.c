/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bs-error.h"
#include "bs-routine-import.h"
#include "bs-routine-library-private.h"

/*
 * Bringing a routine file into the user's routines, in two steps so that
 * the UI can ask in between: prepare reads and validates the file with the
 * real loader and finds out whether its id is taken; commit saves it.
 *
 * A file that does not load is refused whole with the loader's message,
 * and nothing is written.  What is written is written atomically (see
 * bs_routine_file_write()), so the folder never holds half a routine.
 *
 * "Keep both" edits only the "id" and "name" members of the document and
 * keeps the rest, comments included; the new text is validated again before
 * it is saved.
 */

/* What the loader allows; a longer id or name would make the copy fail to load. */
#define MAX_ID_LENGTH 64
#define MAX_NAME_LENGTH 2000
/* Far more copies than anyone makes; it keeps the search for a free id finite. */
#define MAX_COPIES 9999

struct _BsRoutineImport
{
  GObject parent_instance;

  BsRoutineLibrary *library;
  GBytes *contents;
  char *display_name;
  BsRoutine *routine;
  char *saved_id;
};

G_DEFINE_FINAL_TYPE (BsRoutineImport, bs_routine_import, G_TYPE_OBJECT)

static void
bs_routine_import_finalize (GObject *object)
{
  BsRoutineImport *self = BS_ROUTINE_IMPORT (object);

  g_clear_object (&self->library);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_free (self->display_name);
  g_clear_object (&self->routine);
  g_free (self->saved_id);

  G_OBJECT_CLASS (bs_routine_import_parent_class)->finalize (object);
}

static void
bs_routine_import_class_init (BsRoutineImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_routine_import_finalize;
}

static void
bs_routine_import_init (BsRoutineImport *self)
{
}

/**
 * bs_routine_import_prepare:
 * @library: the library the routine goes into
 * @file: the routine file
 *
 * Reads and validates @file.  Nothing is saved until
 * bs_routine_import_commit().
 *
 * Returns: (transfer full): the import, or %NULL with @error set to the
 *   loader's message, which names the file (and the line and column where
 *   the problem has one)
 */
BsRoutineImport *
bs_routine_import_prepare (BsRoutineLibrary  *library,
                           GFile             *file,
                           GError           **error)
{
  g_autoptr(BsRoutineImport) self = NULL;
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (library), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  contents = bs_routine_file_read (file, error);
  if (contents == NULL)
    return NULL;

  self = g_object_new (BS_TYPE_ROUTINE_IMPORT, NULL);
  self->library = g_object_ref (library);
  self->display_name = bs_routine_file_display_name (file);
  self->routine = bs_routine_new_from_bytes (contents, self->display_name,
                                             BS_ROUTINE_LOAD_NONE, error);
  if (self->routine == NULL)
    return NULL;
  self->contents = g_steal_pointer (&contents);
  return g_steal_pointer (&self);
}

/**
 * bs_routine_import_get_routine:
 *
 * Returns: (transfer none): the routine as the file holds it
 */
BsRoutine *
bs_routine_import_get_routine (BsRoutineImport *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_IMPORT (self), NULL);
  return self->routine;
}

/**
 * bs_routine_import_get_conflict:
 *
 * Returns: (transfer none) (nullable): the routine in the library that
 *   already has the imported routine's id, or %NULL
 */
BsRoutine *
bs_routine_import_get_conflict (BsRoutineImport *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_IMPORT (self), NULL);
  return bs_routine_library_lookup (self->library, bs_routine_get_id (self->routine));
}

/**
 * bs_routine_import_conflict_is_bundled:
 *
 * Returns: %TRUE if the id is taken by a routine that comes with the app:
 *   then keeping both is the only choice
 */
gboolean
bs_routine_import_conflict_is_bundled (BsRoutineImport *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_IMPORT (self), FALSE);
  return bs_routine_library_is_bundled (self->library, bs_routine_get_id (self->routine));
}

/**
 * bs_routine_import_get_saved_id:
 *
 * Returns: (nullable): the id the routine was saved under, once committed
 */
const char *
bs_routine_import_get_saved_id (BsRoutineImport *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_IMPORT (self), NULL);
  return self->saved_id;
}

/* The first of <id>-2, <id>-3 ... that is free, cut short to stay a valid id. */
static char *
find_copy_id (BsRoutineLibrary *library,
              const char       *id,
              guint            *out_number)
{
  for (guint n = 2; n <= MAX_COPIES; n++)
    {
      g_autofree char *suffix = g_strdup_printf ("-%u", n);
      gsize keep = MIN (strlen (id), MAX_ID_LENGTH - strlen (suffix));
      g_autofree char *candidate = g_strdup_printf ("%.*s%s", (int) keep, id, suffix);

      if (bs_routine_id_is_valid (candidate) && bs_routine_library_id_is_free (library, candidate))
        {
          *out_number = n;
          return g_steal_pointer (&candidate);
        }
    }
  return NULL;
}

static char *
format_copy_name (const char *name,
                  guint       number)
{
  /* Translators: the name of an imported routine saved beside another with
   * the same id, and the copy's number: “Morning stretch (2)” */
  return g_strdup_printf (_("%s (%u)"), name, number);
}

static char *
copy_name (const char *name,
           guint       number)
{
  g_autofree char *copy = format_copy_name (name, number);
  glong excess = g_utf8_strlen (copy, -1) - MAX_NAME_LENGTH;
  g_autofree char *shortened = NULL;

  if (excess <= 0)
    return g_steal_pointer (&copy);
  shortened = g_utf8_substring (name, 0, MAX (g_utf8_strlen (name, -1) - excess, 1));
  return format_copy_name (shortened, number);
}

/* The document with a new "id" and "name" and everything else as it was. */
static GBytes *
rename_document (GBytes      *contents,
                 const char  *display_name,
                 const char  *id,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) text = NULL;
  const char *data;
  gsize size;
  JsonNode *root;

  data = g_bytes_get_data (contents, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, BS_ERROR, BS_ERROR_PARSE, "%s: %s", display_name, local_error->message);
      return NULL;
    }
  /* The loader accepted these bytes, so the root is an object. */
  root = json_parser_get_root (parser);
  json_object_set_string_member (json_node_get_object (root), "id", id);
  json_object_set_string_member (json_node_get_object (root), "name", name);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static GBytes *
make_copy (BsRoutineImport  *self,
           char            **out_id,
           GError          **error)
{
  const char *id = bs_routine_get_id (self->routine);
  g_autofree char *new_id = NULL;
  g_autofree char *new_name = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(BsRoutine) check = NULL;
  guint number = 0;

  new_id = find_copy_id (self->library, id, &number);
  if (new_id == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                   _("There are too many copies of “%s” to keep another"), id);
      return NULL;
    }
  new_name = copy_name (bs_routine_get_name (self->routine), number);
  contents = rename_document (self->contents, self->display_name, new_id, new_name, error);
  if (contents == NULL)
    return NULL;

  check = bs_routine_new_from_bytes (contents, self->display_name, BS_ROUTINE_LOAD_NONE, error);
  if (check == NULL)
    return NULL;

  *out_id = g_steal_pointer (&new_id);
  return g_steal_pointer (&contents);
}

/**
 * bs_routine_import_commit:
 * @action: what to do if the id is taken; ignored otherwise
 *
 * Saves the routine in the user's routines folder and reloads the library,
 * which then lists it under bs_routine_import_get_saved_id().  A bundled
 * routine cannot be replaced: %BS_IMPORT_ACTION_REPLACE is then refused
 * and nothing is written.
 *
 * Returns: %TRUE if the routine was saved and the library reloaded
 */
gboolean
bs_routine_import_commit (BsRoutineImport  *self,
                          BsImportAction    action,
                          GError          **error)
{
  const char *id;
  g_autofree char *new_id = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BS_IS_ROUTINE_IMPORT (self), FALSE);
  g_return_val_if_fail (action == BS_IMPORT_ACTION_REPLACE ||
                        action == BS_IMPORT_ACTION_KEEP_BOTH, FALSE);
  g_return_val_if_fail (self->saved_id == NULL, FALSE);

  id = bs_routine_get_id (self->routine);
  if (bs_routine_import_get_conflict (self) == NULL)
    {
      new_id = g_strdup (id);
      contents = g_bytes_ref (self->contents);
      file = bs_routine_library_new_user_file (self->library, id, error);
    }
  else if (action == BS_IMPORT_ACTION_REPLACE)
    {
      if (bs_routine_library_is_bundled (self->library, id))
        {
          g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                       _("“%s” comes with Backstay and cannot be replaced; keep both instead"),
                       id);
          return FALSE;
        }
      new_id = g_strdup (id);
      contents = g_bytes_ref (self->contents);
      file = g_object_ref (bs_routine_library_get_user_file (self->library, id));
    }
  else
    {
      contents = make_copy (self, &new_id, error);
      if (contents == NULL)
        return FALSE;
      file = bs_routine_library_new_user_file (self->library, new_id, error);
    }

  if (file == NULL || !bs_routine_file_write (file, contents, 0600, error))
    return FALSE;
  self->saved_id = g_steal_pointer (&new_id);
  return bs_routine_library_reload (self->library, error);
}

/**
 * bs_routine_export:
 * @destination: where to write; replaced if it exists
 *
 * Writes routine @id to @destination: a user's routine byte for byte as it
 * is stored, a bundled routine as its bundled file (the texts untranslated,
 * which is what the loader reads back).  The file is checked with the
 * loader first, so what is exported can be imported again.
 */
gboolean
bs_routine_export (BsRoutineLibrary  *library,
                   const char        *id,
                   GFile             *destination,
                   GError           **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(BsRoutine) check = NULL;
  g_autofree char *name = NULL;
  GFile *file;
  const char *path;

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (library), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  file = bs_routine_library_get_user_file (library, id);
  path = bs_routine_library_get_resource_path (library, id);
  if (file != NULL)
    {
      name = bs_routine_file_display_name (file);
      contents = bs_routine_file_read (file, error);
    }
  else if (path != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      name = g_path_get_basename (path);
      contents = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (contents == NULL)
        g_set_error (error, BS_ERROR, BS_ERROR_IO, "%s: %s", name, local_error->message);
    }
  else
    {
      g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND, _("There is no routine “%s”"), id);
      return FALSE;
    }
  if (contents == NULL)
    return FALSE;

  /* A user's file may have been edited since it was loaded. */
  check = bs_routine_new_from_bytes (contents, name, BS_ROUTINE_LOAD_NONE, error);
  if (check == NULL)
    return FALSE;
  return bs_routine_file_write (destination, contents, 0666, error);
}
