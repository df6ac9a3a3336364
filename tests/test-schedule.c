/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

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

  return g_test_run ();
}
