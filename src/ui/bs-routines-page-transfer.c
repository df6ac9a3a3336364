/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-routines-page-private.h"

/*
 * Routine files in and out of the routines page: export behind a file
 * chooser, and import, which refuses a file that does not load with the
 * loader's message and asks what to do when the routine's id is taken.
 */

/* ---- Export ---- */

gboolean
bs_routines_page_export_to (BsRoutinesPage  *self,
                            const char      *id,
                            GFile           *file,
                            GError         **error)
{
  g_return_val_if_fail (BS_IS_ROUTINES_PAGE (self), FALSE);
  g_return_val_if_fail (bs_routines_page_get_library (self) != NULL, FALSE);

  return bs_routine_export (bs_routines_page_get_library (self), id, file, error);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    BsRoutinesPage  *self)
{
  const char *id = g_object_get_data (G_OBJECT (chooser), "id");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (bs_routines_page_export_to (self, id, file, &error))
        bs_routines_page_say (self, _("Routine exported"));
      else
        bs_routines_page_show_error (self, _("The Routine Was Not Exported"), error);
    }
  g_object_unref (chooser);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BsRoutinesPage *self = BS_ROUTINES_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strconcat (id, BS_ROUTINE_FILE_SUFFIX, NULL);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Routine"), bs_routines_page_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "id", g_strdup (id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Import ---- */

/**
 * bs_routines_page_import_file:
 * @action_if_conflict: what to do if the routine's id is taken, as the
 *   person would answer the question bs_routines_page_import() asks
 *
 * Imports a routine file without asking.
 *
 * Returns: (transfer full) (nullable): the id the routine was saved under,
 *   or %NULL with the loader's message (naming the file, line and column)
 *   and nothing written
 */
char *
bs_routines_page_import_file (BsRoutinesPage  *self,
                              GFile           *file,
                              BsImportAction   action_if_conflict,
                              GError         **error)
{
  g_autoptr(BsRoutineImport) import = NULL;

  g_return_val_if_fail (BS_IS_ROUTINES_PAGE (self), NULL);
  g_return_val_if_fail (bs_routines_page_get_library (self) != NULL, NULL);

  import = bs_routine_import_prepare (bs_routines_page_get_library (self), file, error);
  if (import == NULL || !bs_routine_import_commit (import, action_if_conflict, error))
    return NULL;
  return g_strdup (bs_routine_import_get_saved_id (import));
}

static void
commit_import (BsRoutinesPage  *self,
               BsRoutineImport *import,
               BsImportAction   action)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  BsRoutine *saved;

  if (!bs_routine_import_commit (import, action, &error))
    {
      bs_routines_page_show_error (self, _("The Routine Was Not Imported"), error);
      return;
    }
  saved = bs_routine_library_lookup (bs_routines_page_get_library (self),
                                     bs_routine_import_get_saved_id (import));
  /* Translators: %s is the name of the routine imported */
  message = g_strdup_printf (_("“%s” imported"),
                             bs_routine_get_name (saved != NULL ? saved
                                                                : bs_routine_import_get_routine (import)));
  bs_routines_page_say (self, message);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      BsRoutinesPage   *self)
{
  BsRoutineImport *import = g_object_get_data (G_OBJECT (dialog), "import");

  if (g_strcmp0 (response, "replace") == 0)
    commit_import (self, import, BS_IMPORT_ACTION_REPLACE);
  else if (g_strcmp0 (response, "keep-both") == 0)
    commit_import (self, import, BS_IMPORT_ACTION_KEEP_BOTH);
}

static void
ask_about_conflict (BsRoutinesPage  *self,
                    BsRoutineImport *import)
{
  BsRoutine *existing = bs_routine_import_get_conflict (import);
  gboolean bundled = bs_routine_import_conflict_is_bundled (import);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (bs_routines_page_parent_window (self),
                                   _("This Routine Is Already Here"), NULL);
  if (bundled)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The file is a version of “%s”, which comes with Backstay "
                                      "and cannot be replaced. It can be kept beside it under "
                                      "a new name."),
                                    bs_routine_get_name (existing));
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The file is a version of your routine “%s”. Replace "
                                      "yours with it, or keep both under different names?"),
                                    bs_routine_get_name (existing));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "keep-both", _("_Keep Both"));
  if (!bundled)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "replace", _("_Replace"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep-both");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "import", g_object_ref (import), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * bs_routines_page_import:
 *
 * Imports a routine file as the person does from the menu: a file that
 * does not load is refused in a dialog with the loader's message, and a
 * routine whose id is taken asks whether to replace or keep both.
 */
void
bs_routines_page_import (BsRoutinesPage *self,
                         GFile          *file)
{
  g_autoptr(BsRoutineImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BS_IS_ROUTINES_PAGE (self));
  g_return_if_fail (bs_routines_page_get_library (self) != NULL);

  import = bs_routine_import_prepare (bs_routines_page_get_library (self), file, &error);
  if (import == NULL)
    bs_routines_page_show_error (self, _("The Routine Was Not Imported"), error);
  else if (bs_routine_import_get_conflict (import) != NULL)
    ask_about_conflict (self, import);
  else
    commit_import (self, import, BS_IMPORT_ACTION_KEEP_BOTH);
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    BsRoutinesPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      bs_routines_page_import (self, file);
    }
  g_object_unref (chooser);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BsRoutinesPage *self = BS_ROUTINES_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Routine"), bs_routines_page_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_set_name (filter, _("Routine files"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Called from class_init between the other actions, so the order they are
 * installed in stays as it was. */
void
bs_routines_page_install_transfer_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "routines.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "routines.import", NULL, import_activated);
}
