/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-format.h"
#include "bs-gtk-compat.h"
#include "bs-routines-page-private.h"
#include "bs-schedule.h"

/*
 * Every routine the app knows: the person's own first, then the ones that
 * come with Backstay, which cannot be changed but can be duplicated.  Each
 * can be started, exported and duplicated; the person's own can be edited
 * and deleted (with an undo).  Routines come in by import, and a file in
 * the routines folder that does not load is listed with the loader's
 * message, never left out silently.
 *
 * The rows are made again whenever the library changes: a reload replaces
 * the person's routines, and there are few.
 */
struct _BsRoutinesPage
{
  GtkWidget parent_instance;

  GtkButton *back_button;
  GtkMenuButton *menu_button;
  AdwPreferencesGroup *errors_group;
  GtkButton *reload_button;
  AdwPreferencesGroup *user_group;
  AdwPreferencesGroup *bundled_group;

  BsRoutineLibrary *library;
  GPtrArray *rows; /* (group, row) pairs shown, to remove them */
  AdwToast *last_toast;
  guint rebuild_source;
};

G_DEFINE_FINAL_TYPE (BsRoutinesPage, bs_routines_page, GTK_TYPE_WIDGET)

/* A new toast of the page's takes the place of its last one.  (It also
 * keeps libadwaita 1.2 from queueing the last one again behind an urgent
 * one while it is still on screen, which it cannot do.) */
static void
toast (BsRoutinesPage *self,
       AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
bs_routines_page_say (BsRoutinesPage *self,
                      const char     *text)
{
  toast (self, adw_toast_new (text));
}

GtkWindow *
bs_routines_page_parent_window (BsRoutinesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
bs_routines_page_show_error (BsRoutinesPage *self,
                             const char     *heading,
                             const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (bs_routines_page_parent_window (self),
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The rows ---- */

static char *
describe (BsRoutine *routine)
{
  const char *category = bs_routine_category_to_label (bs_routine_get_category (routine));
  g_autoptr(BsSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *length = NULL;

  schedule = bs_schedule_new (routine, NULL, bs_routine_get_level (routine, 0),
                              BS_SCHEDULE_DEFAULT_LEAD_IN, &error);
  if (schedule == NULL)
    {
      /* Only a routine the loader accepted is listed; this is a bug. */
      g_critical ("No schedule for “%s”: %s", bs_routine_get_id (routine), error->message);
      return g_strdup (category);
    }
  length = bs_format_clock (bs_schedule_get_total_seconds (schedule));
  if (bs_schedule_has_open_ended (schedule))
    /* Translators: a routine's category and length: "Stretching · 12:40 plus
     * counted sets at your pace" */
    return g_strdup_printf (_("%s · %s plus counted sets at your pace"), category, length);
  /* Translators: a routine's category and length: "Stretching · 12:40" */
  return g_strdup_printf (_("%s · %s"), category, length);
}

static GMenuModel *
row_menu (const char *id,
          gboolean    own)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) main_section = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  if (own)
    {
      item = g_menu_item_new (_("_Edit…"), NULL);
      g_menu_item_set_action_and_target (item, "routines.edit", "s", id);
      g_menu_append_item (main_section, item);
      g_clear_object (&item);
    }
  item = g_menu_item_new (_("_Duplicate…"), NULL);
  g_menu_item_set_action_and_target (item, "routines.duplicate", "s", id);
  g_menu_append_item (main_section, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("E_xport…"), NULL);
  g_menu_item_set_action_and_target (item, "routines.export", "s", id);
  g_menu_append_item (main_section, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (main_section));

  if (own)
    {
      item = g_menu_item_new (_("_Delete"), NULL);
      g_menu_item_set_action_and_target (item, "routines.delete", "s", id);
      g_menu_append_item (delete_section, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));
    }
  return G_MENU_MODEL (menu);
}

static GtkWidget *
routine_row (BsRoutinesPage *self,
             BsRoutine      *routine,
             gboolean        own)
{
  const char *id = bs_routine_get_id (routine);
  const char *name = bs_routine_get_name (routine);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *start = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  GtkWidget *more = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = row_menu (id, own);
  g_autofree char *subtitle = describe (routine);
  g_autofree char *start_label = NULL;
  g_autofree char *more_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: the accessible name of a button, "Start Daily stretches" */
  start_label = g_strdup_printf (_("Start %s"), name);
  gtk_widget_set_valign (start, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (start, _("Start"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  start_label, -1);
  gtk_widget_add_css_class (start, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "window.start-routine");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (start), "(ssu)", id, "", 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), start);

  /* Translators: the accessible name of a menu button, "More for Daily stretches" */
  more_label = g_strdup_printf (_("More for %s"), name);
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), menu);
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_widget_add_css_class (more, "flat");
  bs_menu_button_set_accessible_label (GTK_MENU_BUTTON (more), more_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);
  return row;
}

static void
add_row (BsRoutinesPage      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (BsRoutinesPage *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_load_errors (BsRoutinesPage *self)
{
  GPtrArray *errors = bs_routine_library_get_load_errors (self->library);
  g_autoptr(GFile) dir = bs_routine_library_get_user_dir ();
  g_autofree char *where = g_file_get_parse_name (dir);
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), errors->len > 0);
  if (errors->len == 0)
    return;

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "This file in %s is not listed. Backstay does not "
                                              "change it: fix it in a text editor, or move it away.",
                                              "These files in %s are not listed. Backstay does not "
                                              "change them: fix them in a text editor, or move them away.",
                                              errors->len), where);
  adw_preferences_group_set_description (self->errors_group, description);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      add_row (self, self->errors_group, row);
    }
}

static void
rebuild (BsRoutinesPage *self)
{
  GListModel *model;
  guint n_own = 0;

  clear_rows (self);
  if (self->library == NULL)
    return;

  model = bs_routine_library_get_model (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BsRoutine) routine = g_list_model_get_item (model, i);
      gboolean own = !bs_routine_library_is_bundled (self->library, bs_routine_get_id (routine));

      add_row (self, own ? self->user_group : self->bundled_group, routine_row (self, routine, own));
      n_own += own;
    }

  if (n_own == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Make a new one, duplicate one of those below, or import a file."));
      add_row (self, self->user_group, row);
    }
  show_load_errors (self);
}

static gboolean
rebuild_when_idle (gpointer data)
{
  BsRoutinesPage *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* The library tells of a reload before it has kept the reload's errors,
 * so the rows are made again once it is done. */
static void
on_items_changed (BsRoutinesPage *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_when_idle, self);
}

/* ---- Editing ---- */

static void
on_editor_saved (BsRoutineEditor *editor,
                 const char      *id,
                 BsRoutinesPage  *self)
{
  bs_routines_page_say (self, _("Routine saved"));
}

static BsRoutineEditor *
present_editor (BsRoutinesPage  *self,
                BsRoutineEditor *editor)
{
  gtk_window_set_transient_for (GTK_WINDOW (editor), bs_routines_page_parent_window (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/**
 * bs_routines_page_edit:
 * @id: (nullable): one of the person's routines, or %NULL for a new one
 *
 * Returns: (transfer none) (nullable): the editor opened, or %NULL if there
 *   is no such routine of the person's
 */
BsRoutineEditor *
bs_routines_page_edit (BsRoutinesPage *self,
                       const char     *id)
{
  BsRoutine *routine = NULL;

  g_return_val_if_fail (BS_IS_ROUTINES_PAGE (self), NULL);
  g_return_val_if_fail (self->library != NULL, NULL);

  if (id != NULL)
    {
      routine = bs_routine_library_lookup (self->library, id);
      if (routine == NULL || bs_routine_library_is_bundled (self->library, id))
        return NULL;
    }
  return present_editor (self, bs_routine_editor_new (self->library, routine));
}

/**
 * bs_routines_page_duplicate:
 *
 * Opens a copy of routine @id in the editor, not yet saved.
 *
 * Returns: (transfer none) (nullable): the editor, or %NULL if there is no
 *   routine @id
 */
BsRoutineEditor *
bs_routines_page_duplicate (BsRoutinesPage *self,
                            const char     *id)
{
  BsRoutine *routine;

  g_return_val_if_fail (BS_IS_ROUTINES_PAGE (self), NULL);
  g_return_val_if_fail (self->library != NULL, NULL);

  routine = bs_routine_library_lookup (self->library, id);
  if (routine == NULL)
    return NULL;
  return present_editor (self, bs_routine_editor_new_copy (self->library, routine));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bs_routines_page_edit (BS_ROUTINES_PAGE (widget), NULL);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  bs_routines_page_edit (BS_ROUTINES_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  bs_routines_page_duplicate (BS_ROUTINES_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* ---- Deleting ---- */

static void
on_undo_delete (AdwToast       *undo,
                BsRoutinesPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (undo), "id");
  GBytes *contents = g_object_get_data (G_OBJECT (undo), "contents");
  g_autoptr(GError) error = NULL;

  if (self->library == NULL)
    return;
  if (!bs_routine_library_restore (self->library, id, contents, &error))
    bs_routines_page_show_error (self, _("The Routine Could Not Be Put Back"), error);
}

/**
 * bs_routines_page_delete:
 *
 * Deletes the person's routine @id and offers to undo it in a toast.
 */
gboolean
bs_routines_page_delete (BsRoutinesPage  *self,
                         const char      *id,
                         GError         **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  BsRoutine *routine;
  AdwToast *undo;

  g_return_val_if_fail (BS_IS_ROUTINES_PAGE (self), FALSE);
  g_return_val_if_fail (self->library != NULL, FALSE);

  routine = bs_routine_library_lookup (self->library, id);
  name = g_strdup (routine != NULL ? bs_routine_get_name (routine) : id);
  if (!bs_routine_library_delete (self->library, id, &contents, error))
    return FALSE;

  /* Translators: %s is the name of the routine deleted */
  message = g_strdup_printf (_("“%s” deleted"), name);
  undo = adw_toast_new (message);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (undo), "id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (undo), "contents", g_steal_pointer (&contents),
                          (GDestroyNotify) g_bytes_unref);
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  toast (self, undo);
  return TRUE;
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BsRoutinesPage *self = BS_ROUTINES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!bs_routines_page_delete (self, g_variant_get_string (parameter, NULL), &error))
    bs_routines_page_show_error (self, _("The Routine Was Not Deleted"), error);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BsRoutinesPage *self = BS_ROUTINES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  /* A folder that cannot be read is listed with the load errors too. */
  if (self->library != NULL && !bs_routine_library_reload (self->library, &error))
    g_debug ("Routines not reloaded: %s", error->message);
}

/* ---- The page (export and import are in bs-routines-page-transfer.c) ---- */

static void
update_actions (BsRoutinesPage *self)
{
  static const char * const actions[] = {
    "routines.new", "routines.edit", "routines.duplicate", "routines.delete",
    "routines.export", "routines.import", "routines.reload",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->library != NULL);
}

void
bs_routines_page_set_library (BsRoutinesPage   *self,
                              BsRoutineLibrary *library)
{
  g_return_if_fail (BS_IS_ROUTINES_PAGE (self));
  g_return_if_fail (library == NULL || BS_IS_ROUTINE_LIBRARY (library));

  if (self->library == library)
    return;
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (bs_routine_library_get_model (self->library), self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (bs_routine_library_get_model (library), "items-changed",
                             G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  update_actions (self);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  rebuild (self);
}

BsRoutineLibrary *
bs_routines_page_get_library (BsRoutinesPage *self)
{
  g_return_val_if_fail (BS_IS_ROUTINES_PAGE (self), NULL);
  return self->library;
}

static void
bs_routines_page_dispose (GObject *object)
{
  BsRoutinesPage *self = BS_ROUTINES_PAGE (object);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (bs_routine_library_get_model (self->library), self);
  g_clear_object (&self->library);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_weak_pointer (&self->last_toast);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BS_TYPE_ROUTINES_PAGE);
  /* The template's unnamed top-level box is not one of its bound children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bs_routines_page_parent_class)->dispose (object);
}

/* The page itself takes no focus: its first control does. */
static gboolean
bs_routines_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BS_ROUTINES_PAGE (widget)->back_button));
}

static void
bs_routines_page_class_init (BsRoutinesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_routines_page_dispose;
  widget_class->grab_focus = bs_routines_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-routines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BsRoutinesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BsRoutinesPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BsRoutinesPage, errors_group);
  gtk_widget_class_bind_template_child (widget_class, BsRoutinesPage, reload_button);
  gtk_widget_class_bind_template_child (widget_class, BsRoutinesPage, user_group);
  gtk_widget_class_bind_template_child (widget_class, BsRoutinesPage, bundled_group);

  gtk_widget_class_install_action (widget_class, "routines.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "routines.edit", "s", edit_activated);
  gtk_widget_class_install_action (widget_class, "routines.duplicate", "s", duplicate_activated);
  gtk_widget_class_install_action (widget_class, "routines.delete", "s", delete_activated);
  bs_routines_page_install_transfer_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "routines.reload", NULL, reload_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "routines.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "routines.import", NULL);
}

static void
bs_routines_page_init (BsRoutinesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  bs_menu_button_set_accessible_label (self->menu_button, _("More"));
  update_actions (self);
}
