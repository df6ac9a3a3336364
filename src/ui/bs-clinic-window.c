/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bs-clinic.h"
#include "bs-clinic-window.h"
#include "bs-error.h"
#include "bs-history-pdf.h"
#include "bs-history-stats.h"

/*
 * The clinic's results, for the administrator once the kiosk is unlocked:
 * every patient code with how many results it has and when it was last
 * seen, one patient's report as a PDF, the whole clinic as one
 * spreadsheet, and deleting a patient's results (after asking).  Patient
 * codes are all it ever shows of a person.
 */

struct _BsClinicWindow
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkButton *export_all_button;
  GtkStack *stack;
  GtkLabel *empty_path_label;
  GtkLabel *summary_label;
  GtkLabel *path_label;
  GtkSearchEntry *search_entry;
  GtkListBox *patient_list;
  GtkLabel *no_match_label;

  BsHistory *store;
  GListStore *patients;          /* BsClinicPatient, the newest visit first */
  GtkCustomFilter *filter;
  GtkFilterListModel *shown;
  char *query;                   /* in capitals, as codes are kept */
};

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BsClinicWindow, bs_clinic_window, ADW_TYPE_WINDOW)

/* Telling the administrator */

static void
toast (BsClinicWindow *self,
       const char     *text,
       gboolean        is_error)
{
  /* A toast's title is markup; file names and messages are not. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (is_error)
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 10);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The list */

static char *
describe_patient (BsClinicPatient *patient)
{
  guint n = bs_clinic_patient_get_n_results (patient);
  GDateTime *last = bs_clinic_patient_get_last_visit (patient);
  g_autofree char *date = bs_format_date (g_date_time_to_unix (last), NULL);

  /* Translators: a patient's row: how many results are kept and the date
   * of the newest, "3 results · last visit 12 May 2026" */
  return g_strdup_printf (ngettext ("%u result · last visit %s",
                                    "%u results · last visit %s", n), n, date);
}

static void on_report_clicked (GtkButton *button, BsClinicWindow *self);
static void on_delete_clicked (GtkButton *button, BsClinicWindow *self);

static GtkWidget *
row_button (BsClinicWindow *self,
            const char     *code,
            const char     *icon_name,
            const char     *tooltip,
            const char     *accessible_label,
            GCallback       callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "code", g_strdup (code), g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BsClinicWindow *self = user_data;
  BsClinicPatient *patient = item;
  const char *code = bs_clinic_patient_get_code (patient);
  g_autofree char *subtitle = describe_patient (patient);
  /* Translators: what a screen reader says for a row's button; %s is a
   * patient code */
  g_autofree char *report_label = g_strdup_printf (_("Export Report for %s…"), code);
  /* Translators: %s is a patient code */
  g_autofree char *delete_label = g_strdup_printf (_("Delete Results of %s…"), code);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), code);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, code, "x-office-document-symbolic",
                                         _("Export Report…"), report_label,
                                         G_CALLBACK (on_report_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, code, "user-trash-symbolic",
                                         _("Delete…"), delete_label,
                                         G_CALLBACK (on_delete_clicked)));
  return row;
}

static gboolean
matches_query (gpointer item,
               gpointer user_data)
{
  BsClinicWindow *self = user_data;

  return self->query == NULL || *self->query == '\0' ||
         strstr (bs_clinic_patient_get_code (item), self->query) != NULL;
}

static void
update_summary (BsClinicWindow *self)
{
  GListModel *entries = self->store != NULL ? bs_history_get_entries (self->store) : NULL;
  guint n_results = entries != NULL ? g_list_model_get_n_items (entries) : 0;
  guint n_patients = g_list_model_get_n_items (G_LIST_MODEL (self->patients));
  const char *path = self->store != NULL ? bs_history_get_path (self->store) : NULL;
  g_autofree char *patients = NULL;
  g_autofree char *results = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *where = NULL;

  patients = g_strdup_printf (ngettext ("%u patient", "%u patients", n_patients), n_patients);
  results = g_strdup_printf (ngettext ("%u result", "%u results", n_results), n_results);
  /* Translators: "3 patients" and "6 results", joined */
  summary = g_strdup_printf (C_("clinic summary", "%s · %s"), patients, results);
  gtk_label_set_label (self->summary_label, summary);

  if (path != NULL)
    /* Translators: %s is the clinic database's file */
    where = g_strdup_printf (_("Clinic database: %s"), path);
  else
    where = g_strdup (_("Clinic database: kept in memory only"));
  gtk_label_set_label (self->path_label, where);
  gtk_label_set_label (self->empty_path_label, where);

  gtk_stack_set_visible_child_name (self->stack, n_patients > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_all_button), n_results > 0);
}

/* The patients, again from the store's entries: after a visit was added
 * or a patient deleted. */
static void
refresh (BsClinicWindow *self)
{
  g_autoptr(GListModel) patients = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->store != NULL)
    {
      patients = bs_clinic_list_patients (bs_history_get_entries (self->store));
      for (guint i = 0; i < g_list_model_get_n_items (patients); i++)
        g_ptr_array_add (items, g_list_model_get_item (patients, i));
    }
  g_list_store_splice (self->patients, 0, g_list_model_get_n_items (G_LIST_MODEL (self->patients)),
                       items->pdata, items->len);
  update_summary (self);
}

static void
on_entries_changed (GListModel     *entries,
                    guint           position,
                    guint           removed,
                    guint           added,
                    BsClinicWindow *self)
{
  refresh (self);
}

static void
on_search_changed (BsClinicWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *label = NULL;

  g_free (self->query);
  self->query = g_strstrip (g_ascii_strup (text, -1));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Translators: shown when no code contains what was typed */
  label = g_strdup_printf (_("No patient code contains “%s”"), self->query);
  gtk_label_set_label (self->no_match_label, label);
}

static void
on_stop_search (BsClinicWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* What the buttons do, without the file choosers and the question */

/**
 * bs_clinic_window_export_csv_to:
 *
 * Writes every result of the clinic to @file as one spreadsheet.
 */
gboolean
bs_clinic_window_export_csv_to (BsClinicWindow  *self,
                                GFile           *file,
                                GError         **error)
{
  g_return_val_if_fail (BS_IS_CLINIC_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return bs_clinic_export_csv (bs_history_get_entries (self->store), file, error);
}

/**
 * bs_clinic_window_export_report_to:
 *
 * Writes the one-page summary of the results kept under @code to @file,
 * as a PDF that names the code.
 */
gboolean
bs_clinic_window_export_report_to (BsClinicWindow  *self,
                                   const char      *code,
                                   GFile           *file,
                                   GError         **error)
{
  g_autoptr(GListModel) entries = NULL;

  g_return_val_if_fail (BS_IS_CLINIC_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  entries = bs_clinic_dup_entries_of (bs_history_get_entries (self->store), code);
  if (g_list_model_get_n_items (entries) == 0)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND,
                   _("No results are kept under the patient code %s."), code);
      return FALSE;
    }
  return bs_history_pdf_write_for_patient (entries, code, file, error);
}

/**
 * bs_clinic_window_delete_patient:
 *
 * Deletes every result kept under @code from the clinic database.
 */
gboolean
bs_clinic_window_delete_patient (BsClinicWindow  *self,
                                 const char      *code,
                                 GError         **error)
{
  g_return_val_if_fail (BS_IS_CLINIC_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return bs_clinic_delete_patient (self->store, code, error);
}

/* Choosers and the question */

typedef enum
{
  CHOOSE_CSV,
  CHOOSE_REPORT,
} Choice;

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     BsClinicWindow  *self)
{
  Choice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "choice"));
  const char *code = g_object_get_data (G_OBJECT (chooser), "code");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  name = g_file_get_basename (file);

  if (choice == CHOOSE_CSV)
    ok = bs_clinic_window_export_csv_to (self, file, &error);
  else
    ok = bs_clinic_window_export_report_to (self, code, file, &error);

  if (ok)
    /* Translators: %s is the name of the file written */
    message = g_strdup_printf (_("Saved as “%s”"), name);
  else
    /* Translators: %s says why, e.g. "Permission denied" */
    message = g_strdup_printf (_("Nothing was saved: %s"), error->message);
  toast (self, message, !ok);

out:
  g_object_unref (chooser);
}

static void
choose (BsClinicWindow *self,
        Choice          choice,
        const char     *code,
        const char     *title,
        const char     *suggested_name)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "choice", GINT_TO_POINTER (choice));
  g_object_set_data_full (G_OBJECT (chooser), "code", g_strdup (code), g_free);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
on_export_all_clicked (BsClinicWindow *self)
{
  g_autofree char *date = today ();
  /* Translators: the suggested file name of the clinic's spreadsheet; %s
   * is today's date */
  g_autofree char *name = g_strdup_printf (_("backstay-clinic-%s.csv"), date);

  choose (self, CHOOSE_CSV, NULL, _("Export All Clinic Results"), name);
}

static void
on_report_clicked (GtkButton      *button,
                   BsClinicWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "code");
  g_autofree char *date = today ();
  /* Translators: the suggested file name of one patient's report; the
   * first %s is the patient code, the second today's date */
  g_autofree char *name = g_strdup_printf (_("backstay-%s-%s.pdf"), code, date);
  /* Translators: %s is a patient code */
  g_autofree char *title = g_strdup_printf (_("Save the Report of %s"), code);

  choose (self, CHOOSE_REPORT, code, title, name);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    BsClinicWindow   *self)
{
  const char *code = g_object_get_data (G_OBJECT (dialog), "code");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (bs_clinic_window_delete_patient (self, code, &error))
    /* Translators: %s is a patient code */
    message = g_strdup_printf (_("The results of %s were deleted"), code);
  else
    /* Translators: %s says why */
    message = g_strdup_printf (_("Nothing was deleted: %s"), error->message);
  toast (self, message, error != NULL);
}

static guint
n_results_of (BsClinicWindow *self,
              const char     *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->patients)); i++)
    {
      g_autoptr(BsClinicPatient) patient = g_list_model_get_item (G_LIST_MODEL (self->patients), i);

      if (g_strcmp0 (bs_clinic_patient_get_code (patient), code) == 0)
        return bs_clinic_patient_get_n_results (patient);
    }
  return 0;
}

static void
on_delete_clicked (GtkButton      *button,
                   BsClinicWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "code");
  guint n = n_results_of (self, code);
  /* Translators: %s is a patient code */
  g_autofree char *heading = g_strdup_printf (_("Delete the Results of %s?"), code);
  /* Translators: the number of results, then the patient code */
  g_autofree char *body = g_strdup_printf (ngettext ("The %u result kept under %s will be deleted from the clinic database. This cannot be undone.",
                                                     "All %u results kept under %s will be deleted from the clinic database. This cannot be undone.",
                                                     n), n, code);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "code", g_strdup (code), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  BsClinicWindow *self = BS_CLINIC_WINDOW (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "list"))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/* The object */

static void
bs_clinic_window_constructed (GObject *object)
{
  BsClinicWindow *self = BS_CLINIC_WINDOW (object);

  G_OBJECT_CLASS (bs_clinic_window_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (bs_history_get_entries (self->store), "items-changed",
                             G_CALLBACK (on_entries_changed), self, 0);
  refresh (self);
}

static void
bs_clinic_window_dispose (GObject *object)
{
  BsClinicWindow *self = BS_CLINIC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BS_TYPE_CLINIC_WINDOW);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->patients);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bs_clinic_window_parent_class)->dispose (object);
}

static void
bs_clinic_window_finalize (GObject *object)
{
  BsClinicWindow *self = BS_CLINIC_WINDOW (object);

  g_free (self->query);

  G_OBJECT_CLASS (bs_clinic_window_parent_class)->finalize (object);
}

static void
bs_clinic_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BsClinicWindow *self = BS_CLINIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_clinic_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BsClinicWindow *self = BS_CLINIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_clinic_window_class_init (BsClinicWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bs_clinic_window_constructed;
  object_class->dispose = bs_clinic_window_dispose;
  object_class->finalize = bs_clinic_window_finalize;
  object_class->get_property = bs_clinic_window_get_property;
  object_class->set_property = bs_clinic_window_set_property;

  /**
   * BsClinicWindow:store:
   *
   * The clinic's history: every entry carries a patient code.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BS_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-clinic-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BsClinicWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BsClinicWindow, export_all_button);
  gtk_widget_class_bind_template_child (widget_class, BsClinicWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BsClinicWindow, empty_path_label);
  gtk_widget_class_bind_template_child (widget_class, BsClinicWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BsClinicWindow, path_label);
  gtk_widget_class_bind_template_child (widget_class, BsClinicWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BsClinicWindow, patient_list);
  /* For tests, which look at the empty state. */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_page", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_export_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search, NULL);
}

static void
bs_clinic_window_init (BsClinicWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->patients = g_list_store_new (BS_TYPE_CLINIC_PATIENT);
  self->filter = gtk_custom_filter_new (matches_query, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->patients)),
                                           g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_box_bind_model (self->patient_list, G_LIST_MODEL (self->shown), create_row, self, NULL);

  self->no_match_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->no_match_label, TRUE);
  gtk_label_set_wrap_mode (self->no_match_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (GTK_WIDGET (self->no_match_label), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->no_match_label), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->no_match_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->no_match_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->no_match_label), "dim-label");
  gtk_list_box_set_placeholder (self->patient_list, GTK_WIDGET (self->no_match_label));
}

/**
 * bs_clinic_window_new:
 * @parent: (nullable): the window it is modal for
 * @clinic_store: the clinic's history
 *
 * Returns: (transfer none): the window, not yet shown
 */
GtkWidget *
bs_clinic_window_new (GtkWindow *parent,
                      BsHistory *clinic_store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BS_IS_HISTORY (clinic_store), NULL);

  return g_object_new (BS_TYPE_CLINIC_WINDOW,
                       "transient-for", parent,
                       "store", clinic_store,
                       NULL);
}

/**
 * bs_clinic_window_get_store:
 *
 * Returns: (transfer none) (nullable): the clinic's history
 */
BsHistory *
bs_clinic_window_get_store (BsClinicWindow *self)
{
  g_return_val_if_fail (BS_IS_CLINIC_WINDOW (self), NULL);
  return self->store;
}

/**
 * bs_clinic_window_get_shown:
 *
 * Returns: (transfer none): the #BsClinicPatient items the list shows,
 *   the search applied
 */
GListModel *
bs_clinic_window_get_shown (BsClinicWindow *self)
{
  g_return_val_if_fail (BS_IS_CLINIC_WINDOW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/**
 * bs_clinic_window_set_search:
 *
 * Types @text into the search entry.
 */
void
bs_clinic_window_set_search (BsClinicWindow *self,
                             const char     *text)
{
  g_return_if_fail (BS_IS_CLINIC_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* The entry waits a moment before it says the text changed. */
  on_search_changed (self);
}
