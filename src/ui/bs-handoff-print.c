/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-error.h"
#include "bs-handoff-print.h"
#include "bs-qr-view.h"

/*
 * The printed hand-off: one page with a heading, the same text as the QR
 * code, the code itself 50 mm wide (a phone reads it from the page at
 * reading distance), and a footer.  In the clinic kiosk it goes straight
 * to the default printer: the print dialog could print to a file, and its
 * file chooser would be a way out of the kiosk.  GTK never prints to a
 * file without a dialog, so no printer at all shows up as a cancelled run.
 */

#define QR_SIZE (50.0 / 25.4 * 72.0) /* 50 mm in points */
#define FONT "Cantarell"

typedef struct
{
  char *title;
  char *text;
  BsQrCode *code;
} Page;

static void
page_free (gpointer data,
           GClosure *closure)
{
  Page *page = data;

  g_free (page->title);
  g_free (page->text);
  g_clear_pointer (&page->code, bs_qr_code_unref);
  g_free (page);
}

static Page *
page_new (const char  *title,
          const char  *text,
          GError     **error)
{
  g_autoptr(BsQrCode) code = bs_qr_code_new (text, error);
  Page *page;

  if (code == NULL)
    return NULL;
  page = g_new0 (Page, 1);
  page->title = g_strdup (title);
  page->text = g_strdup (text);
  page->code = g_steal_pointer (&code);
  return page;
}

/* @text across the width of the page, wrapped. */
static PangoLayout *
page_layout (GtkPrintContext *context,
             const char      *text,
             const char      *font,
             PangoAlignment   alignment)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Shows @text at @y across the page; returns the y below it. */
static double
show_text (GtkPrintContext *context,
           const char      *text,
           const char      *font,
           double           gray,
           PangoAlignment   alignment,
           double           y)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = page_layout (context, text, font, alignment);
  int height;

  cairo_set_source_rgb (cr, gray, gray, gray);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return y + (double) height / PANGO_SCALE;
}

static double
text_height (GtkPrintContext *context,
             const char      *text,
             const char      *font)
{
  g_autoptr(PangoLayout) layout = page_layout (context, text, font, PANGO_ALIGN_LEFT);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           gpointer           user_data)
{
  Page *page = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  const char *footer = _("Made with Backstay. Not a diagnosis.");
  const char *footer_font = FONT " 9";
  double footer_height = text_height (context, footer, footer_font);
  double y = 0, size;

  y = show_text (context, page->title, FONT " Bold 20", 0.0, PANGO_ALIGN_LEFT, y) + 14;
  y = show_text (context, page->text, FONT " 12", 0.1, PANGO_ALIGN_LEFT, y) + 28;

  /* 50 mm, or what is left above the footer on a small page. */
  size = MIN (QR_SIZE, MIN (width, height - footer_height - 40 - y));
  if (size > 0)
    {
      cairo_save (cr);
      cairo_translate (cr, (width - size) / 2, y);
      bs_qr_draw (cr, page->code, size);
      cairo_restore (cr);
      y += size + 6;
      show_text (context, _("Scan with your phone’s camera"), FONT " 10", 0.3,
                 PANGO_ALIGN_CENTER, y);
    }

  show_text (context, footer, footer_font, 0.35, PANGO_ALIGN_CENTER, height - footer_height);
}

static GtkPrintOperation *
operation_new (Page *page)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, page->title);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page), page, page_free, 0);
  return operation;
}

/* What the result of a print run means, as an error a person can act on:
 * in the kiosk, a patient who can only ask someone. */
static gboolean
check_result (GtkPrintOperationResult   result,
              const GError             *print_error,
              gboolean                  ask,
              GError                  **error)
{
  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
      return TRUE;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
      if (ask)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("Printing was cancelled."));
      else
        g_set_error_literal (error, BS_ERROR, BS_ERROR_NOT_FOUND,
                             _("No printer is set up here. Ask a member of staff."));
      return FALSE;

    case GTK_PRINT_OPERATION_RESULT_ERROR:
    default:
      {
        const char *detail = print_error ? print_error->message : _("unknown error");

        if (ask)
          g_set_error (error, BS_ERROR, BS_ERROR_IO,
                       _("The page could not be printed: %s"), detail);
        else
          g_set_error (error, BS_ERROR, BS_ERROR_IO,
                       _("Printing did not work (%s). Ask a member of staff."), detail);
        return FALSE;
      }
    }
}

typedef struct
{
  GtkPrintOperation *operation;
  gboolean ask;
  gboolean returned;
  guint wait_id;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_clear_object (&run->operation);
  g_free (run);
}

static void on_done (GtkPrintOperation       *operation,
                     GtkPrintOperationResult  result,
                     gpointer                 user_data);

/* Takes @error. */
static void
task_return (GTask  *task,
             GError *error)
{
  RunData *run = g_task_get_task_data (task);

  if (run->returned)
    {
      g_clear_error (&error);
      return;
    }
  run->returned = TRUE;
  g_clear_handle_id (&run->wait_id, g_source_remove);
  if (error == NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  /* Drops the handler's reference on the task, which holds the operation:
   * both go once the task has called back. */
  g_signal_handlers_disconnect_by_func (run->operation, on_done, task);
}

static void
task_return_result (GTask                   *task,
                    GtkPrintOperationResult  result,
                    const GError            *print_error)
{
  RunData *run = g_task_get_task_data (task);
  GError *error = NULL;

  check_result (result, print_error, run->ask, &error);
  task_return (task, error);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  task_return_result (G_TASK (user_data), result, error);
}

/* GTK waits for the print system to list its printers before it prints
 * without a dialog, and when the print service is not running it waits
 * for ever.  A patient should not stand at the screen that long. */
static gboolean
on_printer_wait_over (gpointer user_data)
{
  GTask *task = user_data;
  RunData *run = g_task_get_task_data (task);

  run->wait_id = 0;
  task_return (task, g_error_new_literal (BS_ERROR, BS_ERROR_NOT_FOUND,
                                          _("No printer answered. Ask a member of staff.")));
  return G_SOURCE_REMOVE;
}

/**
 * bs_handoff_print_run_async:
 * @parent: (nullable): the window the print dialog belongs to
 * @title: the page's heading
 * @text: the text of the page and of its QR code
 * @ask: %TRUE to show the print dialog, %FALSE to print on the default
 *   printer without one
 * @callback: called when the page has been handed to the printer, the
 *   dialog was cancelled, or printing failed
 *
 * Prints the page.  With @ask the print dialog is modal to @parent.
 * Without, a printer that does not answer within %BS_HANDOFF_PRINTER_WAIT
 * seconds counts as none.  The errors are those of
 * bs_handoff_print_run().
 */
void
bs_handoff_print_run_async (GtkWindow           *parent,
                            const char          *title,
                            const char          *text,
                            gboolean             ask,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) print_error = NULL;
  GtkPrintOperationResult result;
  RunData *run;
  Page *page;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL && text != NULL);

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, bs_handoff_print_run_async);
  if ((page = page_new (title, text, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  run = g_new0 (RunData, 1);
  run->ask = ask;
  run->operation = operation_new (page);
  g_task_set_task_data (task, run, run_data_free);
  gtk_print_operation_set_allow_async (run->operation, TRUE);
  /* The operation and the task keep each other until it is done. */
  g_signal_connect_data (run->operation, "done", G_CALLBACK (on_done), g_object_ref (task),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  if (!ask)
    run->wait_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, BS_HANDOFF_PRINTER_WAIT,
                                               on_printer_wait_over, g_object_ref (task),
                                               g_object_unref);

  result = gtk_print_operation_run (run->operation,
                                    ask ? GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG
                                        : GTK_PRINT_OPERATION_ACTION_PRINT,
                                    parent, &print_error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    task_return_result (task, result, print_error);
}

static void
on_run_finished (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * bs_handoff_print_run:
 * @error: %G_IO_ERROR_CANCELLED when the person cancelled the dialog,
 *   %BS_ERROR_NOT_FOUND when there is no printer to print on without one,
 *   %BS_ERROR_RANGE when @text is too long for a QR code, else
 *   %BS_ERROR_IO with what went wrong
 *
 * Prints the page like bs_handoff_print_run_async(), and waits, running
 * the main loop, until it has been handed to the printer.
 */
gboolean
bs_handoff_print_run (GtkWindow   *parent,
                      const char  *title,
                      const char  *text,
                      gboolean     ask,
                      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (title != NULL && text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bs_handoff_print_run_async (parent, title, text, ask, on_run_finished, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return bs_handoff_print_run_finish (result, error);
}

gboolean
bs_handoff_print_run_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bs_handoff_print_run_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * bs_handoff_print_export_pdf:
 * @file: a local file to write
 *
 * Writes the page as it would be printed to a PDF file, without a dialog.
 */
gboolean
bs_handoff_print_export_pdf (const char  *title,
                             const char  *text,
                             GFile       *file,
                             GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) print_error = NULL;
  g_autofree char *path = NULL;
  GtkPrintOperationResult result;
  Page *page;

  g_return_val_if_fail (title != NULL && text != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, BS_ERROR, BS_ERROR_IO,
                           _("The page can only be saved to a folder on this computer."));
      return FALSE;
    }
  if ((page = page_new (title, text, error)) == NULL)
    return FALSE;
  operation = operation_new (page);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &print_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_IO, _("The page could not be saved: %s"),
                   print_error ? print_error->message : _("unknown error"));
      return FALSE;
    }
  return TRUE;
}
