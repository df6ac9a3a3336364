/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bs-error.h"
#include "bs-routine-library-private.h"

/*
 * The routines the app knows: the ones bundled in the GResource, and the
 * user's own "*.backstay.json" files in $XDG_DATA_HOME/backstay/routines.
 *
 * A bundled routine that fails to load is a bug in the build (the tests load
 * every one); it is reported loudly and left out rather than taking the
 * whole app down.
 *
 * A user's file that fails to load is the user's to fix: it is left out,
 * never moved, rewritten or deleted, and its error is kept in the load
 * errors so the UI can show them all together.  The same goes for a file
 * whose id is already taken: a bundled routine always keeps its id (a file
 * cannot shadow it; importing that file again keeps both under a new id),
 * and between two user files with one id the first by file name wins.
 *
 * Bundled routines are loaded once and keep their objects across reloads,
 * so a pointer to one stays good; a user routine's object is replaced by
 * every reload.
 */

#define ROUTINES_PATH RESOURCE_BASE "/routines/"

/* The core test leads the list: it is where every plan starts. */
static const char * const leading_ids[] = { "core-test", NULL };

struct _BsRoutineLibrary
{
  GObject parent_instance;

  GListStore *routines;
  GPtrArray *bundled;        /* BsRoutine, in the order found */
  GHashTable *bundled_paths; /* id → resource path */
  GHashTable *user_files;    /* id → GFile */
  GPtrArray *load_errors;    /* GError, for the user's files */
};

G_DEFINE_FINAL_TYPE (BsRoutineLibrary, bs_routine_library, G_TYPE_OBJECT)

static void
bs_routine_library_finalize (GObject *object)
{
  BsRoutineLibrary *self = BS_ROUTINE_LIBRARY (object);

  g_clear_object (&self->routines);
  g_clear_pointer (&self->bundled, g_ptr_array_unref);
  g_clear_pointer (&self->bundled_paths, g_hash_table_unref);
  g_clear_pointer (&self->user_files, g_hash_table_unref);
  g_clear_pointer (&self->load_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (bs_routine_library_parent_class)->finalize (object);
}

static void
bs_routine_library_class_init (BsRoutineLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_routine_library_finalize;
}

static int
rank (BsRoutine *routine)
{
  for (guint i = 0; leading_ids[i]; i++)
    if (g_str_equal (bs_routine_get_id (routine), leading_ids[i]))
      return (int) i;
  return G_N_ELEMENTS (leading_ids);
}

static int
compare_routines (gconstpointer a,
                  gconstpointer b)
{
  BsRoutine *ra = *(BsRoutine **) a, *rb = *(BsRoutine **) b;
  int order;

  if (rank (ra) != rank (rb))
    return rank (ra) - rank (rb);
  order = g_utf8_collate (bs_routine_get_name (ra), bs_routine_get_name (rb));
  /* Two routines may share a name; the id keeps the order stable. */
  return order != 0 ? order : strcmp (bs_routine_get_id (ra), bs_routine_get_id (rb));
}

static GError *
new_error (BsError     code,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static GError *
new_error (BsError     code,
           const char *format,
           ...)
{
  GError *error;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (BS_ERROR, code, format, args);
  va_end (args);
  return error;
}

static void
load_bundled (BsRoutineLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (ROUTINES_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (names == NULL)
    {
      g_critical ("No bundled routines: %s", error->message);
      return;
    }

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(BsRoutine) routine = NULL;
      g_autoptr(GError) load_error = NULL;
      const char *id;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      path = g_strconcat (ROUTINES_PATH, names[i], NULL);
      routine = bs_routine_new_from_resource (path, &load_error);
      if (routine == NULL)
        {
          g_critical ("Bundled routine not loaded: %s", load_error->message);
          continue;
        }
      id = bs_routine_get_id (routine);
      if (g_hash_table_contains (self->bundled_paths, id))
        {
          g_critical ("Bundled routine not loaded: %s: the id “%s” is used twice",
                      names[i], id);
          continue;
        }
      g_hash_table_insert (self->bundled_paths, g_strdup (id), g_steal_pointer (&path));
      g_ptr_array_add (self->bundled, g_steal_pointer (&routine));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Every *.backstay.json file name in @dir, sorted so that the same files
 * always load in the same order.  A missing folder is no routines. */
static GPtrArray *
list_user_files (GFile   *dir,
                 GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&names);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
        return NULL;
      if (info == NULL)
        break;
      if (g_str_has_suffix (g_file_info_get_name (info), BS_ROUTINE_FILE_SUFFIX))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

static void
load_user_file (BsRoutineLibrary *self,
                GFile            *file,
                GPtrArray        *routines,
                GHashTable       *user_files,
                GPtrArray        *errors)
{
  g_autofree char *name = bs_routine_file_display_name (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BsRoutine) routine = NULL;
  GError *error = NULL;
  GFile *other;
  const char *id;

  bytes = bs_routine_file_read (file, &error);
  if (bytes != NULL)
    routine = bs_routine_new_from_bytes (bytes, name, BS_ROUTINE_LOAD_NONE, &error);
  if (routine == NULL)
    {
      g_ptr_array_add (errors, error);
      return;
    }

  id = bs_routine_get_id (routine);
  if (g_hash_table_contains (self->bundled_paths, id))
    {
      g_ptr_array_add (errors,
                       new_error (BS_ERROR_INVALID,
                                  _("%s: “%s” is the id of a routine that comes with Backstay, "
                                    "so this file is not listed; import it to keep both"),
                                  name, id));
      return;
    }
  other = g_hash_table_lookup (user_files, id);
  if (other != NULL)
    {
      g_autofree char *other_name = bs_routine_file_display_name (other);

      g_ptr_array_add (errors,
                       new_error (BS_ERROR_INVALID,
                                  _("%s: “%s” is already the id of the routine in %s, "
                                    "so this file is not listed"),
                                  name, id, other_name));
      return;
    }

  g_hash_table_insert (user_files, g_strdup (id), g_object_ref (file));
  g_ptr_array_add (routines, g_steal_pointer (&routine));
}

static gboolean
load_all (BsRoutineLibrary  *self,
          GError           **error)
{
  g_autoptr(GPtrArray) routines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) user_files = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, g_object_unref);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) dir_error = NULL;
  guint n_old;

  for (guint i = 0; i < self->bundled->len; i++)
    g_ptr_array_add (routines, g_object_ref (g_ptr_array_index (self->bundled, i)));

  names = list_user_files (dir, &dir_error);
  if (names == NULL)
    {
      g_autofree char *where = g_file_get_parse_name (dir);

      g_ptr_array_add (errors, new_error (BS_ERROR_IO,
                                          _("Your routines in %s could not be read: %s"),
                                          where, dir_error->message));
    }
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (dir, g_ptr_array_index (names, i));

      load_user_file (self, file, routines, user_files, errors);
    }

  g_ptr_array_sort (routines, compare_routines);
  /* One splice, so a list shown from the model changes once. */
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->routines));
  g_list_store_splice (self->routines, 0, n_old, routines->pdata, routines->len);

  g_clear_pointer (&self->user_files, g_hash_table_unref);
  self->user_files = g_steal_pointer (&user_files);
  g_clear_pointer (&self->load_errors, g_ptr_array_unref);
  self->load_errors = g_steal_pointer (&errors);

  if (names == NULL)
    {
      g_propagate_error (error, g_error_copy (g_ptr_array_index (self->load_errors, 0)));
      return FALSE;
    }
  return TRUE;
}

static void
bs_routine_library_init (BsRoutineLibrary *self)
{
  self->routines = g_list_store_new (BS_TYPE_ROUTINE);
  self->bundled = g_ptr_array_new_with_free_func (g_object_unref);
  self->bundled_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  load_bundled (self);
  /* A failure is kept in the load errors for the UI to show. */
  load_all (self, NULL);
}

/**
 * bs_routine_library_new:
 *
 * Loads the bundled routines and the user's own.  Files of the user's that
 * could not be loaded are listed by bs_routine_library_get_load_errors().
 */
BsRoutineLibrary *
bs_routine_library_new (void)
{
  return g_object_new (BS_TYPE_ROUTINE_LIBRARY, NULL);
}

/**
 * bs_routine_library_get_user_dir:
 *
 * Returns: (transfer full): the folder that holds the user's routines; it
 *   may not exist yet
 */
GFile *
bs_routine_library_get_user_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "backstay", "routines", NULL);

  return g_file_new_for_path (path);
}

/**
 * bs_routine_library_get_model:
 *
 * Returns: (transfer none): the routines, as a list of #BsRoutine
 */
GListModel *
bs_routine_library_get_model (BsRoutineLibrary *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->routines);
}

/**
 * bs_routine_library_lookup:
 *
 * Returns: (transfer none) (nullable): the routine called @id; a user's
 *   routine lives until the next reload, so keep a reference to it
 */
BsRoutine *
bs_routine_library_lookup (BsRoutineLibrary *self,
                           const char       *id)
{
  guint n;

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->routines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BsRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      if (g_str_equal (bs_routine_get_id (routine), id))
        return routine;
    }
  return NULL;
}

/**
 * bs_routine_library_is_bundled:
 *
 * Returns: %TRUE if @id is a routine that comes with the app; it cannot be
 *   replaced or deleted
 */
gboolean
bs_routine_library_is_bundled (BsRoutineLibrary *self,
                               const char       *id)
{
  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_hash_table_contains (self->bundled_paths, id);
}

/**
 * bs_routine_library_get_user_file:
 *
 * Returns: (transfer none) (nullable): the file the user's routine @id was
 *   loaded from, or %NULL if @id is bundled or unknown
 */
GFile *
bs_routine_library_get_user_file (BsRoutineLibrary *self,
                                  const char       *id)
{
  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->user_files, id);
}

/**
 * bs_routine_library_get_load_errors:
 *
 * What went wrong in the last load: one error per user file that is not
 * listed, naming the file (and the line and column where the loader gives
 * them), or one for a routines folder that could not be read.
 *
 * Returns: (transfer none) (element-type GError): the errors, maybe none
 */
GPtrArray *
bs_routine_library_get_load_errors (BsRoutineLibrary *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), NULL);
  return self->load_errors;
}

/**
 * bs_routine_library_reload:
 *
 * Reads the user's routines again.  Files that fail to load do not stop the
 * others; they are listed by bs_routine_library_get_load_errors().
 *
 * Returns: %FALSE if the routines folder itself could not be read
 */
gboolean
bs_routine_library_reload (BsRoutineLibrary  *self,
                           GError           **error)
{
  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), FALSE);
  return load_all (self, error);
}

/**
 * bs_routine_library_delete:
 * @out_previous_contents: (out) (optional): the file as it was, for
 *   bs_routine_library_restore()
 *
 * Deletes the user's routine @id.  A bundled routine cannot be deleted.
 */
gboolean
bs_routine_library_delete (BsRoutineLibrary  *self,
                           const char        *id,
                           GBytes           **out_previous_contents,
                           GError           **error)
{
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (bs_routine_library_is_bundled (self, id))
    {
      g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                   _("“%s” comes with Backstay and cannot be deleted"), id);
      return FALSE;
    }
  if (bs_routine_library_get_user_file (self, id) == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND, _("There is no routine “%s”"), id);
      return FALSE;
    }
  file = g_object_ref (bs_routine_library_get_user_file (self, id));

  /* Read first: the contents are the only way back. */
  previous = bs_routine_file_read (file, error);
  if (previous == NULL)
    return FALSE;
  if (!g_file_delete (file, NULL, &local_error))
    {
      g_autofree char *name = bs_routine_file_display_name (file);

      g_set_error (error, BS_ERROR, BS_ERROR_IO, "%s: %s", name, local_error->message);
      return FALSE;
    }
  if (out_previous_contents != NULL)
    *out_previous_contents = g_steal_pointer (&previous);
  return bs_routine_library_reload (self, error);
}

/**
 * bs_routine_library_restore:
 * @contents: what bs_routine_library_delete() returned
 *
 * Puts a deleted routine back, as it was.  Refused if its id has been
 * taken since.
 */
gboolean
bs_routine_library_restore (BsRoutineLibrary  *self,
                            const char        *id,
                            GBytes            *contents,
                            GError           **error)
{
  g_autofree char *name = NULL;
  g_autoptr(BsRoutine) routine = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  name = g_strconcat (id, BS_ROUTINE_FILE_SUFFIX, NULL);
  routine = bs_routine_new_from_bytes (contents, name, BS_ROUTINE_LOAD_NONE, error);
  if (routine == NULL)
    return FALSE;
  if (!g_str_equal (bs_routine_get_id (routine), id))
    {
      g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                   _("%s: the file is the routine “%s”, not “%s”"),
                   name, bs_routine_get_id (routine), id);
      return FALSE;
    }
  if (bs_routine_library_lookup (self, id) != NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                   _("There is a routine “%s” again, so the deleted one cannot be put back"),
                   id);
      return FALSE;
    }

  file = bs_routine_library_new_user_file (self, id, error);
  if (file == NULL || !bs_routine_file_write (file, contents, 0600, error))
    return FALSE;
  return bs_routine_library_reload (self, error);
}

const char *
bs_routine_library_get_resource_path (BsRoutineLibrary *self,
                                      const char       *id)
{
  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (self), NULL);
  return g_hash_table_lookup (self->bundled_paths, id);
}
