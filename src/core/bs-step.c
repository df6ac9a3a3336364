/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-step.h"

#include <string.h>

struct _BsStep
{
  GObject parent_instance;

  BsStepKind kind;
  char *name;
  char *instruction;
  char *illustration;
  BsSide side;
  guint seconds;
  /* Form id -> seconds, for steps whose hold differs between forms. */
  GHashTable *form_seconds;
  guint sets;
  guint set_rest;
  guint switch_seconds;
  BsSide first_side;
  guint reps;
  guint pace;
  guint rest_after;
};

G_DEFINE_FINAL_TYPE (BsStep, bs_step, G_TYPE_OBJECT)

static void
bs_step_finalize (GObject *object)
{
  BsStep *self = BS_STEP (object);

  g_free (self->name);
  g_free (self->instruction);
  g_free (self->illustration);
  g_clear_pointer (&self->form_seconds, g_hash_table_unref);

  G_OBJECT_CLASS (bs_step_parent_class)->finalize (object);
}

static void
bs_step_class_init (BsStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_step_finalize;
}

/* The defaults here are the format's defaults: a field a file leaves out
 * has exactly these values (data/routines/README.md). */
static void
bs_step_init (BsStep *self)
{
  self->sets = 1;
  self->switch_seconds = BS_STEP_DEFAULT_SWITCH_SECONDS;
  self->first_side = BS_SIDE_RIGHT;
  self->pace = BS_STEP_UNTIL_DONE;
}

/**
 * bs_step_new:
 * @kind: what the step is
 * @name: what to show as its title
 * @seconds: the hold (per side, for %BS_STEP_PER_SIDE) or the rest; 0 for
 *   a counted step, whose length comes from its repetitions
 */
BsStep *
bs_step_new (BsStepKind  kind,
             const char *name,
             guint       seconds)
{
  BsStep *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (BS_TYPE_STEP, NULL);
  self->kind = kind;
  self->name = g_strdup (name);
  self->seconds = seconds;
  return self;
}

BsStepKind
bs_step_get_kind (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), BS_STEP_HOLD);
  return self->kind;
}

const char *
bs_step_get_name (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), NULL);
  return self->name;
}

const char *
bs_step_get_instruction (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), NULL);
  return self->instruction;
}

void
bs_step_set_instruction (BsStep     *self,
                         const char *instruction)
{
  g_return_if_fail (BS_IS_STEP (self));
  g_free (self->instruction);
  self->instruction = g_strdup (instruction);
}

/**
 * bs_step_get_illustration:
 *
 * Returns: (nullable): the id of the step's picture; the app shows the
 *   resource illustrations/ID.svg
 */
const char *
bs_step_get_illustration (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), NULL);
  return self->illustration;
}

void
bs_step_set_illustration (BsStep     *self,
                          const char *illustration)
{
  g_return_if_fail (BS_IS_STEP (self));
  g_return_if_fail (illustration == NULL || bs_illustration_id_is_valid (illustration));
  g_free (self->illustration);
  self->illustration = g_strdup (illustration);
}

BsSide
bs_step_get_side (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), BS_SIDE_NONE);
  return self->side;
}

void
bs_step_set_side (BsStep *self,
                  BsSide  side)
{
  g_return_if_fail (BS_IS_STEP (self));
  self->side = side;
}

guint
bs_step_get_seconds (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), 0);
  return self->seconds;
}

/**
 * bs_step_get_form_seconds:
 * @form_id: (nullable): a form of the routine, or %NULL for the default
 *
 * Returns: the hold in seconds for @form_id, before any level is applied
 */
guint
bs_step_get_form_seconds (BsStep     *self,
                          const char *form_id)
{
  gpointer value;

  g_return_val_if_fail (BS_IS_STEP (self), 0);

  if (form_id != NULL && self->form_seconds != NULL &&
      g_hash_table_lookup_extended (self->form_seconds, form_id, NULL, &value))
    return GPOINTER_TO_UINT (value);
  return self->seconds;
}

void
bs_step_set_form_seconds (BsStep     *self,
                          const char *form_id,
                          guint       seconds)
{
  g_return_if_fail (BS_IS_STEP (self));
  g_return_if_fail (form_id != NULL);

  if (self->form_seconds == NULL)
    self->form_seconds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_replace (self->form_seconds, g_strdup (form_id), GUINT_TO_POINTER (seconds));
}

/**
 * bs_step_get_sets:
 *
 * Returns: how many times the step is done in a row, at least 1
 */
guint
bs_step_get_sets (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), 1);
  return self->sets;
}

void
bs_step_set_sets (BsStep *self,
                  guint   sets)
{
  g_return_if_fail (BS_IS_STEP (self));
  g_return_if_fail (sets >= 1);
  self->sets = sets;
}

/**
 * bs_step_get_set_rest:
 *
 * Returns: the seconds of rest between two sets
 */
guint
bs_step_get_set_rest (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), 0);
  return self->set_rest;
}

void
bs_step_set_set_rest (BsStep *self,
                      guint   seconds)
{
  g_return_if_fail (BS_IS_STEP (self));
  self->set_rest = seconds;
}

/**
 * bs_step_get_switch_seconds:
 *
 * Returns: for a per-side step, the pause to change sides; 0 for none
 */
guint
bs_step_get_switch_seconds (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), 0);
  return self->switch_seconds;
}

void
bs_step_set_switch_seconds (BsStep *self,
                            guint   seconds)
{
  g_return_if_fail (BS_IS_STEP (self));
  self->switch_seconds = seconds;
}

/**
 * bs_step_get_first_side:
 *
 * Returns: for a per-side step, the side each set starts with
 */
BsSide
bs_step_get_first_side (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), BS_SIDE_RIGHT);
  return self->first_side;
}

void
bs_step_set_first_side (BsStep *self,
                        BsSide  side)
{
  g_return_if_fail (BS_IS_STEP (self));
  g_return_if_fail (side == BS_SIDE_LEFT || side == BS_SIDE_RIGHT);
  self->first_side = side;
}

/**
 * bs_step_get_reps:
 *
 * Returns: for a counted step, the repetitions in each set; otherwise 0
 */
guint
bs_step_get_reps (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), 0);
  return self->reps;
}

void
bs_step_set_reps (BsStep *self,
                  guint   reps)
{
  g_return_if_fail (BS_IS_STEP (self));
  self->reps = reps;
}

/**
 * bs_step_get_pace:
 *
 * Returns: for a counted step, the seconds each repetition takes, or
 *   %BS_STEP_UNTIL_DONE when the person says when the set is over
 */
guint
bs_step_get_pace (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), BS_STEP_UNTIL_DONE);
  return self->pace;
}

void
bs_step_set_pace (BsStep *self,
                  guint   seconds_per_rep)
{
  g_return_if_fail (BS_IS_STEP (self));
  self->pace = seconds_per_rep;
}

/**
 * bs_step_get_rest_after:
 *
 * Returns: the seconds of rest after the step's last set, before the next
 *   step (never after the routine's very end)
 */
guint
bs_step_get_rest_after (BsStep *self)
{
  g_return_val_if_fail (BS_IS_STEP (self), 0);
  return self->rest_after;
}

void
bs_step_set_rest_after (BsStep *self,
                        guint   seconds)
{
  g_return_if_fail (BS_IS_STEP (self));
  self->rest_after = seconds;
}

/**
 * bs_step_kind_to_string:
 *
 * Returns: the kind as routine files write it
 */
const char *
bs_step_kind_to_string (BsStepKind kind)
{
  switch (kind)
    {
    case BS_STEP_PER_SIDE:
      return "per-side";
    case BS_STEP_COUNTED:
      return "counted";
    case BS_STEP_REST:
      return "rest";
    case BS_STEP_HOLD:
    default:
      return "hold";
    }
}

gboolean
bs_step_kind_from_string (const char *text,
                          BsStepKind *kind)
{
  static const BsStepKind kinds[] = {
    BS_STEP_HOLD, BS_STEP_PER_SIDE, BS_STEP_COUNTED, BS_STEP_REST
  };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (text, bs_step_kind_to_string (kinds[i])))
      {
        *kind = kinds[i];
        return TRUE;
      }
  return FALSE;
}

const char *
bs_side_to_string (BsSide side)
{
  switch (side)
    {
    case BS_SIDE_LEFT:
      return "left";
    case BS_SIDE_RIGHT:
      return "right";
    case BS_SIDE_NONE:
    default:
      return NULL;
    }
}

BsSide
bs_side_other (BsSide side)
{
  switch (side)
    {
    case BS_SIDE_LEFT:
      return BS_SIDE_RIGHT;
    case BS_SIDE_RIGHT:
      return BS_SIDE_LEFT;
    case BS_SIDE_NONE:
    default:
      return BS_SIDE_NONE;
    }
}

/**
 * bs_illustration_id_is_valid:
 *
 * Returns: %TRUE if @id is 1 to %BS_STEP_MAX_ILLUSTRATION lower-case
 *   letters, digits and "-": safe to put in a resource path as it is
 */
gboolean
bs_illustration_id_is_valid (const char *id)
{
  gsize len;

  g_return_val_if_fail (id != NULL, FALSE);

  len = strlen (id);
  if (len == 0 || len > BS_STEP_MAX_ILLUSTRATION)
    return FALSE;
  for (const char *c = id; *c; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
      return FALSE;
  return TRUE;
}
