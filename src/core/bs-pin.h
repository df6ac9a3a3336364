/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BS_PIN_ITERATIONS 200000

gboolean  bs_pin_is_valid  (const char   *pin);
char     *bs_pin_hash_new  (const char   *pin,
                            GError      **error);
gboolean  bs_pin_verify    (const char   *stored,
                            const char   *pin);
gboolean  bs_pin_hash_is_well_formed (const char *stored);

void      bs_pbkdf2_hmac_sha256 (const guint8 *password,
                                 gsize         password_len,
                                 const guint8 *salt,
                                 gsize         salt_len,
                                 guint         iterations,
                                 guint8       *out,
                                 gsize         out_len);

G_END_DECLS
