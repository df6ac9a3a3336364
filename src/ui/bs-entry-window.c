/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-entry-window.h"
#include "bs-history-text.h"

/*
 * One entry of the history, in full: every stage of a run with the time
 * held in it, or what an assessment found; the note; and deleting it.
 * Deleting is the page's to do (it offers the undo), so the window only
 * asks for it.
 */
struct _BsEntryWindow
{
  AdwWindow parent_instance;

  GtkLabel *title_label;
  GtkLabel *when_label;
  GtkLabel *figure_label;
  AdwPreferencesGroup *details_group;
  AdwEntryRow *note_row;

  BsHistory *history;
  BsHistoryEntry *entry;
};

enum
{
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BsEntryWindow, bs_entry_window, ADW_TYPE_WINDOW)

static void
show_error (BsEntryWindow *self,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_note_apply (BsEntryWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (!bs_history_set_note (self->history, self->entry, text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->note_row), "error");
      show_error (self, _("The Note Was Not Saved"), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_row), "error");
}

static void
on_delete_clicked (BsEntryWindow *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
}

static void
bs_entry_window_dispose (GObject *object)
{
  BsEntryWindow *self = BS_ENTRY_WINDOW (object);

  g_clear_object (&self->history);
  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), BS_TYPE_ENTRY_WINDOW);

  G_OBJECT_CLASS (bs_entry_window_parent_class)->dispose (object);
}

static void
bs_entry_window_class_init (BsEntryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_entry_window_dispose;

  /**
   * BsEntryWindow::delete-requested:
   *
   * The person asked to delete the entry.
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-entry-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BsEntryWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BsEntryWindow, when_label);
  gtk_widget_class_bind_template_child (widget_class, BsEntryWindow, figure_label);
  gtk_widget_class_bind_template_child (widget_class, BsEntryWindow, details_group);
  gtk_widget_class_bind_template_child (widget_class, BsEntryWindow, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_note_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bs_entry_window_init (BsEntryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
add_row (BsEntryWindow *self,
         const char    *title,
         const char    *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Stage names and findings are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (self->details_group, row);
}

static char *
describe_stage (const BsStageRecord *record,
                guint                stage,
                guint                stage_reached,
                BsOutcome            outcome)
{
  guint held = (guint) (record->held_ms / 1000);

  if (record->skipped)
    return g_strdup (_("Skipped"));
  if (outcome != BS_OUTCOME_COMPLETED && stage > stage_reached)
    return g_strdup (_("Not reached"));
  if (outcome != BS_OUTCOME_COMPLETED && stage == stage_reached)
    /* Translators: the stage a run ended in, "Held 7 of 15 s, then stopped" */
    return g_strdup_printf (_("Held %u of %u s, then stopped"), held, record->seconds);
  /* Translators: "Held 60 of 60 s" */
  return g_strdup_printf (_("Held %u of %u s"), held, record->seconds);
}

static void
show_session (BsEntryWindow *self)
{
  g_auto(GStrv) names = bs_history_entry_dup_stage_names (self->entry);
  guint n = bs_history_entry_get_n_stages (self->entry);
  guint reached = bs_history_entry_get_stage_reached (self->entry);
  BsOutcome outcome = bs_history_entry_get_outcome (self->entry);
  const char *form = bs_history_entry_get_form_name (self->entry);
  guint level = bs_history_entry_get_level (self->entry);

  adw_preferences_group_set_title (self->details_group, _("Stages"));
  if (form != NULL && level > 0)
    {
      /* Translators: the form of the test and its level, "Three-minute form, every hold 10 s shorter" */
      g_autofree char *description = g_strdup_printf (_("%s, every hold %u s shorter"), form, level);
      adw_preferences_group_set_description (self->details_group, description);
    }
  else if (form != NULL)
    {
      g_autofree char *description = g_strdup_printf (_("%s, standard holds"), form);
      adw_preferences_group_set_description (self->details_group, description);
    }

  for (guint stage = 1; stage <= n; stage++)
    {
      const BsStageRecord *record = bs_history_entry_get_stage (self->entry, stage);
      g_autofree char *fallback = g_strdup_printf (_("Stage %u"), stage);
      g_autofree char *subtitle = describe_stage (record, stage, reached, outcome);
      const char *name = names != NULL && stage <= g_strv_length (names) ? names[stage - 1] : fallback;

      add_row (self, name, subtitle);
    }
}

static void
show_assessment (BsEntryWindow *self)
{
  g_autoptr(BsFindings) findings = bs_history_entry_dup_findings (self->entry);

  adw_preferences_group_set_title (self->details_group, _("What It Found"));
  if (findings == NULL)
    {
      add_row (self, _("These answers can no longer be read"),
               _("The entry is kept as it was stored."));
      return;
    }
  adw_preferences_group_set_description (self->details_group,
                                         _("Read again with today’s advice."));
  for (guint i = 0; i < bs_findings_get_n_red_flags (findings); i++)
    add_row (self, bs_findings_get_red_flag (findings, i)->title, _("Warning sign"));
  for (guint i = 0; i < bs_findings_get_n_risks (findings); i++)
    add_row (self, bs_findings_get_risk (findings, i)->title, _("Risk factor"));
  for (guint i = 0; i < bs_findings_get_n_advice (findings); i++)
    add_row (self, bs_findings_get_advice (findings, i)->title, _("Recommendation"));
}

/**
 * bs_entry_window_new:
 * @history: the store the entry is in
 * @entry: the entry to show
 */
BsEntryWindow *
bs_entry_window_new (BsHistory      *history,
                     BsHistoryEntry *entry)
{
  BsEntryWindow *self;
  g_autofree char *title = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (BS_IS_HISTORY (history), NULL);
  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), NULL);

  self = g_object_new (BS_TYPE_ENTRY_WINDOW, NULL);
  self->history = g_object_ref (history);
  self->entry = g_object_ref (entry);

  title = bs_history_entry_dup_title (entry);
  figure = bs_history_entry_dup_figure (entry);
  local = g_date_time_to_local (bs_history_entry_get_started_at (entry));
  /* Translators: when an entry was recorded, as strftime: "Sunday, 3 May 2026, 07:30" */
  when = g_date_time_format (local, _("%A, %-d %B %Y, %H:%M"));

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->when_label, when);
  gtk_label_set_label (self->figure_label, figure);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), bs_history_entry_get_note (entry));

  if (bs_history_entry_get_kind (entry) == BS_HISTORY_SESSION)
    show_session (self);
  else
    show_assessment (self);
  return self;
}

BsHistoryEntry *
bs_entry_window_get_entry (BsEntryWindow *self)
{
  g_return_val_if_fail (BS_IS_ENTRY_WINDOW (self), NULL);
  return self->entry;
}
