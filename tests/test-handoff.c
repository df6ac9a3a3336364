/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bs-error.h"
#include "bs-findings.h"
#include "bs-handoff.h"
#include "bs-history-entry-private.h"
#include "bs-history-fixture.h"
#include "bs-qr.h"
#include "bs-result.h"
#include "bs-schedule.h"

/*
 * What a patient takes home from the kiosk: the hand-off text for every
 * kind of entry, its length limit, and the QR code made of it.
 */

static BsSchedule *
make_schedule (const char *routine_id,
               const char *form,
               guint       level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsRoutine) routine = NULL;
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/routines/%s.json", routine_id);
  BsSchedule *schedule;

  routine = bs_routine_new_from_resource (path, &error);
  g_assert_no_error (error);
  schedule = bs_schedule_new (routine, form, level, 10, &error);
  g_assert_no_error (error);
  return schedule;
}

/* A run that got to @stage: see bs_history_fixture_result(). */
static BsHistoryEntry *
make_session (const char *routine_id,
              const char *form,
              guint       level,
              guint       stage,
              gint64      partial_ms,
              guint       skip_stage)
{
  g_autoptr(BsSchedule) schedule = make_schedule (routine_id, form, level);
  g_autoptr(GDateTime) started = g_date_time_new_utc (2024, 5, 3, 14, 5, 0);
  g_autoptr(BsResult) result = bs_history_fixture_result (schedule, stage, partial_ms, skip_stage,
                                                          started, 190);

  return bs_history_entry_new_session (result, bs_result_get_completed (result)
                                               ? BS_OUTCOME_COMPLETED
                                               : BS_OUTCOME_STOPPED_EARLY);
}

static BsHistoryEntry *
make_assessment (gboolean red_flag)
{
  g_autoptr(BsFindings) findings = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2024, 5, 3, 9, 30, 0);
  BsAnswers answers;

  bs_answers_init (&answers);
  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    answers.red_flags[i] = BS_ANSWER_NO;
  if (red_flag)
    {
      answers.red_flags[0] = BS_ANSWER_YES;
      answers.red_flags[BS_N_RED_FLAGS - 1] = BS_ANSWER_YES;
    }
  answers.height_cm = 181;
  answers.weight_kg = 84.5;
  answers.years_running = 9;
  answers.tight_hamstrings = BS_ANSWER_YES;
  answers.has_pain = BS_ANSWER_YES;
  answers.pain_severity = 3;
  findings = bs_findings_new (&answers);
  return bs_history_entry_new_assessment (findings, when);
}

static char *
text_for (BsHistoryEntry *entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 5, 10, 12, 0, 0);

  return bs_handoff_dup_text (entry, now);
}

/* Every text: Backstay and the date first, the reminder last, short,
 * valid UTF-8. */
static void
assert_frame (const char *text,
              const char *title)
{
  g_autofree char *heading = g_strdup_printf ("Backstay: %s\n", title);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, heading));
  g_assert_nonnull (strstr (text, "\n3 May 2024, "));
  g_assert_true (g_str_has_suffix (text, "\nNot a diagnosis. If in doubt, see a clinician."));
  g_assert_cmpuint (strlen (text), <=, BS_HANDOFF_MAX_BYTES);
}

static void
test_core_good (void)
{
  g_autoptr(BsHistoryEntry) entry = make_session ("core-test", "standard", 0, 99, 0, 0);
  g_autofree char *text = text_for (entry);
  g_autofree char *title = bs_handoff_dup_title (entry);

  g_assert_true (bs_history_entry_get_good (entry));
  assert_frame (text, "Core strength test");
  g_assert_cmpstr (text, ==,
                   "Backstay: Core strength test\n"
                   "3 May 2024, 14:05\n"
                   "Good core strength: you held all 8 stages (3:00).\n"
                   "Plan: strengthen your core three times a week and stretch your hamstrings "
                   "and hips every day.\n"
                   "Three-minute form, standard level\n"
                   "Not a diagnosis. If in doubt, see a clinician.");
  g_assert_cmpuint (strlen (text), <, 300);
  g_assert_cmpstr (title, ==, "Your result: Core strength test");
}

static void
test_core_stopped (void)
{
  g_autoptr(BsHistoryEntry) entry = make_session ("core-test", "short", 10, 5, 7250, 0);
  g_autofree char *text = text_for (entry);

  assert_frame (text, "Core strength test");
  g_assert_false (bs_history_entry_get_good (entry));
  /* Stages 1 to 4 at level 10: 20 + 5 + 5 + 5 s, then 7 s of stage 5,
   * out of 20 + 6 × 5 + 20 s. */
  g_assert_nonnull (strstr (text, "\nYou held 0:42 of 1:10 and reached stage 5 of 8: "
                                  "Lift your left leg.\n"));
  g_assert_nonnull (strstr (text, "\nPlan: strengthen your core three times a week"));
  g_assert_nonnull (strstr (text, "\nShort form, every hold 10 s shorter\n"));
  g_assert_null (strstr (text, "Good core strength"));
  g_assert_cmpuint (strlen (text), <, 300);
}

static void
test_core_skipped_and_not_started (void)
{
  g_autoptr(BsHistoryEntry) skipped = make_session ("core-test", "standard", 0, 99, 0, 3);
  g_autoptr(BsHistoryEntry) nothing = make_session ("core-test", "standard", 0, 1, 0, 0);
  g_autofree char *skipped_text = text_for (skipped);
  g_autofree char *nothing_text = NULL;

  assert_frame (skipped_text, "Core strength test");
  g_assert_nonnull (strstr (skipped_text, "\nFinished with 1 stage skipped: held 2:47 of 3:00.\n"));

  /* Stopped in the first second of the first stage. */
  nothing->stage_reached = 0;
  nothing_text = text_for (nothing);
  assert_frame (nothing_text, "Core strength test");
  g_assert_nonnull (strstr (nothing_text, "\nStopped before the first stage.\n"));
}

static void
test_routine (void)
{
  g_autoptr(BsHistoryEntry) done = make_session ("hamstring-wall-stretch", NULL, 0, 99, 0, 0);
  g_autoptr(BsHistoryEntry) stopped = make_session ("hamstring-wall-stretch", NULL, 0, 3,
                                                    20000, 0);
  g_autofree char *done_text = text_for (done);
  g_autofree char *stopped_text = text_for (stopped);

  g_assert_false (bs_history_entry_get_scored (done));
  assert_frame (done_text, "Hamstring wall stretch");
  g_assert_cmpstr (done_text, ==,
                   "Backstay: Hamstring wall stretch\n"
                   "3 May 2024, 14:05\n"
                   "Completed: 5 of 5 sets.\n"
                   "Time: 3:10\n"
                   "Not a diagnosis. If in doubt, see a clinician.");

  assert_frame (stopped_text, "Hamstring wall stretch");
  g_assert_nonnull (strstr (stopped_text, "\nStopped early: 2 of 5 sets.\nTime: 3:10\n"));
  g_assert_null (strstr (stopped_text, "Completed"));
}

static void
test_assessment_red_flag (void)
{
  g_autoptr(BsHistoryEntry) entry = make_assessment (TRUE);
  g_autofree char *text = text_for (entry);

  g_assert_true (bs_history_entry_get_red_flag (entry));
  assert_frame (text, "Self-assessment");
  g_assert_cmpstr (text, ==,
                   "Backstay: Self-assessment\n"
                   "3 May 2024, 09:30\n"
                   "See a clinician now: Sudden severe pain; Recent fall or injury.\n"
                   "Not a diagnosis. If in doubt, see a clinician.");
  /* No exercise is offered after a warning sign. */
  g_assert_null (strstr (text, "plan"));
}

static void
test_assessment_plan (void)
{
  g_autoptr(BsHistoryEntry) entry = make_assessment (FALSE);
  g_autoptr(BsFindings) findings = bs_history_entry_dup_findings (entry);
  g_autofree char *text = text_for (entry);
  g_autoptr(GString) expected = g_string_new ("\nYour plan: ");
  guint n = bs_findings_get_n_advice (findings);

  g_assert_false (bs_history_entry_get_red_flag (entry));
  assert_frame (text, "Self-assessment");
  /* Pain now, tight hamstrings and nine years of running: more
   * recommendations than the line names. */
  g_assert_cmpuint (n, >, 4);
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (expected, "%s%s", i ? "; " : "",
                            bs_findings_get_advice (findings, i)->title);
  g_string_append_printf (expected, " and %u more.\n", n - 4);
  g_assert_nonnull (strstr (text, expected->str));
  g_assert_true (bs_findings_has_advice (findings, BS_ADVICE_STRENGTH));
  g_assert_nonnull (strstr (text, "Strengthen three times a week"));
  g_assert_cmpuint (strlen (text), <, 300);
}

static void
test_length_cap (void)
{
  g_autoptr(BsHistoryEntry) entry = make_session ("hamstring-wall-stretch", NULL, 0, 99, 0, 0);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) lines = NULL;

  /* A routine of the user's own, named at length, with a line break. */
  for (guint i = 0; i < 200; i++)
    g_string_append (name, i == 50 ? "\n" : "Dehnübung ");
  g_free (entry->routine_name);
  entry->routine_name = g_strdup (name->str);

  text = text_for (entry);
  g_assert_cmpuint (strlen (text), <=, BS_HANDOFF_MAX_BYTES);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  lines = g_strsplit (text, "\n", -1);
  /* The name is one line, cut with an ellipsis; nothing else was lost. */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "Backstay: Dehnübung Dehnübung "));
  g_assert_true (g_str_has_suffix (lines[0], "…"));
  g_assert_cmpuint (strlen (lines[0]), <=, 200);
  g_assert_cmpstr (lines[4], ==, "Not a diagnosis. If in doubt, see a clinician.");
  title = bs_handoff_dup_title (entry);
  g_assert_null (strchr (title, '\n'));
}

static void
test_truncate (void)
{
  g_autofree char *whole = bs_handoff_truncate ("one\ntwo\nthree", 100);
  g_autofree char *two = bs_handoff_truncate ("one\ntwo\nthree", 10);
  g_autofree char *exact = bs_handoff_truncate ("one\ntwo\nthree", 7);
  g_autofree char *umlauts = bs_handoff_truncate ("äöüäöü", 5);

  g_assert_cmpstr (whole, ==, "one\ntwo\nthree");
  g_assert_cmpstr (two, ==, "one\ntwo");
  g_assert_cmpstr (exact, ==, "one\ntwo");
  /* One line alone too long: cut between characters, never inside one. */
  g_assert_cmpstr (umlauts, ==, "äö");
}

static void
test_qr_versions (void)
{
  static const struct { gsize bytes; guint version; } cases[] = {
    /* The byte capacities of level M. */
    { 1, 1 }, { 14, 1 }, { 15, 2 }, { 100, 6 }, { 106, 6 }, { 107, 7 }, { 300, 13 },
    { 600, 19 }, { BS_QR_MAX_BYTES, 40 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strnfill (cases[i].bytes, 'a');
      g_autoptr(GError) error = NULL;
      g_autoptr(BsQrCode) code = bs_qr_code_new (text, &error);

      g_assert_no_error (error);
      g_assert_nonnull (code);
      g_assert_cmpuint (bs_qr_code_get_version (code), ==, cases[i].version);
      g_assert_cmpuint (bs_qr_code_get_width (code), ==, 17 + 4 * cases[i].version);
      g_assert_cmpstr (bs_qr_code_get_text (code), ==, text);
    }

  /* Text that is not ASCII says it is UTF-8 (an ECI header, 12 bits), so
   * 14 bytes of it no longer fit version 1. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BsQrCode) code = bs_qr_code_new ("äääääää", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (bs_qr_code_get_version (code), ==, 2);
  }
}

static void
test_qr_errors (void)
{
  g_autofree char *too_long = g_strnfill (5000, 'x');
  g_autofree char *just_over = g_strnfill (BS_QR_MAX_BYTES + 1, 'x');
  g_autoptr(GError) error = NULL;
  BsQrCode *code;

  code = bs_qr_code_new (too_long, &error);
  g_assert_null (code);
  g_assert_error (error, BS_ERROR, BS_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);

  code = bs_qr_code_new (just_over, &error);
  g_assert_null (code);
  g_assert_error (error, BS_ERROR, BS_ERROR_RANGE);
  g_clear_error (&error);

  code = bs_qr_code_new ("", &error);
  g_assert_null (code);
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
  g_clear_error (&error);

  code = bs_qr_code_new ("\xff\xfe not UTF-8", &error);
  g_assert_null (code);
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
}

static void
test_qr_modules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsQrCode) code = bs_qr_code_new ("Backstay: Übung ✓", &error);
  g_autoptr(BsQrCode) ref = NULL;
  guint w;
  guint dark = 0;

  g_assert_no_error (error);
  w = bs_qr_code_get_width (code);
  g_assert_cmpuint (w, ==, 25); /* 20 bytes: version 2 */

  /* The three finder patterns: a dark ring, a light ring, a dark centre,
   * and a light separator outside. */
  for (guint i = 0; i < 3; i++)
    {
      guint x0 = i == 1 ? w - 7 : 0, y0 = i == 2 ? w - 7 : 0;

      g_assert_true (bs_qr_code_get_module (code, x0, y0));
      g_assert_true (bs_qr_code_get_module (code, x0 + 6, y0 + 6));
      g_assert_false (bs_qr_code_get_module (code, x0 + 1, y0 + 1));
      g_assert_false (bs_qr_code_get_module (code, x0 + 5, y0 + 1));
      g_assert_true (bs_qr_code_get_module (code, x0 + 3, y0 + 3));
      g_assert_true (bs_qr_code_get_module (code, x0 + 2, y0 + 4));
    }
  g_assert_false (bs_qr_code_get_module (code, 7, 0));
  g_assert_false (bs_qr_code_get_module (code, w - 8, 3));
  /* The timing pattern alternates along row and column 6. */
  for (guint i = 8; i < w - 8; i++)
    {
      g_assert_cmpint (bs_qr_code_get_module (code, i, 6), ==, i % 2 == 0);
      g_assert_cmpint (bs_qr_code_get_module (code, 6, i), ==, i % 2 == 0);
    }
  /* The dark module by the bottom-left finder. */
  g_assert_true (bs_qr_code_get_module (code, 8, w - 8));
  /* Outside the code is the quiet zone. */
  g_assert_false (bs_qr_code_get_module (code, w, 0));
  g_assert_false (bs_qr_code_get_module (code, 0, w));
  g_assert_false (bs_qr_code_get_module (code, G_MAXUINT, G_MAXUINT));

  for (guint y = 0; y < w; y++)
    for (guint x = 0; x < w; x++)
      dark += bs_qr_code_get_module (code, x, y);
  /* Masking keeps dark and light roughly balanced. */
  g_assert_cmpuint (dark, >, w * w * 3 / 10);
  g_assert_cmpuint (dark, <, w * w * 7 / 10);

  ref = bs_qr_code_ref (code);
  g_assert_true (ref == code);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handoff/text/core-good", test_core_good);
  g_test_add_func ("/handoff/text/core-stopped", test_core_stopped);
  g_test_add_func ("/handoff/text/core-skipped-and-not-started", test_core_skipped_and_not_started);
  g_test_add_func ("/handoff/text/routine", test_routine);
  g_test_add_func ("/handoff/text/assessment-red-flag", test_assessment_red_flag);
  g_test_add_func ("/handoff/text/assessment-plan", test_assessment_plan);
  g_test_add_func ("/handoff/text/length-cap", test_length_cap);
  g_test_add_func ("/handoff/text/truncate", test_truncate);
  g_test_add_func ("/handoff/qr/versions", test_qr_versions);
  g_test_add_func ("/handoff/qr/errors", test_qr_errors);
  g_test_add_func ("/handoff/qr/modules", test_qr_modules);

  return g_test_run ();
}
