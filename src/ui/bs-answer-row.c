/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-answer-row.h"
#include "bs-core-enums.h"

/*
 * A question with Yes, No and Not sure.  Until one is pressed the answer is
 * unknown, which the rules never read as "no"; "Not sure" is an answer that
 * keeps it unknown.  With "allow-unknown" off (red flags must be answered
 * one way or the other) the third button is not shown.
 */

struct _BsAnswerRow
{
  AdwPreferencesRow parent_instance;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkWidget *buttons;
  GtkToggleButton *yes_button;
  GtkToggleButton *no_button;
  GtkToggleButton *unknown_button;

  gboolean answered;
};

enum {
  PROP_0,
  PROP_ANSWER,
  PROP_ANSWERED,
  PROP_ALLOW_UNKNOWN,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BsAnswerRow, bs_answer_row, ADW_TYPE_PREFERENCES_ROW)

static void
on_toggled (BsAnswerRow     *self,
            GtkToggleButton *button)
{
  gboolean answered = gtk_toggle_button_get_active (self->yes_button) ||
                      gtk_toggle_button_get_active (self->no_button) ||
                      gtk_toggle_button_get_active (self->unknown_button);

  if (!gtk_toggle_button_get_active (button))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
  if (answered != self->answered)
    {
      self->answered = answered;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
    }
}

static void
update_accessible (BsAnswerRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_label (self->title_label, title);

  /* Each button names its question, so a screen reader that jumps from
   * button to button still says what is being answered. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->buttons),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
bs_answer_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BsAnswerRow *self = BS_ANSWER_ROW (object);

  switch (prop_id)
    {
    case PROP_ANSWER:
      g_value_set_enum (value, bs_answer_row_get_answer (self));
      break;
    case PROP_ANSWERED:
      g_value_set_boolean (value, self->answered);
      break;
    case PROP_ALLOW_UNKNOWN:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->unknown_button)));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, gtk_label_get_label (self->subtitle_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_answer_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BsAnswerRow *self = BS_ANSWER_ROW (object);

  switch (prop_id)
    {
    case PROP_ANSWER:
      bs_answer_row_set_answer (self, g_value_get_enum (value));
      break;
    case PROP_ALLOW_UNKNOWN:
      gtk_widget_set_visible (GTK_WIDGET (self->unknown_button), g_value_get_boolean (value));
      break;
    case PROP_SUBTITLE:
      gtk_label_set_label (self->subtitle_label, g_value_get_string (value));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), g_value_get_string (value) != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_answer_row_constructed (GObject *object)
{
  G_OBJECT_CLASS (bs_answer_row_parent_class)->constructed (object);
  update_accessible (BS_ANSWER_ROW (object));
  g_signal_connect_swapped (object, "notify::title", G_CALLBACK (update_accessible), object);
}

static void
bs_answer_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BS_TYPE_ANSWER_ROW);

  G_OBJECT_CLASS (bs_answer_row_parent_class)->dispose (object);
}

static void
bs_answer_row_class_init (BsAnswerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bs_answer_row_get_property;
  object_class->set_property = bs_answer_row_set_property;
  object_class->constructed = bs_answer_row_constructed;
  object_class->dispose = bs_answer_row_dispose;

  properties[PROP_ANSWER] =
    g_param_spec_enum ("answer", NULL, NULL, BS_TYPE_ANSWER, BS_ANSWER_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWERED] =
    g_param_spec_boolean ("answered", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_UNKNOWN] =
    g_param_spec_boolean ("allow-unknown", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* How to judge the answer, under the question. */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/bs-answer-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BsAnswerRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BsAnswerRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BsAnswerRow, buttons);
  gtk_widget_class_bind_template_child (widget_class, BsAnswerRow, yes_button);
  gtk_widget_class_bind_template_child (widget_class, BsAnswerRow, no_button);
  gtk_widget_class_bind_template_child (widget_class, BsAnswerRow, unknown_button);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled);
}

static void
bs_answer_row_init (BsAnswerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bs_answer_row_get_answer:
 *
 * Returns: yes, no, or unknown (not answered, or "Not sure")
 */
BsAnswer
bs_answer_row_get_answer (BsAnswerRow *self)
{
  g_return_val_if_fail (BS_IS_ANSWER_ROW (self), BS_ANSWER_UNKNOWN);

  if (gtk_toggle_button_get_active (self->yes_button))
    return BS_ANSWER_YES;
  if (gtk_toggle_button_get_active (self->no_button))
    return BS_ANSWER_NO;
  return BS_ANSWER_UNKNOWN;
}

/**
 * bs_answer_row_set_answer:
 *
 * Shows @answer; an unknown answer shows no button pressed.
 */
void
bs_answer_row_set_answer (BsAnswerRow *self,
                          BsAnswer     answer)
{
  g_return_if_fail (BS_IS_ANSWER_ROW (self));

  switch (answer)
    {
    case BS_ANSWER_YES:
      gtk_toggle_button_set_active (self->yes_button, TRUE);
      break;
    case BS_ANSWER_NO:
      gtk_toggle_button_set_active (self->no_button, TRUE);
      break;
    case BS_ANSWER_UNKNOWN:
    default:
      gtk_toggle_button_set_active (self->yes_button, FALSE);
      gtk_toggle_button_set_active (self->no_button, FALSE);
      gtk_toggle_button_set_active (self->unknown_button, FALSE);
      self->answered = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
      break;
    }
}
