/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-cue-bank.h"
#include "bs-cue-sounds.h"

/*
 * Every sound a run can need, made before it is needed: the tones once,
 * the spoken texts as the voice delivers them.  This is also where cues
 * become timestamped buffers, for live playback and for rendering to a
 * file alike, so both hear exactly the same thing at the same times.
 */

#define N_TONES (BS_CUE_VOICE + 1)

struct _BsCueBank
{
  GObject parent_instance;

  GBytes *tones[N_TONES];
  GHashTable *voices; /* text -> GBytes */
};

G_DEFINE_FINAL_TYPE (BsCueBank, bs_cue_bank, G_TYPE_OBJECT)

static void
bs_cue_bank_finalize (GObject *object)
{
  BsCueBank *self = BS_CUE_BANK (object);

  for (guint i = 0; i < N_TONES; i++)
    g_clear_pointer (&self->tones[i], g_bytes_unref);
  g_hash_table_unref (self->voices);

  G_OBJECT_CLASS (bs_cue_bank_parent_class)->finalize (object);
}

static void
bs_cue_bank_class_init (BsCueBankClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_cue_bank_finalize;
}

static void
bs_cue_bank_init (BsCueBank *self)
{
  for (guint i = 0; i < N_TONES; i++)
    self->tones[i] = bs_cue_sound_new ((BsCueKind) i);
  self->voices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_bytes_unref);
}

BsCueBank *
bs_cue_bank_new (void)
{
  return g_object_new (BS_TYPE_CUE_BANK, NULL);
}

void
bs_cue_bank_add_voice (BsCueBank  *self,
                       const char *text,
                       GBytes     *samples)
{
  g_return_if_fail (BS_IS_CUE_BANK (self));
  g_return_if_fail (text != NULL && samples != NULL);
  g_hash_table_replace (self->voices, g_strdup (text), g_bytes_ref (samples));
}

gboolean
bs_cue_bank_has_voice (BsCueBank  *self,
                       const char *text)
{
  g_return_val_if_fail (BS_IS_CUE_BANK (self), FALSE);
  return text != NULL && g_hash_table_contains (self->voices, text);
}

/**
 * bs_cue_bank_lookup:
 *
 * Returns: (transfer none): the samples for @cue: its words if they are
 *   ready, else its stand-in tone
 */
GBytes *
bs_cue_bank_lookup (BsCueBank   *self,
                    const BsCue *cue)
{
  GBytes *voice;

  g_return_val_if_fail (BS_IS_CUE_BANK (self), NULL);

  if (cue->kind == BS_CUE_VOICE)
    {
      voice = cue->text ? g_hash_table_lookup (self->voices, cue->text) : NULL;
      return voice ? voice : self->tones[cue->fallback];
    }
  return self->tones[cue->kind];
}

static GstClockTime
samples_to_time (gsize n_samples)
{
  return gst_util_uint64_scale (n_samples, GST_SECOND, BS_CUE_RATE);
}

/**
 * bs_cue_bank_make_buffers:
 * @timed: (element-type BsTimedCue): cues in time order
 * @origin: the session-clock time (µs) that is running time @offset
 * @offset: the running time of @origin, in nanoseconds
 *
 * One buffer per cue, stamped with its running time.  A cue that would
 * overlap the next is cut short where the next begins: a stream of
 * buffers must not overlap, and the later cue (a countdown tick, say)
 * matters more than the tail of the earlier.  Cues that would fall before
 * running time 0 are dropped.
 *
 * Returns: (transfer full) (element-type GstBuffer): the buffers
 */
GPtrArray *
bs_cue_bank_make_buffers (BsCueBank    *self,
                          GArray       *timed,
                          gint64        origin,
                          GstClockTime  offset)
{
  GPtrArray *buffers = g_ptr_array_new_with_free_func ((GDestroyNotify) gst_buffer_unref);

  g_return_val_if_fail (BS_IS_CUE_BANK (self), buffers);

  for (guint i = 0; i < timed->len; i++)
    {
      const BsTimedCue *entry = &g_array_index (timed, BsTimedCue, i);
      GBytes *samples = bs_cue_bank_lookup (self, entry->cue);
      gint64 running = (entry->time - origin) * GST_USECOND + (gint64) offset;
      gsize n_samples = g_bytes_get_size (samples) / sizeof (gint16);
      GstBuffer *buffer;

      if (running < 0)
        continue;

      /* Cut at the next cue's start, on a whole sample. */
      if (i + 1 < timed->len)
        {
          const BsTimedCue *next = &g_array_index (timed, BsTimedCue, i + 1);
          gint64 gap = (next->time - entry->time) * GST_USECOND;
          gsize fits = (gsize) gst_util_uint64_scale (MAX (gap, 0), BS_CUE_RATE, GST_SECOND);

          n_samples = MIN (n_samples, fits);
        }
      if (n_samples == 0)
        continue;

      {
        g_autoptr(GBytes) part = g_bytes_new_from_bytes (samples, 0, n_samples * sizeof (gint16));
        buffer = gst_buffer_new_wrapped_bytes (part);
      }
      GST_BUFFER_PTS (buffer) = (GstClockTime) running;
      GST_BUFFER_DURATION (buffer) = samples_to_time (n_samples);
      g_ptr_array_add (buffers, buffer);
    }
  return buffers;
}
