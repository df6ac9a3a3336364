/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bs-error.h"
#include "bs-schedule.h"

struct _BsSchedule
{
  GObject parent_instance;

  BsRoutine *routine;
  char *form_id;
  char *form_name;
  guint level;
  guint lead_in;
  GArray *segments; /* BsSegment; strings point into the routine's steps */
  guint n_stages;
  guint work_seconds;
};

G_DEFINE_FINAL_TYPE (BsSchedule, bs_schedule, G_TYPE_OBJECT)

static void
bs_schedule_finalize (GObject *object)
{
  BsSchedule *self = BS_SCHEDULE (object);

  g_clear_object (&self->routine);
  g_free (self->form_id);
  g_free (self->form_name);
  g_array_unref (self->segments);

  G_OBJECT_CLASS (bs_schedule_parent_class)->finalize (object);
}

static void
bs_schedule_class_init (BsScheduleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_schedule_finalize;
}

static void
bs_schedule_init (BsSchedule *self)
{
  self->segments = g_array_new (FALSE, TRUE, sizeof (BsSegment));
}

/**
 * bs_schedule_new:
 * @routine: the routine to expand
 * @form_id: (nullable): one of the routine's forms, or %NULL for its first
 * @level: seconds to take off every hold; must be one the routine offers
 * @lead_in: seconds of "get ready" before the first step, 0 for none
 *
 * Expands @routine into the flat list of segments that a session walks.
 * The routine itself is left as it was.
 *
 * Returns: (transfer full): the schedule, or %NULL if the routine has no
 *   such form or level
 */
BsSchedule *
bs_schedule_new (BsRoutine   *routine,
                 const char  *form_id,
                 guint        level,
                 guint        lead_in,
                 GError     **error)
{
  g_autoptr(BsSchedule) self = NULL;
  guint offset = 0;
  int form_index = -1;

  g_return_val_if_fail (BS_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (lead_in <= BS_SCHEDULE_MAX_LEAD_IN, NULL);

  if (form_id != NULL)
    {
      form_index = bs_routine_find_form (routine, form_id);
      if (form_index < 0)
        {
          g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND,
                       _("“%s” has no form “%s”"), bs_routine_get_id (routine), form_id);
          return NULL;
        }
    }
  else if (bs_routine_get_n_forms (routine) > 0)
    {
      form_index = 0;
    }

  if (!bs_routine_has_level (routine, level))
    {
      g_autoptr(GString) offered = g_string_new (NULL);

      for (guint i = 0; i < bs_routine_get_n_levels (routine); i++)
        g_string_append_printf (offered, "%s%u", i ? ", " : "", bs_routine_get_level (routine, i));
      g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND,
                   _("“%s” has no level %u; its levels are %s"),
                   bs_routine_get_id (routine), level, offered->str);
      return NULL;
    }

  self = g_object_new (BS_TYPE_SCHEDULE, NULL);
  self->routine = g_object_ref (routine);
  self->level = level;
  self->lead_in = lead_in;
  if (form_index >= 0)
    {
      self->form_id = g_strdup (bs_routine_get_form_id (routine, form_index));
      self->form_name = g_strdup (bs_routine_get_form_name (routine, form_index));
    }

  if (lead_in > 0)
    {
      BsSegment segment = {
        .kind = BS_SEGMENT_GET_READY,
        .step_index = -1,
        .name = _("Get ready"),
        .side = BS_SIDE_NONE,
        .start = 0,
        .duration = lead_in,
      };
      if (bs_routine_get_n_steps (routine) > 0)
        segment.instruction = bs_step_get_name (bs_routine_get_step (routine, 0));
      g_array_append_val (self->segments, segment);
      offset = lead_in;
    }

  for (guint i = 0; i < bs_routine_get_n_steps (routine); i++)
    {
      BsStep *step = bs_routine_get_step (routine, i);
      guint seconds = bs_step_get_form_seconds (step, self->form_id);
      BsSegment segment = {
        .kind = BS_SEGMENT_WORK,
        .step_index = (int) i,
        .stage = ++self->n_stages,
        .name = bs_step_get_name (step),
        .instruction = bs_step_get_instruction (step),
        .side = bs_step_get_side (step),
        .start = offset,
        .duration = bs_level_apply (seconds, level, bs_routine_get_level_floor (routine)),
      };

      g_array_append_val (self->segments, segment);
      offset += segment.duration;
      self->work_seconds += segment.duration;
    }

  return g_steal_pointer (&self);
}

BsRoutine *
bs_schedule_get_routine (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), NULL);
  return self->routine;
}

const char *
bs_schedule_get_form_id (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), NULL);
  return self->form_id;
}

const char *
bs_schedule_get_form_name (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), NULL);
  return self->form_name;
}

guint
bs_schedule_get_level (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), 0);
  return self->level;
}

guint
bs_schedule_get_lead_in (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), 0);
  return self->lead_in;
}

guint
bs_schedule_get_n_segments (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), 0);
  return self->segments->len;
}

const BsSegment *
bs_schedule_get_segment (BsSchedule *self,
                         guint       index)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);
  return &g_array_index (self->segments, BsSegment, index);
}

guint
bs_schedule_get_n_stages (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), 0);
  return self->n_stages;
}

/**
 * bs_schedule_find_stage:
 *
 * Returns: the index of the segment of 1-based @stage, or -1
 */
int
bs_schedule_find_stage (BsSchedule *self,
                        guint       stage)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), -1);

  for (guint i = 0; i < self->segments->len; i++)
    if (g_array_index (self->segments, BsSegment, i).stage == stage && stage > 0)
      return (int) i;
  return -1;
}

/**
 * bs_schedule_get_work_seconds:
 *
 * Returns: the seconds of holding, without the lead-in: a test's target
 */
guint
bs_schedule_get_work_seconds (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), 0);
  return self->work_seconds;
}

guint
bs_schedule_get_total_seconds (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), 0);
  return self->lead_in + self->work_seconds;
}

const char *
bs_segment_kind_to_string (BsSegmentKind kind)
{
  switch (kind)
    {
    case BS_SEGMENT_GET_READY:
      return "get-ready";
    case BS_SEGMENT_WORK:
    default:
      return "work";
    }
}

/**
 * bs_schedule_to_json:
 *
 * Returns: (transfer full): the schedule as pretty-printed JSON, as
 *   `backstay --print-routine` writes it
 */
char *
bs_schedule_to_json (BsSchedule *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (BS_IS_SCHEDULE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "routine");
  json_builder_add_string_value (builder, bs_routine_get_id (self->routine));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, bs_routine_get_name (self->routine));
  if (self->form_id != NULL)
    {
      json_builder_set_member_name (builder, "form");
      json_builder_add_string_value (builder, self->form_id);
    }
  json_builder_set_member_name (builder, "level");
  json_builder_add_int_value (builder, self->level);
  json_builder_set_member_name (builder, "lead-in");
  json_builder_add_int_value (builder, self->lead_in);
  json_builder_set_member_name (builder, "work");
  json_builder_add_int_value (builder, self->work_seconds);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, bs_schedule_get_total_seconds (self));

  json_builder_set_member_name (builder, "segments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->segments->len; i++)
    {
      const BsSegment *segment = &g_array_index (self->segments, BsSegment, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, bs_segment_kind_to_string (segment->kind));
      if (segment->stage > 0)
        {
          json_builder_set_member_name (builder, "stage");
          json_builder_add_int_value (builder, segment->stage);
        }
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, segment->name);
      if (segment->side != BS_SIDE_NONE)
        {
          json_builder_set_member_name (builder, "side");
          json_builder_add_string_value (builder, bs_side_to_string (segment->side));
        }
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, segment->start);
      json_builder_set_member_name (builder, "duration");
      json_builder_add_int_value (builder, segment->duration);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
