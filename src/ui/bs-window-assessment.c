/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-window-private.h"

/* The assessment as the window runs it: picking up a draft left
 * part-way, then keeping the findings and showing what changed. */

static BsUnits
units_setting (BsWindow *self)
{
  return bs_application_get_units (bs_window_get_app (self));
}

static void
begin_assessment (BsWindow        *self,
                  const BsAnswers *answers,
                  const char      *page)
{
  bs_assessment_page_begin (self->assessment_page, answers, page, units_setting (self));
  gtk_stack_set_visible_child_name (self->stack, "assessment");
  gtk_widget_grab_focus (GTK_WIDGET (self->assessment_page));
}

static void
on_resume_response (AdwMessageDialog *dialog,
                    const char       *response,
                    BsWindow         *self)
{
  BsAnswers *answers = g_object_get_data (G_OBJECT (dialog), "bs-answers");
  const char *page = g_object_get_data (G_OBJECT (dialog), "bs-page");

  if (g_str_equal (response, "continue"))
    begin_assessment (self, answers, page);
  else if (g_str_equal (response, "restart"))
    {
      bs_assessment_draft_discard ();
      begin_assessment (self, NULL, NULL);
    }
}

void
bs_window_start_assessment_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  g_autoptr(BsAnswers) answers = g_new0 (BsAnswers, 1);
  g_autofree char *page = NULL;
  AdwMessageDialog *dialog;

  if (!bs_assessment_draft_load (answers, &page))
    {
      begin_assessment (self, NULL, NULL);
      return;
    }

  /* Half-way last time: pick up there, or start again. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Continue the Assessment?"),
                                                       _("You left it part-way last time. Your answers so far are kept.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restart", _("_Start Over"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bs-answers", g_steal_pointer (&answers),
                          (GDestroyNotify) bs_answers_free);
  g_object_set_data_full (G_OBJECT (dialog), "bs-page", g_steal_pointer (&page), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_resume_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bs_window_on_assessment_finished (BsWindow *self)
{
  BsApplication *app = bs_window_get_app (self);
  g_autoptr(BsFindings) findings = bs_findings_new (bs_assessment_page_get_answers (self->assessment_page));
  g_autoptr(BsFindings) previous = bs_application_dup_last_findings (app);
  g_auto(GStrv) changes = previous ? bs_findings_compare (previous, findings, units_setting (self)) : NULL;
  g_autoptr(BsHistoryEntry) entry = bs_history_entry_new_assessment (findings, NULL);
  g_autoptr(GError) error = NULL;

  if (!bs_history_save (bs_application_get_history (app), entry, &error))
    bs_window_show_history_problem (self, error->message);
  bs_window_visit_result (self, entry);
  bs_assessment_draft_discard ();
  bs_assessment_result_show (self->assessment_result, findings, (const char * const *) changes);
  gtk_stack_set_visible_child_name (self->stack, "assessment-result");
  gtk_widget_grab_focus (GTK_WIDGET (self->assessment_result));
}

void
bs_window_on_assessment_closed (BsWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "home");
  gtk_widget_grab_focus (GTK_WIDGET (self->home_page));
}
