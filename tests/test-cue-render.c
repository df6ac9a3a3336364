/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rendered guidance track: every cue begins, in the samples, within
 * 5 ms of its time in the schedule.  The analysis is our own: read the
 * WAV, find where sound starts after silence. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <locale.h>
#include <string.h>

#include "bs-cue-render.h"
#include "bs-cue-sounds.h"
#include "bs-error.h"
#include "bs-routine-library.h"

#define TOLERANCE_USEC 5000
/* The level the voice's silence is trimmed at; the tones pass it within
 * their first samples. */
#define SOUND_LEVEL 200
#define MIN_GAP_SAMPLES (BS_CUE_RATE / 20)

typedef struct
{
  guint rate;
  guint channels;
  guint bits;
  gint16 *samples;
  gsize n_samples;
} Wav;

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static void
read_wav (const char *path,
          Wav        *wav)
{
  g_autofree guint8 *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize size, pos = 12;

  g_file_get_contents (path, (char **) &data, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 44);
  g_assert_true (memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WAVE", 4) == 0);

  memset (wav, 0, sizeof *wav);
  while (pos + 8 <= size)
    {
      guint32 chunk = le32 (data + pos + 4);

      g_assert_cmpuint (pos + 8 + chunk, <=, size);
      if (memcmp (data + pos, "fmt ", 4) == 0)
        {
          g_assert_cmpuint (le16 (data + pos + 8), ==, 1);  /* PCM */
          wav->channels = le16 (data + pos + 10);
          wav->rate = le32 (data + pos + 12);
          wav->bits = le16 (data + pos + 22);
        }
      else if (memcmp (data + pos, "data", 4) == 0)
        {
          wav->n_samples = chunk / 2;
          wav->samples = g_memdup2 (data + pos + 8, wav->n_samples * 2);
        }
      pos += 8 + chunk + (chunk & 1);
    }
  g_assert_nonnull (wav->samples);
}

/* Onsets in microseconds: the first loud sample after a stretch of quiet. */
static GArray *
find_onsets (const Wav *wav)
{
  GArray *onsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  gsize quiet = MIN_GAP_SAMPLES;

  for (gsize i = 0; i < wav->n_samples; i++)
    {
      gint16 value = GINT16_FROM_LE (wav->samples[i]);

      if (ABS (value) >= SOUND_LEVEL)
        {
          if (quiet >= MIN_GAP_SAMPLES)
            {
              gint64 at = (gint64) i * G_USEC_PER_SEC / wav->rate;
              g_array_append_val (onsets, at);
            }
          quiet = 0;
        }
      else
        quiet++;
    }
  return onsets;
}

static BsSchedule *
core_test (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();

  return bs_schedule_new (bs_routine_library_lookup (library, "core-test"), "standard", 0, 10, NULL);
}

static gint64
nearest (GArray *onsets,
         gint64  time)
{
  gint64 best = G_MAXINT64;

  for (guint i = 0; i < onsets->len; i++)
    {
      gint64 distance = ABS (g_array_index (onsets, gint64, i) - time);
      best = MIN (best, distance);
    }
  return best;
}

static void
render_and_check (BsCueStyle  style,
                  BsVoice    *voice)
{
  g_autoptr(BsSchedule) schedule = core_test ();
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, style, TRUE);
  g_autofree char *dir = g_dir_make_tmp ("backstay-render-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "core-test.wav", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) onsets = NULL;
  gint64 worst = 0;
  Wav wav;

  g_assert_true (bs_cue_render (plan, voice, path, &error));
  g_assert_no_error (error);

  read_wav (path, &wav);
  g_assert_cmpuint (wav.rate, ==, BS_CUE_RATE);
  g_assert_cmpuint (wav.channels, ==, 1);
  g_assert_cmpuint (wav.bits, ==, 16);
  /* The whole routine, lead-in included, and the chime after it. */
  g_assert_cmpuint (wav.n_samples, >, (gsize) 190 * BS_CUE_RATE);

  onsets = find_onsets (&wav);
  for (guint i = 0; i < bs_cue_plan_get_n_cues (plan); i++)
    {
      const BsCue *cue = bs_cue_plan_get_cue (plan, i);
      gint64 expected = bs_cue_plan_get_time (plan, cue);
      gint64 error_usec = nearest (onsets, expected);

      if (error_usec > TOLERANCE_USEC)
        g_error ("%s cue due at %.3f s: nearest onset is %.3f ms away",
                 bs_cue_kind_to_string (cue->kind), expected / 1e6, error_usec / 1e3);
      worst = MAX (worst, error_usec);
    }
  g_test_message ("%u cues, worst onset error %.3f ms", bs_cue_plan_get_n_cues (plan), worst / 1e3);

  /* With tones alone, every onset is a cue: nothing sounds that should not. */
  if (style == BS_CUE_STYLE_TONES)
    g_assert_cmpuint (onsets->len, ==, bs_cue_plan_get_n_cues (plan));

  g_free (wav.samples);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_tones (void)
{
  render_and_check (BS_CUE_STYLE_TONES, NULL);
}

static void
test_voice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsVoice) voice = bs_voice_get_default (&error);

  if (voice == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  render_and_check (BS_CUE_STYLE_VOICE, voice);
}

static void
test_bad_output (void)
{
  g_autoptr(BsSchedule) schedule = core_test ();
  g_autoptr(BsCuePlan) plan = bs_cue_plan_new (schedule, BS_CUE_STYLE_TONES, TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_false (bs_cue_render (plan, NULL, "/tmp/track.mp3", &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (bs_cue_render (plan, NULL, "/nonexistent-dir/track.wav", &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent-dir/track.wav: "));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/cue-render/tones", test_tones);
  g_test_add_func ("/cue-render/voice", test_voice);
  g_test_add_func ("/cue-render/bad-output", test_bad_output);

  return g_test_run ();
}
