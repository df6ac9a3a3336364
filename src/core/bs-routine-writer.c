/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * Writes routine files that the loader reads back as the same routine.
 *
 * A file is written in the oldest format that holds everything in it, so
 * a routine that uses nothing new stays readable by older versions of the
 * app.  Fields at their default are left out, as a person writing the
 * file by hand would, except a few that make a file easier to read: a
 * counted step's "pace" and, in format 2, the routine's "category".
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "bs-error.h"
#include "bs-routine-writer.h"

static const char *
default_category (BsRoutine *self)
{
  return bs_routine_get_scoring (self) == BS_SCORING_HOLD_TEST ? BS_CATEGORY_TEST
                                                                : BS_CATEGORY_OTHER;
}

static gboolean
step_needs_format_2 (BsStep *step)
{
  return bs_step_get_kind (step) != BS_STEP_HOLD ||
         bs_step_get_illustration (step) != NULL ||
         bs_step_get_sets (step) != 1 ||
         bs_step_get_set_rest (step) != 0 ||
         bs_step_get_rest_after (step) != 0;
}

/**
 * bs_routine_get_needed_format:
 *
 * Returns: the oldest routine file format that can hold @self
 */
guint
bs_routine_get_needed_format (BsRoutine *self)
{
  g_return_val_if_fail (BS_IS_ROUTINE (self), BS_ROUTINE_FORMAT);

  if (!g_str_equal (bs_routine_get_category (self), default_category (self)) ||
      bs_routine_get_lead_in (self) >= 0 ||
      bs_routine_get_rounds (self) != 1 ||
      bs_routine_get_round_rest (self) != 0)
    return 2;
  for (guint i = 0; i < bs_routine_get_n_steps (self); i++)
    if (step_needs_format_2 (bs_routine_get_step (self, i)))
      return 2;
  return 1;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_step (JsonBuilder *builder,
          BsRoutine   *routine,
          BsStep      *step)
{
  BsStepKind kind = bs_step_get_kind (step);
  gboolean timed = kind == BS_STEP_HOLD || kind == BS_STEP_PER_SIDE;

  json_builder_begin_object (builder);
  if (kind != BS_STEP_HOLD)
    add_string (builder, "kind", bs_step_kind_to_string (kind));
  add_string (builder, "name", bs_step_get_name (step));
  add_string (builder, "instruction", bs_step_get_instruction (step));
  add_string (builder, "illustration", bs_step_get_illustration (step));
  if (kind == BS_STEP_HOLD)
    add_string (builder, "side", bs_side_to_string (bs_step_get_side (step)));
  if (kind != BS_STEP_COUNTED)
    add_int (builder, "seconds", bs_step_get_seconds (step));

  if (timed)
    {
      gboolean begun = FALSE;

      /* Only the forms whose hold differs: the same routine either way. */
      for (guint i = 0; i < bs_routine_get_n_forms (routine); i++)
        {
          const char *form_id = bs_routine_get_form_id (routine, i);
          guint seconds = bs_step_get_form_seconds (step, form_id);

          if (seconds == bs_step_get_seconds (step))
            continue;
          if (!begun)
            {
              json_builder_set_member_name (builder, "form-seconds");
              json_builder_begin_object (builder);
              begun = TRUE;
            }
          add_int (builder, form_id, seconds);
        }
      if (begun)
        json_builder_end_object (builder);
    }

  if (kind == BS_STEP_COUNTED)
    {
      add_int (builder, "reps", bs_step_get_reps (step));
      if (bs_step_get_pace (step) == BS_STEP_UNTIL_DONE)
        add_string (builder, "pace", "until-done");
      else
        add_int (builder, "pace", bs_step_get_pace (step));
    }

  if (kind != BS_STEP_REST)
    {
      if (bs_step_get_sets (step) != 1)
        add_int (builder, "sets", bs_step_get_sets (step));
      if (bs_step_get_set_rest (step) != 0)
        add_int (builder, "set-rest", bs_step_get_set_rest (step));
    }
  if (kind == BS_STEP_PER_SIDE)
    {
      if (bs_step_get_switch_seconds (step) != BS_STEP_DEFAULT_SWITCH_SECONDS)
        add_int (builder, "switch-seconds", bs_step_get_switch_seconds (step));
      if (bs_step_get_first_side (step) != BS_SIDE_RIGHT)
        add_string (builder, "first-side", bs_side_to_string (bs_step_get_first_side (step)));
    }
  if (kind != BS_STEP_REST && bs_step_get_rest_after (step) != 0)
    add_int (builder, "rest-after", bs_step_get_rest_after (step));
  json_builder_end_object (builder);
}

/**
 * bs_routine_to_json:
 *
 * Returns: (transfer full): @self as a routine file, pretty-printed, in
 *   the oldest format that holds it (see bs_routine_get_needed_format())
 */
char *
bs_routine_to_json (BsRoutine *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint format;
  gboolean levels_are_default;
  g_autofree char *json = NULL;

  g_return_val_if_fail (BS_IS_ROUTINE (self), NULL);

  format = bs_routine_get_needed_format (self);
  json_builder_begin_object (builder);
  add_int (builder, "format", format);
  add_string (builder, "id", bs_routine_get_id (self));
  add_string (builder, "name", bs_routine_get_name (self));
  add_string (builder, "description", bs_routine_get_description (self));
  if (format >= 2)
    add_string (builder, "category", bs_routine_get_category (self));
  if (bs_routine_get_scoring (self) == BS_SCORING_HOLD_TEST)
    add_string (builder, "scoring", "hold-test");
  if (bs_routine_get_lead_in (self) >= 0)
    add_int (builder, "lead-in", bs_routine_get_lead_in (self));
  if (bs_routine_get_rounds (self) != 1)
    add_int (builder, "rounds", bs_routine_get_rounds (self));
  if (bs_routine_get_round_rest (self) != 0)
    add_int (builder, "round-rest", bs_routine_get_round_rest (self));

  if (bs_routine_get_n_forms (self) > 0)
    {
      json_builder_set_member_name (builder, "forms");
      json_builder_begin_array (builder);
      for (guint i = 0; i < bs_routine_get_n_forms (self); i++)
        {
          json_builder_begin_object (builder);
          add_string (builder, "id", bs_routine_get_form_id (self, i));
          add_string (builder, "name", bs_routine_get_form_name (self, i));
          add_string (builder, "description", bs_routine_get_form_description (self, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  levels_are_default = bs_routine_get_n_levels (self) == 1 && bs_routine_get_level (self, 0) == 0;
  if (!levels_are_default)
    {
      json_builder_set_member_name (builder, "levels");
      json_builder_begin_array (builder);
      for (guint i = 0; i < bs_routine_get_n_levels (self); i++)
        json_builder_add_int_value (builder, bs_routine_get_level (self, i));
      json_builder_end_array (builder);
    }
  if (bs_routine_get_level_floor (self) != BS_ROUTINE_DEFAULT_LEVEL_FLOOR)
    add_int (builder, "level-floor", bs_routine_get_level_floor (self));

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bs_routine_get_n_steps (self); i++)
    add_step (builder, self, bs_routine_get_step (self, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);
  /* A text file ends with a newline. */
  return g_strconcat (json, "\n", NULL);
}

static gboolean
set_io_error (GError     **error,
              const char  *name,
              int          saved_errno)
{
  g_set_error (error, BS_ERROR, BS_ERROR_IO, "%s: %s", name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        size)
{
  while (size > 0)
    {
      gssize written = write (fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written == 0)
        errno = EIO;
      if (written <= 0)
        return FALSE;
      data += written;
      size -= (gsize) written;
    }
  return TRUE;
}

/* The directory entry made by rename() is only durable once the
 * directory itself is synced. */
static void
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  g_close (fd, NULL);
}

/**
 * bs_routine_save:
 * @file: where to write; a local file
 *
 * Writes @self as bs_routine_to_json() gives it, atomically: into a new
 * file beside @file, synced to the disk, then renamed over @file.  A crash
 * or a full disk leaves either the old file or the new one, never half of
 * one, and no stray file behind when it fails.
 *
 * Returns: %TRUE if the routine was written
 */
gboolean
bs_routine_save (BsRoutine  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  int fd, saved_errno;

  g_return_val_if_fail (BS_IS_ROUTINE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_IO,
                   _("%s: routines can only be saved to a local folder"), name);
      return FALSE;
    }

  json = bs_routine_to_json (self);
  dir = g_path_get_dirname (path);
  /* Hidden, in the same folder (so rename() cannot cross file systems),
   * and not ending in .json, so nothing lists it as a routine meanwhile. */
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, basename);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_io_error (error, name, errno);

  if (!write_all (fd, json, strlen (json)) || fsync (fd) != 0)
    {
      saved_errno = errno;
      g_close (fd, NULL);
      g_unlink (temp);
      return set_io_error (error, name, saved_errno);
    }
  if (!g_close (fd, NULL) || g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      return set_io_error (error, name, saved_errno);
    }
  sync_directory (dir);
  return TRUE;
}
