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
  guint rest_seconds;  /* rests and switches */
  guint length;        /* the end of the last segment */
  gboolean open_ended;
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

/* Adds @segment at the end of the time line, numbering it if it is work. */
static void
append (BsSchedule *self,
        BsSegment  *segment)
{
  segment->start = self->length;
  segment->next_work = -1;
  self->length += segment->duration;
  if (segment->kind == BS_SEGMENT_WORK)
    {
      segment->stage = ++self->n_stages;
      self->work_seconds += segment->duration;
      self->open_ended |= segment->until_done;
    }
  else if (segment->kind != BS_SEGMENT_GET_READY)
    {
      self->rest_seconds += segment->duration;
    }
  g_array_append_val (self->segments, *segment);
}

static void
append_rest (BsSchedule *self,
             int         step_index,
             guint       round,
             guint       n_rounds,
             guint       seconds)
{
  BsSegment rest = {
    .kind = BS_SEGMENT_REST,
    .step_index = step_index,
    .name = _("Rest"),
    .duration = seconds,
    .round = round,
    .n_rounds = n_rounds,
  };

  if (seconds > 0)
    append (self, &rest);
}

/* One step, every set of it, as the format describes: a per-side set is
 * the first side, the switch, then the other side, and every set starts
 * on the first side, so both sides get the same rest. */
static void
expand_step (BsSchedule *self,
             guint       index,
             guint       round,
             guint       n_rounds)
{
  BsRoutine *routine = self->routine;
  BsStep *step = bs_routine_get_step (routine, index);
  BsStepKind kind = bs_step_get_kind (step);
  guint sets = bs_step_get_sets (step);
  guint hold = bs_level_apply (bs_step_get_form_seconds (step, self->form_id), self->level,
                               bs_routine_get_level_floor (routine));
  BsSegment base = {
    .kind = BS_SEGMENT_WORK,
    .step_index = (int) index,
    .name = bs_step_get_name (step),
    .instruction = bs_step_get_instruction (step),
    .illustration = bs_step_get_illustration (step),
    .round = round,
    .n_rounds = n_rounds,
  };

  if (kind == BS_STEP_REST)
    {
      BsSegment rest = base;

      rest.kind = BS_SEGMENT_REST;
      rest.duration = bs_step_get_seconds (step);
      append (self, &rest);
      return;
    }

  for (guint set = 1; set <= sets; set++)
    {
      BsSegment work = base;

      if (sets > 1)
        {
          work.set = set;
          work.n_sets = sets;
        }

      switch (kind)
        {
        case BS_STEP_PER_SIDE:
          {
            BsSide first = bs_step_get_first_side (step);
            BsSegment change = work;

            work.side = first;
            work.duration = hold;
            append (self, &work);

            change.kind = BS_SEGMENT_SWITCH_SIDES;
            change.name = _("Switch sides");
            change.side = bs_side_other (first);
            change.duration = bs_step_get_switch_seconds (step);
            if (change.duration > 0)
              append (self, &change);

            work.side = bs_side_other (first);
            append (self, &work);
          }
          break;
        case BS_STEP_COUNTED:
          work.reps = bs_step_get_reps (step);
          work.pace = bs_step_get_pace (step);
          work.until_done = work.pace == BS_STEP_UNTIL_DONE;
          work.duration = work.reps * work.pace;
          append (self, &work);
          break;
        case BS_STEP_HOLD:
        case BS_STEP_REST:
        default:
          work.side = bs_step_get_side (step);
          work.duration = hold;
          append (self, &work);
          break;
        }

      if (set < sets)
        append_rest (self, (int) index, round, n_rounds, bs_step_get_set_rest (step));
    }
}

/**
 * bs_schedule_new:
 * @routine: the routine to expand
 * @form_id: (nullable): one of the routine's forms, or %NULL for its first
 * @level: seconds to take off every hold; must be one the routine offers
 * @lead_in: seconds of "get ready" before the first step, 0 for none: the
 *   app's setting.  A routine that names its own lead-in gets that instead.
 *
 * Expands @routine into the flat list of segments that a session walks:
 * every set, side, rest and round in order (data/routines/README.md says
 * how).  Levels shorten holds and per-side holds, never rests, switches or
 * repetitions.  Between two rounds there is one rest: the routine's
 * round-rest if it has one, else the last step's rest-after.  A schedule
 * never ends on a rest.  The routine itself is left as it was.
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
  int form_index = -1;
  guint n_rounds, n_steps, round_rest;
  int next_work = -1;

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

  if (bs_routine_get_lead_in (routine) >= 0)
    lead_in = MIN ((guint) bs_routine_get_lead_in (routine), BS_SCHEDULE_MAX_LEAD_IN);

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
        .duration = lead_in,
      };
      append (self, &segment);
    }

  n_rounds = bs_routine_get_rounds (routine);
  n_steps = bs_routine_get_n_steps (routine);
  round_rest = bs_routine_get_round_rest (routine);
  for (guint round = 1; round <= n_rounds; round++)
    {
      guint shown_round = n_rounds > 1 ? round : 0, shown_rounds = n_rounds > 1 ? n_rounds : 0;

      for (guint i = 0; i < n_steps; i++)
        {
          BsStep *step = bs_routine_get_step (routine, i);
          gboolean round_ends = i + 1 == n_steps && round < n_rounds;

          expand_step (self, i, shown_round, shown_rounds);
          if (bs_step_get_kind (step) != BS_STEP_REST && !(round_ends && round_rest > 0))
            append_rest (self, (int) i, shown_round, shown_rounds, bs_step_get_rest_after (step));
        }
      if (round < n_rounds)
        append_rest (self, -1, shown_round, shown_rounds, round_rest);
    }

  /* Nothing is left to rest for after the last hold. */
  while (self->segments->len > 0)
    {
      BsSegment *last = &g_array_index (self->segments, BsSegment, self->segments->len - 1);

      if (last->kind != BS_SEGMENT_REST)
        break;
      self->rest_seconds -= last->duration;
      self->length -= last->duration;
      g_array_set_size (self->segments, self->segments->len - 1);
    }

  for (guint i = self->segments->len; i-- > 0;)
    {
      BsSegment *segment = &g_array_index (self->segments, BsSegment, i);

      segment->next_work = next_work;
      if (segment->kind == BS_SEGMENT_WORK)
        next_work = (int) i;
    }
  /* The lead-in says what comes first. */
  if (lead_in > 0 && next_work >= 0)
    g_array_index (self->segments, BsSegment, 0).instruction =
      g_array_index (self->segments, BsSegment, next_work).name;

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

/**
 * bs_schedule_get_rest_seconds:
 *
 * Returns: the seconds of rests and side switches
 */
guint
bs_schedule_get_rest_seconds (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), 0);
  return self->rest_seconds;
}

/**
 * bs_schedule_get_total_seconds:
 *
 * Returns: the seconds from the start of the lead-in to the end, counting
 *   a set done "until done" as 0 (see bs_schedule_has_open_ended())
 */
guint
bs_schedule_get_total_seconds (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), 0);
  return self->length;
}

/**
 * bs_schedule_has_open_ended:
 *
 * Returns: %TRUE if a set lasts until the person says it is done, so the
 *   total is only what the rest of the schedule takes
 */
gboolean
bs_schedule_has_open_ended (BsSchedule *self)
{
  g_return_val_if_fail (BS_IS_SCHEDULE (self), FALSE);
  return self->open_ended;
}

const char *
bs_segment_kind_to_string (BsSegmentKind kind)
{
  switch (kind)
    {
    case BS_SEGMENT_GET_READY:
      return "get-ready";
    case BS_SEGMENT_REST:
      return "rest";
    case BS_SEGMENT_SWITCH_SIDES:
      return "switch-sides";
    case BS_SEGMENT_WORK:
    default:
      return "work";
    }
}

static void
add_count (JsonBuilder *builder,
           const char  *member,
           guint        value)
{
  if (value == 0)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_segment_extras (JsonBuilder     *builder,
                    const BsSegment *segment)
{
  add_count (builder, "set", segment->set);
  add_count (builder, "sets", segment->n_sets);
  add_count (builder, "round", segment->round);
  add_count (builder, "rounds", segment->n_rounds);
  add_count (builder, "reps", segment->reps);
  add_count (builder, "pace", segment->pace);
  if (segment->until_done)
    {
      json_builder_set_member_name (builder, "until-done");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if ((segment->kind == BS_SEGMENT_REST || segment->kind == BS_SEGMENT_SWITCH_SIDES) &&
      segment->next_work >= 0)
    {
      json_builder_set_member_name (builder, "next-work");
      json_builder_add_int_value (builder, segment->next_work);
    }
}

/**
 * bs_schedule_to_json:
 *
 * Members that format 2 added ("rest", "open-ended"; a segment's "set",
 * "round", "reps" and so on) appear only when they say something, so a
 * routine that uses none of them prints exactly as it always has: the
 * history keeps this text.  Illustrations are left out: they are pictures,
 * not timing.
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
  if (self->rest_seconds > 0)
    {
      json_builder_set_member_name (builder, "rest");
      json_builder_add_int_value (builder, self->rest_seconds);
    }
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, bs_schedule_get_total_seconds (self));
  if (self->open_ended)
    {
      json_builder_set_member_name (builder, "open-ended");
      json_builder_add_boolean_value (builder, TRUE);
    }

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
      add_segment_extras (builder, segment);
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
