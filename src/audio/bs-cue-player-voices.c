/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The player's spoken cues, made before they are due: every text of the
 * run is synthesised on a worker thread as the run starts, so the words
 * are ready when their boundaries come.
 */

#include "config.h"

#include "bs-cue-bank.h"
#include "bs-cue-player-private.h"
#include "bs-voice.h"

/* Spoken cues normally take a fraction of a second to prepare; if they
 * take longer, the run does not wait: tones stand in. */
#define VOICES_WAIT_MSEC 2000

static void
synthesize_all_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  BsVoice *voice = source;
  GStrv texts = task_data;
  GPtrArray *spoken = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint i = 0; texts[i] && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GError) error = NULL;
      GBytes *samples = bs_voice_synthesize (voice, texts[i], &error);

      if (samples == NULL)
        g_debug ("%s", error->message);
      g_ptr_array_add (spoken, samples ? samples : g_bytes_new (NULL, 0));
    }
  g_task_return_pointer (task, spoken, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_voices_ready (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BsCuePlayer) self = user_data;
  g_autoptr(GPtrArray) spoken = g_task_propagate_pointer (G_TASK (result), NULL);
  GStrv texts = g_task_get_task_data (G_TASK (result));

  if (spoken == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  for (guint i = 0; i < spoken->len; i++)
    if (g_bytes_get_size (g_ptr_array_index (spoken, i)) > 0)
      bs_cue_bank_add_voice (self->bank, texts[i], g_ptr_array_index (spoken, i));

  /* Tones stood in if this came late; the words take over from the next
   * replan on (pause, skip), never by cutting into a cue that sounds. */
  if (!self->queued)
    {
      g_clear_handle_id (&self->voices_timeout, g_source_remove);
      bs_cue_player_queue_upcoming (self);
    }
}

static gboolean
voices_timeout_cb (gpointer data)
{
  BsCuePlayer *self = data;

  self->voices_timeout = 0;
  if (!self->queued)
    bs_cue_player_queue_upcoming (self);
  return G_SOURCE_REMOVE;
}

/* The texts of the whole run: the plan stops at the first set done "until
 * done", and the plans after it are made when the person is done, too late
 * to start speaking them. */
static GStrv
all_texts (BsCuePlayer *self)
{
  BsSchedule *schedule = bs_session_get_schedule (self->session);
  guint n = bs_schedule_get_n_segments (schedule);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int end = -1;

  do
    {
      g_autoptr(BsCuePlan) plan = bs_cue_plan_new_from (schedule, self->style, self->halfway,
                                                        (guint) (end + 1));
      g_auto(GStrv) texts = bs_cue_plan_dup_texts (plan);

      for (guint i = 0; texts[i]; i++)
        if (g_hash_table_add (seen, g_strdup (texts[i])))
          g_strv_builder_add (builder, texts[i]);
      end = bs_cue_plan_get_end_segment (plan);
    }
  while (end >= 0 && (guint) end + 1 < n);

  return g_strv_builder_end (builder);
}

/* Speaks every text of the plan on a worker thread, then queues the cues.
 * Returns FALSE if there is nothing to wait for. */
gboolean
bs_cue_player_prepare_voices (BsCuePlayer *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GStrv texts = all_texts (self);

  if (texts[0] == NULL)
    {
      g_strfreev (texts);
      return FALSE;
    }
  self->voice = bs_voice_get_default (&error);
  if (self->voice == NULL)
    {
      self->voice_problem = g_strdup (error->message);
      g_strfreev (texts);
      return FALSE;
    }

  task = g_task_new (self->voice, self->cancellable, on_voices_ready, g_object_ref (self));
  g_task_set_task_data (task, texts, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, synthesize_all_thread);
  self->voices_timeout = g_timeout_add (VOICES_WAIT_MSEC, voices_timeout_cb, self);
  return TRUE;
}
