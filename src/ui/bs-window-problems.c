/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-window-private.h"

/* A problem the run goes on despite (no sound, no history) is said once
 * per window: a short toast that stays until dismissed, since a person on
 * the mat may not look for a while, with the whole message one click
 * away.  Short because a toast does not wrap, and a long one would widen
 * the window past a phone's width. */
static void
show_problem_toast (BsWindow   *self,
                    char      **kept,
                    const char *message,
                    const char *title,
                    const char *action_name)
{
  AdwToast *toast;

  if (*kept != NULL)
    return;
  *kept = g_strdup (message);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, action_name);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
present_problem (BsWindow   *self,
                 const char *heading,
                 const char *message)
{
  AdwMessageDialog *dialog;

  if (message == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bs_window_show_audio_problem (BsWindow   *self,
                              const char *message)
{
  show_problem_toast (self, &self->audio_problem, message, _("No sound output: cues are off"),
                      "window.show-audio-problem");
}

void
bs_window_show_audio_problem_activated (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);

  present_problem (self, _("No Sound Output"), self->audio_problem);
}

void
bs_window_on_audio_failed (BsCuePlayer  *player,
                           const GError *error,
                           BsWindow     *self)
{
  bs_window_show_audio_problem (self, error->message);
}

void
bs_window_show_history_problem (BsWindow   *self,
                                const char *message)
{
  show_problem_toast (self, &self->history_problem, message, _("History problem"),
                      "window.show-history-problem");
}

void
bs_window_show_history_problem_activated (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  BsWindow *self = BS_WINDOW (widget);

  present_problem (self, _("History Problem"), self->history_problem);
}

void
bs_window_on_recording_failed (BsHistoryRecorder *recorder,
                               const GError      *error,
                               BsWindow          *self)
{
  /* Translators: %s says what went wrong, naming the file */
  g_autofree char *message = g_strdup_printf (_("This run could not be written to the history: %s"),
                                              error->message);
  bs_window_show_history_problem (self, message);
}
