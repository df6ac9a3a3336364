/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BS_TYPE_NOTIFIER (bs_notifier_get_type ())
G_DECLARE_DERIVABLE_TYPE (BsNotifier, bs_notifier, BS, NOTIFIER, GObject)

/**
 * BsNotifierClass:
 * @show: puts up the notification @id, or replaces the one already up
 *   under that id; must return at once
 * @withdraw: takes the notification @id down; must return at once
 *
 * Desktop notifications, each known by an id the caller chooses (one per
 * thing that can be true or not, e.g. "finished").  Backends must not block
 * the calling thread, and emit #BsNotifier::activated on the main context
 * that was current when they were made.
 */
struct _BsNotifierClass
{
  GObjectClass parent_class;

  void (*show)     (BsNotifier *self,
                    const char *id,
                    const char *title,
                    const char *body,
                    const char *action_label);
  void (*withdraw) (BsNotifier *self,
                    const char *id);
};

void        bs_notifier_show                 (BsNotifier *self,
                                              const char *id,
                                              const char *title,
                                              const char *body,
                                              const char *action_label);
void        bs_notifier_withdraw             (BsNotifier *self,
                                              const char *id);
gboolean    bs_notifier_get_available        (BsNotifier *self);
const char *bs_notifier_get_activation_token (BsNotifier *self);

/* For backends. */
void        bs_notifier_set_available        (BsNotifier *self,
                                              gboolean    available);
void        bs_notifier_emit_activated       (BsNotifier *self,
                                              const char *id,
                                              const char *activation_token);

G_END_DECLS
