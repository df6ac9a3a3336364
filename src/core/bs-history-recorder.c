/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-history-recorder.h"

/*
 * Writes a run into the history as it goes: a checkpoint at every segment
 * boundary, so that if the app or the computer dies mid-run at most the
 * segment in progress is lost, and the final entry when the run ends.  A
 * run that is abandoned (cancelled, not "I had to stop") leaves nothing:
 * its checkpoint is taken out again.
 */
struct _BsHistoryRecorder
{
  GObject parent_instance;

  BsHistory *history;
  BsSession *session;
  BsHistoryEntry *entry;   /* once the first checkpoint is made */
  gboolean failed;         /* said once per run */
};

enum
{
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BsHistoryRecorder, bs_history_recorder, G_TYPE_OBJECT)

static void
save (BsHistoryRecorder *self)
{
  g_autoptr(GError) error = NULL;

  if (bs_history_save (self->history, self->entry, &error) || self->failed)
    return;
  self->failed = TRUE;
  g_signal_emit (self, signals[FAILED], 0, error);
}

static void
on_segment_finished (BsSession         *session,
                     guint              index,
                     gboolean           completed,
                     BsHistoryRecorder *self)
{
  g_autoptr(BsResult) so_far = bs_session_snapshot_result (session);

  if (so_far == NULL)
    return;
  if (self->entry == NULL)
    self->entry = bs_history_entry_new_session (so_far, BS_OUTCOME_IN_PROGRESS);
  else
    bs_history_entry_update_session (self->entry, so_far, BS_OUTCOME_IN_PROGRESS);
  save (self);
}

static void
on_finished (BsSession         *session,
             BsHistoryRecorder *self)
{
  BsResult *result = bs_session_get_result (session);
  BsOutcome outcome;

  if (result == NULL)
    {
      bs_history_recorder_abandon (self);
      return;
    }
  outcome = bs_session_get_state (session) == BS_SESSION_FINISHED ? BS_OUTCOME_COMPLETED
                                                                   : BS_OUTCOME_STOPPED_EARLY;
  if (self->entry == NULL)
    self->entry = bs_history_entry_new_session (result, outcome);
  else
    bs_history_entry_update_session (self->entry, result, outcome);
  save (self);
}

static void
bs_history_recorder_dispose (GObject *object)
{
  BsHistoryRecorder *self = BS_HISTORY_RECORDER (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->history);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (bs_history_recorder_parent_class)->dispose (object);
}

static void
bs_history_recorder_class_init (BsHistoryRecorderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bs_history_recorder_dispose;

  /**
   * BsHistoryRecorder::failed:
   * @error: why the run could not be written
   *
   * Emitted the first time a write fails; the run goes on, and later writes
   * are still tried.
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
bs_history_recorder_init (BsHistoryRecorder *self)
{
}

/**
 * bs_history_recorder_new:
 * @history: where to write
 * @session: the run to follow, before it starts
 */
BsHistoryRecorder *
bs_history_recorder_new (BsHistory *history,
                         BsSession *session)
{
  BsHistoryRecorder *self;

  g_return_val_if_fail (BS_IS_HISTORY (history), NULL);
  g_return_val_if_fail (BS_IS_SESSION (session), NULL);

  self = g_object_new (BS_TYPE_HISTORY_RECORDER, NULL);
  self->history = g_object_ref (history);
  self->session = g_object_ref (session);
  g_signal_connect (session, "segment-finished", G_CALLBACK (on_segment_finished), self);
  g_signal_connect (session, "finished", G_CALLBACK (on_finished), self);
  return self;
}

/**
 * bs_history_recorder_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry written so far
 */
BsHistoryEntry *
bs_history_recorder_get_entry (BsHistoryRecorder *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_RECORDER (self), NULL);
  return self->entry;
}

/**
 * bs_history_recorder_abandon:
 *
 * The run is being thrown away: its checkpoint, if any, is taken out of
 * the history, and nothing more is written.
 */
void
bs_history_recorder_abandon (BsHistoryRecorder *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BS_IS_HISTORY_RECORDER (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->entry != NULL && bs_history_entry_get_id (self->entry) != 0
      && bs_history_entry_get_outcome (self->entry) == BS_OUTCOME_IN_PROGRESS
      && !bs_history_remove (self->history, self->entry, &error))
    g_debug ("An abandoned run stays in the history as interrupted: %s", error->message);
  g_clear_object (&self->entry);
}
