/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bs-assessment-result.h"

/*
 * What the assessment came to.  With a warning sign: see a clinician now,
 * what was answered, what to do, and no exercise offered at all.  Without:
 * what changed since last time, the core test at the level that fits (with
 * a button that starts it), the risk factors found and the plan, every
 * item saying which answers led to it.
 */

#define CORE_TEST_ID "core-test"

struct _BsAssessmentResult
{
  GtkWidget parent_instance;

  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *description_label;
  AdwPreferencesGroup *red_flag_group;
  GtkLabel *clinician_label;
  AdwPreferencesGroup *changes_group;
  AdwPreferencesGroup *test_group;
  AdwActionRow *test_row;
  GtkButton *start_test_button;
  AdwPreferencesGroup *risk_group;
  AdwPreferencesGroup *advice_group;
  GtkButton *done_button;
  GtkWidget *kiosk_box;    /* shown by the window in the clinic kiosk */

  GPtrArray *rows; /* (group, row) pairs added for the current findings */
  BsFindings *findings;
};

G_DEFINE_FINAL_TYPE (BsAssessmentResult, bs_assessment_result, GTK_TYPE_WIDGET)

static void
add_row (BsAssessmentResult  *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *text,
         const char          *because)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  if (text != NULL && because != NULL)
    subtitle = g_strdup_printf ("%s\n%s", text, because);
  else
    subtitle = g_strdup (text ? text : because);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
add_item (BsAssessmentResult  *self,
          AdwPreferencesGroup *group,
          const BsItem        *item)
{
  g_autofree char *because = bs_item_format_because (item);

  add_row (self, group, item->title, item->text, because);
}

static void
clear_rows (BsAssessmentResult *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static void
on_start_test (BsAssessmentResult *self)
{
  if (self->findings == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "window.start-routine", "(ssu)", CORE_TEST_ID,
                              bs_findings_get_core_test_form (self->findings),
                              bs_findings_get_core_test_level (self->findings));
}

static void
show_stop (BsAssessmentResult *self,
           BsFindings         *findings)
{
  gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "result-icon");
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "warning");
  gtk_label_set_label (self->title_label, _("See a Clinician Now"));
  gtk_label_set_label (self->description_label,
                       _("Your answers include a warning sign. It may turn out to be nothing "
                         "serious, but it needs a doctor’s attention today, before any exercise."));
  for (guint i = 0; i < bs_findings_get_n_red_flags (findings); i++)
    add_item (self, self->red_flag_group, bs_findings_get_red_flag (findings, i));
}

static void
show_plan (BsAssessmentResult *self,
           BsFindings         *findings,
           const char * const *changes)
{
  guint level = bs_findings_get_core_test_level (findings);
  guint n_risks = bs_findings_get_n_risks (findings);
  g_autofree char *description = NULL;
  g_autofree char *test_text = NULL;
  double bmi = bs_findings_get_bmi (findings);

  gtk_image_set_from_icon_name (self->icon, "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "result-icon");
  gtk_label_set_label (self->title_label, _("Your Plan"));
  if (n_risks == 0)
    description = g_strdup (_("Your answers show none of the known risk factors. The plan below keeps it that way."));
  else
    description = g_strdup_printf (ngettext ("Your answers show %u risk factor for back pain in runners. "
                                             "The plan below tackles it.",
                                             "Your answers show %u risk factors for back pain in runners. "
                                             "The plan below tackles them.", n_risks), n_risks);
  if (!isnan (bmi))
    {
      /* Translators: the body mass index, shown with the result. */
      g_autofree char *with_bmi = g_strdup_printf (_("%s Body mass index: %.1f."), description, bmi);
      g_free (description);
      description = g_steal_pointer (&with_bmi);
    }
  gtk_label_set_label (self->description_label, description);

  for (guint i = 0; changes != NULL && changes[i]; i++)
    add_row (self, self->changes_group, changes[i], NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), changes != NULL && changes[0] != NULL);

  if (level == 0)
    test_text = g_strdup (_("The three-minute form at the standard level"));
  else
    test_text = g_strdup_printf (_("The three-minute form with every hold %u seconds shorter"), level);
  adw_action_row_set_subtitle (self->test_row, test_text);

  for (guint i = 0; i < n_risks; i++)
    add_item (self, self->risk_group, bs_findings_get_risk (findings, i));
  gtk_widget_set_visible (GTK_WIDGET (self->risk_group), n_risks > 0);

  for (guint i = 0; i < bs_findings_get_n_advice (findings); i++)
    add_item (self, self->advice_group, bs_findings_get_advice (findings, i));
}

/**
 * bs_assessment_result_show:
 * @findings: what the rules made of the answers
 * @changes: (nullable) (array zero-terminated=1): what changed since the
 *   previous assessment
 */
void
bs_assessment_result_show (BsAssessmentResult *self,
                           BsFindings         *findings,
                           const char * const *changes)
{
  gboolean stop;

  g_return_if_fail (BS_IS_ASSESSMENT_RESULT (self));
  g_return_if_fail (BS_IS_FINDINGS (findings));

  clear_rows (self);
  g_set_object (&self->findings, findings);
  stop = bs_findings_get_stop (findings);

  /* With a warning sign, nothing here sends anyone to exercise. */
  gtk_widget_set_visible (GTK_WIDGET (self->red_flag_group), stop);
  gtk_widget_set_visible (GTK_WIDGET (self->clinician_label), stop);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_group), !stop);
  gtk_widget_set_visible (GTK_WIDGET (self->risk_group), !stop);
  gtk_widget_set_visible (GTK_WIDGET (self->advice_group), !stop);

  if (stop)
    show_stop (self, findings);
  else
    show_plan (self, findings, changes);
}

static gboolean
bs_assessment_result_grab_focus (GtkWidget *widget)
{
  BsAssessmentResult *self = BS_ASSESSMENT_RESULT (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->test_group)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->start_test_button));
  return gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
bs_assessment_result_dispose (GObject *object)
{
  BsAssessmentResult *self = BS_ASSESSMENT_RESULT (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->findings);
  gtk_widget_dispose_template (GTK_WIDGET (object), BS_TYPE_ASSESSMENT_RESULT);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bs_assessment_result_parent_class)->dispose (object);
}

static void
bs_assessment_result_class_init (BsAssessmentResultClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_assessment_result_dispose;
  widget_class->grab_focus = bs_assessment_result_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/bs-assessment-result.ui");
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, icon);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, title_label);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, description_label);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, red_flag_group);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, clinician_label);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, changes_group);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, test_group);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, test_row);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, start_test_button);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, risk_group);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, advice_group);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, done_button);
  gtk_widget_class_bind_template_child (widget_class, BsAssessmentResult, kiosk_box);
  gtk_widget_class_bind_template_callback (widget_class, on_start_test);
}

static void
bs_assessment_result_init (BsAssessmentResult *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
