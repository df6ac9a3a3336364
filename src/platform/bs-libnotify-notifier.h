/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-notifier.h"

G_BEGIN_DECLS

#define BS_TYPE_LIBNOTIFY_NOTIFIER (bs_libnotify_notifier_get_type ())
G_DECLARE_FINAL_TYPE (BsLibnotifyNotifier, bs_libnotify_notifier, BS, LIBNOTIFY_NOTIFIER, BsNotifier)

BsNotifier *bs_libnotify_notifier_new (const char *app_name);

G_END_DECLS
