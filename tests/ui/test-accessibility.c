/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Every control a person can reach has a name a screen reader can say:
 * its own label text or an accessible label.
 * The whole window is walked (every page of its stacks exists, shown or
 * not), and so are the secondary windows.  The roles of the controls that
 * carry the session are checked as well.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "bs-session-page.h"
#include "bs-test-util.h"
#include "bs-window.h"

static BsClock *test_clock;
static BsApplication *test_app;

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* A button's name comes from its label text, or from its child label. */
static gboolean
shows_own_text (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && has_text (gtk_button_get_label (GTK_BUTTON (widget))))
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget) && has_text (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget))))
    return TRUE;
  if (GTK_IS_MENU_BUTTON (widget) && has_text (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget))))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && has_text (gtk_label_get_label (GTK_LABEL (child))))
        return TRUE;
      if (ADW_IS_BUTTON_CONTENT (child) && has_text (adw_button_content_get_label (ADW_BUTTON_CONTENT (child))))
        return TRUE;
    }
  return FALSE;
}

/* GTK 4.8 reports a "labelled by" relation on every widget, set or not, so
 * only a label of the control's own counts here. */
static gboolean
is_named (GtkWidget *widget)
{
  return shows_own_text (widget) ||
         gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static gboolean
is_control (GtkWidget *widget)
{
  /* Controls libadwaita builds inside its own widgets (a row's arrow, a
   * header bar's window buttons) are its business, not ours. */
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_SCALE (widget) || GTK_IS_SPIN_BUTTON (widget) || ADW_IS_ENTRY_ROW (widget) ||
         ADW_IS_COMBO_ROW (widget);
}

/* Hidden by itself or an ancestor: nobody can reach it.  (A stack's other
 * pages are not hidden this way, so they are all checked.) */
static gboolean
is_hidden (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return TRUE;
  return FALSE;
}

static gboolean
inside_library_widget (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w; w = gtk_widget_get_parent (w))
    if (GTK_IS_WINDOW_CONTROLS (w) || ADW_IS_ENTRY_ROW (w) || ADW_IS_COMBO_ROW (w) ||
        ADW_IS_VIEW_SWITCHER (w) ||
        GTK_IS_SPIN_BUTTON (w) || GTK_IS_POPOVER (w))
      return TRUE;
  return FALSE;
}

static guint n_checked;

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed)
{
  if (is_control (widget) && !inside_library_widget (widget) && !is_hidden (widget))
    {
      gboolean named = is_named (widget);

      n_checked++;

      /* A combo or entry row is named by its title. */
      if (ADW_IS_PREFERENCES_ROW (widget))
        named = has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      if (!named)
        g_string_append_printf (unnamed, "  %s (%s)\n", G_OBJECT_TYPE_NAME (widget),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget) ?
                                                    gtk_widget_get_parent (widget) : widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  n_checked = 0;
  collect_unnamed (root, unnamed);
  g_test_message ("%s: %u controls checked", where, n_checked);
  if (unnamed->len > 0)
    g_error ("%s has controls without an accessible name:\n%s", where, unnamed->str);
}

/* The check itself: an icon button with no name is caught. */
static void
test_check_catches_unnamed (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *named = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autoptr(GString) unnamed = g_string_new (NULL);

  g_object_ref_sink (box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Delete", -1);
  gtk_box_append (GTK_BOX (box), named);
  gtk_box_append (GTK_BOX (box), gtk_button_new_from_icon_name ("edit-delete-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Delete"));
  collect_unnamed (box, unnamed);
  g_assert_cmpstr (unnamed->str, ==, "  GtkButton (GtkBox)\n");
  g_object_unref (box);
}

static void
test_main_window (void)
{
  GtkWindow *window = bs_test_app_open_window (test_app);
  GtkWidget *session_page = bs_test_child (GTK_WIDGET (window), BS_TYPE_WINDOW, "session_page");

  /* With a session on, so its page shows what it shows while running. */
  bs_test_click (bs_test_find_button (GTK_WIDGET (window), "Start the Test"));
  assert_all_named (GTK_WIDGET (window), "The main window");
  /* Home, session, result, every assessment page and its result. */
  g_assert_cmpuint (n_checked, >, 60);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (bs_test_child (session_page, BS_TYPE_SESSION_PAGE,
                                                                  "countdown")),
                                   GTK_ACCESSIBLE_ROLE_TIMER);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (bs_test_child (session_page, BS_TYPE_SESSION_PAGE,
                                                                  "stage_bar")),
                                   GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  /* The countdown says what it counts, not only digits. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bs_test_child (session_page,
                                                                      BS_TYPE_SESSION_PAGE,
                                                                      "countdown")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "10 seconds left");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bs_test_child (session_page,
                                                                      BS_TYPE_SESSION_PAGE,
                                                                      "stage_bar")),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "Getting ready");
  /* The pause button says what it will do. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bs_test_child (session_page,
                                                                      BS_TYPE_SESSION_PAGE,
                                                                      "pause_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Pause");
  bs_test_press_key (session_page, GDK_KEY_space);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bs_test_child (session_page,
                                                                      BS_TYPE_SESSION_PAGE,
                                                                      "pause_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Resume");
  bs_test_app_close_windows (test_app);
}

static void
test_preferences (void)
{
  GListModel *toplevels;
  GtkWindow *window = bs_test_app_open_window (test_app);

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "preferences", NULL);
  bs_test_settle ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_PREFERENCES_WINDOW (item))
        {
          assert_all_named (GTK_WIDGET (item), "Preferences");
          gtk_window_destroy (GTK_WINDOW (item));
        }
    }
  (void) window;
  bs_test_app_close_windows (test_app);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();

  g_test_add_func ("/accessibility/check-catches-unnamed", test_check_catches_unnamed);
  g_test_add_func ("/accessibility/main-window", test_main_window);
  g_test_add_func ("/accessibility/preferences", test_preferences);

  return g_test_run ();
}
