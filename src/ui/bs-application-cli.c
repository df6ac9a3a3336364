/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/* The command line: the options, and the modes that print and exit
 * without a window (--version, --list-routines, --print-routine,
 * --render-cues, --hash-pin). */

#include "config.h"

#include <glib/gi18n.h>

#include <gst/gst.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "bs-application-private.h"
#include "bs-cue-render.h"
#include "bs-error.h"
#include "bs-format.h"
#include "bs-pin.h"
#include "bs-schedule.h"

static const GOptionEntry option_entries[] = {
  { "list-routines", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the routines: id, name and duration"), NULL },
  { "print-routine", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the timed schedule of routine ID as JSON"), N_("ID") },
  { "start", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the window and start routine ID"), N_("ID") },
  { "render-cues", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the audio guidance track of routine ID to the --output file"), N_("ID") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The .wav or .ogg file for --render-cues"), N_("FILE") },
  { "level", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Take N seconds off every hold (0, 5, 10 or 15 for the core test)"), N_("N") },
  { "form", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Run form FORM of the routine, e.g. “short”"), N_("FORM") },
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run as a clinic kiosk: full screen, locked, nothing kept"), NULL },
  { "hash-pin", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Read a kiosk PIN and print the hash to put in the kiosk-pin-hash setting"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Routine files (*.backstay.json) to add to your routines"), N_("[FILE…]") },
  { NULL }
};

/* The settings schema is found through GSETTINGS_SCHEMA_DIR when running
 * from the build tree; without it the command-line modes still work with
 * the defaults instead of aborting. */
static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema ? g_settings_new (APP_ID) : NULL;
}

static guint
lead_in_setting (void)
{
  g_autoptr(GSettings) settings = settings_if_installed ();

  if (settings == NULL)
    return BS_SCHEDULE_DEFAULT_LEAD_IN;
  return MIN (g_settings_get_uint (settings, "lead-in-seconds"), BS_SCHEDULE_MAX_LEAD_IN);
}

static int
render_cues (BsSchedule *schedule,
             const char *output)
{
  g_autoptr(GSettings) settings = settings_if_installed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BsVoice) voice = NULL;
  g_autoptr(BsCuePlan) plan = NULL;
  gboolean halfway = settings ? g_settings_get_boolean (settings, "halfway-tone") : TRUE;
  g_autofree char *style = settings ? g_settings_get_string (settings, "cue-style") : NULL;
  BsCueStyle cue_style = BS_CUE_STYLE_VOICE;

  if (!gst_init_check (NULL, NULL, &error))
    {
      g_printerr ("backstay: %s\n", error->message);
      return EXIT_FAILURE;
    }
  /* A track with no cues would be silence: "off" renders tones. */
  if (g_strcmp0 (style, "tones") == 0 || g_strcmp0 (style, "off") == 0)
    cue_style = BS_CUE_STYLE_TONES;
  if (cue_style == BS_CUE_STYLE_VOICE)
    {
      voice = bs_voice_get_default (&error);
      if (voice == NULL)
        {
          g_printerr ("backstay: %s; %s\n", error->message, _("tones stand in for the words"));
          g_clear_error (&error);
        }
    }

  plan = bs_cue_plan_new (schedule, cue_style, halfway);
  if (!bs_cue_render (plan, voice, output, &error))
    {
      g_printerr ("backstay: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
list_routines (BsApplication *self)
{
  GListModel *model = bs_routine_library_get_model (bs_application_get_library (self));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BsRoutine) routine = g_list_model_get_item (model, i);
      g_autoptr(BsSchedule) schedule = bs_schedule_new (routine, NULL, 0, 0, NULL);
      g_autofree char *duration = bs_format_clock (bs_schedule_get_total_seconds (schedule));

      g_print ("%s\t%s\t%s\n", bs_routine_get_id (routine), bs_routine_get_name (routine),
               duration);
    }
  return EXIT_SUCCESS;
}

/* Levels are "seconds shorter"; accept both 10 and -10 for the same level. */
static guint
level_from_option (int value)
{
  return (guint) ABS (value);
}

BsSchedule *
bs_application_schedule_from_options (BsApplication  *self,
                                      const char     *id,
                                      GVariantDict   *options,
                                      GError        **error)
{
  BsRoutine *routine = bs_routine_library_lookup (bs_application_get_library (self), id);
  const char *form = NULL;
  int level = 0;

  if (routine == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_NOT_FOUND,
                   _("There is no routine “%s”; see backstay --list-routines"), id);
      return NULL;
    }
  g_variant_dict_lookup (options, "form", "&s", &form);
  g_variant_dict_lookup (options, "level", "i", &level);
  return bs_schedule_new (routine, form, level_from_option (level), lead_in_setting (), error);
}

/* A PIN typed at a terminal is not echoed: someone may be looking. */
static char *
read_pin (const char *prompt)
{
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  char line[64];
  char *got;

  if (tty)
    {
      g_printerr ("%s", prompt);
      tty = tcgetattr (STDIN_FILENO, &saved) == 0;
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      if (tty)
        tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  got = fgets (line, sizeof line, stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  if (got == NULL)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

static int
hash_pin (void)
{
  g_autofree char *pin = read_pin (_("Kiosk PIN (4 to 12 digits): "));
  g_autofree char *again = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;

  if (pin == NULL)
    {
      g_printerr ("backstay: %s\n", _("No PIN was given"));
      return EXIT_FAILURE;
    }
  if (isatty (STDIN_FILENO))
    {
      again = read_pin (_("The same PIN again: "));
      if (g_strcmp0 (pin, again) != 0)
        {
          g_printerr ("backstay: %s\n", _("The two PINs differ; nothing was printed"));
          return EXIT_FAILURE;
        }
    }
  stored = bs_pin_hash_new (pin, &error);
  if (stored == NULL)
    {
      g_printerr ("backstay: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("%s\n", stored);
  return EXIT_SUCCESS;
}

int
bs_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  BsApplication *self = BS_APPLICATION (app);
  const char *print_id = NULL, *start_id = NULL, *render_id = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("backstay %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "list-routines"))
    return list_routines (self);

  if (g_variant_dict_contains (options, "hash-pin"))
    return hash_pin ();

  g_variant_dict_lookup (options, "print-routine", "&s", &print_id);
  g_variant_dict_lookup (options, "start", "&s", &start_id);
  g_variant_dict_lookup (options, "render-cues", "&s", &render_id);
  g_variant_dict_lookup (options, "output", "^ay", &output);

  if ((g_variant_dict_contains (options, "level") || g_variant_dict_contains (options, "form")) &&
      print_id == NULL && start_id == NULL && render_id == NULL)
    {
      g_printerr ("backstay: %s\n",
                  _("--level and --form go with --print-routine, --render-cues or --start"));
      return EXIT_FAILURE;
    }
  if ((render_id != NULL) != (output != NULL))
    {
      g_printerr ("backstay: %s\n", _("--render-cues and --output go together"));
      return EXIT_FAILURE;
    }

  if (render_id != NULL)
    {
      g_autoptr(BsSchedule) schedule = bs_application_schedule_from_options (self, render_id, options,
                                                                             &error);

      if (schedule == NULL)
        {
          g_printerr ("backstay: %s\n", error->message);
          return EXIT_FAILURE;
        }
      return render_cues (schedule, output);
    }

  if (print_id != NULL || start_id != NULL)
    {
      g_autoptr(BsSchedule) schedule =
        bs_application_schedule_from_options (self, print_id ? print_id : start_id, options, &error);
      if (schedule == NULL)
        {
          g_printerr ("backstay: %s\n", error->message);
          return EXIT_FAILURE;
        }
      if (print_id != NULL)
        {
          g_autofree char *json = bs_schedule_to_json (schedule);
          g_print ("%s\n", json);
          return EXIT_SUCCESS;
        }
    }

  /* Carry on: the primary instance handles the rest in command_line. */
  return -1;
}

void
bs_application_add_main_options (BsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}
