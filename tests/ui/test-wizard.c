/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The self-assessment, walked through its real widgets in the real window:
 * questions found by the words on screen, answered with their buttons.
 * Once to the "see a clinician" page, once to a full plan whose core test
 * is then started from the result; and half-way, closed, and resumed.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "bs-assessment-page.h"
#include "bs-test-util.h"
#include "bs-window.h"

static BsClock *test_clock;
static BsApplication *test_app;

typedef struct
{
  GtkWindow *window;
  GtkWidget *wizard;
  GtkWidget *result;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->window = bs_test_app_open_window (test_app);
  f->wizard = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "assessment_page");
  f->result = bs_test_child (GTK_WIDGET (f->window), BS_TYPE_WINDOW, "assessment_result");
  /* Metric entry whatever the machine's locale. */
  g_settings_set_string (bs_application_get_settings (test_app), "units", "metric");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  bs_test_app_close_windows (test_app);
  g_settings_reset (bs_application_get_settings (test_app), "units");
  bs_assessment_draft_discard ();
}

static const char *
page (Fixture *f)
{
  return bs_window_get_page (BS_WINDOW (f->window));
}

/* Next follows its action, which is enabled only when the page is valid. */
static gboolean
can_go_next (Fixture *f)
{
  return gtk_widget_is_sensitive (bs_test_child (f->wizard, BS_TYPE_ASSESSMENT_PAGE, "next_button"));
}

static void
next (Fixture *f)
{
  GtkWidget *button = bs_test_child (f->wizard, BS_TYPE_ASSESSMENT_PAGE, "next_button");

  g_assert_true (gtk_widget_is_sensitive (button));
  bs_test_click (button);
}

static void
open_wizard (Fixture *f)
{
  GtkWidget *row = bs_test_find_row (GTK_WIDGET (f->window), "Take the Self-Assessment");

  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  bs_test_settle ();
}

static const char * const red_flags[] = {
  "Sudden, severe back pain",
  "Numbness or tingling in your legs",
  "Weakness in your legs, or loss of bladder or bowel control",
  "Fever or chills along with the back pain",
  "A recent fall, blow or other injury to your lower back",
};

static void
test_red_flag_stops (Fixture       *f,
                     gconstpointer  data)
{
  open_wizard (f);
  g_assert_cmpstr (page (f), ==, "assessment");
  g_assert_cmpstr (bs_assessment_page_get_page (BS_ASSESSMENT_PAGE (f->wizard)), ==, "red-flags");
  g_assert_true (bs_test_tree_contains_text (f->wizard, "not a diagnosis"));

  /* Every warning sign must be answered, one way or the other. */
  g_assert_false (can_go_next (f));
  for (guint i = 0; i < G_N_ELEMENTS (red_flags); i++)
    bs_test_answer (f->wizard, red_flags[i], i == 1 ? "Yes" : "No");
  g_assert_true (can_go_next (f));
  /* No "Not sure" here: a warning sign is there or it is not. */
  g_assert_null (bs_test_find_button (bs_test_find_row (f->wizard, red_flags[0]), "Not sure"));

  next (f);
  g_assert_cmpstr (page (f), ==, "assessment-result");
  g_assert_true (bs_test_tree_contains_text (f->result, "See a Clinician Now"));
  g_assert_true (bs_test_tree_contains_text (f->result, "emergency department"));
  /* No exercise is offered. */
  g_assert_false (gtk_widget_get_visible (bs_test_child (f->result, G_OBJECT_TYPE (f->result),
                                                         "test_group")));
  g_assert_false (gtk_widget_get_visible (bs_test_child (f->result, G_OBJECT_TYPE (f->result),
                                                         "advice_group")));
  /* Recorded. */
  {
    g_autoptr(BsFindings) recorded = bs_application_dup_last_findings (test_app);

    g_assert_nonnull (recorded);
    g_assert_true (bs_findings_get_stop (recorded));
  }
}

static void
answer_no_red_flags (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (red_flags); i++)
    bs_test_answer (f->wizard, red_flags[i], "No");
  next (f);
}

static void
test_full_plan (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *start;
  BsSchedule *schedule;
  g_autoptr(BsFindings) recorded = NULL;

  open_wizard (f);
  answer_no_red_flags (f);

  /* Pain now; a severity out of range is refused at the field. */
  g_assert_cmpstr (bs_assessment_page_get_page (BS_ASSESSMENT_PAGE (f->wizard)), ==, "pain");
  bs_test_answer (f->wizard, "Does your lower back hurt these days?", "Yes");
  bs_test_type (f->wizard, "How bad, from 0 (none) to 10 (worst)?", "11");
  g_assert_false (can_go_next (f));
  g_assert_true (bs_test_tree_contains_text (f->wizard, "10"));
  bs_test_type (f->wizard, "How bad, from 0 (none) to 10 (worst)?", "4");
  g_assert_true (can_go_next (f));
  next (f);

  /* With pain, how it behaves. */
  g_assert_cmpstr (bs_assessment_page_get_page (BS_ASSESSMENT_PAGE (f->wizard)), ==, "pain-behaviour");
  bs_test_answer (f->wizard, "Does it get worse when you are active?", "No");
  next (f);

  /* Body: the BMI is worked out as it is typed. */
  bs_test_type (f->wizard, "Height", "175");
  bs_test_type (f->wizard, "Weight", "80");
  g_assert_true (bs_test_tree_contains_text (f->wizard, "26.1"));
  bs_test_type (f->wizard, "Weight", "abc");
  g_assert_false (can_go_next (f));
  bs_test_type (f->wizard, "Weight", "80");
  next (f);

  /* Back keeps what was typed. */
  bs_test_click (bs_test_find_button (f->wizard, "Back"));
  g_assert_cmpstr (bs_assessment_page_get_page (BS_ASSESSMENT_PAGE (f->wizard)), ==, "body");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bs_test_find_row (f->wizard, "Height"))), ==, "175");
  next (f);

  bs_test_answer (f->wizard, "Do your hamstrings feel tight?", "Yes");
  next (f);

  bs_test_type (f->wizard, "How many years have you been running?", "8");
  bs_test_type (f->wizard, "How far do you run in a week?", "40");
  bs_test_answer (f->wizard, "Do you run long distances or do high-impact sports?", "Yes");
  next (f);

  bs_test_answer (f->wizard, "Do you warm up before you run?", "No");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (bs_test_child (f->wizard, BS_TYPE_ASSESSMENT_PAGE,
                                                                    "next_button"))),
                   ==, "_See the Result");
  next (f);

  g_assert_cmpstr (page (f), ==, "assessment-result");
  g_assert_true (bs_test_tree_contains_text (f->result, "Your Plan"));
  /* Recorded in the history, and read back from it. */
  recorded = bs_application_dup_last_findings (test_app);
  g_assert_true (bs_findings_has_risk (recorded, BS_RISK_BMI_OVER_24));
  g_assert_true (bs_findings_has_risk (recorded, BS_RISK_TIGHT_HAMSTRINGS));
  g_assert_true (bs_findings_has_risk (recorded, BS_RISK_RUNNING_OVER_SIX_YEARS));
  g_assert_true (bs_findings_has_risk (recorded, BS_RISK_NO_WARM_UP));
  g_assert_true (bs_test_tree_contains_text (f->result, "Because"));

  /* The plan starts with the core test, at the level that fits. */
  start = bs_test_find_button (f->result, "Start the Test");
  g_assert_nonnull (start);
  bs_test_click (start);
  g_assert_cmpstr (page (f), ==, "session");
  schedule = bs_session_get_schedule (bs_window_get_session (BS_WINDOW (f->window)));
  g_assert_cmpstr (bs_routine_get_id (bs_schedule_get_routine (schedule)), ==, "core-test");
  g_assert_cmpuint (bs_schedule_get_level (schedule), ==, 0);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  AdwMessageDialog *dialog;

  open_wizard (f);
  answer_no_red_flags (f);
  bs_test_answer (f->wizard, "Does your lower back hurt these days?", "No");
  next (f);
  g_assert_cmpstr (bs_assessment_page_get_page (BS_ASSESSMENT_PAGE (f->wizard)), ==, "body");
  bs_test_type (f->wizard, "Height", "182");
  bs_test_click (bs_test_find_button (f->wizard, "Close"));
  g_assert_cmpstr (page (f), ==, "home");

  /* Next time: continue where it was left, answers and all. */
  open_wizard (f);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "continue");
  bs_test_settle ();
  g_assert_cmpstr (page (f), ==, "assessment");
  g_assert_cmpstr (bs_assessment_page_get_page (BS_ASSESSMENT_PAGE (f->wizard)), ==, "body");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bs_test_find_row (f->wizard, "Height"))), ==, "182");
  g_assert_cmpint (bs_assessment_page_get_answers (BS_ASSESSMENT_PAGE (f->wizard))->red_flags[0], ==,
                   BS_ANSWER_NO);

  /* Or start over. */
  bs_test_click (bs_test_find_button (f->wizard, "Close"));
  open_wizard (f);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "restart");
  bs_test_settle ();
  g_assert_cmpstr (bs_assessment_page_get_page (BS_ASSESSMENT_PAGE (f->wizard)), ==, "red-flags");
  g_assert_cmpint (bs_assessment_page_get_answers (BS_ASSESSMENT_PAGE (f->wizard))->red_flags[0], ==,
                   BS_ANSWER_UNKNOWN);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("backstay-wizard-XXXXXX", NULL);

  /* The draft lives in the state folder: a private one.  (Isolating all the
   * XDG folders would also hide the icon theme.) */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/wizard/red-flag-stops", Fixture, NULL, setup, test_red_flag_stops, teardown);
  g_test_add ("/wizard/full-plan", Fixture, NULL, setup, test_full_plan, teardown);
  g_test_add ("/wizard/resume", Fixture, NULL, setup, test_resume, teardown);

  return g_test_run ();
}
