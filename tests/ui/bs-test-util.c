/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bs-test-util.h"
#include "bs-fake-notifier.h"
#include "bs-window.h"

/**
 * bs_test_app_new:
 * @clock: the clock sessions will run on, usually a #BsFakeClock
 *
 * The real application, registered and started up, but not on the bus:
 * tests and the screenshot tool share one session bus and must not find
 * each other's instance.  A registered application cannot be unregistered,
 * so a test program makes one and opens a fresh window for each test.
 */
BsApplication *
bs_test_app_new (BsClock *clock)
{
  BsApplication *app = bs_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  /* No id: nothing is exported on the bus, so one test's application can
   * follow another's in the same process. */
  g_application_set_application_id (G_APPLICATION (app), NULL);
  bs_application_set_clock (app, clock);
  /* Notifications go to a strict double, never to the desktop. */
  {
    g_autoptr(BsNotifier) notifier = bs_fake_notifier_new ();
    bs_application_set_notifier (app, notifier);
  }
  /* Nothing a test records reaches the disk unless the test asks. */
  {
    g_autoptr(BsHistory) history = bs_history_new_in_memory ();
    bs_application_set_history (app, history);
  }
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/**
 * bs_test_start_gui:
 * @clock: (out): a fake clock for the application's sessions
 * @app: (out): the application
 *
 * After g_test_init(): opens the display and makes the test program's one
 * application.  Without a display it marks the program skipped and returns
 * %FALSE; the caller then only returns g_test_run().
 */
gboolean
bs_test_start_gui (BsClock       **clock,
                   BsApplication **app)
{
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run (tools/dev test does)");
      return FALSE;
    }
  adw_init ();
  *clock = bs_fake_clock_new ();
  *app = bs_test_app_new (*clock);
  return TRUE;
}

GtkWindow *
bs_test_app_open_window (BsApplication *app)
{
  GtkWindow *window = GTK_WINDOW (bs_window_new (app));

  gtk_window_present (window);
  bs_test_wait_frames (GTK_WIDGET (window), 3);
  return window;
}

void
bs_test_app_close_windows (BsApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  while (windows != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (windows->data));
      windows = gtk_application_get_windows (GTK_APPLICATION (app));
    }
  bs_test_settle ();
}

/* Runs whatever is ready in the main loop, without waiting for timeouts. */
void
bs_test_settle (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  guint *left = user_data;

  if (*left > 0)
    (*left)--;
  return *left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Waits until the widget has been laid out and drawn @n_frames times, so
 * that what a snapshot shows is what the screen shows. */
void
bs_test_wait_frames (GtkWidget *widget,
                     guint      n_frames)
{
  guint left = n_frames;
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_add_tick_callback (widget, count_frame, &left, NULL);
  gtk_widget_queue_draw (widget);
  while (left > 0 && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (left, ==, 0);
  bs_test_settle ();
}

gboolean
bs_test_save_png (GtkWidget   *window,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: nothing was drawn", path);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: could not be written", path);
      return FALSE;
    }
  return TRUE;
}

/* Finds a visible button by the text a person sees on it (mnemonic
 * underscores ignored) or, for icon buttons, by its accessible name's
 * tooltip. */
GtkWidget *
bs_test_find_button (GtkWidget  *root,
                     const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root))
    {
      const char *text = gtk_button_get_label (GTK_BUTTON (root));

      if (text != NULL)
        {
          g_autoptr(GString) plain = g_string_new (text);

          g_string_replace (plain, "_", "", 0);
          if (g_str_equal (plain->str, label))
            return root;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bs_test_find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of @type at or under @root, depth first. */
GtkWidget *
bs_test_find_widget (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bs_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a pointer click does: "clicked", at once.  (gtk_widget_activate()
 * would show the press for a quarter of a second first.) */
void
bs_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  bs_test_settle ();
}

GtkWidget *
bs_test_child (GtkWidget  *widget,
               GType       template_type,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, template_type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static gboolean
activate_shortcut_in (GtkWidget          *widget,
                      GtkShortcutTrigger *wanted,
                      GtkPropagationPhase phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/*
 * GTK 4 has no public way to inject a key event, so this delivers a key
 * press to the shortcut controllers in the order GTK does: the capture phase
 * from the window down to @widget (the focus), then the bubble phase from
 * @widget back up.  The first shortcut that handles it wins.
 */
gboolean
bs_test_press_key (GtkWidget *widget,
                   guint      keyval)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, 0);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);

  for (guint i = 0; i < path->len && !handled; i++)
    handled = activate_shortcut_in (g_ptr_array_index (path, i), wanted, GTK_PHASE_CAPTURE);
  for (guint i = path->len; i > 0 && !handled; i--)
    handled = activate_shortcut_in (g_ptr_array_index (path, i - 1), wanted, GTK_PHASE_BUBBLE);

  bs_test_settle ();
  return handled;
}

static gboolean
widget_shows_text (GtkWidget  *widget,
                   const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (widget))
    shown = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_EDITABLE (widget))
    shown = gtk_editable_get_text (GTK_EDITABLE (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return shown != NULL && strstr (shown, text) != NULL;
}

gboolean
bs_test_tree_contains_text (GtkWidget  *root,
                            const char *text)
{
  if (widget_shows_text (root, text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    if (bs_test_tree_contains_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
title_matches (GtkWidget  *widget,
               const char *title)
{
  g_autoptr(GString) plain = NULL;

  if (!ADW_IS_PREFERENCES_ROW (widget) || !gtk_widget_get_visible (widget))
    return FALSE;
  plain = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  g_string_replace (plain, "_", "", 0);
  return g_str_equal (plain->str, title);
}

/* A visible row (action, combo, entry...) by the title a person reads. */
GtkWidget *
bs_test_find_row (GtkWidget  *root,
                  const char *title)
{
  if (title_matches (root, title))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bs_test_find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Presses the button labelled @answer ("Yes", "No", "Not sure") of the
 * question titled @question. */
void
bs_test_answer (GtkWidget  *root,
                const char *question,
                const char *answer)
{
  GtkWidget *row = bs_test_find_row (root, question);
  GtkWidget *button;

  if (row == NULL)
    g_error ("no question “%s” is shown", question);
  button = bs_test_find_button (row, answer);
  if (button == NULL)
    g_error ("question “%s” has no “%s” button", question, answer);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  bs_test_settle ();
}

/* Types @text into the entry row titled @field, replacing what was there. */
void
bs_test_type (GtkWidget  *root,
              const char *field,
              const char *text)
{
  GtkWidget *row = bs_test_find_row (root, field);

  if (row == NULL || !GTK_IS_EDITABLE (row))
    g_error ("no field “%s” is shown", field);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  bs_test_settle ();
}
