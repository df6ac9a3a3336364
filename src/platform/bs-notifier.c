/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-notifier.h"

typedef struct
{
  gboolean unavailable;
  const char *activation_token;   /* while "activated" is emitted */
} BsNotifierPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BsNotifier, bs_notifier, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

enum
{
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
bs_notifier_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BsNotifier *self = BS_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, bs_notifier_get_available (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_notifier_class_init (BsNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bs_notifier_get_property;

  /**
   * BsNotifier:available:
   *
   * %FALSE once the backend found that nothing can show notifications
   * (no notification service); from then on requests are dropped.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BsNotifier::activated:
   * @id: the notification the person clicked, or whose action they chose
   *
   * Emitted on the main context, never on a backend's own thread.  A
   * handler raising a window passes bs_notifier_get_activation_token() to
   * gtk_window_set_startup_id() first, or on Wayland the desktop may refuse
   * to bring it forward.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bs_notifier_init (BsNotifier *self)
{
}

/**
 * bs_notifier_show:
 * @id: names the notification; showing an id again replaces what it showed
 * @title: plain text (not markup), not empty
 * @body: (nullable): notification markup: escape any text with
 *   g_markup_escape_text()
 * @action_label: (nullable): the label of a button which, like a click
 *   on the notification itself, emits #BsNotifier::activated
 *
 * Returns at once; the notification appears when the desktop gets to it.
 */
void
bs_notifier_show (BsNotifier *self,
                  const char *id,
                  const char *title,
                  const char *body,
                  const char *action_label)
{
  g_return_if_fail (BS_IS_NOTIFIER (self));
  g_return_if_fail (id != NULL && *id != '\0');
  /* libnotify and D-Bus refuse these too, but on a backend's thread, where
   * the caller would never hear of it. */
  g_return_if_fail (title != NULL && *title != '\0');
  g_return_if_fail (g_utf8_validate (title, -1, NULL));
  g_return_if_fail (body == NULL || g_utf8_validate (body, -1, NULL));
  g_return_if_fail (action_label == NULL || *action_label != '\0');
  g_return_if_fail (action_label == NULL || g_utf8_validate (action_label, -1, NULL));

  BS_NOTIFIER_GET_CLASS (self)->show (self, id, title, body, action_label);
}

/**
 * bs_notifier_withdraw:
 * @id: a notification shown before
 *
 * Takes a notification down once what it says is no longer true.  It may
 * already be gone (clicked or dismissed); that is fine.
 */
void
bs_notifier_withdraw (BsNotifier *self,
                      const char *id)
{
  g_return_if_fail (BS_IS_NOTIFIER (self));
  g_return_if_fail (id != NULL && *id != '\0');

  BS_NOTIFIER_GET_CLASS (self)->withdraw (self, id);
}

gboolean
bs_notifier_get_available (BsNotifier *self)
{
  BsNotifierPrivate *priv;

  g_return_val_if_fail (BS_IS_NOTIFIER (self), FALSE);

  priv = bs_notifier_get_instance_private (self);
  return !priv->unavailable;
}

/* Called on the main context only, where "notify::available" is expected. */
void
bs_notifier_set_available (BsNotifier *self,
                           gboolean    available)
{
  BsNotifierPrivate *priv;

  g_return_if_fail (BS_IS_NOTIFIER (self));

  priv = bs_notifier_get_instance_private (self);
  if (priv->unavailable == !available)
    return;
  priv->unavailable = !available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

/**
 * bs_notifier_get_activation_token:
 *
 * Returns: (nullable): the token the desktop gave with the click being
 *   handled, during #BsNotifier::activated only; %NULL when it gave none
 */
const char *
bs_notifier_get_activation_token (BsNotifier *self)
{
  BsNotifierPrivate *priv;

  g_return_val_if_fail (BS_IS_NOTIFIER (self), NULL);

  priv = bs_notifier_get_instance_private (self);
  return priv->activation_token;
}

/**
 * bs_notifier_emit_activated:
 * @activation_token: (nullable): what the desktop sent along with the
 *   click, to let the window that answers it take the focus
 *
 * Must be called on the main context.
 */
void
bs_notifier_emit_activated (BsNotifier *self,
                            const char *id,
                            const char *activation_token)
{
  BsNotifierPrivate *priv;
  const char *outer_token;

  g_return_if_fail (BS_IS_NOTIFIER (self));
  g_return_if_fail (id != NULL);

  priv = bs_notifier_get_instance_private (self);
  outer_token = priv->activation_token;
  priv->activation_token = activation_token;
  g_signal_emit (self, signals[ACTIVATED], 0, id);
  priv->activation_token = outer_token;
}
