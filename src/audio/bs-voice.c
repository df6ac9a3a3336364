/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#ifdef HAVE_ESPEAK
#include <espeak-ng/speak_lib.h>
#endif

#include "bs-cue-sounds.h"
#include "bs-error.h"
#include "bs-voice.h"

/*
 * Spoken cues, through espeak-ng.  espeak-ng keeps one global synthesiser,
 * so there is one BsVoice per process and every synthesis holds its lock;
 * the asynchronous call runs it on a worker thread, so the next stage's
 * name is ready long before it is due and the UI never waits for it.
 *
 * The voice follows the UI language where espeak-ng has one, else English.
 */

struct _BsVoice
{
  GObject parent_instance;

  char *language;
};

G_DEFINE_FINAL_TYPE (BsVoice, bs_voice, G_TYPE_OBJECT)

static GMutex synth_lock;

static void
bs_voice_finalize (GObject *object)
{
  g_free (BS_VOICE (object)->language);

  G_OBJECT_CLASS (bs_voice_parent_class)->finalize (object);
}

static void
bs_voice_class_init (BsVoiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_voice_finalize;
}

static void
bs_voice_init (BsVoice *self)
{
}

#ifdef HAVE_ESPEAK

/* Below this, a sample counts as the silence espeak-ng puts around words. */
#define SILENCE_LEVEL 200

/* espeak-ng starts every utterance with tens of milliseconds of silence;
 * cut it, and the trailing silence, so the words begin on the boundary
 * their cue is stamped with. */
static GBytes *
trim_silence (GByteArray *samples)
{
  const gint16 *data = (const gint16 *) (gpointer) samples->data;
  gsize n = samples->len / sizeof (gint16), first = 0, last = n;

  while (first < n && ABS (data[first]) < SILENCE_LEVEL)
    first++;
  while (last > first && ABS (data[last - 1]) < SILENCE_LEVEL)
    last--;
  return g_bytes_new (data + first, (last - first) * sizeof (gint16));
}

/* Words per minute: a little slower than espeak-ng's default, for a person
 * holding a plank. */
#define SPEECH_RATE 150

static int
collect_samples (short        *wav,
                 int           n_samples,
                 espeak_EVENT *events)
{
  GByteArray *out = events->user_data;

  if (wav != NULL && n_samples > 0 && out != NULL)
    g_byte_array_append (out, (const guint8 *) wav, (guint) n_samples * sizeof (short));
  return 0;
}

static gboolean
select_language (char **chosen)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *language = NULL;
      espeak_VOICE wanted = { 0 };
      char *cut;

      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;
      language = g_ascii_strdown (names[i], -1);
      /* "de_DE.UTF-8@euro" -> "de-de", then "de". */
      if ((cut = strpbrk (language, ".@")) != NULL)
        *cut = '\0';
      g_strdelimit (language, "_", '-');
      wanted.languages = language;
      if (espeak_SetVoiceByProperties (&wanted) == EE_OK)
        {
          *chosen = g_steal_pointer (&language);
          return TRUE;
        }
    }

  {
    espeak_VOICE english = { .languages = "en" };

    if (espeak_SetVoiceByProperties (&english) == EE_OK)
      {
        *chosen = g_strdup ("en");
        return TRUE;
      }
  }
  return FALSE;
}

static BsVoice *
create_voice (GError **error)
{
  g_autofree char *language = NULL;
  BsVoice *self;
  int rate;

  rate = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
  if (rate <= 0)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_AUDIO,
                   _("The speech synthesiser could not start (is espeak-ng-data installed?)"));
      return NULL;
    }
  if (rate != BS_CUE_RATE)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_AUDIO,
                   _("The speech synthesiser speaks at %d Hz, not the expected %d Hz"),
                   rate, BS_CUE_RATE);
      return NULL;
    }
  if (!select_language (&language))
    {
      g_set_error (error, BS_ERROR, BS_ERROR_AUDIO,
                   _("The speech synthesiser has no voice for this language or for English"));
      return NULL;
    }
  espeak_SetSynthCallback (collect_samples);
  espeak_SetParameter (espeakRATE, SPEECH_RATE, 0);

  self = g_object_new (BS_TYPE_VOICE, NULL);
  self->language = g_steal_pointer (&language);
  return self;
}

#endif /* HAVE_ESPEAK */

/**
 * bs_voice_get_default:
 *
 * Returns: (transfer full) (nullable): the voice, or %NULL with @error
 *   saying why there is none (a build without voice, no data, no language)
 */
BsVoice *
bs_voice_get_default (GError **error)
{
  static BsVoice *voice;
  static GError *failure;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
#ifdef HAVE_ESPEAK
      g_mutex_lock (&synth_lock);
      voice = create_voice (&failure);
      g_mutex_unlock (&synth_lock);
#else
      g_set_error (&failure, BS_ERROR, BS_ERROR_AUDIO,
                   _("This build of Backstay has no speech synthesiser"));
#endif
      g_once_init_leave (&initialised, 1);
    }

  if (voice == NULL)
    {
      g_propagate_error (error, g_error_copy (failure));
      return NULL;
    }
  return g_object_ref (voice);
}

const char *
bs_voice_get_language (BsVoice *self)
{
  g_return_val_if_fail (BS_IS_VOICE (self), NULL);
  return self->language;
}

/**
 * bs_voice_synthesize:
 *
 * Speaks @text into memory.  Blocks; safe from any thread.
 *
 * Returns: (transfer full): %BS_CUE_CAPS samples
 */
GBytes *
bs_voice_synthesize (BsVoice     *self,
                     const char  *text,
                     GError     **error)
{
  g_return_val_if_fail (BS_IS_VOICE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

#ifdef HAVE_ESPEAK
  {
    g_autoptr(GByteArray) samples = g_byte_array_new ();
    espeak_ERROR status;

    g_mutex_lock (&synth_lock);
    status = espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                           espeakCHARS_UTF8, NULL, samples);
    if (status == EE_OK)
      status = espeak_Synchronize ();
    g_mutex_unlock (&synth_lock);

    if (status != EE_OK || samples->len == 0)
      {
        g_set_error (error, BS_ERROR, BS_ERROR_AUDIO, _("Could not speak “%s”"), text);
        return NULL;
      }
    return trim_silence (samples);
  }
#else
  g_set_error (error, BS_ERROR, BS_ERROR_AUDIO, _("This build of Backstay has no speech synthesiser"));
  return NULL;
#endif
}

static void
synthesize_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = bs_voice_synthesize (BS_VOICE (source), task_data, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
bs_voice_synthesize_async (BsVoice             *self,
                           const char          *text,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BS_IS_VOICE (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bs_voice_synthesize_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, synthesize_thread);
}

GBytes *
bs_voice_synthesize_finish (BsVoice       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
