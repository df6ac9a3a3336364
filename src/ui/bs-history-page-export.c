/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-history-csv.h"
#include "bs-history-json.h"
#include "bs-history-page-private.h"
#include "bs-history-pdf.h"

/*
 * The history page's export and import: JSON, spreadsheets and the PDF
 * summary out, JSON in, each behind a file chooser and reported with a
 * toast or an error dialog.
 */

static char *
dated_name (const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, format);
}

gboolean
bs_history_page_export_json_to (BsHistoryPage  *self,
                                GFile          *file,
                                GError        **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (BS_IS_HISTORY_PAGE (self), FALSE);

  json = bs_history_export_json (bs_history_get_entries (bs_history_page_get_history (self)), NULL);
  /* Written beside and renamed over: a failed export never leaves half a
   * file that looks whole. */
  return g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/**
 * bs_history_page_export_csv_into:
 * @parent: the folder chosen
 *
 * Writes the tables into a new folder inside @parent, so that nothing of
 * the person's is overwritten.
 *
 * Returns: (transfer full): the folder written, or %NULL
 */
GFile *
bs_history_page_export_csv_into (BsHistoryPage  *self,
                                 GFile          *parent,
                                 GError        **error)
{
  /* Translators: the name of the folder an export is written to, as
   * strftime; no slashes */
  g_autofree char *base = dated_name (_("Backstay history %Y-%m-%d"));
  g_autoptr(GFile) folder = g_file_get_child (parent, base);

  g_return_val_if_fail (BS_IS_HISTORY_PAGE (self), NULL);

  for (guint n = 2; g_file_query_exists (folder, NULL); n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s (%u)", base, n);

      g_object_unref (folder);
      folder = g_file_get_child (parent, numbered);
    }
  if (!bs_history_export_csv (bs_history_get_entries (bs_history_page_get_history (self)),
                              folder, error))
    return NULL;
  return g_steal_pointer (&folder);
}

gboolean
bs_history_page_export_pdf_to (BsHistoryPage  *self,
                               GFile          *file,
                               GError        **error)
{
  g_return_val_if_fail (BS_IS_HISTORY_PAGE (self), FALSE);

  return bs_history_pdf_write (bs_history_get_entries (bs_history_page_get_history (self)),
                               file, error);
}

/**
 * bs_history_page_import_from:
 * @n_added: (out) (optional): how many entries were new
 *
 * Merges an exported history: entries already here are left as they are.
 */
gboolean
bs_history_page_import_from (BsHistoryPage  *self,
                             GFile          *file,
                             guint          *n_added,
                             GError        **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (BS_IS_HISTORY_PAGE (self), FALSE);

  entries = bs_history_read_json_file (file, error);
  if (entries == NULL)
    return FALSE;
  return bs_history_import (bs_history_page_get_history (self), entries, n_added, error);
}

typedef enum
{
  CHOOSE_JSON,
  CHOOSE_CSV,
  CHOOSE_PDF,
  CHOOSE_IMPORT,
} Choice;

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     BsHistoryPage   *self)
{
  Choice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "choice"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_added = 0;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  switch (choice)
    {
    case CHOOSE_JSON:
      if (bs_history_page_export_json_to (self, file, &error))
        bs_history_page_say (self, _("History exported"));
      else
        bs_history_page_show_error (self, _("The History Was Not Exported"), error);
      break;
    case CHOOSE_CSV:
      written = bs_history_page_export_csv_into (self, file, &error);
      if (written != NULL)
        {
          g_autofree char *name = g_file_get_basename (written);
          /* Translators: %s is the name of the folder written */
          message = g_strdup_printf (_("Spreadsheets written to “%s”"), name);
          bs_history_page_say (self, message);
        }
      else
        bs_history_page_show_error (self, _("The History Was Not Exported"), error);
      break;
    case CHOOSE_PDF:
      if (bs_history_page_export_pdf_to (self, file, &error))
        bs_history_page_say (self, _("Summary saved"));
      else
        bs_history_page_show_error (self, _("The Summary Was Not Saved"), error);
      break;
    case CHOOSE_IMPORT:
      if (bs_history_page_import_from (self, file, &n_added, &error))
        {
          message = n_added == 0
            ? g_strdup (_("Nothing new: every entry is already here"))
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry imported",
                                            "%u entries imported", n_added), n_added);
          bs_history_page_say (self, message);
        }
      else
        bs_history_page_show_error (self, _("Nothing Was Imported"), error);
      break;
    default:
      g_assert_not_reached ();
    }

out:
  g_object_unref (chooser);
}

static void
choose (BsHistoryPage        *self,
        Choice                choice,
        GtkFileChooserAction  action,
        const char           *title,
        const char           *accept,
        const char           *suggested_name,
        const char           *pattern)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         action, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "choice", GINT_TO_POINTER (choice));
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  if (pattern != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_filter_set_name (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_json_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* Translators: the suggested file name of an export, as strftime */
  g_autofree char *name = dated_name (_("backstay-history-%Y-%m-%d.json"));

  choose (BS_HISTORY_PAGE (widget), CHOOSE_JSON, GTK_FILE_CHOOSER_ACTION_SAVE,
          _("Export History"), _("_Export"), name, NULL);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose (BS_HISTORY_PAGE (widget), CHOOSE_CSV, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          _("Choose Where to Put the Spreadsheets"), _("_Export Here"), NULL, NULL);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  /* Translators: the suggested file name of the summary, as strftime */
  g_autofree char *name = dated_name (_("backstay-summary-%Y-%m-%d.pdf"));

  choose (BS_HISTORY_PAGE (widget), CHOOSE_PDF, GTK_FILE_CHOOSER_ACTION_SAVE,
          _("Save Summary for a Physiotherapist"), _("_Save"), name, NULL);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose (BS_HISTORY_PAGE (widget), CHOOSE_IMPORT, GTK_FILE_CHOOSER_ACTION_OPEN,
          _("Import History"), _("_Import"), NULL, "*.json");
}

/* Called from class_init, so the actions are installed in the same order. */
void
bs_history_page_install_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "history.export-json", NULL, export_json_activated);
  gtk_widget_class_install_action (widget_class, "history.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "history.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "history.import", NULL, import_activated);
}
