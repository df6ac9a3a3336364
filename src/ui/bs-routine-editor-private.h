/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-routine-editor.h"

G_BEGIN_DECLS

/* Shared by the editor's files: the widget (bs-routine-editor.c), checking
 * (-check.c), the list of steps (-steps.c) and a new routine's id and file
 * (-naming.c). */

/* The name given to the loader for the text the editor checks; it begins
 * every message and is cut off before one is shown. */
#define CHECK_NAME "routine"
/* What a routine is called while it has no id yet. */
#define CHECK_ID "new-routine"

struct _BsRoutineEditor
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwEntryRow *name_row;
  AdwEntryRow *description_row;
  AdwComboRow *category_row;
  GtkSwitch *lead_in_switch;
  AdwActionRow *lead_in_seconds_row;
  GtkSpinButton *lead_in_spin;
  GtkSpinButton *rounds_spin;
  AdwActionRow *round_rest_row;
  GtkSpinButton *round_rest_spin;
  GtkListBox *steps_list;
  GtkLabel *preview_label;
  GtkLabel *problem_label;

  BsRoutineLibrary *library;
  /* What the editor does not show (forms, levels, scoring) comes from here. */
  BsRoutine *base;
  char *id;      /* NULL until a new routine is saved */
  GFile *file;   /* where it is saved; NULL likewise */
  char *json;    /* the routine as the fields say, as a file */
  char *saved_json;
  char *problem;
  GtkWidget *problem_widget;
  gboolean loading;
  gboolean discarding;
};

BsStepEditRow *bs_routine_editor_step_row           (BsRoutineEditor  *self,
                                                     guint             index);
BsRoutine     *bs_routine_editor_build_routine      (BsRoutineEditor  *self,
                                                     const char       *id);
void           bs_routine_editor_refresh            (BsRoutineEditor  *self);
void           bs_routine_editor_update_positions   (BsRoutineEditor  *self);
void           bs_routine_editor_append_step        (BsRoutineEditor  *self,
                                                     BsStepEditRow    *row);
void           bs_routine_editor_add_step_activated (GtkWidget        *widget,
                                                     const char       *action_name,
                                                     GVariant         *parameter);
GFile         *bs_routine_editor_new_file           (const char       *id,
                                                     GError          **error);

G_END_DECLS
