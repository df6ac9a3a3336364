/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-history-text.h"
#include "bs-window-private.h"

/* Notifications: only when the person is not looking at the window, and
 * taken back as soon as they are, or no longer true. */
static gboolean
is_looked_at (BsWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self)) && gtk_window_is_active (GTK_WINDOW (self));
}

void
bs_window_withdraw_notification (BsWindow   *self,
                                 const char *id,
                                 gboolean   *shown)
{
  if (!*shown)
    return;
  bs_notifier_withdraw (bs_application_get_notifier (bs_window_get_app (self)), id);
  *shown = FALSE;
}

void
bs_window_notify_finished (BsWindow *self,
                           BsResult *result)
{
  /* Said as the history will say it. */
  g_autoptr(BsHistoryEntry) entry = bs_history_entry_new_session (result, bs_result_get_completed (result)
                                                                          ? BS_OUTCOME_COMPLETED
                                                                          : BS_OUTCOME_STOPPED_EARLY);
  g_autofree char *figure = bs_history_entry_dup_figure (entry);
  g_autofree char *body = g_markup_escape_text (figure, -1);
  BsRoutine *routine = bs_schedule_get_routine (bs_result_get_schedule (result));

  if (is_looked_at (self))
    return;
  bs_window_withdraw_notification (self, "asleep", &self->notified_asleep);
  /* Translators: a notification's title, %s is the routine: "Daily stretches finished" */
  {
    g_autofree char *title = g_strdup_printf (_("%s finished"), bs_routine_get_name (routine));

    bs_notifier_show (bs_application_get_notifier (bs_window_get_app (self)), "finished", title, body,
                      _("Show Result"));
  }
  self->notified_finished = TRUE;
}

void
bs_window_on_paused_by_sleep (BsSession  *session,
                              GParamSpec *pspec,
                              BsWindow   *self)
{
  if (!bs_session_get_paused_by_sleep (session))
    {
      bs_window_withdraw_notification (self, "asleep", &self->notified_asleep);
      return;
    }
  if (is_looked_at (self))
    return;
  bs_notifier_show (bs_application_get_notifier (bs_window_get_app (self)), "asleep",
                    _("Paused: the computer was asleep"),
                    _("Your run waits where it stopped. Resume it when you are ready."),
                    _("Show"));
  self->notified_asleep = TRUE;
}

void
bs_window_on_is_active (BsWindow *self)
{
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;
  bs_window_withdraw_notification (self, "finished", &self->notified_finished);
  bs_window_withdraw_notification (self, "asleep", &self->notified_asleep);
}

void
bs_window_on_notification_activated (BsNotifier *notifier,
                                     const char *id,
                                     BsWindow   *self)
{
  const char *token = bs_notifier_get_activation_token (notifier);

  /* The desktop took it away when it was clicked. */
  if (g_str_equal (id, "finished"))
    self->notified_finished = FALSE;
  else if (g_str_equal (id, "asleep"))
    self->notified_asleep = FALSE;
  if (token != NULL)
    gtk_window_set_startup_id (GTK_WINDOW (self), token);
  gtk_window_present (GTK_WINDOW (self));
}
