/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include <json-glib/json-glib.h>
#include <math.h>

#include "bs-core-enums.h"
#include "bs-history-entry-private.h"

/*
 * One line of the history: a run of a routine or an assessment.  An entry
 * is a snapshot: it keeps the names and the schedule as they were when it
 * was made, so editing or deleting a routine later never rewrites the past.
 */

G_DEFINE_FINAL_TYPE (BsHistoryEntry, bs_history_entry, G_TYPE_OBJECT)

static void
bs_history_entry_finalize (GObject *object)
{
  BsHistoryEntry *self = BS_HISTORY_ENTRY (object);

  g_free (self->uuid);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);
  g_free (self->note);
  g_free (self->patient_code);
  g_free (self->routine_id);
  g_free (self->routine_name);
  g_free (self->category);
  g_free (self->form_id);
  g_free (self->form_name);
  g_clear_pointer (&self->schedule_json, g_ref_string_release);
  g_array_unref (self->stages);
  g_free (self->answers_json);
  g_free (self->findings_json);

  G_OBJECT_CLASS (bs_history_entry_parent_class)->finalize (object);
}

static void
bs_history_entry_class_init (BsHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_history_entry_finalize;
}

static void
bs_history_entry_init (BsHistoryEntry *self)
{
  self->note = g_strdup ("");
  self->stages = g_array_new (FALSE, TRUE, sizeof (BsStageRecord));
}

BsHistoryEntry *
bs_history_entry_new_empty (BsHistoryKind kind)
{
  BsHistoryEntry *self = g_object_new (BS_TYPE_HISTORY_ENTRY, NULL);

  self->kind = kind;
  self->uuid = g_uuid_string_random ();
  return self;
}

void
bs_history_entry_set_note (BsHistoryEntry *self,
                           const char     *note)
{
  g_return_if_fail (BS_IS_HISTORY_ENTRY (self));

  g_free (self->note);
  self->note = g_strdup (note != NULL ? note : "");
}

static GDateTime *
dup_utc_or_now (GDateTime *when)
{
  return when != NULL ? g_date_time_to_utc (when) : g_date_time_new_now_utc ();
}

/**
 * bs_history_entry_new_session:
 * @result: the run so far, or as it ended
 * @outcome: %BS_OUTCOME_IN_PROGRESS for a checkpoint
 *
 * Returns: (transfer full): a session entry, not yet stored
 */
BsHistoryEntry *
bs_history_entry_new_session (BsResult  *result,
                              BsOutcome  outcome)
{
  BsHistoryEntry *self;
  BsSchedule *schedule;
  BsRoutine *routine;

  g_return_val_if_fail (BS_IS_RESULT (result), NULL);

  schedule = bs_result_get_schedule (result);
  routine = bs_schedule_get_routine (schedule);

  self = bs_history_entry_new_empty (BS_HISTORY_SESSION);
  self->routine_id = g_strdup (bs_routine_get_id (routine));
  self->routine_name = g_strdup (bs_routine_get_name (routine));
  self->category = g_strdup (bs_routine_get_category (routine));
  self->form_id = g_strdup (bs_schedule_get_form_id (schedule));
  self->form_name = g_strdup (bs_schedule_get_form_name (schedule));
  self->level = bs_schedule_get_level (schedule);
  {
    g_autofree char *json = bs_schedule_to_json (schedule);
    self->schedule_json = g_ref_string_new_intern (json);
  }
  self->scored = bs_result_get_scored (result);
  self->target_seconds = bs_result_get_target_seconds (result);

  bs_history_entry_update_session (self, result, outcome);
  return self;
}

/**
 * bs_history_entry_update_session:
 * @result: the same run, later
 *
 * Brings a checkpoint up to date.  The id and uuid stay, so saving it again
 * replaces the stored row.
 */
void
bs_history_entry_update_session (BsHistoryEntry *self,
                                 BsResult       *result,
                                 BsOutcome       outcome)
{
  BsSchedule *schedule;
  guint n_stages;

  g_return_if_fail (BS_IS_HISTORY_ENTRY (self));
  g_return_if_fail (self->kind == BS_HISTORY_SESSION);
  g_return_if_fail (BS_IS_RESULT (result));

  schedule = bs_result_get_schedule (result);
  n_stages = bs_schedule_get_n_stages (schedule);

  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);
  self->started_at = dup_utc_or_now (bs_result_get_started_at (result));
  self->ended_at = dup_utc_or_now (bs_result_get_ended_at (result));
  self->outcome = outcome;
  self->stage_reached = bs_result_get_stage_reached (result);

  g_array_set_size (self->stages, n_stages);
  for (guint i = 0; i < bs_schedule_get_n_segments (schedule); i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);
      BsStageRecord *record;

      if (segment->stage == 0)
        continue;
      record = &g_array_index (self->stages, BsStageRecord, segment->stage - 1);
      record->seconds = segment->duration;
    }
  for (guint stage = 1; stage <= n_stages; stage++)
    {
      BsStageRecord *record = &g_array_index (self->stages, BsStageRecord, stage - 1);

      record->held_ms = bs_result_get_stage_held_ms (result, stage);
      record->skipped = bs_result_stage_was_skipped (result, stage);
    }
}

static void
add_nicks (JsonBuilder *builder,
           const char  *member,
           GType        enum_type,
           guint        n,
           int        (*get_id) (BsFindings *, guint),
           BsFindings  *findings)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      GEnumValue *value = g_enum_get_value (klass, get_id (findings, i));

      if (value != NULL)
        json_builder_add_string_value (builder, value->value_nick);
    }
  json_builder_end_array (builder);
}

static int
red_flag_id (BsFindings *findings,
             guint       i)
{
  return bs_findings_get_red_flag (findings, i)->id;
}

static int
risk_id (BsFindings *findings,
         guint       i)
{
  return bs_findings_get_risk (findings, i)->id;
}

static int
advice_id (BsFindings *findings,
           guint       i)
{
  return bs_findings_get_advice (findings, i)->id;
}

/* What the rules found, by name, so an old entry says what it said then
 * even after the rules change. */
static char *
findings_to_json (BsFindings *findings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  double bmi = bs_findings_get_bmi (findings);

  json_builder_begin_object (builder);
  add_nicks (builder, "red-flags", BS_TYPE_RED_FLAG,
             bs_findings_get_n_red_flags (findings), red_flag_id, findings);
  add_nicks (builder, "risks", BS_TYPE_RISK,
             bs_findings_get_n_risks (findings), risk_id, findings);
  add_nicks (builder, "advice", BS_TYPE_ADVICE,
             bs_findings_get_n_advice (findings), advice_id, findings);
  if (bmi > 0)
    {
      json_builder_set_member_name (builder, "bmi");
      json_builder_add_double_value (builder, round (bmi * 10) / 10);
    }
  if (!bs_findings_get_stop (findings))
    {
      json_builder_set_member_name (builder, "core-test-form");
      json_builder_add_string_value (builder, bs_findings_get_core_test_form (findings));
      json_builder_set_member_name (builder, "core-test-level");
      json_builder_add_int_value (builder, bs_findings_get_core_test_level (findings));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * bs_history_entry_new_assessment:
 * @findings: what the assessment found
 * @when: (nullable): when it was completed; now if %NULL
 *
 * Returns: (transfer full): an assessment entry, not yet stored
 */
BsHistoryEntry *
bs_history_entry_new_assessment (BsFindings *findings,
                                 GDateTime  *when)
{
  BsHistoryEntry *self;

  g_return_val_if_fail (BS_IS_FINDINGS (findings), NULL);

  self = bs_history_entry_new_empty (BS_HISTORY_ASSESSMENT);
  self->started_at = dup_utc_or_now (when);
  self->ended_at = g_date_time_ref (self->started_at);
  self->outcome = BS_OUTCOME_COMPLETED;
  self->rules_version = BS_RULES_VERSION;
  self->answers_json = bs_answers_to_json (bs_findings_get_answers (findings));
  self->findings_json = findings_to_json (findings);
  self->red_flag = bs_findings_get_stop (findings);
  return self;
}

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

/**
 * bs_history_entry_copy:
 *
 * A copy of everything the entry says, its uuid and patient code included,
 * that no store holds (id 0): how a visit's entry is kept in a clinic's
 * history as well as in the visit's own.
 *
 * Returns: (transfer full): the copy
 */
BsHistoryEntry *
bs_history_entry_copy (BsHistoryEntry *self)
{
  BsHistoryEntry *copy;

  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);

  copy = g_object_new (BS_TYPE_HISTORY_ENTRY, NULL);
  copy->kind = self->kind;
  copy->uuid = g_strdup (self->uuid);
  copy->started_at = ref_or_null (self->started_at);
  copy->ended_at = ref_or_null (self->ended_at);
  bs_history_entry_set_note (copy, self->note);
  copy->patient_code = g_strdup (self->patient_code);

  copy->routine_id = g_strdup (self->routine_id);
  copy->routine_name = g_strdup (self->routine_name);
  copy->category = g_strdup (self->category);
  copy->form_id = g_strdup (self->form_id);
  copy->form_name = g_strdup (self->form_name);
  copy->level = self->level;
  copy->schedule_json = self->schedule_json != NULL
                        ? g_ref_string_acquire (self->schedule_json) : NULL;
  copy->outcome = self->outcome;
  copy->scored = self->scored;
  copy->stage_reached = self->stage_reached;
  copy->target_seconds = self->target_seconds;
  g_array_append_vals (copy->stages, self->stages->data, self->stages->len);

  copy->rules_version = self->rules_version;
  copy->answers_json = g_strdup (self->answers_json);
  copy->findings_json = g_strdup (self->findings_json);
  copy->red_flag = self->red_flag;
  return copy;
}

gint64
bs_history_entry_get_id (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), 0);
  return self->id;
}

const char *
bs_history_entry_get_uuid (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->uuid;
}

BsHistoryKind
bs_history_entry_get_kind (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), BS_HISTORY_SESSION);
  return self->kind;
}

GDateTime *
bs_history_entry_get_started_at (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->started_at;
}

GDateTime *
bs_history_entry_get_ended_at (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->ended_at;
}

const char *
bs_history_entry_get_note (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->note;
}

/**
 * bs_history_entry_get_patient_code:
 *
 * Returns: (nullable): the patient code the entry is kept under in a
 *   clinic's history; %NULL in a personal one
 */
const char *
bs_history_entry_get_patient_code (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->patient_code;
}

/**
 * bs_history_entry_set_patient_code:
 * @code: (nullable): a code bs_patient_code_normalize() made, or %NULL
 *
 * Sets the code to keep the entry under.  Only an entry for a clinic's
 * history gets one; save it again for a stored entry to change.
 */
void
bs_history_entry_set_patient_code (BsHistoryEntry *self,
                                   const char     *code)
{
  g_return_if_fail (BS_IS_HISTORY_ENTRY (self));

  g_free (self->patient_code);
  self->patient_code = g_strdup (code != NULL && *code != '\0' ? code : NULL);
}

const char *
bs_history_entry_get_routine_id (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->routine_id;
}

const char *
bs_history_entry_get_routine_name (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->routine_name;
}

const char *
bs_history_entry_get_category (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->category;
}

const char *
bs_history_entry_get_form_id (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->form_id;
}

const char *
bs_history_entry_get_form_name (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->form_name;
}

guint
bs_history_entry_get_level (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), 0);
  return self->level;
}

const char *
bs_history_entry_get_schedule_json (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->schedule_json;
}

BsOutcome
bs_history_entry_get_outcome (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), BS_OUTCOME_INTERRUPTED);
  return self->outcome;
}

gboolean
bs_history_entry_get_scored (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), FALSE);
  return self->scored;
}

/**
 * bs_history_entry_get_good:
 *
 * Returns: %TRUE for a scored test completed with every stage held in full,
 *   the same rule as bs_result_get_good()
 */
gboolean
bs_history_entry_get_good (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), FALSE);

  if (!self->scored || self->outcome != BS_OUTCOME_COMPLETED)
    return FALSE;
  for (guint i = 0; i < self->stages->len; i++)
    if (g_array_index (self->stages, BsStageRecord, i).skipped)
      return FALSE;
  return TRUE;
}

guint
bs_history_entry_get_stage_reached (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), 0);
  return self->stage_reached;
}

gint64
bs_history_entry_get_held_ms (BsHistoryEntry *self)
{
  gint64 total = 0;

  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), 0);
  for (guint i = 0; i < self->stages->len; i++)
    total += g_array_index (self->stages, BsStageRecord, i).held_ms;
  return total;
}

guint
bs_history_entry_get_target_seconds (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), 0);
  return self->target_seconds;
}

guint
bs_history_entry_get_n_stages (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), 0);
  return self->stages->len;
}

/**
 * bs_history_entry_get_stage:
 * @stage: 1-based
 *
 * Returns: (nullable): the record of the stage, or %NULL out of range
 */
const BsStageRecord *
bs_history_entry_get_stage (BsHistoryEntry *self,
                            guint           stage)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);

  if (stage == 0 || stage > self->stages->len)
    return NULL;
  return &g_array_index (self->stages, BsStageRecord, stage - 1);
}

/**
 * bs_history_entry_get_stages_done:
 *
 * Returns: the stages (holds, or sets of a stretch) held for their whole
 *   time and not skipped
 */
guint
bs_history_entry_get_stages_done (BsHistoryEntry *self)
{
  guint n = 0;

  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), 0);
  for (guint i = 0; i < self->stages->len; i++)
    {
      const BsStageRecord *record = &g_array_index (self->stages, BsStageRecord, i);

      if (!record->skipped && record->held_ms >= (gint64) record->seconds * 1000)
        n++;
    }
  return n;
}

guint
bs_history_entry_get_rules_version (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), 0);
  return self->rules_version;
}

const char *
bs_history_entry_get_answers_json (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->answers_json;
}

const char *
bs_history_entry_get_findings_json (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);
  return self->findings_json;
}

gboolean
bs_history_entry_get_red_flag (BsHistoryEntry *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), FALSE);
  return self->red_flag;
}

/**
 * bs_history_entry_dup_findings:
 *
 * The stored answers read by today's rules, in today's language.
 *
 * Returns: (transfer full) (nullable): the findings, or %NULL for a session
 *   or answers that no longer read
 */
BsFindings *
bs_history_entry_dup_findings (BsHistoryEntry *self)
{
  g_autoptr(GError) error = NULL;
  BsAnswers answers;

  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (self), NULL);

  if (self->kind != BS_HISTORY_ASSESSMENT || self->answers_json == NULL)
    return NULL;
  if (!bs_answers_from_json (self->answers_json, -1, &answers, &error))
    {
      g_debug ("Assessment %s no longer reads: %s", self->uuid, error->message);
      return NULL;
    }
  return bs_findings_new (&answers);
}

static const char * const outcome_names[] = {
  [BS_OUTCOME_IN_PROGRESS] = "in-progress",
  [BS_OUTCOME_COMPLETED] = "completed",
  [BS_OUTCOME_STOPPED_EARLY] = "stopped-early",
  [BS_OUTCOME_INTERRUPTED] = "interrupted",
};

static const char * const kind_names[] = {
  [BS_HISTORY_SESSION] = "session",
  [BS_HISTORY_ASSESSMENT] = "assessment",
};

const char *
bs_outcome_to_string (BsOutcome outcome)
{
  g_return_val_if_fail (outcome < G_N_ELEMENTS (outcome_names), NULL);
  return outcome_names[outcome];
}

gboolean
bs_outcome_from_string (const char *string,
                        BsOutcome  *outcome)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_names); i++)
    if (g_strcmp0 (string, outcome_names[i]) == 0)
      {
        *outcome = i;
        return TRUE;
      }
  return FALSE;
}

const char *
bs_history_kind_to_string (BsHistoryKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
bs_history_kind_from_string (const char    *string,
                             BsHistoryKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (string, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}
