/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-notifier.h"

G_BEGIN_DECLS

typedef enum
{
  BS_FAKE_NOTIFIER_SHOW,
  BS_FAKE_NOTIFIER_WITHDRAW,
} BsFakeNotifierOp;

/**
 * BsFakeNotifierRecord:
 * @op: what was asked
 * @dropped: %TRUE if it came while the notifier was unavailable
 * @id: the notification
 * @title: (nullable): the title shown; %NULL for a withdrawal
 * @body: (nullable): the body as given (escaped markup)
 * @action_label: (nullable): the button's label
 */
typedef struct
{
  BsFakeNotifierOp op;
  gboolean dropped;
  char *id;
  char *title;
  char *body;
  char *action_label;
} BsFakeNotifierRecord;

#define BS_TYPE_FAKE_NOTIFIER (bs_fake_notifier_get_type ())
G_DECLARE_FINAL_TYPE (BsFakeNotifier, bs_fake_notifier, BS, FAKE_NOTIFIER, BsNotifier)

BsNotifier                 *bs_fake_notifier_new           (void);
guint                       bs_fake_notifier_get_n_records (BsFakeNotifier *self);
const BsFakeNotifierRecord *bs_fake_notifier_get_record    (BsFakeNotifier *self,
                                                            guint           index);
const BsFakeNotifierRecord *bs_fake_notifier_get_shown     (BsFakeNotifier *self,
                                                            const char     *id);
gboolean                    bs_fake_notifier_click         (BsFakeNotifier *self,
                                                            const char     *id);
void                        bs_fake_notifier_set_available (BsFakeNotifier *self,
                                                            gboolean        available);

G_END_DECLS
