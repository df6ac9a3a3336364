/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bs-format.h"
#include "bs-handoff.h"
#include "bs-history-text.h"

/*
 * What a patient takes home from the clinic kiosk: a few lines about one
 * entry, for a QR code and a printed page (CONTENT.md §1, §5).  It says
 * where it came from (Backstay, the date), the result in the words the
 * result pages use, and the plan in one line.  Short enough to stay a
 * small QR code: the lines are put together in order of importance, and
 * when they do not fit, whole lines go from the end of the body, never
 * the heading, the date or the reminder.
 */

/* No one line takes more than this: a routine's name is the user's own. */
#define LINE_MAX_BYTES 200
/* The plan names this many recommendations at most, in this many bytes. */
#define PLAN_MAX_ITEMS 4
#define PLAN_MAX_BYTES 160

/* The longest prefix of @text of at most @max_bytes, cut between two
 * characters. */
static gsize
utf8_prefix (const char *text,
             gsize       max_bytes)
{
  const char *end = text + max_bytes;

  if (strlen (text) <= max_bytes)
    return strlen (text);
  /* Back up to the start of the character @end is in. */
  while (end > text && ((guchar) *end & 0xc0) == 0x80)
    end--;
  return (gsize) (end - text);
}

/* One line, at most @max_bytes long: control characters (a name with a
 * line break in it) become spaces, and a cut is marked with "…". */
static char *
one_line (const char *text,
          gsize       max_bytes)
{
  static const char ellipsis[] = "…";
  g_autoptr(GString) line = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (line, ' ');
      else
        g_string_append_unichar (line, c);
    }
  g_strstrip (line->str);
  g_string_set_size (line, strlen (line->str));
  if (line->len > max_bytes && max_bytes >= sizeof ellipsis - 1)
    {
      g_string_truncate (line, utf8_prefix (line->str, max_bytes - (sizeof ellipsis - 1)));
      g_string_append (line, ellipsis);
    }
  else if (line->len > max_bytes)
    g_string_truncate (line, utf8_prefix (line->str, max_bytes));
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * bs_handoff_truncate:
 * @text: UTF-8 text, lines separated by "\n"
 * @max_bytes: the most bytes the result may have
 *
 * Returns: (transfer full): @text if it fits, else as many of its first
 *   lines as fit; a first line that alone is too long is cut between two
 *   characters
 */
char *
bs_handoff_truncate (const char *text,
                     gsize       max_bytes)
{
  const char *cut;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) <= max_bytes)
    return g_strdup (text);
  /* The last line break at or before the limit ends the last whole line. */
  for (cut = text + max_bytes; cut > text && *cut != '\n'; cut--)
    ;
  if (cut > text)
    return g_strndup (text, (gsize) (cut - text));
  return g_strndup (text, utf8_prefix (text, max_bytes));
}

/* The core test */

static guint
count_skipped (BsHistoryEntry *entry)
{
  guint skipped = 0;

  for (guint i = 0; i < bs_history_entry_get_n_stages (entry); i++)
    {
      const BsStageRecord *stage = bs_history_entry_get_stage (entry, i + 1);

      if (stage != NULL && stage->skipped)
        skipped++;
    }
  return skipped;
}

static char *
stage_name (BsHistoryEntry *entry,
            guint           stage)
{
  g_auto(GStrv) names = bs_history_entry_dup_stage_names (entry);

  if (names == NULL || stage == 0 || stage > g_strv_length (names))
    return NULL;
  return g_strdup (names[stage - 1]);
}

static void
add_scored (GPtrArray      *body,
            BsHistoryEntry *entry)
{
  guint n_stages = bs_history_entry_get_n_stages (entry);
  guint reached = bs_history_entry_get_stage_reached (entry);
  BsOutcome outcome = bs_history_entry_get_outcome (entry);
  g_autofree char *held = bs_format_clock ((guint) (bs_history_entry_get_held_ms (entry) / 1000));
  g_autofree char *target = bs_format_clock (bs_history_entry_get_target_seconds (entry));
  const char *form = bs_history_entry_get_form_name (entry);
  guint level = bs_history_entry_get_level (entry);

  if (outcome == BS_OUTCOME_INTERRUPTED || outcome == BS_OUTCOME_IN_PROGRESS)
    {
      g_autofree char *figure = bs_history_entry_dup_figure (entry);

      g_ptr_array_add (body, g_strdup_printf ("%s.", figure));
    }
  else if (bs_history_entry_get_good (entry))
    /* Translators: the core test held in full; %u is the number of stages,
     * %s the total time, e.g. "(3:00)" */
    g_ptr_array_add (body, g_strdup_printf (_("Good core strength: you held all %u stages (%s)."),
                                            n_stages, target));
  else if (outcome == BS_OUTCOME_COMPLETED)
    {
      guint skipped = count_skipped (entry);

      /* Translators: e.g. "Finished with 2 stages skipped: held 2:30 of 3:00." */
      g_ptr_array_add (body, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Finished with %u stage skipped: held %s of %s.",
                                                           "Finished with %u stages skipped: held %s of %s.",
                                                           skipped),
                                              skipped, held, target));
    }
  else if (reached == 0)
    g_ptr_array_add (body, g_strdup (_("Stopped before the first stage.")));
  else
    {
      g_autofree char *name = stage_name (entry, reached);

      if (name != NULL)
        /* Translators: e.g. "You held 1:32 of 3:00 and reached stage 5 of 8:
         * Lift right arm and left leg." */
        g_ptr_array_add (body, g_strdup_printf (_("You held %s of %s and reached stage %u of %u: %s."),
                                                held, target, reached, n_stages, name));
      else
        g_ptr_array_add (body, g_strdup_printf (_("You held %s of %s and reached stage %u of %u."),
                                                held, target, reached, n_stages));
    }

  /* CONTENT.md §2-3: strengthening at least three times a week, and the
   * hamstrings and hips stretched every day, whatever the result. */
  g_ptr_array_add (body, g_strdup (_("Plan: strengthen your core three times a week and stretch "
                                     "your hamstrings and hips every day.")));
  if (form != NULL && level == 0)
    g_ptr_array_add (body, g_strdup_printf (_("%s, standard level"), form));
  else if (form != NULL)
    g_ptr_array_add (body, g_strdup_printf (_("%s, every hold %u s shorter"), form, level));
}

/* Other routines */

static void
add_followed (GPtrArray      *body,
              BsHistoryEntry *entry)
{
  g_autofree char *figure = bs_history_entry_dup_figure (entry);
  GDateTime *started = bs_history_entry_get_started_at (entry);
  GDateTime *ended = bs_history_entry_get_ended_at (entry);

  if (bs_history_entry_get_outcome (entry) == BS_OUTCOME_COMPLETED)
    /* Translators: %s is what was done, e.g. "Completed: 21 of 21 sets." */
    g_ptr_array_add (body, g_strdup_printf (_("Completed: %s."), figure));
  else
    g_ptr_array_add (body, g_strdup_printf ("%s.", figure));

  if (started != NULL && ended != NULL)
    {
      GTimeSpan span = g_date_time_difference (ended, started);

      if (span > 0)
        {
          g_autofree char *clock = bs_format_clock ((guint) (span / G_TIME_SPAN_SECOND));

          /* Translators: how long the run took, e.g. "Time: 18:05" */
          g_ptr_array_add (body, g_strdup_printf (_("Time: %s"), clock));
        }
    }
}

/* Assessments */

static char *
join_titles (BsFindings    *findings,
             guint        (*count) (BsFindings *),
             const BsItem *(*nth) (BsFindings *, guint),
             guint          max_items,
             gsize          max_bytes)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = count (findings), shown = 0;

  for (; shown < n && shown < max_items; shown++)
    {
      const char *title = nth (findings, shown)->title;

      if (shown > 0 && list->len + 2 + strlen (title) > max_bytes)
        break;
      /* Translators: the separator between the titles in a list such as
       * "Strengthen three times a week; Daily hamstring stretch" */
      g_string_append_printf (list, "%s%s", shown > 0 ? C_("handoff list", "; ") : "", title);
    }
  if (shown < n)
    {
      g_autofree char *shortened = g_string_free (g_steal_pointer (&list), FALSE);

      /* Translators: a shortened list, e.g. "Cross-train; Check your shoes and 3 more" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                           n - shown),
                              shortened, n - shown);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
add_assessment (GPtrArray      *body,
                BsHistoryEntry *entry)
{
  g_autoptr(BsFindings) findings = bs_history_entry_dup_findings (entry);

  if (findings == NULL)
    {
      g_autofree char *figure = bs_history_entry_dup_figure (entry);

      g_ptr_array_add (body, g_strdup_printf ("%s.", figure));
      return;
    }

  if (bs_history_entry_get_red_flag (entry) || bs_findings_get_n_red_flags (findings) > 0)
    {
      g_autofree char *flags = join_titles (findings, bs_findings_get_n_red_flags,
                                            bs_findings_get_red_flag, G_MAXUINT, PLAN_MAX_BYTES);

      if (flags[0] != '\0')
        /* Translators: %s lists the warning signs, e.g. "See a clinician
         * now: Fever or chills." */
        g_ptr_array_add (body, g_strdup_printf (_("See a clinician now: %s."), flags));
      else
        g_ptr_array_add (body, g_strdup (_("See a clinician now.")));
      return;
    }

  if (bs_findings_get_n_advice (findings) > 0)
    {
      g_autofree char *plan = join_titles (findings, bs_findings_get_n_advice,
                                           bs_findings_get_advice, PLAN_MAX_ITEMS, PLAN_MAX_BYTES);

      /* Translators: %s lists the first recommendations, e.g. "Your plan:
       * Strengthen three times a week; Daily hamstring stretch." */
      g_ptr_array_add (body, g_strdup_printf (_("Your plan: %s."), plan));
    }
  else
    {
      g_autofree char *figure = bs_history_entry_dup_figure (entry);

      g_ptr_array_add (body, g_strdup_printf ("%s.", figure));
    }
}

/**
 * bs_handoff_dup_title:
 *
 * Returns: (transfer full): the heading of the printed page
 */
char *
bs_handoff_dup_title (BsHistoryEntry *entry)
{
  g_autofree char *title = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), NULL);

  title = bs_history_entry_dup_title (entry);
  line = one_line (title ? title : "", LINE_MAX_BYTES);
  /* Translators: the heading of the printed result, e.g. "Your result:
   * Core strength test" */
  return g_strdup_printf (_("Your result: %s"), line);
}

static char *
format_when (BsHistoryEntry *entry,
             GDateTime      *now)
{
  GDateTime *started = bs_history_entry_get_started_at (entry);
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();
  when = g_date_time_to_timezone (started != NULL ? started : now,
                                  g_date_time_get_timezone (now));
  /* Translators: when the run or assessment was, as strftime; see the
   * g_date_time_format() documentation: "3 May 2026, 14:05" */
  return g_date_time_format (when, C_("handoff date", "%-d %B %Y, %H:%M"));
}

/**
 * bs_handoff_dup_text:
 * @entry: a run or an assessment
 * @now: (nullable): the current time, in the zone the text gives times
 *   in; the local time and zone if %NULL
 *
 * Returns: (transfer full): a few lines, at most %BS_HANDOFF_MAX_BYTES
 *   bytes: where it came from and when, the result, the plan, and a
 *   reminder that this is not a diagnosis
 */
char *
bs_handoff_dup_text (BsHistoryEntry *entry,
                     GDateTime      *now)
{
  g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;
  const char *reminder = _("Not a diagnosis. If in doubt, see a clinician.");
  gsize fixed, body_bytes = 0;
  guint n_body = 0;

  g_return_val_if_fail (BS_IS_HISTORY_ENTRY (entry), NULL);

  title = bs_history_entry_dup_title (entry);
  /* Translators: the first line of the text in the QR code, e.g.
   * "Backstay: Core strength test" */
  label = g_strdup_printf (_("Backstay: %s"), title ? title : "");
  heading = one_line (label, LINE_MAX_BYTES);
  when = format_when (entry, now);

  if (bs_history_entry_get_kind (entry) == BS_HISTORY_ASSESSMENT)
    add_assessment (body, entry);
  else if (bs_history_entry_get_scored (entry))
    add_scored (body, entry);
  else
    add_followed (body, entry);

  for (guint i = 0; i < body->len; i++)
    {
      char *line = one_line (g_ptr_array_index (body, i), LINE_MAX_BYTES);

      g_free (g_ptr_array_index (body, i));
      g_ptr_array_index (body, i) = line;
    }

  /* Whole lines of the body go from the end until everything fits. */
  fixed = strlen (heading) + 1 + strlen (when) + 1 + strlen (reminder);
  for (; n_body < body->len; n_body++)
    {
      gsize bytes = strlen (g_ptr_array_index (body, n_body)) + 1;

      if (fixed + body_bytes + bytes > BS_HANDOFF_MAX_BYTES)
        break;
      body_bytes += bytes;
    }

  g_string_append_printf (text, "%s\n%s\n", heading, when);
  for (guint i = 0; i < n_body; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (body, i));
  g_string_append (text, reminder);

  /* Only a translation far longer than the English can get here. */
  if (text->len > BS_HANDOFF_MAX_BYTES)
    return bs_handoff_truncate (text->str, BS_HANDOFF_MAX_BYTES);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
