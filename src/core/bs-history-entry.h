/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-findings.h"
#include "bs-result.h"

G_BEGIN_DECLS

/**
 * BsHistoryKind:
 * @BS_HISTORY_SESSION: a run of a routine
 * @BS_HISTORY_ASSESSMENT: a completed self-assessment
 */
typedef enum
{
  BS_HISTORY_SESSION,
  BS_HISTORY_ASSESSMENT,
} BsHistoryKind;

/**
 * BsOutcome:
 * @BS_OUTCOME_IN_PROGRESS: still running; the entry is a checkpoint
 * @BS_OUTCOME_COMPLETED: ran to the end of its schedule
 * @BS_OUTCOME_STOPPED_EARLY: the person had to stop (how a test is scored)
 * @BS_OUTCOME_INTERRUPTED: the app ended while it ran; what was held up to
 *   the last finished segment is kept
 */
typedef enum
{
  BS_OUTCOME_IN_PROGRESS,
  BS_OUTCOME_COMPLETED,
  BS_OUTCOME_STOPPED_EARLY,
  BS_OUTCOME_INTERRUPTED,
} BsOutcome;

/**
 * BsStageRecord:
 * @seconds: how long the stage was scheduled to last
 * @held_ms: milliseconds held in the stage
 * @skipped: whether the stage was skipped
 *
 * A stage is a work segment of the schedule: a hold of the core test, or one
 * set of a stretch.
 */
typedef struct
{
  guint seconds;
  gint64 held_ms;
  gboolean skipped;
} BsStageRecord;

/* The version of the assessment rules (src/core/bs-findings*) whose
 * findings an assessment entry records.  Raise it when the rules change
 * what they find for the same answers. */
#define BS_RULES_VERSION 1

/* The longest note a user can keep on an entry, in characters. */
#define BS_HISTORY_NOTE_MAX_CHARS 2000

#define BS_TYPE_HISTORY_ENTRY (bs_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (BsHistoryEntry, bs_history_entry, BS, HISTORY_ENTRY, GObject)

BsHistoryEntry      *bs_history_entry_new_session     (BsResult       *result,
                                                       BsOutcome       outcome);
void                 bs_history_entry_update_session  (BsHistoryEntry *self,
                                                       BsResult       *result,
                                                       BsOutcome       outcome);
BsHistoryEntry      *bs_history_entry_new_assessment  (BsFindings     *findings,
                                                       GDateTime      *when);
BsHistoryEntry      *bs_history_entry_copy            (BsHistoryEntry *self);

gint64               bs_history_entry_get_id             (BsHistoryEntry *self);
const char          *bs_history_entry_get_uuid           (BsHistoryEntry *self);
BsHistoryKind        bs_history_entry_get_kind           (BsHistoryEntry *self);
GDateTime           *bs_history_entry_get_started_at     (BsHistoryEntry *self);
GDateTime           *bs_history_entry_get_ended_at       (BsHistoryEntry *self);
const char          *bs_history_entry_get_note           (BsHistoryEntry *self);
const char          *bs_history_entry_get_patient_code   (BsHistoryEntry *self);
void                 bs_history_entry_set_patient_code   (BsHistoryEntry *self,
                                                          const char     *code);

/* Sessions */
const char          *bs_history_entry_get_routine_id     (BsHistoryEntry *self);
const char          *bs_history_entry_get_routine_name   (BsHistoryEntry *self);
const char          *bs_history_entry_get_category       (BsHistoryEntry *self);
const char          *bs_history_entry_get_form_id        (BsHistoryEntry *self);
const char          *bs_history_entry_get_form_name      (BsHistoryEntry *self);
guint                bs_history_entry_get_level          (BsHistoryEntry *self);
const char          *bs_history_entry_get_schedule_json  (BsHistoryEntry *self);
BsOutcome            bs_history_entry_get_outcome        (BsHistoryEntry *self);
gboolean             bs_history_entry_get_scored         (BsHistoryEntry *self);
gboolean             bs_history_entry_get_good           (BsHistoryEntry *self);
guint                bs_history_entry_get_stage_reached  (BsHistoryEntry *self);
gint64               bs_history_entry_get_held_ms        (BsHistoryEntry *self);
guint                bs_history_entry_get_target_seconds (BsHistoryEntry *self);
guint                bs_history_entry_get_n_stages       (BsHistoryEntry *self);
const BsStageRecord *bs_history_entry_get_stage          (BsHistoryEntry *self,
                                                          guint           stage);
guint                bs_history_entry_get_stages_done    (BsHistoryEntry *self);

/* Assessments */
guint                bs_history_entry_get_rules_version  (BsHistoryEntry *self);
const char          *bs_history_entry_get_answers_json   (BsHistoryEntry *self);
const char          *bs_history_entry_get_findings_json  (BsHistoryEntry *self);
gboolean             bs_history_entry_get_red_flag       (BsHistoryEntry *self);
BsFindings          *bs_history_entry_dup_findings       (BsHistoryEntry *self);

const char          *bs_outcome_to_string                (BsOutcome       outcome);
gboolean             bs_outcome_from_string              (const char     *string,
                                                          BsOutcome      *outcome);
const char          *bs_history_kind_to_string           (BsHistoryKind   kind);
gboolean             bs_history_kind_from_string         (const char     *string,
                                                          BsHistoryKind  *kind);

G_END_DECLS
