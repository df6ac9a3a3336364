/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "bs-fake-notifier.h"
#include "bs-libnotify-notifier.h"

#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH "/org/freedesktop/Notifications"

/* A Notify reply held back this long must not hold up the caller. */

static GThread *main_thread;

/* The fake test double. */

static void
on_activated_append (BsNotifier *notifier,
                     const char *id,
                     GString    *clicked)
{
  /* A simulated click comes without one. */
  g_assert_null (bs_notifier_get_activation_token (notifier));
  g_string_append_printf (clicked, "%s;", id);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_fake_records_in_order (void)
{
  g_autoptr(BsNotifier) notifier = bs_fake_notifier_new ();
  BsFakeNotifier *fake = BS_FAKE_NOTIFIER (notifier);
  g_autofree char *escaped = g_markup_escape_text ("Plank & side plank <done>", -1);
  const BsFakeNotifierRecord *record;

  bs_notifier_show (notifier, "finished", "Routine finished", escaped, "Show Result");
  bs_notifier_show (notifier, "sleep", "Routine paused", "The computer was asleep.", NULL);
  bs_notifier_show (notifier, "finished", "Routine finished", "Again", NULL);
  bs_notifier_withdraw (notifier, "sleep");

  g_assert_cmpuint (bs_fake_notifier_get_n_records (fake), ==, 4);
  record = bs_fake_notifier_get_record (fake, 0);
  g_assert_cmpint (record->op, ==, BS_FAKE_NOTIFIER_SHOW);
  g_assert_false (record->dropped);
  g_assert_cmpstr (record->id, ==, "finished");
  g_assert_cmpstr (record->title, ==, "Routine finished");
  g_assert_cmpstr (record->body, ==, "Plank &amp; side plank &lt;done&gt;");
  g_assert_cmpstr (record->action_label, ==, "Show Result");
  record = bs_fake_notifier_get_record (fake, 1);
  g_assert_cmpint (record->op, ==, BS_FAKE_NOTIFIER_SHOW);
  g_assert_cmpstr (record->id, ==, "sleep");
  g_assert_null (record->action_label);
  record = bs_fake_notifier_get_record (fake, 2);
  g_assert_cmpint (record->op, ==, BS_FAKE_NOTIFIER_SHOW);
  g_assert_cmpstr (record->id, ==, "finished");
  g_assert_cmpstr (record->body, ==, "Again");
  record = bs_fake_notifier_get_record (fake, 3);
  g_assert_cmpint (record->op, ==, BS_FAKE_NOTIFIER_WITHDRAW);
  g_assert_cmpstr (record->id, ==, "sleep");
  g_assert_null (record->title);

  /* What is up now: the second "finished" replaced the first. */
  g_assert_cmpstr (bs_fake_notifier_get_shown (fake, "finished")->body, ==, "Again");
  g_assert_null (bs_fake_notifier_get_shown (fake, "sleep"));
}

static void
test_fake_refuses_empty_texts (void)
{
  g_autoptr(BsNotifier) notifier = bs_fake_notifier_new ();
  BsFakeNotifier *fake = BS_FAKE_NOTIFIER (notifier);

  g_test_expect_message ("Backstay", G_LOG_LEVEL_CRITICAL, "*title*");
  bs_notifier_show (notifier, "finished", "", "Body", NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Backstay", G_LOG_LEVEL_CRITICAL, "*title*");
  bs_notifier_show (notifier, "finished", NULL, "Body", NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Backstay", G_LOG_LEVEL_CRITICAL, "*action_label*");
  bs_notifier_show (notifier, "finished", "Routine finished", "Body", "");
  g_test_assert_expected_messages ();

  g_test_expect_message ("Backstay", G_LOG_LEVEL_CRITICAL, "*id*");
  bs_notifier_show (notifier, "", "Routine finished", "Body", NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Backstay", G_LOG_LEVEL_CRITICAL, "*utf8*");
  bs_notifier_show (notifier, "finished", "Routine finished", "Bad \xff byte", NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (bs_fake_notifier_get_n_records (fake), ==, 0);
  g_assert_null (bs_fake_notifier_get_shown (fake, "finished"));
}

static void
test_fake_refuses_markup (void)
{
  static const char *const unescaped[] = {
    "<b>Done</b>", "Core & back", "Tom &amp Jerry", "&#;", "&#x;", "&nbsp;", "1 < 2",
  };
  static const char *const escaped[] = {
    "Core &amp; back", "1 &lt; 2 &gt; 0", "&quot;hold&quot; &apos;n&apos;", "caf&#233; caf&#xE9;",
    "Nothing to escape",
  };
  g_autoptr(BsNotifier) notifier = bs_fake_notifier_new ();
  BsFakeNotifier *fake = BS_FAKE_NOTIFIER (notifier);

  for (guint i = 0; i < G_N_ELEMENTS (unescaped); i++)
    {
      g_test_expect_message ("Backstay", G_LOG_LEVEL_CRITICAL, "*not escaped*");
      bs_notifier_show (notifier, "finished", "Routine finished", unescaped[i], NULL);
      g_test_assert_expected_messages ();
    }
  g_assert_cmpuint (bs_fake_notifier_get_n_records (fake), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (escaped); i++)
    {
      bs_notifier_show (notifier, "finished", "Routine finished", escaped[i], NULL);
      g_assert_cmpuint (bs_fake_notifier_get_n_records (fake), ==, i + 1);
      g_assert_cmpstr (bs_fake_notifier_get_record (fake, i)->body, ==, escaped[i]);
    }

  /* The title is plain text: nothing in it is markup. */
  bs_notifier_show (notifier, "finished", "Core & back <1>", NULL, NULL);
  g_assert_cmpstr (bs_fake_notifier_get_shown (fake, "finished")->title, ==, "Core & back <1>");
}

static void
test_fake_refuses_unknown_withdraw (void)
{
  g_autoptr(BsNotifier) notifier = bs_fake_notifier_new ();
  BsFakeNotifier *fake = BS_FAKE_NOTIFIER (notifier);

  g_test_expect_message ("Backstay", G_LOG_LEVEL_CRITICAL, "*finished*never shown*");
  bs_notifier_withdraw (notifier, "finished");
  g_test_assert_expected_messages ();
  g_assert_cmpuint (bs_fake_notifier_get_n_records (fake), ==, 0);

  /* Once shown, withdrawing twice is fine: it may have gone on its own. */
  bs_notifier_show (notifier, "finished", "Routine finished", NULL, NULL);
  bs_notifier_withdraw (notifier, "finished");
  bs_notifier_withdraw (notifier, "finished");
  g_assert_cmpuint (bs_fake_notifier_get_n_records (fake), ==, 3);

  g_test_expect_message ("Backstay", G_LOG_LEVEL_CRITICAL, "*sleep*never shown*");
  bs_notifier_withdraw (notifier, "sleep");
  g_test_assert_expected_messages ();
  g_assert_cmpuint (bs_fake_notifier_get_n_records (fake), ==, 3);
}

static void
test_fake_click_only_shown (void)
{
  g_autoptr(BsNotifier) notifier = bs_fake_notifier_new ();
  BsFakeNotifier *fake = BS_FAKE_NOTIFIER (notifier);
  g_autoptr(GString) clicked = g_string_new (NULL);

  g_signal_connect (notifier, "activated", G_CALLBACK (on_activated_append), clicked);

  g_assert_false (bs_fake_notifier_click (fake, "finished"));
  bs_notifier_show (notifier, "finished", "Routine finished", NULL, "Show Result");
  bs_notifier_show (notifier, "sleep", "Routine paused", NULL, NULL);
  g_assert_cmpstr (clicked->str, ==, "");

  g_assert_true (bs_fake_notifier_click (fake, "finished"));
  g_assert_cmpstr (clicked->str, ==, "finished;");
  /* A clicked notification is gone. */
  g_assert_null (bs_fake_notifier_get_shown (fake, "finished"));
  g_assert_false (bs_fake_notifier_click (fake, "finished"));
  bs_notifier_withdraw (notifier, "finished");

  bs_notifier_withdraw (notifier, "sleep");
  g_assert_false (bs_fake_notifier_click (fake, "sleep"));
  g_assert_cmpstr (clicked->str, ==, "finished;");

  /* Shown again, it can be clicked again. */
  bs_notifier_show (notifier, "sleep", "Routine paused", NULL, NULL);
  g_assert_true (bs_fake_notifier_click (fake, "sleep"));
  g_assert_cmpstr (clicked->str, ==, "finished;sleep;");
}

static void
test_fake_unavailable (void)
{
  g_autoptr(BsNotifier) notifier = bs_fake_notifier_new ();
  BsFakeNotifier *fake = BS_FAKE_NOTIFIER (notifier);
  g_autoptr(GString) clicked = g_string_new (NULL);
  const BsFakeNotifierRecord *record;
  guint notifies = 0;

  g_signal_connect (notifier, "activated", G_CALLBACK (on_activated_append), clicked);
  g_signal_connect (notifier, "notify::available", G_CALLBACK (count_notify), &notifies);
  g_assert_true (bs_notifier_get_available (notifier));
  bs_notifier_show (notifier, "finished", "Routine finished", NULL, NULL);

  bs_fake_notifier_set_available (fake, FALSE);
  g_assert_false (bs_notifier_get_available (notifier));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_null (bs_fake_notifier_get_shown (fake, "finished"));

  bs_notifier_show (notifier, "sleep", "Routine paused", NULL, NULL);
  g_assert_cmpuint (bs_fake_notifier_get_n_records (fake), ==, 2);
  record = bs_fake_notifier_get_record (fake, 1);
  g_assert_cmpint (record->op, ==, BS_FAKE_NOTIFIER_SHOW);
  g_assert_true (record->dropped);
  g_assert_null (bs_fake_notifier_get_shown (fake, "sleep"));
  g_assert_false (bs_fake_notifier_click (fake, "sleep"));

  /* The caller need not know: withdrawing what was dropped is fine. */
  bs_notifier_withdraw (notifier, "sleep");
  record = bs_fake_notifier_get_record (fake, 2);
  g_assert_cmpint (record->op, ==, BS_FAKE_NOTIFIER_WITHDRAW);
  g_assert_true (record->dropped);

  bs_fake_notifier_set_available (fake, FALSE);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpstr (clicked->str, ==, "");
}

/* The libnotify backend, against a notification service of our own on a
 * private bus.  The service runs on its own thread, as a real one runs in
 * its own process, so that a notifier blocking the main thread would be
 * seen blocking instead of deadlocking. */

typedef struct
{
  guint32 id;             /* the service's answer */
  guint32 replaces_id;
  char *app_name;
  char *summary;
  char *body;
  char **actions;         /* key, label, key, label ... */
} NotifyCall;

typedef struct
{
  GTestDBus *bus;
  gboolean reply_after_main;   /* hold each Notify reply until the main loop runs */

  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  GDBusConnection *connection;
  guint registration_id;
  guint owner_id;

  GMutex lock;            /* guards what follows */
  gboolean ready;
  guint32 last_id;
  GPtrArray *notify_calls;
  GString *log;           /* "notify <id>;" "close <id>;" in the order they came */
  GHashTable *up;         /* ids shown and not closed */
  guint unknown_closes;
} Service;

typedef struct
{
  GDBusMethodInvocation *invocation;
  guint32 id;
  Service *service;
} HeldReply;

static const char service_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' name='capabilities' direction='out'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' name='name' direction='out'/>"
  "      <arg type='s' name='vendor' direction='out'/>"
  "      <arg type='s' name='version' direction='out'/>"
  "      <arg type='s' name='spec_version' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='u' name='reason'/>"
  "    </signal>"
  "    <signal name='ActivationToken'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='activation_token'/>"
  "    </signal>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='action_key'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

static void
notify_call_free (NotifyCall *call)
{
  g_free (call->app_name);
  g_free (call->summary);
  g_free (call->body);
  g_strfreev (call->actions);
  g_free (call);
}

static gboolean
do_nothing (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* Wakes the test's main loop to look again at what the service saw. */
static void
wake_main (void)
{
  g_idle_add (do_nothing, NULL);
}

static void
service_emit (Service    *service,
              const char *signal_name,
              GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (service->connection, NULL, NOTIFICATIONS_PATH,
                                 NOTIFICATIONS_NAME, signal_name, parameters, &error);
  g_assert_no_error (error);
}

static gboolean
send_held_reply (gpointer data)
{
  HeldReply *held = data;

  g_dbus_method_invocation_return_value (held->invocation, g_variant_new ("(u)", held->id));
  g_free (held);
  return G_SOURCE_REMOVE;
}

/* Runs on the test's main thread: only a main loop that is free to run
 * lets the held reply go. */
static gboolean
release_held_reply (gpointer data)
{
  HeldReply *held = data;
  Service *service = held->service;
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, send_held_reply, held, NULL);
  g_source_attach (source, service->context);
  return G_SOURCE_REMOVE;
}

static void
service_notify (Service               *service,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation)
{
  NotifyCall *call = g_new0 (NotifyCall, 1);

  g_variant_get (parameters, "(susss^as@a{sv}i)", &call->app_name, &call->replaces_id, NULL,
                 &call->summary, &call->body, &call->actions, NULL, NULL);

  g_mutex_lock (&service->lock);
  call->id = call->replaces_id != 0 ? call->replaces_id : ++service->last_id;
  g_ptr_array_add (service->notify_calls, call);
  g_string_append_printf (service->log, "notify %u;", call->id);
  g_hash_table_add (service->up, GUINT_TO_POINTER (call->id));
  g_mutex_unlock (&service->lock);
  wake_main ();

  if (service->reply_after_main)
    {
      HeldReply *held = g_new0 (HeldReply, 1);

      held->invocation = invocation;
      held->id = call->id;
      held->service = service;
      g_idle_add (release_held_reply, held);
      return;
    }
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", call->id));
}

static void
service_close (Service               *service,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation)
{
  guint32 id;
  gboolean was_up;

  g_variant_get (parameters, "(u)", &id);
  g_mutex_lock (&service->lock);
  g_string_append_printf (service->log, "close %u;", id);
  was_up = g_hash_table_remove (service->up, GUINT_TO_POINTER (id));
  if (!was_up)
    service->unknown_closes++;
  g_mutex_unlock (&service->lock);
  wake_main ();

  if (!was_up)
    {
      /* What the specification asks of a service for an id it does not
       * know. */
      g_dbus_method_invocation_return_dbus_error (invocation,
                                                  NOTIFICATIONS_NAME ".Error.NotFound", "");
      return;
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
  /* 3: closed by a call to CloseNotification. */
  service_emit (service, "NotificationClosed", g_variant_new ("(uu)", id, 3));
}

static void
service_method_call (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  Service *service = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      service_notify (service, parameters, invocation);
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      service_close (service, parameters, invocation);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *const caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "Test service", "Backstay",
                                                            "1.0", "1.2"));
    }
  else
    {
      g_assert_not_reached ();
    }
}

static const GDBusInterfaceVTable service_vtable = { service_method_call, NULL, NULL, { 0 } };

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  Service *service = user_data;

  g_mutex_lock (&service->lock);
  service->ready = TRUE;
  g_mutex_unlock (&service->lock);
  wake_main ();
}

static void
on_name_lost (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  /* The name is given up before the connection closes, so this is only
   * called if the private bus would not give it to us. */
  g_error ("The test service could not own %s", name);
}

static gpointer
service_run (gpointer data)
{
  Service *service = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;

  g_main_context_push_thread_default (service->context);
  service->connection =
    g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (service->bus),
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);
  node = g_dbus_node_info_new_for_xml (service_xml, &error);
  g_assert_no_error (error);
  service->registration_id =
    g_dbus_connection_register_object (service->connection, NOTIFICATIONS_PATH,
                                       node->interfaces[0], &service_vtable, service, NULL,
                                       &error);
  g_assert_no_error (error);
  service->owner_id = g_bus_own_name_on_connection (service->connection, NOTIFICATIONS_NAME,
                                                    G_BUS_NAME_OWNER_FLAGS_NONE,
                                                    on_name_acquired, on_name_lost,
                                                    service, NULL);

  g_main_loop_run (service->loop);

  g_bus_unown_name (service->owner_id);
  g_dbus_connection_unregister_object (service->connection, service->registration_id);
  g_dbus_connection_close_sync (service->connection, NULL, &error);
  g_assert_no_error (error);
  while (g_main_context_iteration (service->context, FALSE))
    ;
  g_clear_object (&service->connection);
  g_main_context_pop_thread_default (service->context);
  return NULL;
}

#define WAIT_FOR(service, condition)                     \
  G_STMT_START                                           \
    {                                                    \
      for (;;)                                           \
        {                                                \
          gboolean done_;                                \
                                                         \
          g_mutex_lock (&(service)->lock);               \
          done_ = (condition);                           \
          g_mutex_unlock (&(service)->lock);             \
          if (done_)                                     \
            break;                                       \
          g_main_context_iteration (NULL, TRUE);         \
        }                                                \
    }                                                    \
  G_STMT_END

static void
service_setup (Service       *service,
               gconstpointer  data)
{
  const gboolean *reply_after_main = data;

  service->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (service->bus);
  g_mutex_init (&service->lock);
  service->notify_calls = g_ptr_array_new_with_free_func ((GDestroyNotify) notify_call_free);
  service->log = g_string_new (NULL);
  service->up = g_hash_table_new (NULL, NULL);
  service->reply_after_main = reply_after_main != NULL && *reply_after_main;
  service->context = g_main_context_new ();
  service->loop = g_main_loop_new (service->context, FALSE);
  service->thread = g_thread_new ("test-notification-service", service_run, service);
  WAIT_FOR (service, service->ready);
}

static void
service_teardown (Service       *service,
                  gconstpointer  data)
{
  g_main_loop_quit (service->loop);
  g_thread_join (service->thread);
  g_main_loop_unref (service->loop);
  g_main_context_unref (service->context);
  /* What the test's own context still holds (wake-ups) goes now. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_test_dbus_down (service->bus);
  g_object_unref (service->bus);
  g_ptr_array_unref (service->notify_calls);
  g_string_free (service->log, TRUE);
  g_hash_table_unref (service->up);
  g_mutex_clear (&service->lock);
}

/* The label of action @key in a Notify call, or NULL. */
static const char *
action_label (NotifyCall *call,
              const char *key)
{
  for (guint i = 0; call->actions[i] != NULL && call->actions[i + 1] != NULL; i += 2)
    if (g_str_equal (call->actions[i], key))
      return call->actions[i + 1];
  return NULL;
}

/* The key of the button, the one action that is not "default". */
static const char *
button_key (NotifyCall *call)
{
  const char *key = NULL;

  for (guint i = 0; call->actions[i] != NULL && call->actions[i + 1] != NULL; i += 2)
    if (!g_str_equal (call->actions[i], "default"))
      {
        g_assert_null (key);
        key = call->actions[i];
      }
  return key;
}

static void
test_libnotify_show_replace_withdraw (Service       *service,
                                      gconstpointer  data)
{
  BsNotifier *notifier = bs_libnotify_notifier_new ("Backstay Test");
  g_autofree char *expected = NULL;
  NotifyCall *call;
  guint32 finished_id, sleep_id, brief_id;

  bs_notifier_show (notifier, "finished", "Routine finished", "Plank circuit: 2:30",
                    "Show Result");
  WAIT_FOR (service, service->notify_calls->len == 1);
  call = g_ptr_array_index (service->notify_calls, 0);
  g_assert_cmpstr (call->app_name, ==, "Backstay Test");
  g_assert_cmpuint (call->replaces_id, ==, 0);
  g_assert_cmpstr (call->summary, ==, "Routine finished");
  g_assert_cmpstr (call->body, ==, "Plank circuit: 2:30");
  /* A click on the notification and its button both come back. */
  g_assert_cmpuint (g_strv_length (call->actions), ==, 4);
  g_assert_cmpstr (action_label (call, "default"), ==, "Show Result");
  g_assert_nonnull (button_key (call));
  g_assert_cmpstr (action_label (call, button_key (call)), ==, "Show Result");
  finished_id = call->id;

  /* The same id again replaces the notification that is up. */
  bs_notifier_show (notifier, "finished", "Routine finished", "Side plank: 1:10", NULL);
  WAIT_FOR (service, service->notify_calls->len == 2);
  call = g_ptr_array_index (service->notify_calls, 1);
  g_assert_cmpuint (call->replaces_id, ==, finished_id);
  g_assert_cmpstr (call->body, ==, "Side plank: 1:10");
  /* Without a button, a click on the notification still comes back. */
  g_assert_cmpuint (g_strv_length (call->actions), ==, 2);
  g_assert_cmpstr (call->actions[0], ==, "default");

  bs_notifier_show (notifier, "sleep", "Routine paused", "The computer was asleep.", NULL);
  WAIT_FOR (service, service->notify_calls->len == 3);
  call = g_ptr_array_index (service->notify_calls, 2);
  g_assert_cmpuint (call->replaces_id, ==, 0);
  sleep_id = call->id;
  g_assert_cmpuint (sleep_id, !=, finished_id);

  bs_notifier_withdraw (notifier, "sleep");
  WAIT_FOR (service, strstr (service->log->str, "close") != NULL);

  /* Asked for together, they happen in the order asked. */
  bs_notifier_show (notifier, "brief", "Routine paused", NULL, NULL);
  bs_notifier_withdraw (notifier, "brief");
  WAIT_FOR (service, g_hash_table_size (service->up) == 1 && service->notify_calls->len == 4);
  brief_id = ((NotifyCall *) g_ptr_array_index (service->notify_calls, 3))->id;
  expected = g_strdup_printf ("notify %u;notify %u;notify %u;close %u;notify %u;close %u;",
                              finished_id, finished_id, sleep_id, sleep_id, brief_id, brief_id);
  g_assert_cmpstr (service->log->str, ==, expected);

  /* Nothing clicked in it could reach a window once the notifier is gone;
   * it waits for the close before it goes. */
  g_object_unref (notifier);
  g_mutex_lock (&service->lock);
  g_free (expected);
  expected = g_strdup_printf ("notify %u;notify %u;notify %u;close %u;notify %u;close %u;close %u;",
                              finished_id, finished_id, sleep_id, sleep_id, brief_id, brief_id,
                              finished_id);
  g_assert_cmpstr (service->log->str, ==, expected);
  g_assert_cmpuint (g_hash_table_size (service->up), ==, 0);
  g_assert_cmpuint (service->unknown_closes, ==, 0);
  g_mutex_unlock (&service->lock);
}

typedef struct
{
  GString *ids;
  GString *tokens;
  guint count;
} Clicks;

static void
on_activated (BsNotifier *notifier,
              const char *id,
              Clicks     *clicks)
{
  /* The window may only be touched from here. */
  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  const char *token = bs_notifier_get_activation_token (notifier);

  g_string_append_printf (clicks->ids, "%s;", id);
  g_string_append_printf (clicks->tokens, "%s;", token != NULL ? token : "none");
  clicks->count++;
}

static void
wait_for_clicks (Clicks *clicks,
                 guint   count)
{
  while (clicks->count < count)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_libnotify_activated (Service       *service,
                          gconstpointer  data)
{
  BsNotifier *notifier = bs_libnotify_notifier_new ("Backstay Test");
  Clicks clicks = { g_string_new (NULL), g_string_new (NULL), 0 };
  NotifyCall *call;
  guint32 finished_id, other_id;
  g_autofree char *button = NULL;
  g_autofree char *finished_close = NULL;

  g_signal_connect (notifier, "activated", G_CALLBACK (on_activated), &clicks);
  bs_notifier_show (notifier, "finished", "Routine finished", "Well done.", "Show Result");
  WAIT_FOR (service, service->notify_calls->len == 1);
  call = g_ptr_array_index (service->notify_calls, 0);
  finished_id = call->id;
  button = g_strdup (button_key (call));

  /* The desktop's token for raising the window comes just before. */
  service_emit (service, "ActivationToken", g_variant_new ("(us)", finished_id, "token-1"));
  service_emit (service, "ActionInvoked", g_variant_new ("(us)", finished_id, "default"));
  wait_for_clicks (&clicks, 1);
  g_assert_cmpstr (clicks.ids->str, ==, "finished;");
  g_assert_cmpstr (clicks.tokens->str, ==, "token-1;");
  g_assert_null (bs_notifier_get_activation_token (notifier));

  service_emit (service, "ActionInvoked", g_variant_new ("(us)", finished_id, button));
  wait_for_clicks (&clicks, 2);
  g_assert_cmpstr (clicks.ids->str, ==, "finished;finished;");
  g_assert_cmpstr (clicks.tokens->str, ==, "token-1;none;");

  /* Another application's notification is none of ours; the next click
   * shows that it was seen and passed over. */
  service_emit (service, "ActionInvoked", g_variant_new ("(us)", finished_id + 100, "default"));
  service_emit (service, "ActionInvoked", g_variant_new ("(us)", finished_id, "default"));
  wait_for_clicks (&clicks, 3);
  g_assert_cmpstr (clicks.ids->str, ==, "finished;finished;finished;");

  /* Clicked, the service takes the notification down itself (2:
   * dismissed); a later withdrawal must not ask it to close an id it no
   * longer knows. */
  g_mutex_lock (&service->lock);
  g_hash_table_remove (service->up, GUINT_TO_POINTER (finished_id));
  g_mutex_unlock (&service->lock);
  service_emit (service, "NotificationClosed", g_variant_new ("(uu)", finished_id, 2));
  bs_notifier_show (notifier, "other", "Routine paused", NULL, NULL);
  WAIT_FOR (service, service->notify_calls->len == 2);
  other_id = ((NotifyCall *) g_ptr_array_index (service->notify_calls, 1))->id;
  /* Signals arrive in order, so once this click is in, so was the close. */
  service_emit (service, "ActionInvoked", g_variant_new ("(us)", other_id, "default"));
  wait_for_clicks (&clicks, 4);
  g_assert_cmpstr (clicks.ids->str, ==, "finished;finished;finished;other;");

  bs_notifier_withdraw (notifier, "finished");
  bs_notifier_withdraw (notifier, "other");
  WAIT_FOR (service, strstr (service->log->str, "close") != NULL);
  g_object_unref (notifier);

  g_mutex_lock (&service->lock);
  g_assert_cmpuint (service->unknown_closes, ==, 0);
  finished_close = g_strdup_printf ("close %u;", finished_id);
  g_assert_null (strstr (service->log->str, finished_close));
  g_mutex_unlock (&service->lock);
  g_assert_cmpuint (clicks.count, ==, 4);
  g_string_free (clicks.ids, TRUE);
  g_string_free (clicks.tokens, TRUE);
}

static void
test_libnotify_never_blocks (Service       *service,
                             gconstpointer  data)
{
  BsNotifier *notifier = bs_libnotify_notifier_new ("Backstay Test");
  g_autofree char *expected = NULL;
  guint32 id;

  /* The service answers each Notify only once this thread's main loop has
   * run.  A notifier that waited for the answer on this thread would wait
   * until libnotify gave up, and then call the service unavailable; one
   * that leaves the waiting to its worker gets every answer.  No clock is
   * read: the outcome, not the speed, tells them apart. */
  g_assert_true (service->reply_after_main);
  bs_notifier_show (notifier, "finished", "Routine finished", "First", NULL);
  bs_notifier_show (notifier, "finished", "Routine finished", "Second", NULL);
  bs_notifier_withdraw (notifier, "finished");

  /* And all three still happen, in order, each with the id the one
   * before it was given. */
  WAIT_FOR (service, strstr (service->log->str, "close") != NULL);
  id = ((NotifyCall *) g_ptr_array_index (service->notify_calls, 0))->id;
  expected = g_strdup_printf ("notify %u;notify %u;close %u;", id, id, id);
  g_assert_cmpstr (service->log->str, ==, expected);
  g_assert_cmpuint (((NotifyCall *) g_ptr_array_index (service->notify_calls, 1))->replaces_id,
                    ==, id);
  g_assert_true (bs_notifier_get_available (notifier));
  g_object_unref (notifier);
}

typedef struct
{
  guint debug;
  guint other;
  char *message;
} LogCount;

static void
count_log (const char     *log_domain,
           GLogLevelFlags  log_level,
           const char     *message,
           gpointer        user_data)
{
  LogCount *count = user_data;

  if ((log_level & G_LOG_LEVEL_MASK) == G_LOG_LEVEL_DEBUG)
    {
      count->debug++;
      g_free (count->message);
      count->message = g_strdup (message);
    }
  else
    {
      count->other++;
      g_log_default_handler (log_domain, log_level, message, NULL);
    }
}

static void
test_libnotify_no_service (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  BsNotifier *notifier;
  BsNotifier *second;
  LogCount count = { 0 };
  guint notifies = 0;
  guint handler;

  /* A session bus, but nothing on it shows notifications. */
  g_test_dbus_up (bus);
  handler = g_log_set_handler ("Backstay", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL, count_log, &count);

  notifier = bs_libnotify_notifier_new ("Backstay Test");
  g_signal_connect (notifier, "notify::available", G_CALLBACK (count_notify), &notifies);
  g_assert_true (bs_notifier_get_available (notifier));
  /* Several on their way before the first one fails. */
  bs_notifier_show (notifier, "finished", "Routine finished", "Well done.", "Show Result");
  bs_notifier_show (notifier, "sleep", "Routine paused", NULL, NULL);
  bs_notifier_withdraw (notifier, "finished");
  while (bs_notifier_get_available (notifier))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (notifies, ==, 1);

  /* libnotify's state is global: a second notifier must not touch it. */
  second = bs_libnotify_notifier_new ("Backstay Test");
  g_test_expect_message ("Backstay", G_LOG_LEVEL_CRITICAL, "*one*at a time*");
  bs_notifier_show (second, "finished", "Routine finished", NULL, NULL);
  g_test_assert_expected_messages ();
  g_assert_false (bs_notifier_get_available (second));
  g_object_unref (second);

  /* From now on the app carries on, and nothing more is said. */
  bs_notifier_show (notifier, "finished", "Routine finished", "Again", NULL);
  bs_notifier_show (notifier, "sleep", "Routine paused", NULL, NULL);
  bs_notifier_withdraw (notifier, "sleep");
  g_object_unref (notifier);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_log_remove_handler ("Backstay", handler);
  g_assert_cmpuint (count.debug, ==, 1);
  g_assert_cmpuint (count.other, ==, 0);
  g_assert_nonnull (strstr (count.message, NOTIFICATIONS_NAME));
  g_assert_cmpuint (notifies, ==, 1);
  g_free (count.message);
  g_test_dbus_down (bus);
}

int
main (int   argc,
      char *argv[])
{
  static const gboolean reply_after_main = TRUE;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/notifier/fake/records-in-order", test_fake_records_in_order);
  g_test_add_func ("/notifier/fake/refuses-empty-texts", test_fake_refuses_empty_texts);
  g_test_add_func ("/notifier/fake/refuses-markup", test_fake_refuses_markup);
  g_test_add_func ("/notifier/fake/refuses-unknown-withdraw", test_fake_refuses_unknown_withdraw);
  g_test_add_func ("/notifier/fake/click-only-shown", test_fake_click_only_shown);
  g_test_add_func ("/notifier/fake/unavailable", test_fake_unavailable);
  g_test_add ("/notifier/libnotify/show-replace-withdraw", Service, NULL, service_setup,
              test_libnotify_show_replace_withdraw, service_teardown);
  g_test_add ("/notifier/libnotify/activated", Service, NULL, service_setup,
              test_libnotify_activated, service_teardown);
  g_test_add ("/notifier/libnotify/never-blocks", Service, &reply_after_main, service_setup,
              test_libnotify_never_blocks, service_teardown);
  g_test_add_func ("/notifier/libnotify/no-service", test_libnotify_no_service);

  return g_test_run ();
}
