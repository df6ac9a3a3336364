/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include "bs-routine-editor-private.h"

/*
 * The editor's list of steps: adding, moving and removing rows, with the
 * keyboard focus kept where the person expects it, and a new check after
 * each change.
 */

void
bs_routine_editor_update_positions (BsRoutineEditor *self)
{
  guint n = bs_routine_editor_get_n_steps (self);

  for (guint i = 0; i < n; i++)
    bs_step_edit_row_set_can_move (bs_routine_editor_step_row (self, i), i > 0, i + 1 < n);
}

static void
on_step_move (BsStepEditRow   *row,
              int              offset,
              BsRoutineEditor *self)
{
  int n = (int) bs_routine_editor_get_n_steps (self);
  int from = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int to = CLAMP (from + offset, 0, n - 1);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean focus_inside = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row));

  if (from < 0 || to == from)
    return;

  g_object_ref (row);
  if (focus_inside)
    g_object_ref (focus);
  gtk_list_box_remove (self->steps_list, GTK_WIDGET (row));
  gtk_list_box_insert (self->steps_list, GTK_WIDGET (row), to);
  bs_routine_editor_update_positions (self);
  /* The keyboard stays on the button pressed, so it can be pressed again;
   * at the top or bottom that button is off, and the row takes it. */
  if (focus_inside)
    {
      if (!gtk_widget_grab_focus (focus))
        gtk_widget_grab_focus (GTK_WIDGET (row));
      g_object_unref (focus);
    }
  g_object_unref (row);
  bs_routine_editor_refresh (self);
}

static void
on_step_remove (BsStepEditRow   *row,
                BsRoutineEditor *self)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkListBoxRow *next;

  gtk_list_box_remove (self->steps_list, GTK_WIDGET (row));
  bs_routine_editor_update_positions (self);
  bs_routine_editor_refresh (self);

  /* The keyboard goes on to the step that took its place, or the one
   * before it at the end. */
  next = gtk_list_box_get_row_at_index (self->steps_list, index);
  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (self->steps_list, index - 1);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));
}

void
bs_routine_editor_append_step (BsRoutineEditor *self,
                               BsStepEditRow   *row)
{
  g_signal_connect_object (row, "changed", G_CALLBACK (bs_routine_editor_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move", G_CALLBACK (on_step_move), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_step_remove), self, 0);
  gtk_list_box_append (self->steps_list, GTK_WIDGET (row));
}

/**
 * bs_routine_editor_add_step:
 *
 * Adds a 30-second hold at the end, opened, with the cursor in its name.
 *
 * Returns: (transfer none): its row
 */
BsStepEditRow *
bs_routine_editor_add_step (BsRoutineEditor *self)
{
  BsStepEditRow *row;

  g_return_val_if_fail (BS_IS_ROUTINE_EDITOR (self), NULL);

  row = bs_step_edit_row_new (NULL);
  bs_routine_editor_append_step (self, row);
  bs_routine_editor_update_positions (self);
  bs_routine_editor_refresh (self);
  bs_step_edit_row_focus_name (row);
  return row;
}

void
bs_routine_editor_add_step_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  bs_routine_editor_add_step (BS_ROUTINE_EDITOR (widget));
}
