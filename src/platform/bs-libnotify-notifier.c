/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "bs-libnotify-notifier.h"

/* Every libnotify call is a synchronous D-Bus round trip, and a busy or
 * hung notification service would freeze the window for up to 25 s.  So
 * they all run on one thread of their own, in the order they were asked
 * for.  That thread has its own main context, thread-default while it runs:
 * libnotify's D-Bus proxy is made there on the first call, so the service's
 * "ActionInvoked" and "NotificationClosed" signals are delivered there too,
 * and the thread iterates it between requests.  What the notifier's owner
 * must hear of goes back to the main context as idle callbacks. */

/* The action a click on the notification itself invokes (the spec's name). */
#define ACTION_DEFAULT "default"
/* The button, when there is one. */
#define ACTION_BUTTON "open"

typedef enum
{
  REQUEST_SHOW,
  REQUEST_WITHDRAW,
  REQUEST_STOP,
} RequestKind;

typedef struct
{
  RequestKind kind;
  char *id;
  char *title;
  char *body;
  char *action_label;
} Request;

/* Shared by the notifier and its thread, and held by callbacks on their
 * way to the main context. */
typedef struct
{
  /* Set before the thread starts, then only read. */
  GAsyncQueue *queue;           /* of Request */
  GMainContext *context;        /* the thread's */
  GMainLoop *loop;
  GMainContext *main_context;   /* the notifier's */
  GWeakRef notifier;            /* only dereferenced on main_context */
  char *app_name;

  /* The thread's alone. */
  GHashTable *entries;          /* id -> Entry */
  gboolean initted;
  gboolean failed;
} Worker;

/* A notification the thread has made. */
typedef struct
{
  Worker *worker;
  char *id;
  NotifyNotification *notification;
  gboolean up;                  /* shown, and the service has not closed it */
} Entry;

typedef struct
{
  Worker *worker;
  char *activated_id;           /* either a click, */
  char *activation_token;
  char *problem;                /* or why there are no notifications */
} MainCall;

struct _BsLibnotifyNotifier
{
  BsNotifier parent_instance;

  Worker *worker;
  GThread *thread;
  GMainContext *main_context;
  char *app_name;
};

G_DEFINE_FINAL_TYPE (BsLibnotifyNotifier, bs_libnotify_notifier, BS_TYPE_NOTIFIER)

enum
{
  PROP_0,
  PROP_APP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* libnotify keeps its connection and names in globals, and they must only
 * be touched from one thread: one notifier at a time. */
static int libnotify_in_use;

static Request *
request_new (RequestKind  kind,
             const char  *id)
{
  Request *request = g_new0 (Request, 1);

  request->kind = kind;
  request->id = g_strdup (id);
  return request;
}

static void
request_free (Request *request)
{
  g_free (request->id);
  g_free (request->title);
  g_free (request->body);
  g_free (request->action_label);
  g_free (request);
}

static void
worker_clear (Worker *worker)
{
  g_async_queue_unref (worker->queue);
  g_main_loop_unref (worker->loop);
  g_main_context_unref (worker->context);
  g_main_context_unref (worker->main_context);
  g_weak_ref_clear (&worker->notifier);
  g_free (worker->app_name);
  g_assert (worker->entries == NULL);
}

static Worker *
worker_ref (Worker *worker)
{
  return g_atomic_rc_box_acquire (worker);
}

static void
worker_unref (Worker *worker)
{
  g_atomic_rc_box_release_full (worker, (GDestroyNotify) worker_clear);
}

static void
main_call_free (MainCall *call)
{
  worker_unref (call->worker);
  g_free (call->activated_id);
  g_free (call->activation_token);
  g_free (call->problem);
  g_free (call);
}

static gboolean
main_call_run (gpointer data)
{
  MainCall *call = data;
  g_autoptr(BsNotifier) notifier = g_weak_ref_get (&call->worker->notifier);

  if (notifier == NULL)
    return G_SOURCE_REMOVE;
  if (call->problem != NULL)
    {
      /* Said once: the thread drops what comes after, but requests already
       * on their way may fail the same way first. */
      if (bs_notifier_get_available (notifier))
        g_debug ("No desktop notifications: %s", call->problem);
      bs_notifier_set_available (notifier, FALSE);
    }
  else
    {
      bs_notifier_emit_activated (notifier, call->activated_id, call->activation_token);
    }
  return G_SOURCE_REMOVE;
}

/* Not g_main_context_invoke(): that runs the callback right here, on this
 * thread, whenever the main context happens not to be acquired. */
static void
worker_post (Worker   *worker,
             MainCall *call)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  call->worker = worker_ref (worker);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, main_call_run, call, (GDestroyNotify) main_call_free);
  g_source_set_static_name (source, "[backstay] notification event");
  g_source_attach (source, worker->main_context);
}

static void
on_action (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  Entry *entry = user_data;
  MainCall *call = g_new0 (MainCall, 1);

  call->activated_id = g_strdup (entry->id);
  /* Only to be had during this callback. */
  call->activation_token = g_strdup (notify_notification_get_activation_token (notification));
  worker_post (entry->worker, call);
}

static void
on_closed (NotifyNotification *notification,
           Entry              *entry)
{
  entry->up = FALSE;
}

static void
entry_free (Entry *entry)
{
  /* Nothing may call back into a freed entry if libnotify still holds the
   * notification. */
  notify_notification_clear_actions (entry->notification);
  g_signal_handlers_disconnect_by_data (entry->notification, entry);
  g_object_unref (entry->notification);
  g_free (entry->id);
  g_free (entry);
}

static void
entry_close (Entry *entry)
{
  g_autoptr(GError) error = NULL;

  if (!entry->up)
    return;
  /* It may have expired on the service's side without a word. */
  if (!notify_notification_close (entry->notification, &error))
    g_debug ("Could not withdraw notification %s: %s", entry->id, error->message);
  entry->up = FALSE;
}

static void
worker_fail (Worker     *worker,
             const char *problem)
{
  MainCall *call = g_new0 (MainCall, 1);

  worker->failed = TRUE;
  g_hash_table_remove_all (worker->entries);
  call->problem = g_strdup (problem);
  worker_post (worker, call);
}

static void
worker_show (Worker  *worker,
             Request *request)
{
  g_autoptr(GError) error = NULL;
  Entry *entry;

  if (worker->failed)
    return;
  if (!worker->initted)
    {
      if (worker->app_name == NULL || !notify_init (worker->app_name))
        {
          worker_fail (worker, "libnotify could not start");
          return;
        }
      worker->initted = TRUE;
    }

  entry = g_hash_table_lookup (worker->entries, request->id);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->worker = worker;
      entry->id = g_strdup (request->id);
      entry->notification = notify_notification_new (request->title, request->body, NULL);
      g_signal_connect (entry->notification, "closed", G_CALLBACK (on_closed), entry);
      g_hash_table_insert (worker->entries, entry->id, entry);
    }
  else
    {
      /* Same object, so libnotify sends its id along and the service
       * replaces the notification instead of adding a second one. */
      notify_notification_update (entry->notification, request->title, request->body, NULL);
      notify_notification_clear_actions (entry->notification);
    }

  notify_notification_add_action (entry->notification, ACTION_DEFAULT,
                                  request->action_label != NULL ? request->action_label : _("Open"),
                                  on_action, entry, NULL);
  if (request->action_label != NULL)
    notify_notification_add_action (entry->notification, ACTION_BUTTON, request->action_label,
                                    on_action, entry, NULL);

  if (!notify_notification_show (entry->notification, &error))
    {
      worker_fail (worker, error->message);
      return;
    }
  entry->up = TRUE;
}

static void
worker_withdraw (Worker  *worker,
                 Request *request)
{
  Entry *entry;

  if (worker->failed)
    return;
  entry = g_hash_table_lookup (worker->entries, request->id);
  if (entry == NULL)
    return;
  entry_close (entry);
  g_hash_table_remove (worker->entries, request->id);
}

static void
worker_stop (Worker *worker)
{
  GHashTableIter iter;
  Entry *entry;

  /* A notification left behind would offer to return to a window that is
   * no longer there. */
  g_hash_table_iter_init (&iter, worker->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    entry_close (entry);
  /* Before notify_uninit(): a notification being finalised looks up the
   * proxy, and would make a new one once it is gone. */
  g_clear_pointer (&worker->entries, g_hash_table_unref);
  if (worker->initted)
    notify_uninit ();
  g_main_loop_quit (worker->loop);
}

static gboolean
worker_drain (gpointer data)
{
  Worker *worker = data;
  Request *request;

  while ((request = g_async_queue_try_pop (worker->queue)) != NULL)
    {
      RequestKind kind = request->kind;

      switch (kind)
        {
        case REQUEST_SHOW:
          worker_show (worker, request);
          break;
        case REQUEST_WITHDRAW:
          worker_withdraw (worker, request);
          break;
        case REQUEST_STOP:
          worker_stop (worker);
          break;
        default:
          g_assert_not_reached ();
        }
      request_free (request);
      if (kind == REQUEST_STOP)
        break;
    }
  return G_SOURCE_REMOVE;
}

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;

  g_main_context_push_thread_default (worker->context);
  g_main_loop_run (worker->loop);
  /* GDBus may still have callbacks queued here, and they hold the
   * connection: let them run and let go of it. */
  while (g_main_context_iteration (worker->context, FALSE))
    ;
  g_main_context_pop_thread_default (worker->context);
  worker_unref (worker);
  return NULL;
}

/* The queue keeps the order; the idle source wakes the thread up. */
static void
worker_push (Worker  *worker,
             Request *request)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_async_queue_push (worker->queue, request);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, worker_drain, worker, NULL);
  g_source_set_static_name (source, "[backstay] notification request");
  g_source_attach (source, worker->context);
}

/* Started on the first request: no thread for a run that never notifies. */
static gboolean
ensure_thread (BsLibnotifyNotifier *self)
{
  /* Once stopped, by dispose, it stays stopped. */
  if (self->worker != NULL)
    return self->thread != NULL;
  if (!bs_notifier_get_available (BS_NOTIFIER (self)))
    return FALSE;
  if (!g_atomic_int_compare_and_exchange (&libnotify_in_use, FALSE, TRUE))
    {
      g_critical ("Only one BsLibnotifyNotifier can work at a time: libnotify's state is global");
      bs_notifier_set_available (BS_NOTIFIER (self), FALSE);
      return FALSE;
    }

  self->worker = g_atomic_rc_box_new0 (Worker);
  self->worker->queue = g_async_queue_new_full ((GDestroyNotify) request_free);
  self->worker->context = g_main_context_new ();
  self->worker->loop = g_main_loop_new (self->worker->context, FALSE);
  self->worker->main_context = g_main_context_ref (self->main_context);
  g_weak_ref_init (&self->worker->notifier, self);
  self->worker->app_name = g_strdup (self->app_name != NULL ? self->app_name
                                                             : g_get_application_name ());
  self->worker->entries = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                 NULL, (GDestroyNotify) entry_free);
  self->thread = g_thread_new ("bs-notifier", worker_run, worker_ref (self->worker));
  return TRUE;
}

static void
bs_libnotify_notifier_show (BsNotifier *notifier,
                            const char *id,
                            const char *title,
                            const char *body,
                            const char *action_label)
{
  BsLibnotifyNotifier *self = BS_LIBNOTIFY_NOTIFIER (notifier);
  Request *request;

  if (!ensure_thread (self))
    return;
  request = request_new (REQUEST_SHOW, id);
  request->title = g_strdup (title);
  request->body = g_strdup (body);
  request->action_label = g_strdup (action_label);
  worker_push (self->worker, request);
}

static void
bs_libnotify_notifier_withdraw (BsNotifier *notifier,
                                const char *id)
{
  BsLibnotifyNotifier *self = BS_LIBNOTIFY_NOTIFIER (notifier);

  /* Nothing shown yet, so nothing to take down. */
  if (self->thread == NULL)
    return;
  worker_push (self->worker, request_new (REQUEST_WITHDRAW, id));
}

static void
bs_libnotify_notifier_dispose (GObject *object)
{
  BsLibnotifyNotifier *self = BS_LIBNOTIFY_NOTIFIER (object);

  if (self->thread != NULL)
    {
      /* Waits for the requests before it, each a D-Bus round trip at
       * most; libnotify must be shut down on the thread that used it. */
      worker_push (self->worker, request_new (REQUEST_STOP, NULL));
      g_thread_join (self->thread);
      self->thread = NULL;
      g_atomic_int_set (&libnotify_in_use, FALSE);
    }

  G_OBJECT_CLASS (bs_libnotify_notifier_parent_class)->dispose (object);
}

static void
bs_libnotify_notifier_finalize (GObject *object)
{
  BsLibnotifyNotifier *self = BS_LIBNOTIFY_NOTIFIER (object);

  g_clear_pointer (&self->worker, worker_unref);
  g_main_context_unref (self->main_context);
  g_free (self->app_name);

  G_OBJECT_CLASS (bs_libnotify_notifier_parent_class)->finalize (object);
}

static void
bs_libnotify_notifier_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BsLibnotifyNotifier *self = BS_LIBNOTIFY_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_APP_NAME:
      self->app_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_libnotify_notifier_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BsLibnotifyNotifier *self = BS_LIBNOTIFY_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_APP_NAME:
      g_value_set_string (value, self->app_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_libnotify_notifier_class_init (BsLibnotifyNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BsNotifierClass *notifier_class = BS_NOTIFIER_CLASS (klass);

  object_class->dispose = bs_libnotify_notifier_dispose;
  object_class->finalize = bs_libnotify_notifier_finalize;
  object_class->set_property = bs_libnotify_notifier_set_property;
  object_class->get_property = bs_libnotify_notifier_get_property;
  notifier_class->show = bs_libnotify_notifier_show;
  notifier_class->withdraw = bs_libnotify_notifier_withdraw;

  /**
   * BsLibnotifyNotifier:app-name:
   *
   * The application's name as the notification service shows it.
   */
  properties[PROP_APP_NAME] =
    g_param_spec_string ("app-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bs_libnotify_notifier_init (BsLibnotifyNotifier *self)
{
  self->main_context = g_main_context_ref_thread_default ();
}

/**
 * bs_libnotify_notifier_new:
 * @app_name: the application's name as people know it, e.g. "Backstay"
 *
 * Makes a notifier that talks to the desktop's notification service.
 * Nothing happens until the first notification is shown.  Only one may
 * exist at a time.
 */
BsNotifier *
bs_libnotify_notifier_new (const char *app_name)
{
  g_return_val_if_fail (app_name != NULL && *app_name != '\0', NULL);

  return g_object_new (BS_TYPE_LIBNOTIFY_NOTIFIER, "app-name", app_name, NULL);
}
