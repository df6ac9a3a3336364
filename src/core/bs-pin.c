/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "bs-error.h"
#include "bs-pin.h"

/*
 * The clinic's PIN is stored as "pbkdf2-sha256$ITERATIONS$SALT$HASH" (hex),
 * so that reading the settings does not give it away and guessing it
 * offline costs a few hundred thousand HMACs a try.
 */

#define SALT_LEN 16
#define HASH_LEN 32
#define PREFIX "pbkdf2-sha256"
#define MAX_ITERATIONS 10000000

/**
 * bs_pin_is_valid:
 *
 * Returns: %TRUE if @pin is 4 to 12 digits
 */
gboolean
bs_pin_is_valid (const char *pin)
{
  gsize len;

  if (pin == NULL)
    return FALSE;
  len = strlen (pin);
  if (len < 4 || len > 12)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return TRUE;
}

static void
hmac_sha256 (const guint8 *key,
             gsize         key_len,
             const guint8 *data,
             gsize         data_len,
             guint8        out[HASH_LEN])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_len);
  gsize len = HASH_LEN;

  g_hmac_update (hmac, data, data_len);
  g_hmac_get_digest (hmac, out, &len);
}

/**
 * bs_pbkdf2_hmac_sha256:
 *
 * PBKDF2 (RFC 8018 §5.2) with HMAC-SHA-256 as the pseudo-random function.
 */
void
bs_pbkdf2_hmac_sha256 (const guint8 *password,
                       gsize         password_len,
                       const guint8 *salt,
                       gsize         salt_len,
                       guint         iterations,
                       guint8       *out,
                       gsize         out_len)
{
  g_autofree guint8 *first = g_malloc (salt_len + 4);
  guint32 block = 1;

  g_return_if_fail (iterations > 0);

  memcpy (first, salt, salt_len);
  for (gsize done = 0; done < out_len; block++)
    {
      guint8 u[HASH_LEN], t[HASH_LEN];
      gsize n = MIN (out_len - done, (gsize) HASH_LEN);

      first[salt_len] = block >> 24;
      first[salt_len + 1] = block >> 16;
      first[salt_len + 2] = block >> 8;
      first[salt_len + 3] = block;
      hmac_sha256 (password, password_len, first, salt_len + 4, u);
      memcpy (t, u, HASH_LEN);
      for (guint i = 1; i < iterations; i++)
        {
          hmac_sha256 (password, password_len, u, HASH_LEN, u);
          for (guint j = 0; j < HASH_LEN; j++)
            t[j] ^= u[j];
        }
      memcpy (out + done, t, n);
      done += n;
    }
}

static char *
to_hex (const guint8 *bytes,
        gsize         len)
{
  GString *hex = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

static gboolean
from_hex (const char *hex,
          guint8     *out,
          gsize       len)
{
  if (strlen (hex) != len * 2)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      out[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}

/* GRand is predictable; the salt comes from the kernel. */
static gboolean
random_bytes (guint8  *out,
              gsize    len,
              GError **error)
{
  gsize got = 0;

  while (got < len)
    {
      ssize_t n = getrandom (out + got, len - got, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, BS_ERROR, BS_ERROR_IO,
                       /* Translators: %s is the system's reason */
                       _("No random numbers for the PIN’s salt: %s"), g_strerror (saved));
          return FALSE;
        }
      got += (gsize) n;
    }
  return TRUE;
}

/**
 * bs_pin_hash_new:
 *
 * Returns: (transfer full) (nullable): the stored form of @pin, with a fresh
 *   random salt
 */
char *
bs_pin_hash_new (const char  *pin,
                 GError     **error)
{
  guint8 salt[SALT_LEN], hash[HASH_LEN];
  g_autofree char *salt_hex = NULL;
  g_autofree char *hash_hex = NULL;

  if (!bs_pin_is_valid (pin))
    {
      g_set_error_literal (error, BS_ERROR, BS_ERROR_INVALID, _("A PIN is 4 to 12 digits"));
      return NULL;
    }
  if (!random_bytes (salt, sizeof salt, error))
    return NULL;
  bs_pbkdf2_hmac_sha256 ((const guint8 *) pin, strlen (pin), salt, sizeof salt,
                         BS_PIN_ITERATIONS, hash, sizeof hash);
  salt_hex = to_hex (salt, sizeof salt);
  hash_hex = to_hex (hash, sizeof hash);
  return g_strdup_printf (PREFIX "$%u$%s$%s", BS_PIN_ITERATIONS, salt_hex, hash_hex);
}

static gboolean
parse (const char *stored,
       guint      *iterations,
       guint8      salt[SALT_LEN],
       guint8      hash[HASH_LEN])
{
  g_auto(GStrv) parts = NULL;
  guint64 n;

  if (stored == NULL)
    return FALSE;
  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], PREFIX))
    return FALSE;
  if (!g_ascii_string_to_unsigned (parts[1], 10, 1, MAX_ITERATIONS, &n, NULL))
    return FALSE;
  *iterations = (guint) n;
  return from_hex (parts[2], salt, SALT_LEN) && from_hex (parts[3], hash, HASH_LEN);
}

/**
 * bs_pin_hash_is_well_formed:
 *
 * Returns: %TRUE if @stored is a hash bs_pin_verify() can check against
 */
gboolean
bs_pin_hash_is_well_formed (const char *stored)
{
  guint iterations;
  guint8 salt[SALT_LEN], hash[HASH_LEN];

  return parse (stored, &iterations, salt, hash);
}

/**
 * bs_pin_verify:
 * @stored: what bs_pin_hash_new() returned
 *
 * Returns: %TRUE if @pin is the one @stored was made from
 */
gboolean
bs_pin_verify (const char *stored,
               const char *pin)
{
  guint iterations;
  guint8 salt[SALT_LEN], hash[HASH_LEN], tried[HASH_LEN];
  guint8 difference = 0;

  if (pin == NULL || !parse (stored, &iterations, salt, hash))
    return FALSE;
  bs_pbkdf2_hmac_sha256 ((const guint8 *) pin, strlen (pin), salt, sizeof salt, iterations,
                         tried, sizeof tried);
  /* Every byte is compared, so the time taken tells nothing. */
  for (guint i = 0; i < HASH_LEN; i++)
    difference |= hash[i] ^ tried[i];
  return difference == 0;
}
