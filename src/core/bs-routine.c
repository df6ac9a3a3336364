/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include <glib/gi18n.h>

#include "bs-routine.h"
#include "bs-error.h"

#include <string.h>

typedef struct
{
  char *id;
  char *name;
  char *description;
} Form;

struct _BsRoutine
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *category;
  BsScoring scoring;
  int lead_in;       /* -1: the app's setting */
  guint rounds;
  guint round_rest;
  GPtrArray *forms;  /* Form */
  GArray *levels;    /* guint, seconds taken off every hold */
  guint level_floor;
  GPtrArray *steps;  /* BsStep */
};

G_DEFINE_FINAL_TYPE (BsRoutine, bs_routine, G_TYPE_OBJECT)

static void
form_free (gpointer data)
{
  Form *form = data;

  g_free (form->id);
  g_free (form->name);
  g_free (form->description);
  g_free (form);
}

static void
bs_routine_finalize (GObject *object)
{
  BsRoutine *self = BS_ROUTINE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->category);
  g_ptr_array_unref (self->forms);
  g_array_unref (self->levels);
  g_ptr_array_unref (self->steps);

  G_OBJECT_CLASS (bs_routine_parent_class)->finalize (object);
}

static void
bs_routine_class_init (BsRoutineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_routine_finalize;
}

static void
bs_routine_init (BsRoutine *self)
{
  guint standard = 0;

  self->forms = g_ptr_array_new_with_free_func (form_free);
  self->levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->levels, standard);
  self->level_floor = BS_ROUTINE_DEFAULT_LEVEL_FLOOR;
  self->lead_in = -1;
  self->rounds = 1;
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
}

BsRoutine *
bs_routine_new (const char *id,
                const char *name)
{
  BsRoutine *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (BS_TYPE_ROUTINE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  return self;
}

/**
 * bs_routine_new_from_file:
 *
 * Loads a user's routine file.  Its texts are shown as written.
 */
BsRoutine *
bs_routine_new_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* File names are bytes in the file system's encoding; messages are UTF-8. */
  {
    g_autofree char *basename = g_file_get_basename (file);
    name = g_filename_display_name (basename);
  }
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }
  return bs_routine_new_from_bytes (bytes, name, BS_ROUTINE_LOAD_NONE, error);
}

/**
 * bs_routine_new_from_resource:
 *
 * Loads a routine bundled with the app.  Its texts are translated.
 */
BsRoutine *
bs_routine_new_from_resource (const char  *path,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }
  return bs_routine_new_from_bytes (bytes, name, BS_ROUTINE_LOAD_TRANSLATE, error);
}

const char *
bs_routine_get_id (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), NULL);
  return self->id;
}

const char *
bs_routine_get_name (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), NULL);
  return self->name;
}

const char *
bs_routine_get_description (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), NULL);
  return self->description;
}

void
bs_routine_set_description (BsRoutine  *self,
                            const char *description)
{
  g_return_if_fail (BS_IS_ROUTINE (self));
  g_free (self->description);
  self->description = g_strdup (description);
}

/**
 * bs_routine_get_category:
 *
 * Returns: one of the BS_CATEGORY_ strings; a scored test is
 *   %BS_CATEGORY_TEST unless told otherwise, anything else
 *   %BS_CATEGORY_OTHER
 */
const char *
bs_routine_get_category (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), NULL);

  if (self->category != NULL)
    return self->category;
  return self->scoring == BS_SCORING_HOLD_TEST ? BS_CATEGORY_TEST : BS_CATEGORY_OTHER;
}

void
bs_routine_set_category (BsRoutine  *self,
                         const char *category)
{
  g_return_if_fail (BS_IS_ROUTINE (self));

  g_free (self->category);
  self->category = g_strdup (category);
}

BsScoring
bs_routine_get_scoring (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), BS_SCORING_NONE);
  return self->scoring;
}

void
bs_routine_set_scoring (BsRoutine *self,
                        BsScoring  scoring)
{
  g_return_if_fail (BS_IS_ROUTINE (self));
  self->scoring = scoring;
}

/**
 * bs_routine_get_lead_in:
 *
 * Returns: the seconds of "get ready" the routine asks for, which take
 *   precedence over the app's setting; -1 when it leaves that to the app
 */
int
bs_routine_get_lead_in (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), -1);
  return self->lead_in;
}

/**
 * bs_routine_set_lead_in:
 * @seconds: 0 to %BS_ROUTINE_MAX_LEAD_IN, or -1 to use the app's setting
 */
void
bs_routine_set_lead_in (BsRoutine *self,
                        int        seconds)
{
  g_return_if_fail (BS_IS_ROUTINE (self));
  g_return_if_fail (seconds >= -1 && seconds <= BS_ROUTINE_MAX_LEAD_IN);
  self->lead_in = seconds;
}

/**
 * bs_routine_get_rounds:
 *
 * Returns: how many times the whole list of steps is done, at least 1
 */
guint
bs_routine_get_rounds (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), 1);
  return self->rounds;
}

void
bs_routine_set_rounds (BsRoutine *self,
                       guint      rounds)
{
  g_return_if_fail (BS_IS_ROUTINE (self));
  g_return_if_fail (rounds >= 1);
  self->rounds = rounds;
}

/**
 * bs_routine_get_round_rest:
 *
 * Returns: the seconds of rest between two rounds; 0 leaves the last
 *   step's own rest-after as the pause between them
 */
guint
bs_routine_get_round_rest (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), 0);
  return self->round_rest;
}

void
bs_routine_set_round_rest (BsRoutine *self,
                           guint      seconds)
{
  g_return_if_fail (BS_IS_ROUTINE (self));
  self->round_rest = seconds;
}

guint
bs_routine_get_n_forms (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), 0);
  return self->forms->len;
}

static Form *
get_form (BsRoutine *self,
          guint      index)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->forms->len, NULL);
  return g_ptr_array_index (self->forms, index);
}

const char *
bs_routine_get_form_id (BsRoutine *self,
                        guint      index)
{
  Form *form = get_form (self, index);
  return form ? form->id : NULL;
}

const char *
bs_routine_get_form_name (BsRoutine *self,
                          guint      index)
{
  Form *form = get_form (self, index);
  return form ? form->name : NULL;
}

const char *
bs_routine_get_form_description (BsRoutine *self,
                                 guint      index)
{
  Form *form = get_form (self, index);
  return form ? form->description : NULL;
}

/**
 * bs_routine_find_form:
 *
 * Returns: the index of the form called @form_id, or -1
 */
int
bs_routine_find_form (BsRoutine  *self,
                      const char *form_id)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), -1);
  g_return_val_if_fail (form_id != NULL, -1);

  for (guint i = 0; i < self->forms->len; i++)
    {
      Form *form = g_ptr_array_index (self->forms, i);
      if (g_strcmp0 (form->id, form_id) == 0)
        return (int) i;
    }
  return -1;
}

void
bs_routine_add_form (BsRoutine  *self,
                     const char *id,
                     const char *name,
                     const char *description)
{
  Form *form;

  g_return_if_fail (BS_IS_ROUTINE (self));
  g_return_if_fail (id != NULL && name != NULL);

  form = g_new0 (Form, 1);
  form->id = g_strdup (id);
  form->name = g_strdup (name);
  form->description = g_strdup (description);
  g_ptr_array_add (self->forms, form);
}

guint
bs_routine_get_n_levels (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), 0);
  return self->levels->len;
}

/**
 * bs_routine_get_level:
 *
 * Returns: how many seconds level @index takes off every hold; level 0 is
 *   the routine as written
 */
guint
bs_routine_get_level (BsRoutine *self,
                      guint      index)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), 0);
  g_return_val_if_fail (index < self->levels->len, 0);
  return g_array_index (self->levels, guint, index);
}

gboolean
bs_routine_has_level (BsRoutine *self,
                      guint      level)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), FALSE);

  for (guint i = 0; i < self->levels->len; i++)
    if (g_array_index (self->levels, guint, i) == level)
      return TRUE;
  return FALSE;
}

void
bs_routine_set_levels (BsRoutine   *self,
                       const guint *levels,
                       guint        n_levels)
{
  g_return_if_fail (BS_IS_ROUTINE (self));
  g_return_if_fail (n_levels > 0);

  g_array_set_size (self->levels, 0);
  g_array_append_vals (self->levels, levels, n_levels);
}

guint
bs_routine_get_level_floor (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), BS_ROUTINE_DEFAULT_LEVEL_FLOOR);
  return self->level_floor;
}

void
bs_routine_set_level_floor (BsRoutine *self,
                            guint      floor_seconds)
{
  g_return_if_fail (BS_IS_ROUTINE (self));
  self->level_floor = floor_seconds;
}

guint
bs_routine_get_n_steps (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), 0);
  return self->steps->len;
}

BsStep *
bs_routine_get_step (BsRoutine *self,
                     guint      index)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return g_ptr_array_index (self->steps, index);
}

void
bs_routine_add_step (BsRoutine *self,
                     BsStep    *step)
{
  g_return_if_fail (BS_IS_ROUTINE (self));
  g_return_if_fail (BS_IS_STEP (step));
  g_ptr_array_add (self->steps, g_object_ref (step));
}

/**
 * bs_routine_id_is_valid:
 *
 * Returns: %TRUE if @id is 1 to 64 lower-case letters, digits, "-" or "_",
 *   starting with a letter or digit: what routine files, forms and a
 *   routine's file name may use
 */
gboolean
bs_routine_id_is_valid (const char *id)
{
  gsize len;

  g_return_val_if_fail (id != NULL, FALSE);

  len = strlen (id);
  if (len == 0 || len > 64 || !g_ascii_isalnum (id[0]))
    return FALSE;
  for (const char *c = id; *c; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-' || *c == '_'))
      return FALSE;
  return TRUE;
}

/**
 * bs_routine_category_to_label:
 * @category: (nullable): one of the BS_CATEGORY_ strings
 *
 * Returns: what the category is called, translated: "Stretching",
 *   "Strength", "Warm-up", "Test" or "Other"
 */
const char *
bs_routine_category_to_label (const char *category)
{
  if (g_strcmp0 (category, BS_CATEGORY_STRETCH) == 0)
    return C_("routine category", "Stretching");
  if (g_strcmp0 (category, BS_CATEGORY_STRENGTH) == 0)
    return C_("routine category", "Strength");
  if (g_strcmp0 (category, BS_CATEGORY_WARM_UP) == 0)
    return C_("routine category", "Warm-up");
  if (g_strcmp0 (category, BS_CATEGORY_TEST) == 0)
    return C_("routine category", "Test");
  return C_("routine category", "Other");
}

/**
 * bs_routine_category_is_valid:
 *
 * Returns: %TRUE if @category is one of the BS_CATEGORY_ strings
 */
gboolean
bs_routine_category_is_valid (const char *category)
{
  static const char * const categories[] = {
    BS_CATEGORY_TEST, BS_CATEGORY_STRETCH, BS_CATEGORY_STRENGTH, BS_CATEGORY_WARM_UP,
    BS_CATEGORY_OTHER, NULL
  };

  g_return_val_if_fail (category != NULL, FALSE);
  return g_strv_contains (categories, category);
}

/**
 * bs_level_apply:
 * @seconds: a hold as written
 * @level: seconds to take off
 * @floor_seconds: the shortest a shortened hold may become
 *
 * A level shortens a hold but never below the floor, and never lengthens a
 * hold that was already shorter than the floor.
 */
guint
bs_level_apply (guint seconds,
                guint level,
                guint floor_seconds)
{
  guint shortened;

  if (level == 0 || seconds <= floor_seconds)
    return seconds;
  shortened = seconds > level ? seconds - level : 0;
  return MAX (shortened, floor_seconds);
}
