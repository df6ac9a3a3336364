/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bs-error.h"
#include "bs-routine-library.h"
#include "bs-schedule.h"

/* CONTENT.md §1: the holds of each form at each level, stage by stage. */
typedef struct
{
  const char *form;
  guint level;
  guint holds[8];
  guint total;
} Expected;

static const Expected expected[] = {
  { "standard", 0, { 60, 15, 15, 15, 15, 15, 15, 30 }, 180 },
  { "standard", 5, { 55, 10, 10, 10, 10, 10, 10, 25 }, 140 },
  { "standard", 10, { 50, 5, 5, 5, 5, 5, 5, 20 }, 100 },
  { "standard", 15, { 45, 5, 5, 5, 5, 5, 5, 15 }, 90 },
  { "short", 0, { 30, 15, 15, 15, 15, 15, 15, 30 }, 150 },
  { "short", 5, { 25, 10, 10, 10, 10, 10, 10, 25 }, 110 },
  { "short", 10, { 20, 5, 5, 5, 5, 5, 5, 20 }, 70 },
  { "short", 15, { 15, 5, 5, 5, 5, 5, 5, 15 }, 60 },
};

static const char * const stage_names[] = {
  "Plank on your elbows", "Lift your right arm", "Lift your left arm", "Lift your right leg",
  "Lift your left leg", "Right arm and left leg", "Left arm and right leg", "Plank on your elbows",
};

static BsRoutine *
core_test (void)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  BsRoutine *routine = bs_routine_library_lookup (library, "core-test");

  g_assert_nonnull (routine);
  return g_object_ref (routine);
}

static void
test_core_test_holds (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(BsRoutine) routine = core_test ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, e->form, e->level, 10, &error);
  const BsSegment *ready;
  guint offset = 10;

  g_assert_no_error (error);
  g_assert_cmpuint (bs_schedule_get_n_segments (schedule), ==, 9);
  g_assert_cmpuint (bs_schedule_get_n_stages (schedule), ==, 8);
  g_assert_cmpstr (bs_schedule_get_form_id (schedule), ==, e->form);
  g_assert_cmpuint (bs_schedule_get_level (schedule), ==, e->level);

  ready = bs_schedule_get_segment (schedule, 0);
  g_assert_cmpint (ready->kind, ==, BS_SEGMENT_GET_READY);
  g_assert_cmpuint (ready->start, ==, 0);
  g_assert_cmpuint (ready->duration, ==, 10);
  g_assert_cmpuint (ready->stage, ==, 0);

  for (guint i = 0; i < 8; i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i + 1);

      g_assert_cmpint (segment->kind, ==, BS_SEGMENT_WORK);
      g_assert_cmpuint (segment->stage, ==, i + 1);
      g_assert_cmpstr (segment->name, ==, stage_names[i]);
      g_assert_cmpuint (segment->duration, ==, e->holds[i]);
      g_assert_cmpuint (segment->start, ==, offset);
      offset += segment->duration;
    }
  g_assert_cmpuint (bs_schedule_get_work_seconds (schedule), ==, e->total);
  g_assert_cmpuint (bs_schedule_get_total_seconds (schedule), ==, e->total + 10);
}

static void
test_default_form_is_three_minutes (void)
{
  g_autoptr(BsRoutine) routine = core_test ();
  g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, NULL, 0, 10, NULL);

  g_assert_cmpstr (bs_schedule_get_form_id (schedule), ==, "standard");
  g_assert_cmpuint (bs_schedule_get_work_seconds (schedule), ==, 180);
}

static void
test_no_lead_in (void)
{
  g_autoptr(BsRoutine) routine = core_test ();
  g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, "short", 0, 0, NULL);
  const BsSegment *first = bs_schedule_get_segment (schedule, 0);

  g_assert_cmpuint (bs_schedule_get_n_segments (schedule), ==, 8);
  g_assert_cmpint (first->kind, ==, BS_SEGMENT_WORK);
  g_assert_cmpuint (first->start, ==, 0);
  g_assert_cmpuint (bs_schedule_get_total_seconds (schedule), ==, 150);
}

static void
test_bad_form_and_level (void)
{
  g_autoptr(BsRoutine) routine = core_test ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BsSchedule) schedule = NULL;

  schedule = bs_schedule_new (routine, "long", 0, 10, &error);
  g_assert_null (schedule);
  g_assert_error (error, BS_ERROR, BS_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "“core-test” has no form “long”");
  g_clear_error (&error);

  schedule = bs_schedule_new (routine, NULL, 7, 10, &error);
  g_assert_null (schedule);
  g_assert_error (error, BS_ERROR, BS_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "“core-test” has no level 7; its levels are 0, 5, 10, 15");
}

static void
test_level_floor (void)
{
  /* Shortened, but never below the floor ... */
  g_assert_cmpuint (bs_level_apply (15, 15, 5), ==, 5);
  g_assert_cmpuint (bs_level_apply (15, 10, 5), ==, 5);
  g_assert_cmpuint (bs_level_apply (15, 5, 5), ==, 10);
  g_assert_cmpuint (bs_level_apply (60, 15, 5), ==, 45);
  g_assert_cmpuint (bs_level_apply (6, 600, 5), ==, 5);
  /* ... and a hold already at or under the floor is left alone. */
  g_assert_cmpuint (bs_level_apply (5, 10, 5), ==, 5);
  g_assert_cmpuint (bs_level_apply (3, 10, 5), ==, 3);
  g_assert_cmpuint (bs_level_apply (30, 0, 5), ==, 30);
}

static void
test_routine_unchanged (void)
{
  g_autoptr(BsRoutine) routine = core_test ();
  g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, "short", 15, 10, NULL);

  /* Expanding is pure: the routine still says what its file says. */
  g_assert_cmpuint (bs_step_get_seconds (bs_routine_get_step (routine, 0)), ==, 60);
  g_assert_cmpuint (bs_step_get_form_seconds (bs_routine_get_step (routine, 0), "short"), ==, 30);
  g_assert_cmpuint (bs_step_get_seconds (bs_routine_get_step (routine, 1)), ==, 15);
}

/* CONTENT.md §2-4, expanded: every segment of every bundled routine, in
 * order, without a lead-in.  Decisions of ours (CONTENT.md says which):
 * 10 s between sets and to change position between stretches, 5 s to
 * switch sides, 40 s work and 20 s rest in the circuit, two rounds. */
#define W BS_SEGMENT_WORK
#define REST BS_SEGMENT_REST
#define SW BS_SEGMENT_SWITCH_SIDES
#define N BS_SIDE_NONE
#define L BS_SIDE_LEFT
#define R BS_SIDE_RIGHT

typedef struct
{
  BsSegmentKind kind;
  const char *name;
  BsSide side;
  guint seconds;
  guint set;
  guint n_sets;
  guint round;
} Row;

static const Row hamstring_wall_stretch[] = {
  { W, "Hamstring wall stretch", N, 60, 1, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Hamstring wall stretch", N, 60, 2, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Hamstring wall stretch", N, 60, 3, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Hamstring wall stretch", N, 60, 4, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Hamstring wall stretch", N, 60, 5, 5, 0 },
};

static const Row piriformis_stretch[] = {
  { W, "Piriformis stretch", R, 30, 1, 5, 0 },
  { SW, "Switch sides", L, 5, 1, 5, 0 },
  { W, "Piriformis stretch", L, 30, 1, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Piriformis stretch", R, 30, 2, 5, 0 },
  { SW, "Switch sides", L, 5, 2, 5, 0 },
  { W, "Piriformis stretch", L, 30, 2, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Piriformis stretch", R, 30, 3, 5, 0 },
  { SW, "Switch sides", L, 5, 3, 5, 0 },
  { W, "Piriformis stretch", L, 30, 3, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Piriformis stretch", R, 30, 4, 5, 0 },
  { SW, "Switch sides", L, 5, 4, 5, 0 },
  { W, "Piriformis stretch", L, 30, 4, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Piriformis stretch", R, 30, 5, 5, 0 },
  { SW, "Switch sides", L, 5, 5, 5, 0 },
  { W, "Piriformis stretch", L, 30, 5, 5, 0 },
};

static const Row daily_stretches[] = {
  { W, "Hamstring wall stretch", N, 60, 1, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Hamstring wall stretch", N, 60, 2, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Hamstring wall stretch", N, 60, 3, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Hamstring wall stretch", N, 60, 4, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Hamstring wall stretch", N, 60, 5, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Piriformis stretch", R, 30, 1, 5, 0 },
  { SW, "Switch sides", L, 5, 1, 5, 0 },
  { W, "Piriformis stretch", L, 30, 1, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Piriformis stretch", R, 30, 2, 5, 0 },
  { SW, "Switch sides", L, 5, 2, 5, 0 },
  { W, "Piriformis stretch", L, 30, 2, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Piriformis stretch", R, 30, 3, 5, 0 },
  { SW, "Switch sides", L, 5, 3, 5, 0 },
  { W, "Piriformis stretch", L, 30, 3, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Piriformis stretch", R, 30, 4, 5, 0 },
  { SW, "Switch sides", L, 5, 4, 5, 0 },
  { W, "Piriformis stretch", L, 30, 4, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Piriformis stretch", R, 30, 5, 5, 0 },
  { SW, "Switch sides", L, 5, 5, 5, 0 },
  { W, "Piriformis stretch", L, 30, 5, 5, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Knee to chest", R, 30, 0, 0, 0 },
  { SW, "Switch sides", L, 5, 0, 0, 0 },
  { W, "Knee to chest", L, 30, 0, 0, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Seated hamstring stretch", N, 30, 0, 0, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Pelvic tilt", N, 40, 0, 0, 0 },
  { REST, "Rest", N, 10, 0, 0, 0 },
  { W, "Hip flexor stretch", R, 30, 0, 0, 0 },
  { SW, "Switch sides", L, 5, 0, 0, 0 },
  { W, "Hip flexor stretch", L, 30, 0, 0, 0 },
};

static const Row strength_circuit[] = {
  { W, "Glute bridge", N, 40, 0, 0, 1 },
  { REST, "Rest", N, 20, 0, 0, 1 },
  { W, "Clamshell", R, 40, 0, 0, 1 },
  { SW, "Switch sides", L, 5, 0, 0, 1 },
  { W, "Clamshell", L, 40, 0, 0, 1 },
  { REST, "Rest", N, 20, 0, 0, 1 },
  { W, "Plank", N, 40, 0, 0, 1 },
  { REST, "Rest", N, 20, 0, 0, 1 },
  { W, "Side plank", R, 40, 0, 0, 1 },
  { SW, "Switch sides", L, 5, 0, 0, 1 },
  { W, "Side plank", L, 40, 0, 0, 1 },
  { REST, "Rest", N, 20, 0, 0, 1 },
  { W, "Russian twist", N, 40, 0, 0, 1 },
  { REST, "Rest", N, 20, 0, 0, 1 },
  { W, "Superman", N, 40, 0, 0, 1 },
  { REST, "Rest", N, 20, 0, 0, 1 },
  { W, "Bird dog", N, 40, 0, 0, 1 },
  { REST, "Rest", N, 20, 0, 0, 1 },
  { W, "Fire hydrant", R, 40, 0, 0, 1 },
  { SW, "Switch sides", L, 5, 0, 0, 1 },
  { W, "Fire hydrant", L, 40, 0, 0, 1 },
  { REST, "Rest", N, 20, 0, 0, 1 },
  { W, "Glute bridge", N, 40, 0, 0, 2 },
  { REST, "Rest", N, 20, 0, 0, 2 },
  { W, "Clamshell", R, 40, 0, 0, 2 },
  { SW, "Switch sides", L, 5, 0, 0, 2 },
  { W, "Clamshell", L, 40, 0, 0, 2 },
  { REST, "Rest", N, 20, 0, 0, 2 },
  { W, "Plank", N, 40, 0, 0, 2 },
  { REST, "Rest", N, 20, 0, 0, 2 },
  { W, "Side plank", R, 40, 0, 0, 2 },
  { SW, "Switch sides", L, 5, 0, 0, 2 },
  { W, "Side plank", L, 40, 0, 0, 2 },
  { REST, "Rest", N, 20, 0, 0, 2 },
  { W, "Russian twist", N, 40, 0, 0, 2 },
  { REST, "Rest", N, 20, 0, 0, 2 },
  { W, "Superman", N, 40, 0, 0, 2 },
  { REST, "Rest", N, 20, 0, 0, 2 },
  { W, "Bird dog", N, 40, 0, 0, 2 },
  { REST, "Rest", N, 20, 0, 0, 2 },
  { W, "Fire hydrant", R, 40, 0, 0, 2 },
  { SW, "Switch sides", L, 5, 0, 0, 2 },
  { W, "Fire hydrant", L, 40, 0, 0, 2 },
};

static const Row warm_up[] = {
  { W, "Easy jog", N, 180, 0, 0, 0 },
  { W, "Leg swings", R, 60, 0, 0, 0 },
  { W, "Leg swings", L, 60, 0, 0, 0 },
  { W, "High knees", N, 60, 0, 0, 0 },
  { W, "Butt kicks", N, 60, 0, 0, 0 },
  { W, "Walking lunges", N, 60, 0, 0, 0 },
};
#undef W
#undef REST
#undef SW
#undef N
#undef L
#undef R

typedef struct
{
  const char *id;
  const Row *rows;
  guint n_rows;
  guint work;   /* seconds of work: holds, sides, paced repetitions */
  guint rest;   /* seconds of rests and switches */
  guint total;
} Dose;

static const Dose doses[] = {
  /* 5 x 60 s, 4 rests of 10 s between them. */
  { "hamstring-wall-stretch", hamstring_wall_stretch, G_N_ELEMENTS (hamstring_wall_stretch),
    5 * 60, 4 * 10, 340 },
  /* 5 x 30 s each side, a 5 s switch in each set, 10 s between sets. */
  { "piriformis-stretch", piriformis_stretch, G_N_ELEMENTS (piriformis_stretch),
    5 * 2 * 30, 5 * 5 + 4 * 10, 365 },
  /* The two above, knee to chest 2 x 30 s, seated hamstring 30 s, 10
   * pelvic tilts at 4 s, hip flexor 2 x 30 s; 10 s between stretches. */
  { "daily-stretches", daily_stretches, G_N_ELEMENTS (daily_stretches),
    300 + 300 + 60 + 30 + 40 + 60, 40 + 65 + 5 + 5 + 5 * 10, 955 },
  /* Two rounds of eight exercises: 5 x 40 s and 3 x 2 x 40 s of work,
   * 20 s after each exercise but the very last, 5 s to switch sides. */
  { "strength-circuit", strength_circuit, G_N_ELEMENTS (strength_circuit),
    2 * (5 * 40 + 3 * 2 * 40), 2 * 3 * 5 + 15 * 20, 1210 },
  /* 3 min of jogging, then 1 min each: leg swings per leg, high knees,
   * butt kicks, walking lunges: exactly 8:00. */
  { "warm-up", warm_up, G_N_ELEMENTS (warm_up), 480, 0, 480 },
};

static BsRoutine *
bundled (const char *id)
{
  g_autoptr(BsRoutineLibrary) library = bs_routine_library_new ();
  BsRoutine *routine = bs_routine_library_lookup (library, id);

  g_assert_nonnull (routine);
  return g_object_ref (routine);
}

static void
test_bundled_doses (gconstpointer data)
{
  const Dose *dose = data;
  g_autoptr(BsRoutine) routine = bundled (dose->id);
  g_autoptr(GError) error = NULL;
  g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, NULL, 0, 0, &error);
  g_autoptr(BsSchedule) with_lead_in = bs_schedule_new (routine, NULL, 0, 10, &error);
  guint start = 0, stage = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (bs_schedule_get_n_segments (schedule), ==, dose->n_rows);
  for (guint i = 0; i < dose->n_rows; i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);
      const Row *row = &dose->rows[i];

      g_assert_cmpint (segment->kind, ==, row->kind);
      g_assert_cmpstr (segment->name, ==, row->name);
      g_assert_cmpint (segment->side, ==, row->side);
      g_assert_cmpuint (segment->duration, ==, row->seconds);
      g_assert_cmpuint (segment->set, ==, row->set);
      g_assert_cmpuint (segment->n_sets, ==, row->n_sets);
      g_assert_cmpuint (segment->round, ==, row->round);
      g_assert_cmpuint (segment->n_rounds, ==, row->round > 0 ? 2 : 0);
      g_assert_cmpuint (segment->start, ==, start);
      g_assert_false (segment->until_done);
      g_assert_cmpuint (segment->stage, ==, segment->kind == BS_SEGMENT_WORK ? ++stage : 0);
      if (segment->kind == BS_SEGMENT_WORK)
        g_assert_nonnull (segment->illustration);
      start += segment->duration;
    }
  g_assert_cmpuint (bs_schedule_get_n_stages (schedule), ==, stage);
  g_assert_cmpuint (bs_schedule_get_work_seconds (schedule), ==, dose->work);
  g_assert_cmpuint (bs_schedule_get_rest_seconds (schedule), ==, dose->rest);
  g_assert_cmpuint (bs_schedule_get_total_seconds (schedule), ==, dose->total);
  g_assert_cmpuint (dose->work + dose->rest, ==, dose->total);
  g_assert_false (bs_schedule_has_open_ended (schedule));

  /* The app's lead-in comes first and moves everything by as much. */
  g_assert_cmpuint (bs_schedule_get_total_seconds (with_lead_in), ==, dose->total + 10);
  g_assert_cmpint (bs_schedule_get_segment (with_lead_in, 0)->kind, ==, BS_SEGMENT_GET_READY);
  g_assert_cmpstr (bs_schedule_get_segment (with_lead_in, 0)->instruction, ==, dose->rows[0].name);
}

/* The pelvic tilt: 10 repetitions, one every 4 s (CONTENT.md §3). */
static void
test_pelvic_tilt_is_counted (void)
{
  g_autoptr(BsRoutine) routine = bundled ("daily-stretches");
  g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, NULL, 0, 0, NULL);
  gboolean found = FALSE;

  for (guint i = 0; i < bs_schedule_get_n_segments (schedule); i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);

      if (segment->reps == 0)
        continue;
      g_assert_cmpstr (segment->name, ==, "Pelvic tilt");
      g_assert_cmpuint (segment->reps, ==, 10);
      g_assert_cmpuint (segment->pace, ==, 4);
      g_assert_cmpstr (segment->illustration, ==, "pelvic-tilt");
      found = TRUE;
    }
  g_assert_true (found);
}

/* Rests and switches say what comes next. */
static void
test_next_work (void)
{
  g_autoptr(BsRoutine) routine = bundled ("piriformis-stretch");
  g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, NULL, 0, 10, NULL);
  guint n = bs_schedule_get_n_segments (schedule);

  for (guint i = 0; i < n; i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);
      int next = segment->next_work;

      if (i + 1 == n)
        {
          g_assert_cmpint (next, ==, -1);
          continue;
        }
      g_assert_cmpint (next, >, (int) i);
      g_assert_cmpint (bs_schedule_get_segment (schedule, (guint) next)->kind, ==, BS_SEGMENT_WORK);
      for (int j = (int) i + 1; j < next; j++)
        g_assert_cmpint (bs_schedule_get_segment (schedule, (guint) j)->kind, !=, BS_SEGMENT_WORK);
    }
}

/* The core test has no rests, sets or rounds: its schedule prints exactly
 * as it did before format 2, so old history records and new ones agree. */
static void
test_core_test_json_unchanged (void)
{
  static const char *before =
  "{\n"
  "  \"routine\" : \"core-test\",\n"
  "  \"name\" : \"Core strength test\",\n"
  "  \"form\" : \"standard\",\n"
  "  \"level\" : 0,\n"
  "  \"lead-in\" : 10,\n"
  "  \"work\" : 180,\n"
  "  \"total\" : 190,\n"
  "  \"segments\" : [\n"
  "    {\n"
  "      \"kind\" : \"get-ready\",\n"
  "      \"name\" : \"Get ready\",\n"
  "      \"start\" : 0,\n"
  "      \"duration\" : 10\n"
  "    },\n"
  "    {\n"
  "      \"kind\" : \"work\",\n"
  "      \"stage\" : 1,\n"
  "      \"name\" : \"Plank on your elbows\",\n"
  "      \"start\" : 10,\n"
  "      \"duration\" : 60\n"
  "    },\n"
  "    {\n"
  "      \"kind\" : \"work\",\n"
  "      \"stage\" : 2,\n"
  "      \"name\" : \"Lift your right arm\",\n"
  "      \"side\" : \"right\",\n"
  "      \"start\" : 70,\n"
  "      \"duration\" : 15\n"
  "    },\n"
  "    {\n"
  "      \"kind\" : \"work\",\n"
  "      \"stage\" : 3,\n"
  "      \"name\" : \"Lift your left arm\",\n"
  "      \"side\" : \"left\",\n"
  "      \"start\" : 85,\n"
  "      \"duration\" : 15\n"
  "    },\n"
  "    {\n"
  "      \"kind\" : \"work\",\n"
  "      \"stage\" : 4,\n"
  "      \"name\" : \"Lift your right leg\",\n"
  "      \"side\" : \"right\",\n"
  "      \"start\" : 100,\n"
  "      \"duration\" : 15\n"
  "    },\n"
  "    {\n"
  "      \"kind\" : \"work\",\n"
  "      \"stage\" : 5,\n"
  "      \"name\" : \"Lift your left leg\",\n"
  "      \"side\" : \"left\",\n"
  "      \"start\" : 115,\n"
  "      \"duration\" : 15\n"
  "    },\n"
  "    {\n"
  "      \"kind\" : \"work\",\n"
  "      \"stage\" : 6,\n"
  "      \"name\" : \"Right arm and left leg\",\n"
  "      \"start\" : 130,\n"
  "      \"duration\" : 15\n"
  "    },\n"
  "    {\n"
  "      \"kind\" : \"work\",\n"
  "      \"stage\" : 7,\n"
  "      \"name\" : \"Left arm and right leg\",\n"
  "      \"start\" : 145,\n"
  "      \"duration\" : 15\n"
  "    },\n"
  "    {\n"
  "      \"kind\" : \"work\",\n"
  "      \"stage\" : 8,\n"
  "      \"name\" : \"Plank on your elbows\",\n"
  "      \"start\" : 160,\n"
  "      \"duration\" : 30\n"
  "    }\n"
  "  ]\n"
  "}";
  g_autoptr(BsRoutine) routine = core_test ();
  g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, NULL, 0, 10, NULL);
  g_autofree char *json = bs_schedule_to_json (schedule);

  g_assert_cmpstr (json, ==, before);
}

static BsRoutine *
routine_of (BsStep *first,
            ...)
{
  BsRoutine *routine = bs_routine_new ("made", "Made in code");
  va_list args;

  va_start (args, first);
  for (BsStep *step = first; step != NULL; step = va_arg (args, BsStep *))
    {
      bs_routine_add_step (routine, step);
      g_object_unref (step);
    }
  va_end (args);
  return routine;
}

/* A routine's own lead-in wins over the app's setting; without one, the
 * setting stands. */
static void
test_lead_in_precedence (void)
{
  g_autoptr(BsRoutine) routine = routine_of (bs_step_new (BS_STEP_HOLD, "A", 30), NULL);
  g_autoptr(BsSchedule) app = bs_schedule_new (routine, NULL, 0, 10, NULL);
  g_autoptr(BsSchedule) none = NULL;
  g_autoptr(BsSchedule) own = NULL;

  g_assert_cmpuint (bs_schedule_get_lead_in (app), ==, 10);
  bs_routine_set_lead_in (routine, 0);
  none = bs_schedule_new (routine, NULL, 0, 10, NULL);
  g_assert_cmpuint (bs_schedule_get_lead_in (none), ==, 0);
  g_assert_cmpuint (bs_schedule_get_n_segments (none), ==, 1);
  g_assert_cmpuint (bs_schedule_get_total_seconds (none), ==, 30);
  bs_routine_set_lead_in (routine, 45);
  own = bs_schedule_new (routine, NULL, 0, 10, NULL);
  g_assert_cmpuint (bs_schedule_get_lead_in (own), ==, 45);
  g_assert_cmpuint (bs_schedule_get_segment (own, 0)->duration, ==, 45);
  g_assert_cmpuint (bs_schedule_get_total_seconds (own), ==, 75);
}

typedef struct
{
  BsSegmentKind kind;
  guint duration;
  guint round;
} Brief;

static void
assert_brief (BsSchedule  *schedule,
              const Brief *briefs,
              guint        n_briefs)
{
  g_assert_cmpuint (bs_schedule_get_n_segments (schedule), ==, n_briefs);
  for (guint i = 0; i < n_briefs; i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (schedule, i);

      g_assert_cmpint (segment->kind, ==, briefs[i].kind);
      g_assert_cmpuint (segment->duration, ==, briefs[i].duration);
      g_assert_cmpuint (segment->round, ==, briefs[i].round);
    }
}

/* Between rounds, one rest: the round-rest if there is one, else the last
 * step's rest-after.  Nothing ends on a rest, not even a rest step. */
static void
test_rounds_and_rests (void)
{
  g_autoptr(BsRoutine) routine = NULL;
  g_autoptr(BsSchedule) plain = NULL;
  g_autoptr(BsSchedule) with_round_rest = NULL;
  BsStep *a = bs_step_new (BS_STEP_HOLD, "A", 20);
  BsStep *b = bs_step_new (BS_STEP_HOLD, "B", 30);
  BsStep *lie = bs_step_new (BS_STEP_REST, "Lie still", 15);
  static const Brief expected_plain[] = {
    { BS_SEGMENT_WORK, 20, 1 }, { BS_SEGMENT_REST, 5, 1 }, { BS_SEGMENT_WORK, 30, 1 },
    { BS_SEGMENT_REST, 8, 1 }, { BS_SEGMENT_REST, 15, 1 },
    { BS_SEGMENT_WORK, 20, 2 }, { BS_SEGMENT_REST, 5, 2 }, { BS_SEGMENT_WORK, 30, 2 },
  };
  static const Brief expected_round_rest[] = {
    { BS_SEGMENT_WORK, 20, 1 }, { BS_SEGMENT_REST, 5, 1 }, { BS_SEGMENT_WORK, 30, 1 },
    { BS_SEGMENT_REST, 8, 1 }, { BS_SEGMENT_REST, 15, 1 }, { BS_SEGMENT_REST, 60, 1 },
    { BS_SEGMENT_WORK, 20, 2 }, { BS_SEGMENT_REST, 5, 2 }, { BS_SEGMENT_WORK, 30, 2 },
  };

  bs_step_set_rest_after (a, 5);
  bs_step_set_rest_after (b, 8);
  routine = routine_of (a, b, lie, NULL);
  bs_routine_set_rounds (routine, 2);

  plain = bs_schedule_new (routine, NULL, 0, 0, NULL);
  assert_brief (plain, expected_plain, G_N_ELEMENTS (expected_plain));
  g_assert_cmpstr (bs_schedule_get_segment (plain, 4)->name, ==, "Lie still");
  g_assert_cmpint (bs_schedule_get_segment (plain, 4)->step_index, ==, 2);
  g_assert_cmpuint (bs_schedule_get_rest_seconds (plain), ==, 5 + 8 + 15 + 5);

  /* A last step's rest-after stands aside for the round-rest. */
  bs_step_set_rest_after (lie, 0);
  bs_step_set_rest_after (bs_routine_get_step (routine, 1), 8);
  bs_routine_set_round_rest (routine, 60);
  {
    BsStep *c = bs_step_new (BS_STEP_HOLD, "C", 10);
    g_autoptr(BsRoutine) ends_on_hold = routine_of (g_object_ref (bs_routine_get_step (routine, 0)),
                                                    c, NULL);
    g_autoptr(BsSchedule) schedule = NULL;
    static const Brief wanted[] = {
      { BS_SEGMENT_WORK, 20, 1 }, { BS_SEGMENT_REST, 5, 1 }, { BS_SEGMENT_WORK, 10, 1 },
      { BS_SEGMENT_REST, 60, 1 },
      { BS_SEGMENT_WORK, 20, 2 }, { BS_SEGMENT_REST, 5, 2 }, { BS_SEGMENT_WORK, 10, 2 },
    };

    bs_step_set_rest_after (c, 7);
    bs_routine_set_rounds (ends_on_hold, 2);
    bs_routine_set_round_rest (ends_on_hold, 60);
    schedule = bs_schedule_new (ends_on_hold, NULL, 0, 0, NULL);
    assert_brief (schedule, wanted, G_N_ELEMENTS (wanted));
    g_assert_cmpint (bs_schedule_get_segment (schedule, 3)->step_index, ==, -1);
  }

  /* The rest step is a step: it stays, and the round-rest follows it. */
  with_round_rest = bs_schedule_new (routine, NULL, 0, 0, NULL);
  assert_brief (with_round_rest, expected_round_rest, G_N_ELEMENTS (expected_round_rest));
}

/* Levels shorten holds and per-side holds; never rests, switches or
 * repetitions. */
static void
test_levels_spare_rests (void)
{
  static const guint levels[] = { 0, 10 };
  BsStep *hold = bs_step_new (BS_STEP_HOLD, "Hold", 40);
  BsStep *sides = bs_step_new (BS_STEP_PER_SIDE, "Sides", 30);
  BsStep *reps = bs_step_new (BS_STEP_COUNTED, "Reps", 0);
  BsStep *rest = bs_step_new (BS_STEP_REST, "Rest step", 20);
  g_autoptr(BsRoutine) routine = NULL;
  g_autoptr(BsSchedule) schedule = NULL;
  static const Brief wanted[] = {
    { BS_SEGMENT_WORK, 30, 0 }, { BS_SEGMENT_REST, 12, 0 }, { BS_SEGMENT_WORK, 30, 0 },
    { BS_SEGMENT_REST, 15, 0 },
    { BS_SEGMENT_WORK, 20, 0 }, { BS_SEGMENT_SWITCH_SIDES, 6, 0 }, { BS_SEGMENT_WORK, 20, 0 },
    { BS_SEGMENT_WORK, 24, 0 }, { BS_SEGMENT_REST, 20, 0 }, { BS_SEGMENT_WORK, 24, 0 },
  };

  bs_step_set_sets (hold, 2);
  bs_step_set_set_rest (hold, 12);
  bs_step_set_rest_after (hold, 15);
  bs_step_set_switch_seconds (sides, 6);
  bs_step_set_first_side (sides, BS_SIDE_LEFT);
  bs_step_set_reps (reps, 8);
  bs_step_set_pace (reps, 3);
  bs_step_set_sets (reps, 2);
  bs_step_set_set_rest (reps, 20);
  routine = routine_of (hold, sides, reps, rest, NULL);
  bs_routine_set_levels (routine, levels, G_N_ELEMENTS (levels));

  schedule = bs_schedule_new (routine, NULL, 10, 0, NULL);
  assert_brief (schedule, wanted, G_N_ELEMENTS (wanted));
  /* First side as the step says; the switch names the side to come. */
  g_assert_cmpint (bs_schedule_get_segment (schedule, 4)->side, ==, BS_SIDE_LEFT);
  g_assert_cmpint (bs_schedule_get_segment (schedule, 5)->side, ==, BS_SIDE_RIGHT);
  g_assert_cmpint (bs_schedule_get_segment (schedule, 6)->side, ==, BS_SIDE_RIGHT);
  g_assert_cmpuint (bs_schedule_get_segment (schedule, 7)->set, ==, 1);
  g_assert_cmpuint (bs_schedule_get_segment (schedule, 9)->set, ==, 2);
  g_assert_cmpuint (bs_schedule_get_segment (schedule, 9)->n_sets, ==, 2);
  g_assert_cmpuint (bs_schedule_get_segment (schedule, 9)->reps, ==, 8);
  g_assert_cmpuint (bs_schedule_get_segment (schedule, 9)->pace, ==, 3);
  /* The trailing rest step is dropped: nothing to rest for. */
  g_assert_cmpuint (bs_schedule_get_total_seconds (schedule), ==, 30 + 12 + 30 + 15 + 46 + 68);
}

/* A set "until done" takes no time on the schedule and says so. */
static void
test_until_done (void)
{
  BsStep *hold = bs_step_new (BS_STEP_HOLD, "Hold", 30);
  BsStep *reps = bs_step_new (BS_STEP_COUNTED, "Pelvic tilt", 0);
  BsStep *after = bs_step_new (BS_STEP_HOLD, "After", 20);
  g_autoptr(BsRoutine) routine = NULL;
  g_autoptr(BsSchedule) schedule = NULL;
  g_autofree char *json = NULL;
  const BsSegment *open;

  bs_step_set_reps (reps, 12);
  bs_step_set_illustration (reps, "pelvic-tilt");
  routine = routine_of (hold, reps, after, NULL);
  schedule = bs_schedule_new (routine, NULL, 0, 10, NULL);

  open = bs_schedule_get_segment (schedule, 2);
  g_assert_cmpint (open->kind, ==, BS_SEGMENT_WORK);
  g_assert_true (open->until_done);
  g_assert_cmpuint (open->duration, ==, 0);
  g_assert_cmpuint (open->reps, ==, 12);
  g_assert_cmpuint (open->pace, ==, 0);
  g_assert_cmpuint (open->stage, ==, 2);
  g_assert_cmpuint (bs_schedule_get_segment (schedule, 3)->start, ==, 40);
  g_assert_true (bs_schedule_has_open_ended (schedule));
  g_assert_cmpuint (bs_schedule_get_total_seconds (schedule), ==, 60);

  json = bs_schedule_to_json (schedule);
  g_assert_nonnull (strstr (json, "\"open-ended\" : true"));
  g_assert_nonnull (strstr (json, "\"reps\" : 12,\n      \"until-done\" : true\n"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = g_strdup_printf ("/schedule/core-test/%s/level-%u",
                                               expected[i].form, expected[i].level);
      g_test_add_data_func (name, &expected[i], test_core_test_holds);
    }
  g_test_add_func ("/schedule/default-form", test_default_form_is_three_minutes);
  g_test_add_func ("/schedule/no-lead-in", test_no_lead_in);
  g_test_add_func ("/schedule/bad-form-and-level", test_bad_form_and_level);
  g_test_add_func ("/schedule/level-floor", test_level_floor);
  g_test_add_func ("/schedule/pure", test_routine_unchanged);
  g_test_add_func ("/schedule/core-test/json-unchanged", test_core_test_json_unchanged);
  for (guint i = 0; i < G_N_ELEMENTS (doses); i++)
    {
      g_autofree char *name = g_strdup_printf ("/schedule/bundled/%s", doses[i].id);
      g_test_add_data_func (name, &doses[i], test_bundled_doses);
    }
  g_test_add_func ("/schedule/bundled/pelvic-tilt", test_pelvic_tilt_is_counted);
  g_test_add_func ("/schedule/next-work", test_next_work);
  g_test_add_func ("/schedule/lead-in-precedence", test_lead_in_precedence);
  g_test_add_func ("/schedule/rounds-and-rests", test_rounds_and_rests);
  g_test_add_func ("/schedule/levels-spare-rests", test_levels_spare_rests);
  g_test_add_func ("/schedule/until-done", test_until_done);

  return g_test_run ();
}
