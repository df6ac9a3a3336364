/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include "bs-routine-library.h"

/*
 * The routines the app knows: today the ones bundled in the GResource.
 * A bundled routine that fails to load is a bug in the build (the tests load
 * every one); it is reported loudly and left out rather than taking the
 * whole app down.
 */

#define ROUTINES_PATH RESOURCE_BASE "/routines/"

/* The core test leads the list: it is where every plan starts. */
static const char * const leading_ids[] = { "core-test", NULL };

struct _BsRoutineLibrary
{
  GObject parent_instance;

  GListStore *routines;
};

G_DEFINE_FINAL_TYPE (BsRoutineLibrary, bs_routine_library, G_TYPE_OBJECT)

static void
bs_routine_library_finalize (GObject *object)
{
  BsRoutineLibrary *self = BS_ROUTINE_LIBRARY (object);

  g_clear_object (&self->routines);

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
                  gconstpointer b,
                  gpointer      user_data)
{
  BsRoutine *ra = BS_ROUTINE ((gpointer) a), *rb = BS_ROUTINE ((gpointer) b);

  if (rank (ra) != rank (rb))
    return rank (ra) - rank (rb);
  return g_utf8_collate (bs_routine_get_name (ra), bs_routine_get_name (rb));
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

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      path = g_strconcat (ROUTINES_PATH, names[i], NULL);
      routine = bs_routine_new_from_resource (path, &load_error);
      if (routine == NULL)
        {
          g_critical ("Bundled routine not loaded: %s", load_error->message);
          continue;
        }
      g_list_store_insert_sorted (self->routines, routine, compare_routines, NULL);
    }
}

static void
bs_routine_library_init (BsRoutineLibrary *self)
{
  self->routines = g_list_store_new (BS_TYPE_ROUTINE);
  load_bundled (self);
}

BsRoutineLibrary *
bs_routine_library_new (void)
{
  return g_object_new (BS_TYPE_ROUTINE_LIBRARY, NULL);
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
 * Returns: (transfer none) (nullable): the routine called @id
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
