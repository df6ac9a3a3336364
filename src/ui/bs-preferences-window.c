/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-preferences-window.h"
#include "bs-voice.h"

/* Settings take effect from the next run; every control is bound straight
 * to its GSettings key. */

struct _BsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *cue_style_row;
  AdwComboRow *units_row;
  AdwComboRow *form_row;
  GtkAdjustment *volume_adjustment;
  GtkSwitch *halfway_switch;
  GtkSpinButton *lead_in_spin;
};

G_DEFINE_FINAL_TYPE (BsPreferencesWindow, bs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const cue_styles[] = { "voice", "tones", "off", NULL };
static const char * const units[] = { "auto", "metric", "imperial", NULL };
/* The core test's forms, as its routine file names them. */
static const char * const forms[] = { "standard", "short", NULL };

/* A string key with choices <-> the position of the choice in a combo row;
 * user_data is the NULL-terminated list of choices in row order. */
static gboolean
choice_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i]; i++)
    if (g_str_equal (choice, choices[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_choice (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  const char * const *choices = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((GStrv) choices))
    return NULL;
  return g_variant_new_string (choices[index]);
}

static void
bs_preferences_window_class_init (BsPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/bs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BsPreferencesWindow, cue_style_row);
  gtk_widget_class_bind_template_child (widget_class, BsPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, BsPreferencesWindow, form_row);
  gtk_widget_class_bind_template_child (widget_class, BsPreferencesWindow, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BsPreferencesWindow, halfway_switch);
  gtk_widget_class_bind_template_child (widget_class, BsPreferencesWindow, lead_in_spin);
}

static void
bs_preferences_window_init (BsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bs_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  BsPreferencesWindow *self;
  g_autoptr(BsVoice) voice = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  g_settings_bind_with_mapping (settings, "cue-style", self->cue_style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_to_index, index_to_choice,
                                (gpointer) cue_styles, NULL);
  g_settings_bind_with_mapping (settings, "core-test-form", self->form_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_to_index, index_to_choice,
                                (gpointer) forms, NULL);
  g_settings_bind_with_mapping (settings, "units", self->units_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_to_index, index_to_choice,
                                (gpointer) units, NULL);
  g_settings_bind (settings, "volume", self->volume_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "halfway-tone", self->halfway_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "lead-in-seconds", self->lead_in_spin, "value", G_SETTINGS_BIND_DEFAULT);

  /* Say why "voice" would speak in tones. */
  voice = bs_voice_get_default (&error);
  if (voice == NULL)
    {
      /* Translators: %s says why there is no voice. */
      g_autofree char *subtitle = g_strdup_printf (_("No spoken cues: %s. Tones stand in."),
                                                   error->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->cue_style_row), subtitle);
    }
  else
    {
      /* Translators: %s is a language code such as "en" or "de". */
      g_autofree char *subtitle = g_strdup_printf (_("Spoken in language “%s”"),
                                                   bs_voice_get_language (voice));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->cue_style_row), subtitle);
    }
  return GTK_WIDGET (self);
}
