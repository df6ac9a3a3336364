/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-clock.h"

G_BEGIN_DECLS

#define BS_TYPE_REAL_CLOCK (bs_real_clock_get_type ())
G_DECLARE_FINAL_TYPE (BsRealClock, bs_real_clock, BS, REAL_CLOCK, BsClock)

BsClock *bs_real_clock_new (void);

G_END_DECLS
