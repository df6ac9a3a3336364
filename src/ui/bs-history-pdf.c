/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "bs-chart-draw.h"
#include "bs-history-entry.h"
#include "bs-history-pdf.h"
#include "bs-history-stats.h"
#include "bs-history-text.h"

/*
 * One A4 page a runner can hand to a physiotherapist: the latest
 * self-assessment, the core test over time, and how regularly they
 * stretched and strengthened.  Drawn with cairo and Pango only, with the
 * same chart code as the screen, in print colours.
 */

#define PAGE_WIDTH 595.28   /* A4 in points */
#define PAGE_HEIGHT 841.89
#define MARGIN 48.0
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define ADHERENCE_WEEKS 8

typedef struct
{
  cairo_t *cr;
  double y;
  double chart_height;
} Page;

static double
text (Page       *page,
      const char *markup_free_text,
      const char *font,
      double      gray,
      double      space_after)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (TEXT_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, markup_free_text, -1);
  cairo_set_source_rgb (page->cr, gray, gray, gray);
  cairo_move_to (page->cr, MARGIN, page->y);
  pango_cairo_show_layout (page->cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  page->y += (double) height / PANGO_SCALE + space_after;

  pango_font_description_free (description);
  g_object_unref (layout);
  return page->y;
}

static void
heading (Page       *page,
         const char *title)
{
  page->y += 10;
  text (page, title, "Cantarell Bold 13", 0.1, 6);
}

static BsHistoryEntry *
latest_assessment (GListModel *entries)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(BsHistoryEntry) entry = g_list_model_get_item (entries, i);

      if (bs_history_entry_get_kind (entry) == BS_HISTORY_ASSESSMENT)
        return g_steal_pointer (&entry);
    }
  return NULL;
}

/* One line naming every item of a kind, or nothing when there is none. */
static void
item_list (Page          *page,
           const char    *format,
           const char    *font,
           BsFindings    *findings,
           guint        (*count) (BsFindings *),
           const BsItem *(*nth) (BsFindings *, guint))
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *line = NULL;

  for (guint i = 0; i < count (findings); i++)
    g_string_append_printf (list, "%s%s", list->len ? "; " : "", nth (findings, i)->title);
  if (list->len == 0)
    return;
  line = g_strdup_printf (format, list->str);
  text (page, line, font, 0.2, 4);
}

static void
assessment_section (Page       *page,
                    GListModel *entries)
{
  g_autoptr(BsHistoryEntry) entry = latest_assessment (entries);
  g_autoptr(BsFindings) findings = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autofree char *when = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *line = NULL;

  heading (page, _("Latest self-assessment"));
  if (entry == NULL)
    {
      text (page, _("None recorded."), "Cantarell 10", 0.3, 4);
      return;
    }
  when = bs_format_date (g_date_time_to_unix (bs_history_entry_get_started_at (entry)), tz);
  findings = bs_history_entry_dup_findings (entry);
  figure = bs_history_entry_dup_figure (entry);
  line = g_strdup_printf ("%s. %s.", when, figure);
  text (page, line, "Cantarell 10", 0.2, 4);
  if (findings == NULL)
    return;

  /* Translators: %s lists the warning signs found, separated by ";" */
  item_list (page, _("Warning signs: %s."), "Cantarell Bold 10", findings,
             bs_findings_get_n_red_flags, bs_findings_get_red_flag);
  /* Translators: %s lists the risk factors found, separated by ";" */
  item_list (page, _("Risk factors: %s."), "Cantarell 10", findings,
             bs_findings_get_n_risks, bs_findings_get_risk);
  /* Translators: %s lists the recommendations, separated by ";" */
  item_list (page, _("Recommended: %s."), "Cantarell 10", findings,
             bs_findings_get_n_advice, bs_findings_get_advice);
}

static void
chart_section (Page       *page,
               GListModel *entries)
{
  g_autoptr(GArray) points = bs_history_core_series (entries);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 8");
  PangoContext *context = pango_cairo_create_context (page->cr);
  BsCoreSummary summary;
  g_autofree char *summary_text = NULL;
  BsChartStyle style = {
    .foreground = { 0.1, 0.1, 0.1, 1 },
    .dim = { 0.35, 0.35, 0.35, 1 },
    .grid = { 0.85, 0.85, 0.85, 1 },
    .accent = { 0.11, 0.44, 0.85, 1 },
    .success = { 0.15, 0.55, 0.3, 1 },
    .target = { 0.5, 0.5, 0.5, 1 },
    .background = { 1, 1, 1, 1 },
    .font = font,
  };

  heading (page, _("Core strength test"));
  bs_core_summary_init (&summary, (const BsChartPoint *) points->data, points->len);
  summary_text = bs_core_summary_to_text (&summary, tz);
  text (page, summary_text, "Cantarell 10", 0.2, 8);

  if (points->len > 0)
    {
      cairo_save (page->cr);
      cairo_translate (page->cr, MARGIN, page->y);
      bs_chart_draw (page->cr, context, &style, TEXT_WIDTH, page->chart_height,
                     (const BsChartPoint *) points->data, points->len, -1, NULL);
      cairo_restore (page->cr);
      page->y += page->chart_height + 8;
    }
  g_object_unref (context);
}

static void
adherence_grid (Page              *page,
                const BsAdherence *adherence)
{
  const double cell = 14, gap = 4;
  double x0 = MARGIN, y0 = page->y;

  for (guint w = 0; w < adherence->n_weeks; w++)
    {
      const BsAdherenceWeek *week = &adherence->weeks[w];

      for (guint d = 0; d < 7; d++)
        {
          const BsAdherenceDay *day = &week->days[d];
          double x = x0 + w * (cell + gap), y = y0 + d * (cell + gap);

          cairo_new_path (page->cr);
          cairo_arc (page->cr, x + cell / 2, y + cell / 2, cell / 2 - 1, 0, 2 * G_PI);
          if (day->future)
            {
              cairo_set_source_rgb (page->cr, 0.9, 0.9, 0.9);
              cairo_set_line_width (page->cr, 0.8);
              cairo_stroke (page->cr);
            }
          else if (day->stretched)
            {
              /* Filled and ticked: the mark reads in black and white too. */
              cairo_set_source_rgb (page->cr, 0.11, 0.44, 0.85);
              cairo_fill (page->cr);
              cairo_set_source_rgb (page->cr, 1, 1, 1);
              cairo_set_line_width (page->cr, 1.6);
              cairo_move_to (page->cr, x + 4, y + cell / 2);
              cairo_line_to (page->cr, x + cell / 2 - 1, y + cell - 4.5);
              cairo_line_to (page->cr, x + cell - 3.5, y + 4);
              cairo_stroke (page->cr);
            }
          else
            {
              cairo_set_source_rgb (page->cr, 0.55, 0.55, 0.55);
              cairo_set_line_width (page->cr, 0.8);
              cairo_stroke (page->cr);
            }
        }
    }
  page->y += 7 * (cell + gap) + 6;
}

static void
adherence_section (Page       *page,
                   GListModel *entries)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(BsAdherence) adherence = NULL;
  g_autofree char *summary = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  adherence = bs_adherence_compute (entries, &today, tz, ADHERENCE_WEEKS);
  summary = bs_adherence_to_text (adherence);

  heading (page, _("Stretching and strength"));
  text (page, summary, "Cantarell 10", 0.2, 8);
  text (page, _("The last eight weeks, one column a week, Monday at the top; a ticked circle is a day with the stretches done."),
        "Cantarell 8", 0.4, 6);
  adherence_grid (page, adherence);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The summary of @entries; of one patient of a clinic when @code is set. */
static gboolean
write_summary (GListModel  *entries,
               const char  *code,
               GFile       *file,
               GError     **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autofree char *date = bs_format_date (g_date_time_to_unix (now), tz);
  g_autofree char *made = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  /* The patient's line takes its height from the chart, so that the page
   * still ends above the footnote. */
  Page page = { NULL, MARGIN, code != NULL ? 190 : 210 };

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf,
                                                 PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Backstay progress summary"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Backstay " PACKAGE_VERSION);
  page.cr = cairo_create (surface);

  text (&page, _("Low back care: progress summary"), "Cantarell Bold 18", 0.05, 2);
  if (code != NULL)
    {
      /* Translators: %s is the code a clinic keeps a patient's results
       * under, such as P-1042 */
      g_autofree char *patient = g_strdup_printf (_("Patient code: %s"), code);

      text (&page, patient, "Cantarell Bold 12", 0.05, 2);
      /* Translators: %s is today's date */
      made = g_strdup_printf (_("Made with Backstay on %s, from the results the clinic keeps under this code."), date);
    }
  else
    {
      /* Translators: %s is today's date */
      made = g_strdup_printf (_("Made with Backstay on %s, from the records kept on the runner’s own computer."), date);
    }
  text (&page, made, "Cantarell 9", 0.4, 6);

  assessment_section (&page, entries);
  chart_section (&page, entries);
  adherence_section (&page, entries);

  page.y = PAGE_HEIGHT - MARGIN - 24;
  text (&page, _("A self-assessment is not a diagnosis. The exercise doses follow published advice for runners with low back pain; see “About This Advice” in the app for the sources."),
        "Cantarell 8", 0.4, 0);

  cairo_show_page (page.cr);
  cairo_destroy (page.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The summary could not be drawn: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_replace_contents (file, (const char *) pdf->data, pdf->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/**
 * bs_history_pdf_write:
 * @entries: the history, newest first
 * @file: where to write the PDF
 */
gboolean
bs_history_pdf_write (GListModel  *entries,
                      GFile       *file,
                      GError     **error)
{
  return write_summary (entries, NULL, file, error);
}

/**
 * bs_history_pdf_write_for_patient:
 * @entries: the results of one patient of a clinic, newest first
 * @code: the patient code they are kept under, named in the heading
 * @file: where to write the PDF
 *
 * The same one-page summary, for a clinic to hand to the patient or their
 * therapist: it names the code, never a person.
 */
gboolean
bs_history_pdf_write_for_patient (GListModel  *entries,
                                  const char  *code,
                                  GFile       *file,
                                  GError     **error)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return write_summary (entries, code, file, error);
}
