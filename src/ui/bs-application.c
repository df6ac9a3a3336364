/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>

#include <gst/gst.h>

#include "bs-application-private.h"
#include "bs-assessment-page.h"
#include "bs-libnotify-notifier.h"
#include "bs-preferences-window.h"
#include "bs-real-clock.h"
#include "bs-schedule.h"
#include "bs-window.h"

struct _BsApplication
{
  AdwApplication parent_instance;

  BsRoutineLibrary *library;
  GSettings *settings;
  BsClock *clock;
  BsHistory *history;     /* opened when first needed */
  BsNotifier *notifier;   /* likewise */
  char *history_notice;   /* what went wrong opening it, for the first window */
  BsKiosk *kiosk;
  BsHistory *clinic;      /* the clinic's results by patient code; opened
                           * when first needed */
};

G_DEFINE_FINAL_TYPE (BsApplication, bs_application, ADW_TYPE_APPLICATION)


static BsWindow *
ensure_window (BsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (bs_window_new (self));
  gtk_window_present (window);
  return BS_WINDOW (window);
}

static void
bs_application_activate (GApplication *app)
{
  ensure_window (BS_APPLICATION (app));
}

static int
bs_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  BsApplication *self = BS_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *start_id = NULL;
  g_autofree const char **files = NULL;
  BsWindow *window;

  /* Before the window: it opens locked, and the history in memory. */
  if (g_variant_dict_contains (options, "kiosk"))
    bs_kiosk_set_enabled (self->kiosk, TRUE);
  window = ensure_window (self);

  if (g_variant_dict_lookup (options, "start", "&s", &start_id))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BsSchedule) schedule = bs_application_schedule_from_options (self, start_id, options,
                                                                             &error);

      if (schedule == NULL)
        {
          g_application_command_line_printerr (command_line, "backstay: %s\n", error->message);
          return EXIT_FAILURE;
        }
      bs_window_start (window, schedule);
    }

  /* Files opened with the app (its MIME type, or named on the command
   * line): each is imported as the routines page would, asking about a
   * routine that is already there, and saying why a file is refused. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files))
    for (guint i = 0; files[i] != NULL; i++)
      {
        g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                                 files[i]);
        bs_window_import_routine (window, file);
      }
  return EXIT_SUCCESS;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BsApplication *self = user_data;
  GList *windows;

  if (bs_kiosk_get_enabled (self->kiosk))
    return;
  /* Closing the windows lets each save its state and ask about a running
   * session; the app quits when the last one is gone.  A window that
   * closes leaves the application's list, so walk a copy. */
  windows = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Backstay developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Backstay"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Backstay developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about, _("Core test and stretch coach for runners with low back pain. "
                                          "Backstay is not a diagnosis tool: when in doubt, see a clinician."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, "© 2026 The Backstay developers");
  /* Translators: Replace "translator-credits" with your name, one per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (bs_preferences_window_new (parent, self->settings)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

/* The ways out of the app and into its files go while the kiosk is
 * locked; the window takes care of its own. */
static void
on_kiosk_enabled (BsKiosk       *kiosk,
                  GParamSpec    *pspec,
                  BsApplication *self)
{
  static const char * const locked[] = { "quit", "preferences", "about" };
  gboolean enabled = bs_kiosk_get_enabled (kiosk);

  for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                              locked[i])),
                                 !enabled);
  /* A draft already on disk is someone else's: it is neither shown to a
   * patient nor deleted. */
  bs_assessment_draft_set_kept (!enabled);
  /* A patient's results never reach the disk.  Unlocking with the PIN
   * keeps this store for the rest of the run: the clinic's history file
   * is not mixed with a patient's visit. */
  if (enabled)
    {
      g_autoptr(BsHistory) visit = bs_history_new_in_memory ();

      bs_application_set_history (self, visit);
    }
}

/* The next patient gets a window that never showed the last one: a fresh
 * window is the only way to be sure no page still holds their answers. */
static void
on_kiosk_idle_reset (BsKiosk       *kiosk,
                     BsApplication *self)
{
  g_autoptr(GList) old = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_autolist(GtkWindow) toplevels = gtk_window_list_toplevels ();
  g_autoptr(BsHistory) visit = bs_history_new_in_memory ();

  for (GList *l = toplevels; l; l = l->next)
    g_object_ref (l->data);
  bs_application_set_history (self, visit);
  /* The new one first, so that the app never has no window. */
  gtk_window_present (GTK_WINDOW (bs_window_new (self)));
  /* Dialogs and the advice window go with the windows they belong to. */
  for (GList *l = toplevels; l; l = l->next)
    if (g_list_find (old, gtk_window_get_transient_for (l->data)) != NULL &&
        g_list_find (old, l->data) == NULL)
      gtk_window_destroy (GTK_WINDOW (l->data));
  for (GList *l = old; l; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
}

static void
on_kiosk_settings_changed (GSettings     *settings,
                           const char    *key,
                           BsApplication *self)
{
  g_autofree char *pin_hash = g_settings_get_string (settings, "kiosk-pin-hash");

  bs_kiosk_set_pin_hash (self->kiosk, pin_hash);
  bs_kiosk_set_idle_minutes (self->kiosk, g_settings_get_uint (settings, "kiosk-idle-minutes"));
  bs_kiosk_set_patient_codes (self->kiosk, g_settings_get_boolean (settings, "kiosk-patient-codes"));
  /* Another file from the next visit on. */
  if (g_strcmp0 (key, "kiosk-clinic-database") == 0)
    g_clear_object (&self->clinic);
}

static void
bs_application_startup (GApplication *app)
{
  BsApplication *self = BS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", "F1", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (bs_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  /* Without GStreamer the timer still runs; each session says it is silent. */
  if (!gst_init_check (NULL, NULL, &error))
    g_debug ("GStreamer is not usable: %s", error->message);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  self->kiosk = bs_kiosk_new (bs_application_get_clock (self));
  g_signal_connect_object (self->kiosk, "notify::enabled", G_CALLBACK (on_kiosk_enabled), self, 0);
  g_signal_connect_object (self->kiosk, "idle-reset", G_CALLBACK (on_kiosk_idle_reset), self, 0);
  on_kiosk_settings_changed (self->settings, NULL, self);
  g_signal_connect_object (self->settings, "changed::kiosk-pin-hash",
                           G_CALLBACK (on_kiosk_settings_changed), self, 0);
  g_signal_connect_object (self->settings, "changed::kiosk-idle-minutes",
                           G_CALLBACK (on_kiosk_settings_changed), self, 0);
  g_signal_connect_object (self->settings, "changed::kiosk-patient-codes",
                           G_CALLBACK (on_kiosk_settings_changed), self, 0);
  g_signal_connect_object (self->settings, "changed::kiosk-clinic-database",
                           G_CALLBACK (on_kiosk_settings_changed), self, 0);
  if (g_settings_get_boolean (self->settings, "kiosk-mode"))
    bs_kiosk_set_enabled (self->kiosk, TRUE);
}

static void
bs_application_finalize (GObject *object)
{
  BsApplication *self = BS_APPLICATION (object);

  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  g_clear_object (&self->history);
  g_free (self->history_notice);
  g_clear_object (&self->notifier);
  g_clear_object (&self->kiosk);
  g_clear_object (&self->clinic);

  G_OBJECT_CLASS (bs_application_parent_class)->finalize (object);
}

static void
bs_application_class_init (BsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bs_application_finalize;
  app_class->handle_local_options = bs_application_handle_local_options;
  app_class->command_line = bs_application_command_line;
  app_class->activate = bs_application_activate;
  app_class->startup = bs_application_startup;
}

static void
bs_application_init (BsApplication *self)
{
  self->library = bs_routine_library_new ();
  bs_application_add_main_options (self);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Core test and stretch coach for runners with low back pain"));
}

BsApplication *
bs_application_new (void)
{
  static gsize process_set_up = 0;

  /* Once per process: tests create several applications in one. */
  if (g_once_init_enter (&process_set_up))
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      g_set_application_name (_("Backstay"));
      g_once_init_leave (&process_set_up, 1);
    }

  return g_object_new (BS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

BsRoutineLibrary *
bs_application_get_library (BsApplication *self)
{
  g_return_val_if_fail (BS_IS_APPLICATION (self), NULL);
  return self->library;
}

GSettings *
bs_application_get_settings (BsApplication *self)
{
  g_return_val_if_fail (BS_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * bs_application_get_clock:
 *
 * Returns: (transfer none): the clock sessions run on: the real one unless
 *   a test put a fake one in its place
 */
BsClock *
bs_application_get_clock (BsApplication *self)
{
  g_return_val_if_fail (BS_IS_APPLICATION (self), NULL);

  if (self->clock == NULL)
    self->clock = bs_real_clock_new ();
  return self->clock;
}

void
bs_application_set_clock (BsApplication *self,
                          BsClock       *clock)
{
  g_return_if_fail (BS_IS_APPLICATION (self));
  g_return_if_fail (BS_IS_CLOCK (clock));
  g_set_object (&self->clock, clock);
}

/**
 * bs_application_get_history:
 *
 * The history store, opened at $XDG_DATA_HOME/backstay/history.db the
 * first time it is asked for.  If it cannot be opened there, the app keeps
 * its history in memory for this run, and says so.
 *
 * Returns: (transfer none): the store
 */
BsHistory *
bs_application_get_history (BsApplication *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BS_IS_APPLICATION (self), NULL);

  if (self->history != NULL)
    return self->history;

  if (self->kiosk != NULL && bs_kiosk_get_enabled (self->kiosk))
    {
      self->history = bs_history_new_in_memory ();
      return self->history;
    }
  self->history = bs_history_open (NULL, &error);
  if (self->history == NULL)
    {
      self->history = bs_history_new_in_memory ();
      /* Translators: %s says why, naming the file */
      self->history_notice = g_strdup_printf (_("Nothing will be kept after Backstay closes: "
                                                "the history could not be opened. %s"),
                                              error->message);
    }
  else if (bs_history_get_moved_aside (self->history) != NULL)
    {
      /* Translators: the first %s is why ("it is damaged"), the second the
       * path where the old file was kept */
      self->history_notice = g_strdup_printf (_("The history file could not be used (%s). It was kept "
                                                "as “%s” and a new history was started."),
                                              bs_history_get_moved_aside_reason (self->history),
                                              bs_history_get_moved_aside (self->history));
    }
  if (self->history_notice != NULL)
    g_message ("%s", self->history_notice);
  return self->history;
}

/**
 * bs_application_set_history:
 *
 * Uses @history instead of the one on disk (tests; the clinic kiosk's
 * in-memory store).
 */
void
bs_application_set_history (BsApplication *self,
                            BsHistory     *history)
{
  g_return_if_fail (BS_IS_APPLICATION (self));
  g_return_if_fail (BS_IS_HISTORY (history));

  g_set_object (&self->history, history);
  g_clear_pointer (&self->history_notice, g_free);
}

/**
 * bs_application_get_clinic:
 * @error: why it cannot be opened
 *
 * The clinic database: the results of kiosk visits with a patient code,
 * in a history file of its own (the kiosk-clinic-database setting, or
 * $XDG_DATA_HOME/backstay/clinic.db), never the personal history and
 * never shown to a patient.  A damaged file is kept aside, as the
 * history's is, and said in the log; bs_history_get_moved_aside() tells.
 *
 * Returns: (transfer none) (nullable): the store, or %NULL with @error set
 */
BsHistory *
bs_application_get_clinic (BsApplication  *self,
                           GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BS_IS_APPLICATION (self), NULL);

  if (self->clinic != NULL)
    return self->clinic;
  path = g_settings_get_string (self->settings, "kiosk-clinic-database");
  if (*path == '\0')
    g_clear_pointer (&path, g_free);
  if (path == NULL)
    path = g_build_filename (g_get_user_data_dir (), "backstay", "clinic.db", NULL);
  self->clinic = bs_history_open (path, error);
  if (self->clinic != NULL && bs_history_get_moved_aside (self->clinic) != NULL)
    g_message ("The clinic database could not be used (%s). It was kept as “%s” and a new one was started.",
               bs_history_get_moved_aside_reason (self->clinic),
               bs_history_get_moved_aside (self->clinic));
  return self->clinic;
}

/**
 * bs_application_take_history_notice:
 *
 * Returns: (transfer full) (nullable): what went wrong opening the history,
 *   once: the first window shows it
 */
char *
bs_application_take_history_notice (BsApplication *self)
{
  g_return_val_if_fail (BS_IS_APPLICATION (self), NULL);

  bs_application_get_history (self);
  return g_steal_pointer (&self->history_notice);
}

/**
 * bs_application_dup_last_findings:
 *
 * Returns: (transfer full) (nullable): the latest assessment, to compare with
 */
BsFindings *
bs_application_dup_last_findings (BsApplication *self)
{
  GListModel *entries;

  g_return_val_if_fail (BS_IS_APPLICATION (self), NULL);

  entries = bs_history_get_entries (bs_application_get_history (self));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries, i);

      if (bs_history_entry_get_kind (entry) == BS_HISTORY_ASSESSMENT)
        return bs_history_entry_dup_findings (entry);
    }
  return NULL;
}

/**
 * bs_application_get_units:
 *
 * Returns: heights, weights and distances as the person chose, or as the
 *   locale measures
 */
BsUnits
bs_application_get_units (BsApplication *self)
{
  g_autofree char *units = NULL;

  g_return_val_if_fail (BS_IS_APPLICATION (self), BS_UNITS_METRIC);

  units = self->settings ? g_settings_get_string (self->settings, "units") : g_strdup ("auto");
  if (g_str_equal (units, "metric"))
    return BS_UNITS_METRIC;
  if (g_str_equal (units, "imperial"))
    return BS_UNITS_IMPERIAL;
#ifdef _NL_MEASUREMENT_MEASUREMENT
  /* glibc: 1 is metric, 2 is US customary. */
  if ((guintptr) nl_langinfo (_NL_MEASUREMENT_MEASUREMENT)[0] == 2)
    return BS_UNITS_IMPERIAL;
#endif
  return BS_UNITS_METRIC;
}

/**
 * bs_application_get_notifier:
 *
 * Returns: (transfer none): desktop notifications (libnotify), unless a
 *   test put its own in their place
 */
BsNotifier *
bs_application_get_notifier (BsApplication *self)
{
  g_return_val_if_fail (BS_IS_APPLICATION (self), NULL);

  if (self->notifier == NULL)
    self->notifier = bs_libnotify_notifier_new (_("Backstay"));
  return self->notifier;
}

void
bs_application_set_notifier (BsApplication *self,
                             BsNotifier    *notifier)
{
  g_return_if_fail (BS_IS_APPLICATION (self));
  g_return_if_fail (BS_IS_NOTIFIER (notifier));
  g_set_object (&self->notifier, notifier);
}

/**
 * bs_application_get_kiosk:
 *
 * Returns: (transfer none): the clinic kiosk policy, off unless the
 *   settings or --kiosk turned it on
 */
BsKiosk *
bs_application_get_kiosk (BsApplication *self)
{
  g_return_val_if_fail (BS_IS_APPLICATION (self), NULL);
  return self->kiosk;
}
