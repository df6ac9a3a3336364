/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bs-error.h"
#include "bs-routine-editor-private.h"
#include "bs-routine-writer.h"

/*
 * Making or changing one of the person's own routines.
 *
 * The fields are the routine while it is edited.  On every change they are
 * made into a BsRoutine, written as a routine file and read back with the
 * loader, so what may be saved is exactly what the loader accepts, and the
 * message shown is the loader's own (it names the step and the rule).  The
 * line and column it gives lead back to the field at fault.  The total is
 * worked out from a schedule of the routine read back.
 *
 * Saving writes the file atomically (bs_routine_save()) and reloads the
 * library.  A new routine gets an id made from its name; an edited one
 * keeps its id and its file.
 */

/* In the order of the category list in the .ui. */
static const char * const categories[] = {
  BS_CATEGORY_STRETCH, BS_CATEGORY_STRENGTH, BS_CATEGORY_WARM_UP, BS_CATEGORY_TEST,
  BS_CATEGORY_OTHER,
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BsRoutineEditor, bs_routine_editor, ADW_TYPE_WINDOW)

static guint
spin_value (GtkSpinButton *spin)
{
  return (guint) gtk_spin_button_get_value_as_int (spin);
}

BsStepEditRow *
bs_routine_editor_step_row (BsRoutineEditor *self,
                            guint            index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, (int) index);

  return row != NULL ? BS_STEP_EDIT_ROW (row) : NULL;
}

guint
bs_routine_editor_get_n_steps (BsRoutineEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (BS_IS_ROUTINE_EDITOR (self), 0);

  while (bs_routine_editor_step_row (self, n) != NULL)
    n++;
  return n;
}

BsStepEditRow *
bs_routine_editor_get_step_row (BsRoutineEditor *self,
                                guint            index)
{
  g_return_val_if_fail (BS_IS_ROUTINE_EDITOR (self), NULL);
  return bs_routine_editor_step_row (self, index);
}

BsRoutine *
bs_routine_editor_build_routine (BsRoutineEditor *self,
                                 const char      *id)
{
  BsRoutine *routine = bs_routine_new (id, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  guint category = adw_combo_row_get_selected (self->category_row);

  if (description[0] != '\0')
    bs_routine_set_description (routine, description);
  if (category < G_N_ELEMENTS (categories))
    bs_routine_set_category (routine, categories[category]);

  if (self->base != NULL)
    {
      g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));

      bs_routine_set_scoring (routine, bs_routine_get_scoring (self->base));
      for (guint i = 0; i < bs_routine_get_n_forms (self->base); i++)
        bs_routine_add_form (routine, bs_routine_get_form_id (self->base, i),
                             bs_routine_get_form_name (self->base, i),
                             bs_routine_get_form_description (self->base, i));
      for (guint i = 0; i < bs_routine_get_n_levels (self->base); i++)
        {
          guint level = bs_routine_get_level (self->base, i);
          g_array_append_val (levels, level);
        }
      bs_routine_set_levels (routine, (const guint *) levels->data, levels->len);
      bs_routine_set_level_floor (routine, bs_routine_get_level_floor (self->base));
    }

  bs_routine_set_lead_in (routine, gtk_switch_get_active (self->lead_in_switch)
                                   ? (int) spin_value (self->lead_in_spin) : -1);
  bs_routine_set_rounds (routine, spin_value (self->rounds_spin));
  bs_routine_set_round_rest (routine, spin_value (self->round_rest_spin));

  for (guint i = 0; bs_routine_editor_step_row (self, i) != NULL; i++)
    {
      g_autoptr(BsStep) step = bs_step_edit_row_build_step (bs_routine_editor_step_row (self, i), routine);
      bs_routine_add_step (routine, step);
    }
  return routine;
}

/* ---- Checking (bs-routine-editor-check.c) and steps (bs-routine-editor-steps.c) ---- */

static void
on_changed (BsRoutineEditor *self)
{
  bs_routine_editor_refresh (self);
}

/* ---- Saving and closing (a new routine's id and file: bs-routine-editor-naming.c) ---- */

/**
 * bs_routine_editor_save:
 *
 * Saves the routine in the person's routines folder and reloads the
 * library.  Refused, with the loader's message, while a field is wrong.
 */
gboolean
bs_routine_editor_save (BsRoutineEditor  *self,
                        GError          **error)
{
  g_autofree char *id = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BsRoutine) routine = NULL;

  g_return_val_if_fail (BS_IS_ROUTINE_EDITOR (self), FALSE);

  if (self->problem != NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_INVALID, "%s", self->problem);
      return FALSE;
    }

  if (self->file != NULL)
    {
      id = g_strdup (self->id);
      file = g_object_ref (self->file);
    }
  else
    {
      id = bs_routine_editor_make_id (self->library,
                                      gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
      if (id == NULL)
        {
          g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                       _("There are too many routines with this name; choose another"));
          return FALSE;
        }
      file = bs_routine_editor_new_file (id, error);
      if (file == NULL)
        return FALSE;
    }

  routine = bs_routine_editor_build_routine (self, id);
  if (!bs_routine_save (routine, file, error))
    return FALSE;

  /* Saving again writes the same file. */
  g_free (self->id);
  self->id = g_strdup (id);
  g_set_object (&self->file, file);
  bs_routine_editor_refresh (self);
  g_free (self->saved_json);
  self->saved_json = g_strdup (self->json);

  if (!bs_routine_library_reload (self->library, error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

static void
show_error (BsRoutineEditor *self,
            const char      *heading,
            const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BsRoutineEditor *self = BS_ROUTINE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!bs_routine_editor_save (self, &error))
    {
      show_error (self, _("The Routine Was Not Saved"), error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     BsRoutineEditor  *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discarding = TRUE;
  /* The dialog outlives this handler; it must not point at a parent that
   * is gone by then. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
bs_routine_editor_close_request (GtkWindow *window)
{
  BsRoutineEditor *self = BS_ROUTINE_EDITOR (window);
  GtkWidget *dialog;

  if (self->discarding || !bs_routine_editor_has_changes (self))
    return GTK_WINDOW_CLASS (bs_routine_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("The changes to this routine have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- The object ---- */

static void
bs_routine_editor_dispose (GObject *object)
{
  BsRoutineEditor *self = BS_ROUTINE_EDITOR (object);

  self->problem_widget = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BS_TYPE_ROUTINE_EDITOR);
  g_clear_object (&self->library);
  g_clear_object (&self->base);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (bs_routine_editor_parent_class)->dispose (object);
}

static void
bs_routine_editor_finalize (GObject *object)
{
  BsRoutineEditor *self = BS_ROUTINE_EDITOR (object);

  g_free (self->id);
  g_free (self->json);
  g_free (self->saved_json);
  g_free (self->problem);

  G_OBJECT_CLASS (bs_routine_editor_parent_class)->finalize (object);
}

static void
bs_routine_editor_class_init (BsRoutineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bs_routine_editor_dispose;
  object_class->finalize = bs_routine_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = bs_routine_editor_close_request;

  /**
   * BsRoutineEditor::saved:
   * @id: the routine's id
   *
   * The routine was saved and the library reloaded.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (BS_TYPE_STEP_EDIT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-routine-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, lead_in_switch);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, lead_in_seconds_row);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, lead_in_spin);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, rounds_spin);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, round_rest_row);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, round_rest_spin);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, preview_label);
  gtk_widget_class_bind_template_child (widget_class, BsRoutineEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-step", NULL, bs_routine_editor_add_step_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
bs_routine_editor_init (BsRoutineEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
load_routine (BsRoutineEditor *self,
              BsRoutine       *routine,
              const char      *name)
{
  const char *description = bs_routine_get_description (routine);
  int lead_in = bs_routine_get_lead_in (routine);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description ? description : "");
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i], bs_routine_get_category (routine)))
      adw_combo_row_set_selected (self->category_row, i);
  gtk_switch_set_active (self->lead_in_switch, lead_in >= 0);
  if (lead_in >= 0)
    gtk_spin_button_set_value (self->lead_in_spin, lead_in);
  gtk_spin_button_set_value (self->rounds_spin, bs_routine_get_rounds (routine));
  gtk_spin_button_set_value (self->round_rest_spin, bs_routine_get_round_rest (routine));
  for (guint i = 0; i < bs_routine_get_n_steps (routine); i++)
    bs_routine_editor_append_step (self, bs_step_edit_row_new (bs_routine_get_step (routine, i)));
}

/* A routine of the editor's own, so that nothing it does reaches the
 * library's object: written out and read back, as a copy on disk would be. */
static BsRoutine *
copy_routine (BsRoutine *routine)
{
  g_autofree char *json = bs_routine_to_json (routine);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  BsRoutine *copy = bs_routine_new_from_bytes (bytes, CHECK_NAME, BS_ROUTINE_LOAD_NONE, &error);

  /* Whatever the library holds was loaded by the same loader. */
  if (copy == NULL)
    g_critical ("A routine does not read back: %s", error->message);
  return copy;
}

static BsRoutineEditor *
editor_new (BsRoutineLibrary *library)
{
  BsRoutineEditor *self = g_object_new (BS_TYPE_ROUTINE_EDITOR, NULL);

  self->library = g_object_ref (library);
  self->loading = TRUE;
  return self;
}

static void
finish_loading (BsRoutineEditor *self)
{
  self->loading = FALSE;
  bs_routine_editor_update_positions (self);
  bs_routine_editor_refresh (self);
  self->saved_json = g_strdup (self->json);
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

/**
 * bs_routine_editor_new:
 * @library: where the routine is saved
 * @routine: (nullable): one of the person's routines, or %NULL for a new
 *   one; a bundled routine is not edited but copied
 *   (bs_routine_editor_new_copy())
 */
BsRoutineEditor *
bs_routine_editor_new (BsRoutineLibrary *library,
                       BsRoutine        *routine)
{
  BsRoutineEditor *self;

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (library), NULL);
  g_return_val_if_fail (routine == NULL || BS_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (routine == NULL ||
                        !bs_routine_library_is_bundled (library, bs_routine_get_id (routine)),
                        NULL);

  self = editor_new (library);
  if (routine == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Routine"));
      adw_combo_row_set_selected (self->category_row, 0);
      bs_routine_editor_append_step (self, bs_step_edit_row_new (NULL));
    }
  else
    {
      GFile *file = bs_routine_library_get_user_file (library, bs_routine_get_id (routine));

      adw_window_title_set_title (self->window_title, _("Edit Routine"));
      self->base = copy_routine (routine);
      self->id = g_strdup (bs_routine_get_id (routine));
      /* Without its file (deleted meanwhile) it is saved as a new one. */
      if (file != NULL)
        self->file = g_object_ref (file);
      else
        g_clear_pointer (&self->id, g_free);
      if (self->base != NULL)
        load_routine (self, self->base, bs_routine_get_name (self->base));
    }
  finish_loading (self);
  return self;
}

/**
 * bs_routine_editor_new_copy:
 * @routine: any routine, bundled or not
 *
 * Opens a copy of @routine, named "… (copy)", as a new routine: nothing is
 * saved until the person saves it.
 */
BsRoutineEditor *
bs_routine_editor_new_copy (BsRoutineLibrary *library,
                            BsRoutine        *routine)
{
  BsRoutineEditor *self;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (BS_IS_ROUTINE_LIBRARY (library), NULL);
  g_return_val_if_fail (BS_IS_ROUTINE (routine), NULL);

  self = editor_new (library);
  self->base = copy_routine (routine);
  /* Translators: the name of a copy of a routine, "Daily stretches (copy)" */
  name = g_strdup_printf (_("%s (copy)"), bs_routine_get_name (routine));
  /* Translators: under the editor's title, "A copy of “Daily stretches”" */
  subtitle = g_strdup_printf (_("A copy of “%s”"), bs_routine_get_name (routine));
  adw_window_title_set_title (self->window_title, _("New Routine"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (self->base != NULL)
    load_routine (self, self->base, name);
  finish_loading (self);
  return self;
}

/**
 * bs_routine_editor_get_saved_id:
 *
 * Returns: (nullable): the routine's id once saved, or the id of the
 *   routine being edited
 */
const char *
bs_routine_editor_get_saved_id (BsRoutineEditor *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_EDITOR (self), NULL);
  return self->file != NULL ? self->id : NULL;
}

gboolean
bs_routine_editor_is_valid (BsRoutineEditor *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_EDITOR (self), FALSE);
  return self->problem == NULL;
}

/**
 * bs_routine_editor_get_problem:
 *
 * Returns: (nullable): what keeps the routine from being saved, as shown
 */
const char *
bs_routine_editor_get_problem (BsRoutineEditor *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_EDITOR (self), NULL);
  return self->problem;
}

/**
 * bs_routine_editor_has_changes:
 *
 * Returns: %TRUE if the fields differ from the routine as opened or last
 *   saved
 */
gboolean
bs_routine_editor_has_changes (BsRoutineEditor *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE_EDITOR (self), FALSE);
  return g_strcmp0 (self->json, self->saved_json) != 0;
}
