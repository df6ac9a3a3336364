/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "bs-format.h"
#include "bs-json-locator.h"
#include "bs-routine-editor-private.h"
#include "bs-routine-writer.h"
#include "bs-schedule.h"

/*
 * Checking the routine being edited: the fields made into a routine file
 * and read back with the loader, the loader's message shown and its line
 * and column led back to the field at fault, or the total shown when the
 * routine is complete.
 */

static void
clear_problem (BsRoutineEditor *self)
{
  g_clear_pointer (&self->problem, g_free);
  if (self->problem_widget != NULL)
    gtk_widget_remove_css_class (self->problem_widget, "error");
  self->problem_widget = NULL;
  for (guint i = 0; bs_routine_editor_step_row (self, i) != NULL; i++)
    bs_step_edit_row_clear_problem (bs_routine_editor_step_row (self, i));
}

static gboolean
located_at (BsJsonLocator *locator,
            const char    *pointer,
            guint          line,
            guint          column)
{
  guint found_line = 0, found_column = 0;

  return bs_json_locator_lookup (locator, pointer, &found_line, &found_column) &&
         found_line == line && found_column == column;
}

/* The loader says where in the text the problem is; the same text says
 * which field that is. */
static void
mark_field (BsRoutineEditor *self,
            const char      *json,
            guint            line,
            guint            column)
{
  static const char * const step_fields[] = {
    "kind", "name", "instruction", "side", "seconds", "first-side", "switch-seconds", "reps",
    "pace", "sets", "set-rest", "rest-after",
  };
  const struct
  {
    const char *pointer;
    GtkWidget *widget;
  } routine_fields[] = {
    { "/name", GTK_WIDGET (self->name_row) },
    { "/description", GTK_WIDGET (self->description_row) },
    { "/category", GTK_WIDGET (self->category_row) },
    { "/lead-in", GTK_WIDGET (self->lead_in_seconds_row) },
    { "/round-rest", GTK_WIDGET (self->round_rest_row) },
  };
  g_autoptr(BsJsonLocator) locator = bs_json_locator_new (json, strlen (json));

  for (guint i = 0; i < G_N_ELEMENTS (routine_fields); i++)
    if (located_at (locator, routine_fields[i].pointer, line, column))
      {
        self->problem_widget = routine_fields[i].widget;
        gtk_widget_add_css_class (self->problem_widget, "error");
        return;
      }

  for (guint i = 0; bs_routine_editor_step_row (self, i) != NULL; i++)
    {
      g_autofree char *step_pointer = g_strdup_printf ("/steps/%u", i);

      for (guint j = 0; j < G_N_ELEMENTS (step_fields); j++)
        {
          g_autofree char *pointer = g_strdup_printf ("%s/%s", step_pointer, step_fields[j]);

          if (located_at (locator, pointer, line, column))
            {
              bs_step_edit_row_show_problem (bs_routine_editor_step_row (self, i), step_fields[j]);
              return;
            }
        }
      if (located_at (locator, step_pointer, line, column))
        {
          bs_step_edit_row_show_problem (bs_routine_editor_step_row (self, i), NULL);
          return;
        }
    }
}

/* "routine:12:7: step 2: “name” must be …" → "Step 2: “name” must be …",
 * with the line and column kept apart to find the field. */
static char *
read_problem (const char *message,
              guint      *line,
              guint      *column)
{
  const char *rest = message;
  gunichar first;

  *line = *column = 0;
  if (g_str_has_prefix (rest, CHECK_NAME))
    {
      rest += strlen (CHECK_NAME);
      if (rest[0] == ':' && g_ascii_isdigit (rest[1]))
        {
          char *end;

          *line = (guint) strtoul (rest + 1, &end, 10);
          if (end[0] == ':' && g_ascii_isdigit (end[1]))
            *column = (guint) strtoul (end + 1, &end, 10);
          rest = end;
        }
      if (g_str_has_prefix (rest, ": "))
        rest += 2;
    }
  if (rest[0] == '\0')
    return g_strdup (message);

  first = g_utf8_get_char (rest);
  {
    char upper[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_totitle (first), upper);
    return g_strconcat (upper, g_utf8_next_char (rest), NULL);
  }
}

static char *
describe_schedule (BsSchedule *schedule)
{
  g_autofree char *total = bs_format_clock (bs_schedule_get_total_seconds (schedule));
  g_autofree char *work = bs_format_clock (bs_schedule_get_work_seconds (schedule));
  g_autofree char *rests = bs_format_clock (bs_schedule_get_rest_seconds (schedule));
  guint lead_in = bs_schedule_get_lead_in (schedule);
  gboolean open_ended = bs_schedule_has_open_ended (schedule);

  if (lead_in > 0)
    {
      g_autofree char *ready = bs_format_clock (lead_in);

      if (open_ended)
        /* Translators: the length of a routine being edited, in minutes and seconds */
        return g_strdup_printf (_("Total %s (get ready %s, work %s, rests %s), "
                                  "plus counted sets at your pace"), total, ready, work, rests);
      /* Translators: the length of a routine being edited, in minutes and seconds */
      return g_strdup_printf (_("Total %s (get ready %s, work %s, rests %s)"),
                              total, ready, work, rests);
    }
  if (open_ended)
    /* Translators: the length of a routine being edited, in minutes and seconds */
    return g_strdup_printf (_("Total %s (work %s, rests %s), plus counted sets at your pace"),
                            total, work, rests);
  /* Translators: the length of a routine being edited, in minutes and seconds:
   * "Total 15:55 (work 12:30, rests 3:25)" */
  return g_strdup_printf (_("Total %s (work %s, rests %s)"), total, work, rests);
}

void
bs_routine_editor_refresh (BsRoutineEditor *self)
{
  g_autoptr(BsRoutine) routine = NULL;
  g_autoptr(BsRoutine) loaded = NULL;
  g_autoptr(BsSchedule) schedule = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  if (self->loading)
    return;

  routine = bs_routine_editor_build_routine (self, self->id != NULL ? self->id : CHECK_ID);
  json = bs_routine_to_json (routine);
  bytes = g_bytes_new (json, strlen (json));
  loaded = bs_routine_new_from_bytes (bytes, CHECK_NAME, BS_ROUTINE_LOAD_NONE, &error);
  if (loaded != NULL)
    /* With the get-ready the routines page counts, so both say the same. */
    schedule = bs_schedule_new (loaded, NULL, bs_routine_get_level (loaded, 0),
                                BS_SCHEDULE_DEFAULT_LEAD_IN, &error);

  clear_problem (self);
  if (schedule != NULL)
    {
      g_autofree char *preview = describe_schedule (schedule);

      gtk_label_set_label (self->preview_label, preview);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
    }
  else
    {
      guint line, column;

      self->problem = read_problem (error->message, &line, &column);
      if (line > 0)
        mark_field (self, json, line, column);
      gtk_label_set_label (self->preview_label, _("The total is shown once the routine is complete."));
      gtk_label_set_label (self->problem_label, self->problem);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
    }

  g_free (self->json);
  self->json = g_steal_pointer (&json);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", schedule != NULL);
}
