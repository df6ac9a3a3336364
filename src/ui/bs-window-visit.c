/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-clinic-window.h"
#include "bs-handoff-window.h"
#include "bs-patient-code.h"
#include "bs-window-private.h"

/* A visit to the clinic kiosk as the window runs it: the patient code
 * staff type, each finished result kept under it in the clinic database,
 * the result handed to the patient, and the visit finished on purpose.
 * Also the administrator's view of the clinic database once unlocked. */

static void
show_clinic_problem (BsWindow   *self,
                     const char *heading,
                     const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "kiosk");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A copy goes to the clinic database: the visit's own store, which the
 * patient sees, is cleared with the screen. */
static void
keep_for_clinic (BsWindow       *self,
                 BsHistoryEntry *entry)
{
  BsKiosk *kiosk = bs_window_get_kiosk (self);
  const char *code = bs_kiosk_get_patient_code (kiosk);
  g_autoptr(BsHistoryEntry) copy = NULL;
  g_autoptr(GError) error = NULL;
  BsHistory *clinic;

  if (!bs_kiosk_get_enabled (kiosk) || code == NULL)
    return;
  clinic = bs_application_get_clinic (bs_window_get_app (self), &error);
  if (clinic != NULL)
    {
      copy = bs_history_entry_copy (entry);
      bs_history_entry_set_patient_code (copy, code);
      if (bs_history_save (clinic, copy, &error))
        return;
    }
  g_message ("A result for patient code %s was not kept: %s", code, error->message);
  show_clinic_problem (self, _("Result Not Kept for the Clinic"), error->message);
}

/**
 * bs_window_visit_result:
 * @entry: a finished run or assessment, as saved in the history
 *
 * The result the hand-off gives the patient, and, with a patient code,
 * kept for the clinic.
 */
void
bs_window_visit_result (BsWindow       *self,
                        BsHistoryEntry *entry)
{
  g_set_object (&self->visit_entry, entry);
  bs_window_update_visit_actions (self);
  if (entry != NULL)
    keep_for_clinic (self, entry);
}

void
bs_window_hand_off_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  GtkWidget *handoff;

  if (self->visit_entry == NULL)
    return;
  handoff = bs_handoff_window_new (GTK_WINDOW (self), self->visit_entry,
                                   bs_kiosk_get_enabled (bs_window_get_kiosk (self)));
  bs_window_watch_input (self, handoff);
  gtk_window_present (GTK_WINDOW (handoff));
}

void
bs_window_start_over_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BsKiosk *kiosk = bs_window_get_kiosk (BS_WINDOW (widget));

  if (bs_kiosk_get_enabled (kiosk))
    bs_kiosk_start_over (kiosk);
}

/* The patient code, typed by staff: checked as it is typed, so that
 * "Keep" is offered only for a code that can be kept. */
static void
on_code_changed (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  GtkLabel *problem = g_object_get_data (G_OBJECT (dialog), "bs-problem");
  const char *text = gtk_editable_get_text (entry);
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid = bs_patient_code_normalize (text, &code, &error);

  adw_message_dialog_set_response_enabled (dialog, "keep", valid);
  gtk_label_set_text (problem, valid || *text == '\0' ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (problem), !valid && *text != '\0');
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else if (*text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
on_code_response (AdwMessageDialog *dialog,
                  const char       *response,
                  BsWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "bs-entry");
  BsKiosk *kiosk = bs_window_get_kiosk (self);
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!bs_kiosk_get_enabled (kiosk))
    return;
  if (g_str_equal (response, "none"))
    {
      bs_kiosk_set_patient_code (kiosk, NULL);
      return;
    }
  if (!g_str_equal (response, "keep") ||
      !bs_patient_code_normalize (gtk_editable_get_text (entry), &code, NULL))
    return;
  /* Opened now, with staff at the screen, rather than at the end of a
   * run with only the patient there. */
  if (bs_application_get_clinic (bs_window_get_app (self), &error) == NULL)
    {
      show_clinic_problem (self, _("Results Cannot Be Kept"), error->message);
      return;
    }
  bs_kiosk_set_patient_code (kiosk, code);
  /* Translators: a toast, e.g. "Results kept under P-1042" */
  message = g_strdup_printf (_("Results kept under %s"), code);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
bs_window_patient_code_activated (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  BsKiosk *kiosk = bs_window_get_kiosk (self);
  AdwMessageDialog *dialog;
  GtkWidget *box, *entry, *problem;

  if (!bs_kiosk_get_enabled (kiosk) || !bs_kiosk_get_patient_codes (kiosk))
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Patient Code"),
                                                       _("For staff: type the patient’s code, never "
                                                         "their name. The results of this visit are "
                                                         "kept under it for the clinic.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (entry), 32);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_UPPERCASE_CHARS | GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("For example P-1042"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Patient Code"), -1);
  if (bs_kiosk_get_patient_code (kiosk) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), bs_kiosk_get_patient_code (kiosk));
  problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  problem, NULL, -1);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), problem);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (bs_kiosk_get_patient_code (kiosk) != NULL)
    adw_message_dialog_add_response (dialog, "none", _("_No Code"));
  adw_message_dialog_add_response (dialog, "keep", _("_Keep Results"));
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "kiosk");
  g_object_set_data (G_OBJECT (dialog), "bs-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "bs-problem", problem);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_code_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_code_response), self, 0);
  on_code_changed (GTK_EDITABLE (entry), dialog);
  bs_window_watch_input (self, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* The administrator's view of the clinic database: only when the kiosk
 * is not locked, so never in front of a patient. */
void
bs_window_clinic_results_activated (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);
  BsHistory *clinic;
  g_autoptr(GError) error = NULL;

  if (bs_kiosk_get_enabled (bs_window_get_kiosk (self)))
    return;
  clinic = bs_application_get_clinic (bs_window_get_app (self), &error);
  if (clinic == NULL)
    {
      show_clinic_problem (self, _("Clinic Results Cannot Be Opened"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (bs_clinic_window_new (GTK_WINDOW (self), clinic)));
}

/* Which of the visit's actions apply: the kiosk's while it is locked, the
 * administrator's once it is not. */
void
bs_window_update_visit_actions (BsWindow *self)
{
  BsKiosk *kiosk = bs_window_get_kiosk (self);
  gboolean locked = bs_kiosk_get_enabled (kiosk);
  gboolean codes = bs_kiosk_get_patient_codes (kiosk);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.patient-code", locked && codes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.start-over", locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.hand-off", locked && self->visit_entry != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.clinic-results", !locked && codes);
}
