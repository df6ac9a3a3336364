/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "bs-advice-window.h"
#include "bs-answer-row.h"
#include "bs-assessment-page.h"
#include "bs-assessment-result.h"
#include "bs-clinic-window.h"
#include "bs-entry-window.h"
#include "bs-handoff-window.h"
#include "bs-history-page.h"
#include "bs-history-row.h"
#include "bs-home-page.h"
#include "bs-preferences-window.h"
#include "bs-result-page.h"
#include "bs-routine-editor.h"
#include "bs-routines-page.h"
#include "bs-session-page.h"
#include "bs-step-edit-row.h"
#include "bs-test-util.h"
#include "bs-window.h"

/*
 * Every UI file in the app's resources builds: each template with its own
 * class, the shortcuts window on its own.  Warnings are fatal here, so an
 * unknown property, a wrong type or a missing callback fails the test
 * even for a screen no other test opens.  The table below must name the
 * class of every template in the resources: a new .ui file without a row
 * here fails too.
 */

static BsClock *test_clock;
static BsApplication *test_app;

static GType
template_type (const char *class_name)
{
  static GType (*const types[]) (void) = {
    bs_advice_window_get_type,
    bs_answer_row_get_type,
    bs_assessment_page_get_type,
    bs_assessment_result_get_type,
    bs_clinic_window_get_type,
    bs_entry_window_get_type,
    bs_handoff_window_get_type,
    bs_history_page_get_type,
    bs_history_row_get_type,
    bs_home_page_get_type,
    bs_preferences_window_get_type,
    bs_result_page_get_type,
    bs_routine_editor_get_type,
    bs_routines_page_get_type,
    bs_session_page_get_type,
    bs_step_edit_row_get_type,
    bs_window_get_type,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (g_type_name (types[i] ()), class_name))
      return types[i] ();
  return G_TYPE_INVALID;
}

/* The class a template file declares, read from its text. */
static char *
template_class (GBytes *xml)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  const char *start = strstr (text, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  return end ? g_strndup (start, end - start) : NULL;
}

static void
test_every_template_builds (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_BASE "/ui/",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  guint built = 0;

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_BASE "/ui/", names[i], NULL);
      g_autoptr(GBytes) xml = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autofree char *class_name = NULL;
      GType type;
      GObject *object;

      g_assert_no_error (error);
      class_name = template_class (xml);
      g_test_message ("%s: %s", names[i], class_name ? class_name : "(no template)");
      g_assert_nonnull (class_name);
      type = template_type (class_name);
      if (type == G_TYPE_INVALID)
        g_error ("%s declares %s, which this test does not know: add it to the table", names[i],
                 class_name);

      object = g_object_ref_sink (g_object_new (type, NULL));
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, type));
      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));
      g_object_unref (object);
      built++;
    }
  g_assert_cmpuint (built, >=, 15);
}

static void
test_shortcuts_window_builds (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();

  g_test_add_func ("/ui-files/every-template-builds", test_every_template_builds);
  g_test_add_func ("/ui-files/shortcuts-window-builds", test_shortcuts_window_builds);
  return g_test_run ();
}
