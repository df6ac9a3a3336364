/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-step.h"

struct _BsStep
{
  GObject parent_instance;

  BsStepKind kind;
  char *name;
  char *instruction;
  BsSide side;
  guint seconds;
  /* Form id -> seconds, for steps whose hold differs between forms. */
  GHashTable *form_seconds;
};

G_DEFINE_FINAL_TYPE (BsStep, bs_step, G_TYPE_OBJECT)

static void
bs_step_finalize (GObject *object)
{
  BsStep *self = BS_STEP (object);

  g_free (self->name);
  g_free (self->instruction);
  g_clear_pointer (&self->form_seconds, g_hash_table_unref);

  G_OBJECT_CLASS (bs_step_parent_class)->finalize (object);
}

static void
bs_step_class_init (BsStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_step_finalize;
}

static void
bs_step_init (BsStep *self)
{
}

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
