/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-clock.h"

G_BEGIN_DECLS

#define BS_TYPE_FAKE_CLOCK (bs_fake_clock_get_type ())
G_DECLARE_FINAL_TYPE (BsFakeClock, bs_fake_clock, BS, FAKE_CLOCK, BsClock)

BsClock *bs_fake_clock_new          (void);
void     bs_fake_clock_advance      (BsFakeClock *self,
                                     gint64       usec);
void     bs_fake_clock_advance_to   (BsFakeClock *self,
                                     gint64       time);
guint    bs_fake_clock_get_n_pending (BsFakeClock *self);
void     bs_fake_clock_sleep        (BsFakeClock *self,
                                     gint64       usec);

G_END_DECLS
