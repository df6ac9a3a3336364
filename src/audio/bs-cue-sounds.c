/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include <math.h>

#include "bs-cue-sounds.h"

/*
 * The tones, made in code: no file to decode, no licence to track.  Each
 * starts with a 3 ms attack, so its onset is where its timestamp says
 * (and is easy to find in a rendered track), and ends with a smooth decay,
 * so it does not click.
 */

typedef struct
{
  double frequency;  /* Hz; 0 for a pause */
  double seconds;
  double gain;       /* 0 to 1 */
} Note;

static void
render_note (GArray     *samples,
             const Note *note)
{
  guint n = (guint) (note->seconds * BS_CUE_RATE);
  guint attack = BS_CUE_RATE * 3 / 1000;

  for (guint i = 0; i < n; i++)
    {
      double t = (double) i / BS_CUE_RATE;
      double envelope, value;
      gint16 sample;

      if (note->frequency <= 0)
        {
          sample = 0;
          g_array_append_val (samples, sample);
          continue;
        }
      envelope = i < attack ? (double) i / attack : exp (-4.0 * (double) (i - attack) / n);
      /* A touch of the octave makes small speakers carry the tone. */
      value = sin (2 * G_PI * note->frequency * t) + 0.25 * sin (4 * G_PI * note->frequency * t);
      sample = (gint16) (value / 1.25 * envelope * note->gain * 32000);
      g_array_append_val (samples, sample);
    }
}

/**
 * bs_cue_sound_new:
 * @kind: a tone; %BS_CUE_VOICE has no tone of its own and gets the stage tone
 *
 * Returns: (transfer full): the sound as %BS_CUE_CAPS samples
 */
GBytes *
bs_cue_sound_new (BsCueKind kind)
{
  static const Note tick[] = { { 880, 0.09, 0.6 } };
  static const Note go[] = { { 1320, 0.40, 0.9 } };
  static const Note stage[] = { { 988, 0.12, 0.8 }, { 0, 0.03, 0 }, { 1319, 0.22, 0.8 } };
  static const Note halfway[] = { { 523, 0.25, 0.35 } };
  static const Note finish[] = {
    { 523, 0.14, 0.8 }, { 659, 0.14, 0.8 }, { 784, 0.14, 0.8 }, { 1047, 0.6, 0.8 }
  };
  /* Switch sides: two tones, low then high, twice; a rest: the stage
   * tone falling instead of rising; a repetition: quieter than a tick. */
  static const Note change[] = {
    { 740, 0.10, 0.8 }, { 0, 0.03, 0 }, { 988, 0.10, 0.8 }, { 0, 0.06, 0 },
    { 740, 0.10, 0.8 }, { 0, 0.03, 0 }, { 988, 0.10, 0.8 }
  };
  static const Note rest[] = { { 1319, 0.12, 0.7 }, { 0, 0.03, 0 }, { 784, 0.30, 0.7 } };
  static const Note rep[] = { { 660, 0.06, 0.3 } };
  const Note *notes;
  guint n_notes;
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  gsize size;

  switch (kind)
    {
    case BS_CUE_TICK:
      notes = tick, n_notes = G_N_ELEMENTS (tick);
      break;
    case BS_CUE_GO:
      notes = go, n_notes = G_N_ELEMENTS (go);
      break;
    case BS_CUE_HALFWAY:
      notes = halfway, n_notes = G_N_ELEMENTS (halfway);
      break;
    case BS_CUE_FINISH:
      notes = finish, n_notes = G_N_ELEMENTS (finish);
      break;
    case BS_CUE_SWITCH:
      notes = change, n_notes = G_N_ELEMENTS (change);
      break;
    case BS_CUE_REST:
      notes = rest, n_notes = G_N_ELEMENTS (rest);
      break;
    case BS_CUE_REP:
      notes = rep, n_notes = G_N_ELEMENTS (rep);
      break;
    case BS_CUE_STAGE:
    case BS_CUE_VOICE:
    default:
      notes = stage, n_notes = G_N_ELEMENTS (stage);
      break;
    }

  for (guint i = 0; i < n_notes; i++)
    render_note (samples, &notes[i]);

  size = samples->len * sizeof (gint16);
  return g_bytes_new_take (g_array_free (samples, FALSE), size);
}
