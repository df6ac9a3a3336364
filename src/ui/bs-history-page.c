/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-adherence-grid.h"
#include "bs-application.h"
#include "bs-gtk-compat.h"
#include "bs-history-chart.h"
#include "bs-history-days.h"
#include "bs-history-page-private.h"
#include "bs-history-row.h"
#include "bs-history-text.h"
#include "bs-measure.h"

/*
 * The history: progress (the core test chart and the stretching
 * calendar), the log of everything recorded grouped by day, and the
 * self-assessments with what changed between them.  Export, import and
 * deleting everything are in the page's menu.
 */
struct _BsHistoryPage
{
  GtkWidget parent_instance;

  AdwViewStack *view_stack;
  BsHistoryChart *chart;
  BsAdherenceGrid *adherence;
  GtkStack *log_stack;
  GtkListView *list_view;
  GtkStack *assessments_stack;
  GtkListBox *assessments_list;
  GtkMenuButton *menu_button;
  GtkButton *back_button;

  BsHistory *history;
  BsHistoryDays *days;
  gboolean assessments_stale;  /* changed while the page was not shown */
};

G_DEFINE_FINAL_TYPE (BsHistoryPage, bs_history_page, GTK_TYPE_WIDGET)

static void
toast (BsHistoryPage *self,
       AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
bs_history_page_say (BsHistoryPage *self,
                     const char    *text)
{
  toast (self, adw_toast_new (text));
}

void
bs_history_page_show_error (BsHistoryPage *self,
                            const char    *heading,
                            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The log ---- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BsHistoryPage            *self)
{
  gtk_list_item_set_child (item, bs_history_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          BsHistoryPage            *self)
{
  GObject *object = gtk_list_item_get_item (item);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  bs_history_row_set_item (BS_HISTORY_ROW (gtk_list_item_get_child (item)), object, now);
  /* Day headings are not things to open. */
  gtk_list_item_set_activatable (item, BS_IS_HISTORY_ENTRY (object));
  gtk_list_item_set_selectable (item, FALSE);
}

static void
on_list_activate (BsHistoryPage *self,
                  guint          position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->days), position);

  if (BS_IS_HISTORY_ENTRY (item))
    bs_history_page_open_entry (self, BS_HISTORY_ENTRY (item));
}

/* ---- Assessments ---- */

static void
on_details_clicked (GtkButton     *button,
                    BsHistoryPage *self)
{
  bs_history_page_open_entry (self, g_object_get_data (G_OBJECT (button), "entry"));
}

static BsUnits
units (BsHistoryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return BS_IS_APPLICATION (app) ? bs_application_get_units (BS_APPLICATION (app)) : BS_UNITS_METRIC;
}

static GtkWidget *
assessment_row (BsHistoryPage  *self,
                BsHistoryEntry *entry,
                BsHistoryEntry *previous)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(GDateTime) local = g_date_time_to_local (bs_history_entry_get_started_at (entry));
  /* Translators: the day of an assessment, as strftime: "3 May 2026" */
  g_autofree char *title = g_date_time_format (local, _("%-d %B %Y"));
  g_autofree char *figure = bs_history_entry_dup_figure (entry);
  g_autoptr(BsFindings) findings = bs_history_entry_dup_findings (entry);
  g_autoptr(BsFindings) before = previous ? bs_history_entry_dup_findings (previous) : NULL;
  g_auto(GStrv) changes = NULL;
  GtkWidget *open;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), figure);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (findings != NULL && before != NULL)
    changes = bs_findings_compare (before, findings, units (self));

  if (previous == NULL)
    {
      GtkWidget *line = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), _("The first self-assessment recorded"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
    }
  else if (changes == NULL || changes[0] == NULL)
    {
      GtkWidget *line = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), _("Nothing changed since the one before"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
    }
  else
    {
      for (guint i = 0; changes[i] != NULL; i++)
        {
          GtkWidget *line = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), changes[i]);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), _("Since the one before"));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }
    }

  open = gtk_button_new_with_mnemonic (_("_Details"));
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  {
    /* Translators: the accessible name of a button, "Details of 3 May 2026" */
    g_autofree char *label = g_strdup_printf (_("Details of %s"), title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  g_object_set_data_full (G_OBJECT (open), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (open, "clicked", G_CALLBACK (on_details_clicked), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), open);
  return row;
}

static void
update_assessments (BsHistoryPage *self)
{
  GListModel *entries = bs_history_get_entries (self->history);
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->assessments_list))) != NULL)
    gtk_list_box_remove (self->assessments_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      BsHistoryEntry *entry = g_list_model_get_item (entries, i);

      if (bs_history_entry_get_kind (entry) == BS_HISTORY_ASSESSMENT)
        g_ptr_array_add (assessments, entry);
      else
        g_object_unref (entry);
    }

  /* Newest first; each compared with the one recorded before it. */
  for (guint i = 0; i < assessments->len; i++)
    gtk_list_box_append (self->assessments_list,
                         assessment_row (self, g_ptr_array_index (assessments, i),
                                         i + 1 < assessments->len
                                         ? g_ptr_array_index (assessments, i + 1) : NULL));
  gtk_stack_set_visible_child_name (self->assessments_stack, assessments->len > 0 ? "list" : "empty");
}

static void update_actions (BsHistoryPage *self);

/* A run writes a checkpoint at every segment boundary, each a change of
 * the entries: the assessments list, which reads every assessment's
 * answers again, is rebuilt only when the page is shown. */
static void
on_entries_changed (GListModel    *entries,
                    guint          position,
                    guint          removed,
                    guint          added,
                    BsHistoryPage *self)
{
  gtk_stack_set_visible_child_name (self->log_stack,
                                    g_list_model_get_n_items (entries) > 0 ? "list" : "empty");
  update_actions (self);
  self->assessments_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      update_assessments (self);
      self->assessments_stale = FALSE;
    }
}

static void
bs_history_page_map (GtkWidget *widget)
{
  BsHistoryPage *self = BS_HISTORY_PAGE (widget);

  GTK_WIDGET_CLASS (bs_history_page_parent_class)->map (widget);
  if (self->assessments_stale && self->history != NULL)
    {
      update_assessments (self);
      self->assessments_stale = FALSE;
    }
}

/* ---- One entry ---- */

static void
on_undo_delete (AdwToast       *toast,
                BsHistoryEntry *entry)
{
  BsHistoryPage *self = g_object_get_data (G_OBJECT (toast), "page");
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->history == NULL)
    return;
  if (!bs_history_save (self->history, entry, &error))
    bs_history_page_show_error (self, _("The Entry Could Not Be Restored"), error);
}

/**
 * bs_history_page_delete_entry:
 *
 * Deletes the entry and offers to undo it in a toast.
 */
gboolean
bs_history_page_delete_entry (BsHistoryPage   *self,
                              BsHistoryEntry  *entry,
                              GError         **error)
{
  AdwToast *undo;

  g_return_val_if_fail (BS_IS_HISTORY_PAGE (self), FALSE);

  if (!bs_history_remove (self->history, entry, error))
    return FALSE;

  undo = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (undo), "page", self);
  g_signal_connect_data (undo, "button-clicked", G_CALLBACK (on_undo_delete),
                         g_object_ref (entry), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  toast (self, undo);
  return TRUE;
}

static void
on_delete_requested (BsEntryWindow *window,
                     BsHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BsHistoryEntry) entry = g_object_ref (bs_entry_window_get_entry (window));

  gtk_window_destroy (GTK_WINDOW (window));
  if (!bs_history_page_delete_entry (self, entry, &error))
    bs_history_page_show_error (self, _("The Entry Could Not Be Deleted"), error);
}

/**
 * bs_history_page_open_entry:
 *
 * Returns: (transfer none): the window showing @entry
 */
BsEntryWindow *
bs_history_page_open_entry (BsHistoryPage  *self,
                            BsHistoryEntry *entry)
{
  BsEntryWindow *window;

  g_return_val_if_fail (BS_IS_HISTORY_PAGE (self), NULL);

  window = bs_entry_window_new (self->history, entry);
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (window, "delete-requested", G_CALLBACK (on_delete_requested), self, 0);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* ---- Deleting everything (export and import are in bs-history-page-export.c) ---- */

static void
on_delete_all_response (AdwMessageDialog *dialog,
                        const char       *response,
                        BsHistoryPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (bs_history_clear (self->history, &error))
    bs_history_page_say (self, _("All history deleted"));
  else
    bs_history_page_show_error (self, _("The History Was Not Deleted"), error);
}

static void
delete_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BsHistoryPage *self = BS_HISTORY_PAGE (widget);
  guint n = g_list_model_get_n_items (bs_history_get_entries (self->history));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u entry recorded on this computer will be deleted. "
                                       "This cannot be undone: export it first if you may want it.",
                                       "All %u entries recorded on this computer will be deleted. "
                                       "This cannot be undone: export them first if you may want them.",
                                       n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete All History?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_all_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The page ---- */

static void
update_actions (BsHistoryPage *self)
{
  gboolean any = self->history != NULL
                 && g_list_model_get_n_items (bs_history_get_entries (self->history)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export-json", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export-csv", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export-pdf", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.delete-all", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.import", self->history != NULL);
}

static void
bs_history_page_dispose (GObject *object)
{
  BsHistoryPage *self = BS_HISTORY_PAGE (object);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (bs_history_get_entries (self->history), self);
  g_clear_object (&self->history);
  g_clear_object (&self->days);
  gtk_widget_dispose_template (GTK_WIDGET (self), BS_TYPE_HISTORY_PAGE);
  /* The template's unnamed top-level box is not one of its bound children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bs_history_page_parent_class)->dispose (object);
}

/* The page itself takes no focus: its first control does, so the keyboard
 * lands somewhere useful when the page is shown. */
static gboolean
bs_history_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BS_HISTORY_PAGE (widget)->back_button));
}

static void
bs_history_page_class_init (BsHistoryPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_history_page_dispose;
  widget_class->grab_focus = bs_history_page_grab_focus;
  widget_class->map = bs_history_page_map;

  g_type_ensure (BS_TYPE_HISTORY_CHART);
  g_type_ensure (BS_TYPE_ADHERENCE_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BsHistoryPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryPage, chart);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryPage, adherence);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryPage, log_stack);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryPage, assessments_stack);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryPage, assessments_list);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryPage, back_button);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  bs_history_page_install_export_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "history.delete-all", NULL, delete_all_activated);
}

static void
bs_history_page_init (BsHistoryPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  bs_menu_button_set_accessible_label (self->menu_button, _("Export and Import"));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  update_actions (self);
}

/**
 * bs_history_page_set_history:
 *
 * Shows @history and follows its changes.
 */
void
bs_history_page_set_history (BsHistoryPage *self,
                             BsHistory     *history)
{
  GListModel *entries;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (BS_IS_HISTORY_PAGE (self));
  g_return_if_fail (BS_IS_HISTORY (history));

  if (self->history == history)
    return;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (bs_history_get_entries (self->history), self);
  g_set_object (&self->history, history);

  entries = bs_history_get_entries (history);
  g_clear_object (&self->days);
  self->days = bs_history_days_new (entries, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->days)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  bs_history_chart_set_entries (self->chart, entries);
  bs_adherence_grid_set_entries (self->adherence, entries);

  g_signal_connect_object (entries, "items-changed", G_CALLBACK (on_entries_changed), self, 0);
  on_entries_changed (entries, 0, 0, 0, self);
}

BsHistory *
bs_history_page_get_history (BsHistoryPage *self)
{
  g_return_val_if_fail (BS_IS_HISTORY_PAGE (self), NULL);
  return self->history;
}

/**
 * bs_history_page_show_view:
 * @name: "progress", "log" or "assessments"
 */
void
bs_history_page_show_view (BsHistoryPage *self,
                           const char    *name)
{
  g_return_if_fail (BS_IS_HISTORY_PAGE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
