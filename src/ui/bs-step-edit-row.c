/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-step-edit-row.h"

/*
 * One step of a routine in the editor: a row that shows the step's name
 * and a short summary, and opens to the fields of the step's kind (only
 * those: a rest has no sets, a hold has no repetitions).
 *
 * The row holds no step of its own while it is edited; the editor asks it
 * for a new BsStep on every change and validates the whole routine.  What
 * the editor does not show (the picture, a form's own hold) is carried
 * over from the step the row was made from.
 *
 * It is moved with its buttons or dragged by its handle; either way it
 * only asks, with ::move, and the editor moves it.
 */
struct _BsStepEditRow
{
  AdwExpanderRow parent_instance;

  GtkWidget *drag_handle;
  GtkWidget *problem_icon;
  AdwComboRow *kind_row;
  AdwEntryRow *name_row;
  AdwEntryRow *instruction_row;
  AdwComboRow *side_row;
  AdwActionRow *seconds_row;
  GtkSpinButton *seconds_spin;
  AdwComboRow *first_side_row;
  AdwActionRow *switch_row;
  GtkSpinButton *switch_spin;
  AdwActionRow *reps_row;
  GtkSpinButton *reps_spin;
  AdwActionRow *until_done_row;
  GtkSwitch *until_done_switch;
  AdwActionRow *pace_row;
  GtkSpinButton *pace_spin;
  AdwActionRow *sets_row;
  GtkSpinButton *sets_spin;
  AdwActionRow *set_rest_row;
  GtkSpinButton *set_rest_spin;
  AdwActionRow *rest_after_row;
  GtkSpinButton *rest_after_spin;
  GtkButton *up_button;
  GtkButton *down_button;

  BsStep *original;
  GtkWidget *problem_widget;
  double drag_x;
  double drag_y;
  gboolean loading;
};

enum
{
  CHANGED,
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BsStepEditRow, bs_step_edit_row, ADW_TYPE_EXPANDER_ROW)

/* The side combo lists "neither" first, as BsSide does; the first-side
 * combo lists right first, the format's default. */
static BsSide
first_side_from_index (guint index)
{
  return index == 1 ? BS_SIDE_LEFT : BS_SIDE_RIGHT;
}

static BsStepKind
selected_kind (BsStepEditRow *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected <= BS_STEP_REST ? (BsStepKind) selected : BS_STEP_HOLD;
}

static guint
spin_value (GtkSpinButton *spin)
{
  return (guint) gtk_spin_button_get_value_as_int (spin);
}

static const char *
kind_label (BsStepKind kind)
{
  switch (kind)
    {
    case BS_STEP_PER_SIDE:
      return C_("step kind", "Per side");
    case BS_STEP_COUNTED:
      return C_("step kind", "Counted");
    case BS_STEP_REST:
      return C_("step kind", "Rest");
    case BS_STEP_HOLD:
    default:
      return C_("step kind", "Hold");
    }
}

/* A spin button inside a row is named by the row, for screen readers. */
static void
name_after_row (GtkWidget *control,
                gpointer   row)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
}

static void
update_summary (BsStepEditRow *self)
{
  BsStepKind kind = selected_kind (self);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  guint sets = spin_value (self->sets_spin);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 name[0] != '\0' ? name : _("Unnamed step"));

  g_ptr_array_add (parts, g_strdup (kind_label (kind)));
  if (kind == BS_STEP_COUNTED)
    {
      guint reps = spin_value (self->reps_spin);

      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u rep", "%u reps", reps), reps));
      if (gtk_switch_get_active (self->until_done_switch))
        g_ptr_array_add (parts, g_strdup (_("at your own pace")));
      else
        /* Translators: the pace of a counted step, "4 s each" */
        g_ptr_array_add (parts, g_strdup_printf (_("%u s each"), spin_value (self->pace_spin)));
    }
  else
    {
      /* Translators: a step's length in seconds, "30 s" */
      g_ptr_array_add (parts, g_strdup_printf (_("%u s"), spin_value (self->seconds_spin)));
    }
  if (kind == BS_STEP_HOLD && adw_combo_row_get_selected (self->side_row) == BS_SIDE_LEFT)
    g_ptr_array_add (parts, g_strdup (C_("side of a hold", "Left")));
  else if (kind == BS_STEP_HOLD && adw_combo_row_get_selected (self->side_row) == BS_SIDE_RIGHT)
    g_ptr_array_add (parts, g_strdup (C_("side of a hold", "Right")));
  if (kind != BS_STEP_REST && sets > 1)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u set", "%u sets", sets), sets));
  g_ptr_array_add (parts, NULL);

  /* A list of facts, not a sentence: "Per side · 30 s · 5 sets". */
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
update_visible_fields (BsStepEditRow *self)
{
  BsStepKind kind = selected_kind (self);
  gboolean counted = kind == BS_STEP_COUNTED;

  gtk_widget_set_visible (GTK_WIDGET (self->side_row), kind == BS_STEP_HOLD);
  gtk_widget_set_visible (GTK_WIDGET (self->seconds_row), !counted);
  gtk_widget_set_visible (GTK_WIDGET (self->first_side_row), kind == BS_STEP_PER_SIDE);
  gtk_widget_set_visible (GTK_WIDGET (self->switch_row), kind == BS_STEP_PER_SIDE);
  gtk_widget_set_visible (GTK_WIDGET (self->reps_row), counted);
  gtk_widget_set_visible (GTK_WIDGET (self->until_done_row), counted);
  gtk_widget_set_visible (GTK_WIDGET (self->pace_row),
                          counted && !gtk_switch_get_active (self->until_done_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->sets_row), kind != BS_STEP_REST);
  gtk_widget_set_visible (GTK_WIDGET (self->set_rest_row), kind != BS_STEP_REST);
  gtk_widget_set_visible (GTK_WIDGET (self->rest_after_row), kind != BS_STEP_REST);
  /* A rest between sets only means something with two sets or more. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->set_rest_row), spin_value (self->sets_spin) > 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->seconds_row),
                                 kind == BS_STEP_PER_SIDE ? _("Seconds on Each Side")
                                                          : _("Seconds"));
  name_after_row (GTK_WIDGET (self->seconds_spin), self->seconds_row);
}

static void
on_field_changed (BsStepEditRow *self)
{
  if (self->loading)
    return;
  update_summary (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_kind_changed (BsStepEditRow *self)
{
  update_visible_fields (self);
  on_field_changed (self);
}

static void
on_up_clicked (BsStepEditRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
on_down_clicked (BsStepEditRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
on_remove_clicked (BsStepEditRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* ---- Dragging ---- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 BsStepEditRow *self)
{
  /* The picture dragged is the row, held where the handle was grabbed. */
  if (!gtk_widget_translate_coordinates (self->drag_handle, GTK_WIDGET (self), x, y,
                                         &self->drag_x, &self->drag_y))
    self->drag_x = self->drag_y = 0;
  return gdk_content_provider_new_typed (BS_TYPE_STEP_EDIT_ROW, self);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               BsStepEditRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, (int) self->drag_x, (int) self->drag_y);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BsStepEditRow *self)
{
  BsStepEditRow *dragged = g_value_get_object (value);
  int from, to;

  if (!BS_IS_STEP_EDIT_ROW (dragged) || dragged == self ||
      gtk_widget_get_parent (GTK_WIDGET (dragged)) != gtk_widget_get_parent (GTK_WIDGET (self)))
    return FALSE;
  from = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (dragged));
  to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
  if (from < 0 || to < 0)
    return FALSE;
  g_signal_emit (dragged, signals[MOVE], 0, to - from);
  return TRUE;
}

/* ---- The object ---- */

static void
bs_step_edit_row_dispose (GObject *object)
{
  BsStepEditRow *self = BS_STEP_EDIT_ROW (object);

  g_clear_object (&self->original);
  self->problem_widget = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BS_TYPE_STEP_EDIT_ROW);

  G_OBJECT_CLASS (bs_step_edit_row_parent_class)->dispose (object);
}

static void
bs_step_edit_row_class_init (BsStepEditRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_step_edit_row_dispose;

  /**
   * BsStepEditRow::changed:
   *
   * A field of the step was changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * BsStepEditRow::move:
   * @offset: how many places to move: negative is up
   *
   * The person asked to move the step.
   */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * BsStepEditRow::remove:
   *
   * The person asked to remove the step.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-step-edit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, drag_handle);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, problem_icon);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, instruction_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, side_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, seconds_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, seconds_spin);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, first_side_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, switch_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, switch_spin);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, reps_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, reps_spin);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, until_done_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, until_done_switch);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, pace_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, pace_spin);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, sets_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, sets_spin);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, set_rest_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, set_rest_spin);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, rest_after_row);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, rest_after_spin);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, BsStepEditRow, down_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
bs_step_edit_row_init (BsStepEditRow *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  name_after_row (GTK_WIDGET (self->seconds_spin), self->seconds_row);
  name_after_row (GTK_WIDGET (self->switch_spin), self->switch_row);
  name_after_row (GTK_WIDGET (self->reps_spin), self->reps_row);
  name_after_row (GTK_WIDGET (self->until_done_switch), self->until_done_row);
  name_after_row (GTK_WIDGET (self->pace_spin), self->pace_row);
  name_after_row (GTK_WIDGET (self->sets_spin), self->sets_row);
  name_after_row (GTK_WIDGET (self->set_rest_spin), self->set_rest_row);
  name_after_row (GTK_WIDGET (self->rest_after_spin), self->rest_after_row);

  gtk_widget_set_cursor_from_name (self->drag_handle, "grab");
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (self->drag_handle, GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (BS_TYPE_STEP_EDIT_ROW, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
load_step (BsStepEditRow *self,
           BsStep        *step)
{
  BsStepKind kind = bs_step_get_kind (step);
  const char *instruction = bs_step_get_instruction (step);

  adw_combo_row_set_selected (self->kind_row, kind);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), bs_step_get_name (step));
  gtk_editable_set_text (GTK_EDITABLE (self->instruction_row), instruction ? instruction : "");
  adw_combo_row_set_selected (self->side_row, bs_step_get_side (step));
  /* A counted step has no seconds; the field keeps its default for when
   * the kind is changed. */
  if (kind != BS_STEP_COUNTED)
    gtk_spin_button_set_value (self->seconds_spin, bs_step_get_seconds (step));
  adw_combo_row_set_selected (self->first_side_row,
                              bs_step_get_first_side (step) == BS_SIDE_LEFT ? 1 : 0);
  gtk_spin_button_set_value (self->switch_spin, bs_step_get_switch_seconds (step));
  if (kind == BS_STEP_COUNTED)
    {
      gtk_spin_button_set_value (self->reps_spin, bs_step_get_reps (step));
      gtk_switch_set_active (self->until_done_switch,
                             bs_step_get_pace (step) == BS_STEP_UNTIL_DONE);
      if (bs_step_get_pace (step) != BS_STEP_UNTIL_DONE)
        gtk_spin_button_set_value (self->pace_spin, bs_step_get_pace (step));
    }
  if (kind != BS_STEP_REST)
    {
      gtk_spin_button_set_value (self->sets_spin, bs_step_get_sets (step));
      gtk_spin_button_set_value (self->set_rest_spin, bs_step_get_set_rest (step));
      gtk_spin_button_set_value (self->rest_after_spin, bs_step_get_rest_after (step));
    }
}

/**
 * bs_step_edit_row_new:
 * @step: (nullable): the step to edit, or %NULL for a new 30-second hold
 */
BsStepEditRow *
bs_step_edit_row_new (BsStep *step)
{
  BsStepEditRow *self = g_object_new (BS_TYPE_STEP_EDIT_ROW, NULL);

  self->loading = TRUE;
  if (step != NULL)
    {
      self->original = g_object_ref (step);
      load_step (self, step);
    }
  else
    {
      gtk_switch_set_active (self->until_done_switch, TRUE);
    }
  self->loading = FALSE;
  update_visible_fields (self);
  update_summary (self);
  return self;
}

/**
 * bs_step_edit_row_build_step:
 * @routine: the routine the step goes into, for its forms
 *
 * Returns: (transfer full): the step as the fields say, not yet checked
 */
BsStep *
bs_step_edit_row_build_step (BsStepEditRow *self,
                             BsRoutine     *routine)
{
  BsStepKind kind;
  const char *instruction;
  BsStep *step;

  g_return_val_if_fail (BS_IS_STEP_EDIT_ROW (self), NULL);
  g_return_val_if_fail (BS_IS_ROUTINE (routine), NULL);

  kind = selected_kind (self);
  step = bs_step_new (kind, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                      kind == BS_STEP_COUNTED ? 0 : spin_value (self->seconds_spin));
  instruction = gtk_editable_get_text (GTK_EDITABLE (self->instruction_row));
  if (instruction[0] != '\0')
    bs_step_set_instruction (step, instruction);
  if (self->original != NULL)
    bs_step_set_illustration (step, bs_step_get_illustration (self->original));

  if (kind == BS_STEP_HOLD)
    bs_step_set_side (step, (BsSide) adw_combo_row_get_selected (self->side_row));
  if (kind == BS_STEP_PER_SIDE)
    {
      bs_step_set_switch_seconds (step, spin_value (self->switch_spin));
      bs_step_set_first_side (step,
                              first_side_from_index (adw_combo_row_get_selected (self->first_side_row)));
    }
  if (kind == BS_STEP_COUNTED)
    {
      bs_step_set_reps (step, spin_value (self->reps_spin));
      bs_step_set_pace (step, gtk_switch_get_active (self->until_done_switch)
                              ? BS_STEP_UNTIL_DONE : spin_value (self->pace_spin));
    }
  if (kind != BS_STEP_REST)
    {
      guint sets = spin_value (self->sets_spin);

      bs_step_set_sets (step, sets);
      bs_step_set_set_rest (step, sets > 1 ? spin_value (self->set_rest_spin) : 0);
      bs_step_set_rest_after (step, spin_value (self->rest_after_spin));
    }

  /* A form's own hold is kept; the editor changes the default one. */
  if (self->original != NULL && (kind == BS_STEP_HOLD || kind == BS_STEP_PER_SIDE))
    for (guint i = 0; i < bs_routine_get_n_forms (routine); i++)
      {
        const char *form = bs_routine_get_form_id (routine, i);
        guint seconds = bs_step_get_form_seconds (self->original, form);

        if (seconds != bs_step_get_seconds (self->original))
          bs_step_set_form_seconds (step, form, seconds);
      }
  return step;
}

void
bs_step_edit_row_set_can_move (BsStepEditRow *self,
                               gboolean       up,
                               gboolean       down)
{
  g_return_if_fail (BS_IS_STEP_EDIT_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), down);
}

static GtkWidget *
field_widget (BsStepEditRow *self,
              const char    *field)
{
  static const struct
  {
    const char *field;
    gsize offset;
  } fields[] = {
    { "kind", G_STRUCT_OFFSET (BsStepEditRow, kind_row) },
    { "name", G_STRUCT_OFFSET (BsStepEditRow, name_row) },
    { "instruction", G_STRUCT_OFFSET (BsStepEditRow, instruction_row) },
    { "side", G_STRUCT_OFFSET (BsStepEditRow, side_row) },
    { "seconds", G_STRUCT_OFFSET (BsStepEditRow, seconds_row) },
    { "first-side", G_STRUCT_OFFSET (BsStepEditRow, first_side_row) },
    { "switch-seconds", G_STRUCT_OFFSET (BsStepEditRow, switch_row) },
    { "reps", G_STRUCT_OFFSET (BsStepEditRow, reps_row) },
    { "pace", G_STRUCT_OFFSET (BsStepEditRow, pace_row) },
    { "sets", G_STRUCT_OFFSET (BsStepEditRow, sets_row) },
    { "set-rest", G_STRUCT_OFFSET (BsStepEditRow, set_rest_row) },
    { "rest-after", G_STRUCT_OFFSET (BsStepEditRow, rest_after_row) },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);
  return NULL;
}

/**
 * bs_step_edit_row_show_problem:
 * @field: (nullable): the routine file's name of the field at fault
 *   ("seconds", "name" ...), or %NULL when the step as a whole is
 *
 * Marks the step, and the field if there is one, as what keeps the
 * routine from being saved.
 */
void
bs_step_edit_row_show_problem (BsStepEditRow *self,
                               const char    *field)
{
  g_return_if_fail (BS_IS_STEP_EDIT_ROW (self));

  bs_step_edit_row_clear_problem (self);
  /* The header says which step, the field which field; the row as a
   * whole stays as it is, or all its fields would look wrong. */
  gtk_widget_set_visible (self->problem_icon, TRUE);
  self->problem_widget = field_widget (self, field);
  if (self->problem_widget != NULL)
    gtk_widget_add_css_class (self->problem_widget, "error");
}

void
bs_step_edit_row_clear_problem (BsStepEditRow *self)
{
  g_return_if_fail (BS_IS_STEP_EDIT_ROW (self));

  gtk_widget_set_visible (self->problem_icon, FALSE);
  if (self->problem_widget != NULL)
    gtk_widget_remove_css_class (self->problem_widget, "error");
  self->problem_widget = NULL;
}

/* Opens the row and puts the cursor in the name, for a step just added. */
void
bs_step_edit_row_focus_name (BsStepEditRow *self)
{
  g_return_if_fail (BS_IS_STEP_EDIT_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
