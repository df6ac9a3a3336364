/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The window's insides, shared by the files that make it up: bs-window.c
 * (pages and the run), -notify.c (desktop notifications), -problems.c
 * (sound and history problems), -assessment.c, -kiosk.c and -visit.c (a
 * kiosk visit's patient code, clinic copy and hand-off). */

#include "bs-assessment-page.h"
#include "bs-assessment-result.h"
#include "bs-cue-player.h"
#include "bs-history-page.h"
#include "bs-history-recorder.h"
#include "bs-home-page.h"
#include "bs-result-page.h"
#include "bs-routines-page.h"
#include "bs-session-page.h"
#include "bs-window.h"

G_BEGIN_DECLS

struct _BsWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  BsHomePage *home_page;
  BsSessionPage *session_page;
  BsResultPage *result_page;
  BsAssessmentPage *assessment_page;
  BsAssessmentResult *assessment_result;
  BsHistoryPage *history_page;
  BsRoutinesPage *routines_page;

  BsSession *session;
  BsHistoryRecorder *recorder;
  BsCuePlayer *player;
  char *audio_problem;   /* said once per window */
  char *history_problem; /* likewise */
  gboolean notified_finished;   /* the notifications shown and still true */
  gboolean notified_asleep;
  guint inhibit_cookie;  /* while a session runs or is paused */
  gboolean inhibit_refused;
  AdwMessageDialog *still_there;  /* the kiosk's idle warning, while shown */
  BsHistoryEntry *visit_entry;    /* the last finished result, to hand off */
};

BsApplication *bs_window_get_app   (BsWindow *self);
BsKiosk       *bs_window_get_kiosk (BsWindow *self);

/* bs-window-notify.c */
void bs_window_withdraw_notification     (BsWindow   *self,
                                          const char *id,
                                          gboolean   *shown);
void bs_window_notify_finished           (BsWindow   *self,
                                          BsResult   *result);
void bs_window_on_paused_by_sleep        (BsSession  *session,
                                          GParamSpec *pspec,
                                          BsWindow   *self);
void bs_window_on_is_active              (BsWindow   *self);
void bs_window_on_notification_activated (BsNotifier *notifier,
                                          const char *id,
                                          BsWindow   *self);

/* bs-window-problems.c */
void bs_window_show_audio_problem             (BsWindow          *self,
                                               const char        *message);
void bs_window_show_audio_problem_activated   (GtkWidget         *widget,
                                               const char        *action_name,
                                               GVariant          *parameter);
void bs_window_on_audio_failed                (BsCuePlayer       *player,
                                               const GError      *error,
                                               BsWindow          *self);
void bs_window_show_history_problem           (BsWindow          *self,
                                               const char        *message);
void bs_window_show_history_problem_activated (GtkWidget         *widget,
                                               const char        *action_name,
                                               GVariant          *parameter);
void bs_window_on_recording_failed            (BsHistoryRecorder *recorder,
                                               const GError      *error,
                                               BsWindow          *self);

/* bs-window-assessment.c */
void bs_window_start_assessment_activated (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter);
void bs_window_on_assessment_finished     (BsWindow   *self);
void bs_window_on_assessment_closed       (BsWindow   *self);

/* bs-window-kiosk.c */
void bs_window_leave_fullscreen_activated (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter);
void bs_window_kiosk_admin_activated      (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter);
void bs_window_watch_kiosk                (BsWindow   *self);
void bs_window_watch_input                (BsWindow   *self,
                                           GtkWidget  *toplevel);

/* bs-window-visit.c */
void bs_window_visit_result               (BsWindow       *self,
                                           BsHistoryEntry *entry);
void bs_window_hand_off_activated         (GtkWidget      *widget,
                                           const char     *action_name,
                                           GVariant       *parameter);
void bs_window_start_over_activated       (GtkWidget      *widget,
                                           const char     *action_name,
                                           GVariant       *parameter);
void bs_window_patient_code_activated     (GtkWidget      *widget,
                                           const char     *action_name,
                                           GVariant       *parameter);
void bs_window_clinic_results_activated   (GtkWidget      *widget,
                                           const char     *action_name,
                                           GVariant       *parameter);
void bs_window_update_visit_actions       (BsWindow       *self);

G_END_DECLS
