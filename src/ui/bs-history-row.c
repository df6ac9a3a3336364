/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-history-days.h"
#include "bs-history-entry.h"
#include "bs-history-row.h"
#include "bs-history-text.h"

/*
 * One item of the history list: a day's heading, or an entry with its key
 * figure, its time and the start of its note.  The list view recycles
 * these, so everything shown is set again on every bind.
 */
struct _BsHistoryRow
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *day_label;
  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *figure_label;
  GtkLabel *note_label;
  GtkLabel *time_label;
};

G_DEFINE_FINAL_TYPE (BsHistoryRow, bs_history_row, GTK_TYPE_WIDGET)

static void
bs_history_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BS_TYPE_HISTORY_ROW);
  /* The template's unnamed top-level box is not one of its bound children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object)));)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bs_history_row_parent_class)->dispose (object);
}

static void
bs_history_row_class_init (BsHistoryRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_history_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BsHistoryRow, stack);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryRow, icon);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryRow, figure_label);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, BsHistoryRow, time_label);
}

static void
bs_history_row_init (BsHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bs_history_row_new (void)
{
  return g_object_new (BS_TYPE_HISTORY_ROW, NULL);
}

static const char *
icon_for (BsHistoryEntry *entry)
{
  const char *category;

  if (bs_history_entry_get_kind (entry) == BS_HISTORY_ASSESSMENT)
    return bs_history_entry_get_red_flag (entry) ? "dialog-warning-symbolic" : "user-info-symbolic";
  if (bs_history_entry_get_good (entry))
    return "emblem-ok-symbolic";
  category = bs_history_entry_get_category (entry);
  if (g_strcmp0 (category, "stretch") == 0 || g_strcmp0 (category, "warm-up") == 0)
    return "preferences-desktop-accessibility-symbolic";
  return "preferences-system-time-symbolic";
}

static void
show_entry (BsHistoryRow   *self,
            BsHistoryEntry *entry)
{
  g_autofree char *title = bs_history_entry_dup_title (entry);
  g_autofree char *figure = bs_history_entry_dup_figure (entry);
  g_autoptr(GDateTime) local = g_date_time_to_local (bs_history_entry_get_started_at (entry));
  /* Translators: the time of day an entry was recorded, as strftime */
  g_autofree char *time = g_date_time_format (local, _("%H:%M"));
  const char *note = bs_history_entry_get_note (entry);
  g_autofree char *first_line = NULL;
  g_autofree char *description = NULL;

  gtk_stack_set_visible_child_name (self->stack, "entry");
  gtk_image_set_from_icon_name (self->icon, icon_for (entry));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->figure_label, figure);
  gtk_label_set_label (self->time_label, time);

  first_line = g_strndup (note, strcspn (note, "\n"));
  gtk_label_set_label (self->note_label, first_line);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), *note != '\0');

  /* Read as one line by a screen reader: "Core strength test, 132 of 180 s,
   * stage 5 of 8, 07:30". */
  description = g_strdup_printf ("%s, %s, %s%s%s", title, figure, time,
                                 *note ? ", " : "", first_line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static void
show_day (BsHistoryRow *self,
          BsHistoryDay *day,
          GDateTime    *now)
{
  g_autofree char *label = bs_history_format_day (bs_history_day_get_date (day), now);

  gtk_stack_set_visible_child_name (self->stack, "day");
  gtk_label_set_label (self->day_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * bs_history_row_set_item:
 * @item: a #BsHistoryEntry or a #BsHistoryDay
 * @now: local time now, for "Today" and "Yesterday"
 */
void
bs_history_row_set_item (BsHistoryRow *self,
                         GObject      *item,
                         GDateTime    *now)
{
  g_return_if_fail (BS_IS_HISTORY_ROW (self));

  if (BS_IS_HISTORY_DAY (item))
    show_day (self, BS_HISTORY_DAY (item), now);
  else if (BS_IS_HISTORY_ENTRY (item))
    show_entry (self, BS_HISTORY_ENTRY (item));
}
