/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bs-cue-plan.h"

/*
 * What the runner hears, worked out once from the schedule, before anything
 * plays.  Every cue is tied to a segment boundary (or a whole second before
 * one), so its time follows from the schedule alone; bs_cue_plan_upcoming()
 * then places the cues still to come on the session's clock, however the
 * session was paused, skipped or sent back.
 *
 * Per segment:
 *   get-ready   spoken "Get ready" and the first stage; ticks at -3, -2, -1 s
 *   first hold  "go" tone at 0, then its name
 *   other holds its name at 0 (or a stage tone without voice); "Set 2 of
 *               5" instead from a step's second set on; a per-side hold
 *               names its side, and its second side is only "Left side"
 *               or "Right side"
 *   every hold  halfway tone for holds of 30 s or more (a setting);
 *               ticks at -3, -2, -1 s before its end
 *   paced set   a soft tick on every repetition after the first, none
 *               spoken, and no halfway tone
 *   until done  its name and "Press Enter when done", then nothing more:
 *               see bs_cue_plan_new_from()
 *   rest        "Rest. Next: ..." (or a rest tone); ticks before its end
 *   switch      "Switch sides" (or the two-tone switch cue); ticks
 *   the end     a finishing chime
 */

#define SEC ((gint64) G_USEC_PER_SEC)

struct _BsCuePlan
{
  GObject parent_instance;

  BsSchedule *schedule;
  GArray *cues;        /* BsCue, sorted by time */
  GPtrArray *texts;    /* owned strings the voice cues point to */
  gint64 *segment_start; /* microseconds from the schedule's start, n + 1 entries */
  int end_segment;       /* the set done "until done" planning stopped at, or -1 */
};

G_DEFINE_FINAL_TYPE (BsCuePlan, bs_cue_plan, G_TYPE_OBJECT)

static void
bs_cue_plan_finalize (GObject *object)
{
  BsCuePlan *self = BS_CUE_PLAN (object);

  g_clear_object (&self->schedule);
  g_array_unref (self->cues);
  g_ptr_array_unref (self->texts);
  g_free (self->segment_start);

  G_OBJECT_CLASS (bs_cue_plan_parent_class)->finalize (object);
}

static void
bs_cue_plan_class_init (BsCuePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bs_cue_plan_finalize;
}

static void
bs_cue_plan_init (BsCuePlan *self)
{
  self->cues = g_array_new (FALSE, TRUE, sizeof (BsCue));
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->end_segment = -1;
}

static void
add (BsCuePlan  *self,
     guint       segment,
     gint64      offset,
     BsCueKind   kind,
     const char *text,
     BsCueKind   fallback)
{
  BsCue cue = { segment, offset, kind, NULL, fallback };

  if (text != NULL)
    {
      char *copy = g_strdup (text);
      g_ptr_array_add (self->texts, copy);
      cue.text = copy;
    }
  g_array_append_val (self->cues, cue);
}

static void
add_ticks (BsCuePlan *self,
           guint      segment,
           guint      duration)
{
  /* Never on the segment's first second: that belongs to its start cue. */
  for (guint before = 3; before >= 1; before--)
    if (duration > before && duration - before >= 1)
      add (self, segment, (gint64) (duration - before) * SEC, BS_CUE_TICK, NULL, BS_CUE_TICK);
}

static int
compare_cues (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  BsCuePlan *self = user_data;
  gint64 ta = bs_cue_plan_get_time (self, a), tb = bs_cue_plan_get_time (self, b);

  return ta < tb ? -1 : ta > tb;
}

/* The second side of a per-side hold: it follows its own first side,
 * with or without a switch in between. */
static gboolean
is_second_side (const BsSegment *segment,
                const BsSegment *previous)
{
  if (previous == NULL || segment->side == BS_SIDE_NONE ||
      previous->step_index != segment->step_index || previous->set != segment->set ||
      previous->round != segment->round)
    return FALSE;
  return previous->kind == BS_SEGMENT_SWITCH_SIDES ||
         (previous->kind == BS_SEGMENT_WORK && previous->side != BS_SIDE_NONE);
}

/* What is said as a work segment begins. */
static char *
work_words (BsCuePlan       *self,
            const BsSegment *segment,
            const BsSegment *previous)
{
  BsRoutine *routine = bs_schedule_get_routine (self->schedule);
  gboolean per_side = segment->step_index >= 0 &&
                      bs_step_get_kind (bs_routine_get_step (routine, (guint) segment->step_index))
                      == BS_STEP_PER_SIDE;
  gboolean left = segment->side == BS_SIDE_LEFT;
  gboolean second = per_side && is_second_side (segment, previous);

  if (second && left)
    /* Translators: spoken when a per-side hold moves to its second side. */
    return g_strdup (_("Left side"));
  if (second)
    /* Translators: spoken when a per-side hold moves to its second side. */
    return g_strdup (_("Right side"));

  if (segment->set > 1 && per_side && left)
    /* Translators: spoken at the start of a set of a per-side hold, e.g.
     * "Set 2 of 5, left side". */
    return g_strdup_printf (_("Set %u of %u, left side"), segment->set, segment->n_sets);
  if (segment->set > 1 && per_side)
    /* Translators: spoken at the start of a set of a per-side hold, e.g.
     * "Set 2 of 5, right side". */
    return g_strdup_printf (_("Set %u of %u, right side"), segment->set, segment->n_sets);
  if (segment->set > 1)
    /* Translators: spoken at the start of a set after the first. */
    return g_strdup_printf (_("Set %u of %u"), segment->set, segment->n_sets);
  if (per_side && left)
    /* Translators: spoken at the start of a per-side hold; %s is its name,
     * e.g. "Piriformis stretch, left side". */
    return g_strdup_printf (_("%s, left side"), segment->name);
  if (per_side)
    /* Translators: spoken at the start of a per-side hold; %s is its name,
     * e.g. "Piriformis stretch, right side". */
    return g_strdup_printf (_("%s, right side"), segment->name);
  return g_strdup (segment->name);
}

static char *
rest_words (BsCuePlan       *self,
            const BsSegment *segment)
{
  if (segment->next_work < 0)
    /* Translators: spoken at the start of a rest. */
    return g_strdup (_("Rest."));
  /* Translators: spoken at the start of a rest; %s is the exercise that
   * follows it, e.g. "Rest. Next: Clamshell." */
  return g_strdup_printf (_("Rest. Next: %s."),
                          bs_schedule_get_segment (self->schedule, (guint) segment->next_work)->name);
}

/* The soft ticks of a paced set: one as every repetition after the first
 * begins, except where a countdown tick already sounds. */
static void
add_reps (BsCuePlan       *self,
          guint            index,
          const BsSegment *segment)
{
  for (guint rep = 1; rep < segment->reps; rep++)
    {
      guint at = rep * segment->pace;

      if (segment->duration - at <= 3)
        continue;
      add (self, index, (gint64) at * SEC, BS_CUE_REP, NULL, BS_CUE_REP);
    }
}

static void
plan_segment (BsCuePlan *self,
              guint      index,
              gboolean   voice,
              gboolean   halfway)
{
  const BsSegment *segment = bs_schedule_get_segment (self->schedule, index);
  const BsSegment *previous = index > 0 ? bs_schedule_get_segment (self->schedule, index - 1) : NULL;
  g_autofree char *words = NULL;
  BsCueKind tone;
  gint64 at = 0;

  if (segment->kind == BS_SEGMENT_GET_READY)
    {
      if (voice)
        {
          /* Translators: spoken at the start of the lead-in; %s is the
           * first stage, e.g. "Plank on your elbows". */
          g_autofree char *text = g_strdup_printf (_("Get ready. First: %s."),
                                                   segment->instruction ? segment->instruction : "");
          add (self, index, 0, BS_CUE_VOICE, text, BS_CUE_STAGE);
        }
      add_ticks (self, index, segment->duration);
      return;
    }

  switch (segment->kind)
    {
    case BS_SEGMENT_REST:
      tone = BS_CUE_REST;
      words = rest_words (self, segment);
      break;
    case BS_SEGMENT_SWITCH_SIDES:
      tone = BS_CUE_SWITCH;
      /* Translators: spoken when a per-side hold changes sides. */
      words = g_strdup (_("Switch sides"));
      break;
    case BS_SEGMENT_WORK:
    case BS_SEGMENT_GET_READY:
    default:
      tone = BS_CUE_STAGE;
      words = work_words (self, segment, previous);
      break;
    }
  if (segment->until_done)
    {
      g_autofree char *name = g_steal_pointer (&words);

      /* Translators: spoken at the start of a set done at the person's own
       * pace; %s is its name or "Set 2 of 3". */
      words = g_strdup_printf (_("%s. Press Enter when done."), name);
    }

  if (previous != NULL && previous->kind == BS_SEGMENT_GET_READY)
    {
      add (self, index, 0, BS_CUE_GO, NULL, BS_CUE_GO);
      at = BS_CUE_VOICE_AFTER_GO_USEC;
      if (voice)
        add (self, index, at, BS_CUE_VOICE, words, tone);
    }
  else if (voice)
    add (self, index, 0, BS_CUE_VOICE, words, tone);
  else
    add (self, index, 0, tone, NULL, tone);

  if (segment->kind == BS_SEGMENT_WORK && segment->reps > 0)
    add_reps (self, index, segment);
  else if (halfway && segment->kind == BS_SEGMENT_WORK &&
           segment->duration >= BS_CUE_HALFWAY_MIN_SECONDS)
    add (self, index, (gint64) segment->duration * SEC / 2, BS_CUE_HALFWAY, NULL, BS_CUE_HALFWAY);
  add_ticks (self, index, segment->duration);
}

/**
 * bs_cue_plan_new:
 * @schedule: what will run
 * @style: voice and tones, tones only, or nothing
 * @halfway: whether long holds get a halfway tone
 *
 * The cues from the schedule's start: bs_cue_plan_new_from() at 0.
 */
BsCuePlan *
bs_cue_plan_new (BsSchedule *schedule,
                 BsCueStyle  style,
                 gboolean    halfway)
{
  return bs_cue_plan_new_from (schedule, style, halfway, 0);
}

/**
 * bs_cue_plan_new_from:
 * @schedule: what will run
 * @style: voice and tones, tones only, or nothing
 * @halfway: whether long holds get a halfway tone
 * @first_segment: the segment to plan from
 *
 * Plans the cues of @first_segment and those after it, up to and including
 * the first set done "until done", if there is one.  Nothing after such a
 * set can be placed in time before the person says it is done, so the
 * plan stops there (bs_cue_plan_get_end_segment() says where), with no
 * finishing chime; once the session leaves the wait, a new plan from the
 * segment after it carries on.
 */
BsCuePlan *
bs_cue_plan_new_from (BsSchedule *schedule,
                      BsCueStyle  style,
                      gboolean    halfway,
                      guint       first_segment)
{
  BsCuePlan *self;
  guint n, last;

  g_return_val_if_fail (BS_IS_SCHEDULE (schedule), NULL);

  self = g_object_new (BS_TYPE_CUE_PLAN, NULL);
  self->schedule = g_object_ref (schedule);
  n = bs_schedule_get_n_segments (schedule);
  self->segment_start = g_new0 (gint64, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);
      self->segment_start[i] = (gint64) segment->start * SEC;
      self->segment_start[i + 1] = (gint64) (segment->start + segment->duration) * SEC;
    }

  last = n > 0 ? n - 1 : 0;
  for (guint i = first_segment; i < n; i++)
    if (bs_schedule_get_segment (schedule, i)->until_done)
      {
        self->end_segment = (int) i;
        last = i;
        break;
      }

  if (style == BS_CUE_STYLE_OFF || first_segment >= n)
    return self;

  for (guint i = first_segment; i <= last; i++)
    plan_segment (self, i, style == BS_CUE_STYLE_VOICE, halfway);

  if (self->end_segment < 0)
    add (self, n - 1, (gint64) bs_schedule_get_segment (schedule, n - 1)->duration * SEC,
         BS_CUE_FINISH, NULL, BS_CUE_FINISH);

  g_array_sort_with_data (self->cues, compare_cues, self);
  return self;
}

/**
 * bs_cue_plan_get_end_segment:
 *
 * Returns: the set done "until done" where the plan stops, or -1 if it
 *   runs to the end of the schedule
 */
int
bs_cue_plan_get_end_segment (BsCuePlan *self)
{
  g_return_val_if_fail (BS_IS_CUE_PLAN (self), -1);
  return self->end_segment;
}

BsSchedule *
bs_cue_plan_get_schedule (BsCuePlan *self)
{
  g_return_val_if_fail (BS_IS_CUE_PLAN (self), NULL);
  return self->schedule;
}

guint
bs_cue_plan_get_n_cues (BsCuePlan *self)
{
  g_return_val_if_fail (BS_IS_CUE_PLAN (self), 0);
  return self->cues->len;
}

const BsCue *
bs_cue_plan_get_cue (BsCuePlan *self,
                     guint      index)
{
  g_return_val_if_fail (BS_IS_CUE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->cues->len, NULL);
  return &g_array_index (self->cues, BsCue, index);
}

/**
 * bs_cue_plan_get_time:
 *
 * Returns: microseconds from the start of the schedule, as if it ran
 *   without a pause
 */
gint64
bs_cue_plan_get_time (BsCuePlan   *self,
                      const BsCue *cue)
{
  g_return_val_if_fail (BS_IS_CUE_PLAN (self), 0);
  return self->segment_start[cue->segment] + cue->offset;
}

/**
 * bs_cue_plan_dup_texts:
 *
 * Returns: (transfer full): every distinct text to be spoken, in the order
 *   it is needed, so a voice can prepare them ahead
 */
GStrv
bs_cue_plan_dup_texts (BsCuePlan *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (BS_IS_CUE_PLAN (self), NULL);

  for (guint i = 0; i < self->cues->len; i++)
    {
      const BsCue *cue = &g_array_index (self->cues, BsCue, i);

      if (cue->text != NULL && g_hash_table_add (seen, (gpointer) cue->text))
        g_strv_builder_add (builder, cue->text);
    }
  return g_strv_builder_end (builder);
}

/**
 * bs_cue_plan_upcoming:
 * @session: the session running the plan's schedule
 *
 * Places every cue still to come on the session's clock.  The current
 * segment's end is the session's deadline; every later boundary follows
 * from the durations, exactly as the session will reach it.  A paused,
 * finished or idle session has nothing to come.
 *
 * Returns: (transfer full) (element-type BsTimedCue): the cues not yet
 *   due (or, in the current segment, due at most %BS_CUE_LATE_GRACE_USEC
 *   ago), in time order
 */
GArray *
bs_cue_plan_upcoming (BsCuePlan *self,
                      BsSession *session)
{
  GArray *upcoming = g_array_new (FALSE, FALSE, sizeof (BsTimedCue));
  BsSessionState state;
  gint64 now, segment_end, shift;
  int index;

  g_return_val_if_fail (BS_IS_CUE_PLAN (self), upcoming);
  g_return_val_if_fail (BS_IS_SESSION (session), upcoming);
  g_return_val_if_fail (bs_session_get_schedule (session) == self->schedule, upcoming);

  state = bs_session_get_state (session);
  if (state != BS_SESSION_GET_READY && state != BS_SESSION_RUNNING)
    return upcoming;

  index = bs_session_get_segment_index (session);
  now = bs_clock_get_time (bs_session_get_clock (session));
  segment_end = now + bs_session_get_remaining_usec (session);
  /* Schedule time + shift = clock time, from the current segment on. */
  shift = segment_end - self->segment_start[index + 1];

  for (guint i = 0; i < self->cues->len; i++)
    {
      const BsCue *cue = &g_array_index (self->cues, BsCue, i);
      BsTimedCue timed;

      if ((int) cue->segment < index)
        continue;
      timed.time = bs_cue_plan_get_time (self, cue) + shift;
      timed.cue = cue;
      /* The cue that starts a segment entered by a skip is due "now", and
       * now has moved on a little by the time anyone asks: keep it. */
      if (timed.time < now - ((int) cue->segment == index ? BS_CUE_LATE_GRACE_USEC : 0))
        continue;
      g_array_append_val (upcoming, timed);
    }
  return upcoming;
}

const char *
bs_cue_kind_to_string (BsCueKind kind)
{
  switch (kind)
    {
    case BS_CUE_TICK:
      return "tick";
    case BS_CUE_GO:
      return "go";
    case BS_CUE_STAGE:
      return "stage";
    case BS_CUE_HALFWAY:
      return "halfway";
    case BS_CUE_FINISH:
      return "finish";
    case BS_CUE_SWITCH:
      return "switch";
    case BS_CUE_REST:
      return "rest";
    case BS_CUE_REP:
      return "rep";
    case BS_CUE_VOICE:
    default:
      return "voice";
    }
}

/**
 * bs_cue_result_sentence:
 *
 * Returns: (transfer full): the result in one spoken sentence
 */
char *
bs_cue_result_sentence (BsResult *result)
{
  guint held = (guint) (bs_result_get_held_ms (result) / 1000);
  guint minutes = held / 60, seconds = held % 60;
  g_autofree char *held_text = NULL;
  guint reached = bs_result_get_stage_reached (result);
  guint n_stages = bs_schedule_get_n_stages (bs_result_get_schedule (result));

  if (bs_result_get_good (result))
    return g_strdup (_("Well done: good core strength. You held every stage."));
  if (!bs_result_get_scored (result))
    return g_strdup (bs_result_get_completed (result) ? _("Routine complete. Well done.")
                                                      : _("Routine stopped."));
  if (bs_result_get_completed (result))
    return g_strdup (_("Finished, with stages skipped: this run does not count as a full test."));
  if (reached == 0)
    return g_strdup (_("Stopped before the first stage."));

  /* Spoken, so words, not "min" and "s". */
  if (minutes > 0)
    {
      g_autofree char *minutes_text = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes),
                                                       minutes);
      g_autofree char *seconds_text = g_strdup_printf (ngettext ("%u second", "%u seconds", seconds),
                                                       seconds);

      /* Translators: a spoken duration: minutes, then seconds, e.g.
       * "1 minute 32 seconds". */
      held_text = g_strdup_printf (C_("spoken duration", "%s %s"), minutes_text, seconds_text);
    }
  else
    held_text = g_strdup_printf (ngettext ("%u second", "%u seconds", seconds), seconds);
  /* Translators: spoken result: time held, stage reached, number of stages. */
  return g_strdup_printf (_("You held %s, up to stage %u of %u."), held_text, reached, n_stages);
}
