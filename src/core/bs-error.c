/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bs-error.h"

G_DEFINE_QUARK (bs-error-quark, bs_error)
