/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bs-format.h"
#include "bs-gtk-compat.h"
#include "bs-home-page.h"
#include "bs-schedule.h"

#define CORE_TEST_ID "core-test"
#define ADMIN_PRESS_SECONDS 3

struct _BsHomePage
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  GtkLabel *description_label;
  AdwComboRow *form_row;
  AdwComboRow *level_row;
  GtkLabel *form_info_label;
  GtkLabel *summary_label;
  GtkButton *start_button;
  GtkMenuButton *menu_button;
  AdwPreferencesGroup *routines_group;
  AdwPreferencesGroup *clinic_group;
  AdwActionRow *patient_code_row;
  GtkButton *patient_code_button;
  AdwActionRow *history_row;
  GPtrArray *routine_rows;

  BsApplication *application; /* weak: the app outlives its windows */
  BsRoutine *routine;
  gboolean loading;
  guint admin_press;          /* the kiosk's long press, while held */
};

G_DEFINE_FINAL_TYPE (BsHomePage, bs_home_page, GTK_TYPE_WIDGET)

static const char *
selected_form (BsHomePage *self)
{
  guint selected = adw_combo_row_get_selected (self->form_row);

  if (self->routine == NULL || selected >= bs_routine_get_n_forms (self->routine))
    return NULL;
  return bs_routine_get_form_id (self->routine, selected);
}

static guint
selected_level (BsHomePage *self)
{
  guint selected = adw_combo_row_get_selected (self->level_row);

  if (self->routine == NULL || selected >= bs_routine_get_n_levels (self->routine))
    return 0;
  return bs_routine_get_level (self->routine, selected);
}

static void
update_summary (BsHomePage *self)
{
  g_autoptr(BsSchedule) schedule = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *summary = NULL;
  guint selected, n_stages;

  if (self->routine == NULL)
    return;

  schedule = bs_schedule_new (self->routine, selected_form (self), selected_level (self), 0, NULL);
  g_return_if_fail (schedule != NULL);
  duration = bs_format_clock (bs_schedule_get_work_seconds (schedule));
  n_stages = bs_schedule_get_n_stages (schedule);
  /* Translators: "%u stages" then the total time, e.g. "8 stages, 3:00 in all". */
  summary = g_strdup_printf (ngettext ("%u stage, %s in all", "%u stages, %s in all", n_stages),
                             n_stages, duration);
  gtk_label_set_label (self->summary_label, summary);

  selected = adw_combo_row_get_selected (self->form_row);
  if (selected < bs_routine_get_n_forms (self->routine))
    gtk_label_set_label (self->form_info_label,
                         bs_routine_get_form_description (self->routine, selected));
}

static void
on_choice_changed (BsHomePage *self)
{
  GSettings *settings;
  const char *form;

  update_summary (self);
  if (self->loading || self->application == NULL)
    return;

  settings = bs_application_get_settings (self->application);
  form = selected_form (self);
  g_settings_set_string (settings, "core-test-form", form ? form : "");
  g_settings_set_uint (settings, "core-test-level", selected_level (self));
}

static void
on_start_clicked (BsHomePage *self)
{
  const char *form = selected_form (self);

  if (self->routine == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "window.start-routine", "(ssu)",
                              bs_routine_get_id (self->routine), form ? form : "",
                              selected_level (self));
}

/* Preferences can change the form while this page is shown. */
static void
on_form_setting_changed (BsHomePage *self)
{
  g_autofree char *form = NULL;
  int index;

  if (self->loading || self->routine == NULL)
    return;
  form = g_settings_get_string (bs_application_get_settings (self->application), "core-test-form");
  index = bs_routine_find_form (self->routine, form);
  if (index >= 0 && (guint) index != adw_combo_row_get_selected (self->form_row))
    adw_combo_row_set_selected (self->form_row, (guint) index);
}

static char *
level_name (guint level)
{
  if (level == 0)
    return g_strdup (_("Standard"));
  return g_strdup_printf (ngettext ("%u second shorter", "%u seconds shorter", level), level);
}

static void
load_routine (BsHomePage *self)
{
  GSettings *settings = bs_application_get_settings (self->application);
  g_autoptr(GtkStringList) forms = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autofree char *saved_form = g_settings_get_string (settings, "core-test-form");
  guint saved_level = g_settings_get_uint (settings, "core-test-level");
  int form_index;

  self->routine = bs_routine_library_lookup (bs_application_get_library (self->application),
                                             CORE_TEST_ID);
  g_return_if_fail (self->routine != NULL);

  self->loading = TRUE;
  gtk_label_set_label (self->title_label, bs_routine_get_name (self->routine));
  gtk_label_set_label (self->description_label, bs_routine_get_description (self->routine));

  for (guint i = 0; i < bs_routine_get_n_forms (self->routine); i++)
    gtk_string_list_append (forms, bs_routine_get_form_name (self->routine, i));
  adw_combo_row_set_model (self->form_row, G_LIST_MODEL (forms));
  form_index = bs_routine_find_form (self->routine, saved_form);
  adw_combo_row_set_selected (self->form_row, form_index >= 0 ? (guint) form_index : 0);

  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  for (guint i = 0; i < bs_routine_get_n_levels (self->routine); i++)
    {
      g_autofree char *name = level_name (bs_routine_get_level (self->routine, i));

      gtk_string_list_append (levels, name);
      if (bs_routine_get_level (self->routine, i) == saved_level)
        adw_combo_row_set_selected (self->level_row, i);
    }
  self->loading = FALSE;

  g_signal_connect_object (settings, "changed::core-test-form",
                           G_CALLBACK (on_form_setting_changed), self, G_CONNECT_SWAPPED);
  update_summary (self);
}

/* In the clinic kiosk: whether this visit's results are kept, under which
 * code, and that the history shown is this visit's alone. */
static void
update_kiosk (BsHomePage *self)
{
  BsKiosk *kiosk = bs_application_get_kiosk (self->application);
  gboolean locked = bs_kiosk_get_enabled (kiosk);
  const char *code = bs_kiosk_get_patient_code (kiosk);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->clinic_group), locked && bs_kiosk_get_patient_codes (kiosk));
  if (code != NULL)
    /* Translators: the kiosk's welcome screen, e.g. "P-1042: the results of
     * this visit are kept for the clinic" */
    subtitle = g_strdup_printf (_("%s: the results of this visit are kept for the clinic"), code);
  else
    subtitle = g_strdup (_("None: nothing from this visit is kept. Staff can enter the patient’s code."));
  adw_action_row_set_subtitle (self->patient_code_row, subtitle);
  gtk_button_set_label (self->patient_code_button, code != NULL ? _("_Change…") : _("_Enter…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->patient_code_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  code != NULL ? _("Change the Patient Code") : _("Enter a Patient Code"),
                                  -1);
  adw_action_row_set_subtitle (self->history_row,
                               locked
                               ? _("This visit’s results, cleared for the next person")
                               : _("Core tests, stretching and self-assessments over time, kept on this computer only"));
}

static void
on_title_held (gpointer user_data)
{
  BsHomePage *self = user_data;

  self->admin_press = 0;
  gtk_widget_activate_action (GTK_WIDGET (self), "window.kiosk-admin", NULL);
}

static void
stop_admin_press (BsHomePage *self)
{
  if (self->admin_press != 0)
    bs_clock_remove_timeout (bs_application_get_clock (self->application), self->admin_press);
  self->admin_press = 0;
}

/* GTK's long press is at most a second; the administrator's is held for
 * ADMIN_PRESS_SECONDS in all, so that a patient leaning on the bar does
 * not bring up the PIN. */
static void
on_title_long_pressed (BsHomePage *self)
{
  BsClock *clock;

  if (self->application == NULL || !bs_kiosk_get_enabled (bs_application_get_kiosk (self->application)))
    return;
  stop_admin_press (self);
  clock = bs_application_get_clock (self->application);
  self->admin_press = bs_clock_add_timeout (clock,
                                            bs_clock_get_time (clock) +
                                            (ADMIN_PRESS_SECONDS - 1) * G_USEC_PER_SEC,
                                            on_title_held, self, NULL);
}

static void
on_title_released (BsHomePage *self)
{
  if (self->application != NULL)
    stop_admin_press (self);
}

static gboolean
bs_home_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BS_HOME_PAGE (widget)->start_button));
}

static void
bs_home_page_dispose (GObject *object)
{
  BsHomePage *self = BS_HOME_PAGE (object);

  if (self->application != NULL)
    {
      g_signal_handlers_disconnect_by_data (bs_routine_library_get_model (bs_application_get_library (self->application)),
                                            self);
      g_signal_handlers_disconnect_by_data (bs_application_get_kiosk (self->application), self);
      stop_admin_press (self);
    }
  g_clear_pointer (&self->routine_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), BS_TYPE_HOME_PAGE);
  /* The template's unnamed top-level box is not one of its bound children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bs_home_page_parent_class)->dispose (object);
}

static void
bs_home_page_class_init (BsHomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_home_page_dispose;
  widget_class->grab_focus = bs_home_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, form_row);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, level_row);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, form_info_label);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, routines_group);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, clinic_group);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, patient_code_row);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, patient_code_button);
  gtk_widget_class_bind_template_child (widget_class, BsHomePage, history_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_long_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_released);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
}

static void
bs_home_page_init (BsHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  bs_menu_button_set_accessible_label (self->menu_button, _("Main Menu"));
  self->routine_rows = g_ptr_array_new ();
}

static GtkWidget *
routine_row (BsHomePage *self,
             BsRoutine  *routine)
{
  GSettings *settings = bs_application_get_settings (self->application);
  guint lead_in = MIN (g_settings_get_uint (settings, "lead-in-seconds"), BS_SCHEDULE_MAX_LEAD_IN);
  g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, NULL, 0, lead_in, NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *start = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  const char *category = bs_routine_category_to_label (bs_routine_get_category (routine));
  g_autofree char *length = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  if (schedule != NULL)
    {
      g_autofree char *clock = bs_format_clock (bs_schedule_get_total_seconds (schedule));

      length = bs_schedule_has_open_ended (schedule)
               /* Translators: a routine's length when part of it is done at
                * the person's own pace, e.g. "15:55 and your own pace" */
               ? g_strdup_printf (_("%s and your own pace"), clock)
               : g_steal_pointer (&clock);
    }
  if (category != NULL && length != NULL)
    /* Translators: a routine's kind and length, e.g. "Stretching · 15:55" */
    subtitle = g_strdup_printf (_("%s · %s"), category, length);
  else
    subtitle = g_strdup (length != NULL ? length : category);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bs_routine_get_name (routine));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (start, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (start, "flat");
  gtk_widget_add_css_class (start, "circular");
  /* Translators: the accessible name of a button, "Start Daily stretches" */
  label = g_strdup_printf (_("Start %s"), bs_routine_get_name (routine));
  gtk_widget_set_tooltip_text (start, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "window.start-routine");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (start), "(ssu)", bs_routine_get_id (routine), "", 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), start);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), start);
  return row;
}

/* Every routine but the test, which has the page's top: the bundled ones
 * and the person's own. */
static void
rebuild_routines (BsHomePage *self)
{
  GListModel *model = bs_routine_library_get_model (bs_application_get_library (self->application));

  for (guint i = 0; i < self->routine_rows->len; i++)
    adw_preferences_group_remove (self->routines_group, g_ptr_array_index (self->routine_rows, i));
  g_ptr_array_set_size (self->routine_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BsRoutine) routine = g_list_model_get_item (model, i);
      GtkWidget *row;

      if (g_strcmp0 (bs_routine_get_id (routine), CORE_TEST_ID) == 0)
        continue;
      row = routine_row (self, routine);
      adw_preferences_group_add (self->routines_group, row);
      g_ptr_array_add (self->routine_rows, row);
    }
}

static void
on_routines_changed (BsHomePage *self)
{
  rebuild_routines (self);
}

void
bs_home_page_set_application (BsHomePage    *self,
                              BsApplication *application)
{
  static const char * const kiosk_properties[] = {
    "notify::enabled", "notify::patient-codes", "notify::patient-code",
  };

  g_return_if_fail (BS_IS_HOME_PAGE (self));
  g_return_if_fail (BS_IS_APPLICATION (application));

  self->application = application;
  load_routine (self);
  g_signal_connect_object (bs_routine_library_get_model (bs_application_get_library (application)),
                           "items-changed", G_CALLBACK (on_routines_changed), self, G_CONNECT_SWAPPED);
  rebuild_routines (self);
  for (guint i = 0; i < G_N_ELEMENTS (kiosk_properties); i++)
    g_signal_connect_object (bs_application_get_kiosk (application), kiosk_properties[i],
                             G_CALLBACK (update_kiosk), self, G_CONNECT_SWAPPED);
  update_kiosk (self);
}
