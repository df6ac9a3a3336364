/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The kiosk's administrator PIN: PBKDF2 against published vectors, the
 * stored form, the gate that slows down guessing, and the idle timer, all
 * on the fake clock.
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "bs-error.h"
#include "bs-fake-clock.h"
#include "bs-kiosk.h"
#include "bs-pin.h"

#define SEC ((gint64) G_USEC_PER_SEC)

static char *
pbkdf2_hex (const char *password,
            const char *salt,
            guint       iterations,
            gsize       len)
{
  g_autofree guint8 *out = g_malloc (len);
  GString *hex = g_string_new (NULL);

  bs_pbkdf2_hmac_sha256 ((const guint8 *) password, strlen (password),
                         (const guint8 *) salt, strlen (salt), iterations, out, len);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", out[i]);
  return g_string_free (hex, FALSE);
}

static void
test_pbkdf2_vectors (void)
{
  g_autofree char *one = pbkdf2_hex ("password", "salt", 1, 32);
  g_autofree char *many = pbkdf2_hex ("password", "salt", 4096, 32);
  /* RFC 7914 §11: longer than one block, so the block counter matters. */
  g_autofree char *two_blocks = pbkdf2_hex ("passwd", "salt", 1, 64);

  g_assert_cmpstr (one, ==, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
  g_assert_cmpstr (many, ==, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
  g_assert_cmpstr (two_blocks, ==,
                   "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                   "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
}

static void
test_pin_valid (void)
{
  g_assert_true (bs_pin_is_valid ("1234"));
  g_assert_true (bs_pin_is_valid ("123456789012"));
  g_assert_false (bs_pin_is_valid ("123"));
  g_assert_false (bs_pin_is_valid ("1234567890123"));
  g_assert_false (bs_pin_is_valid ("12a4"));
  g_assert_false (bs_pin_is_valid (" 1234"));
  g_assert_false (bs_pin_is_valid (""));
  g_assert_false (bs_pin_is_valid (NULL));
}

static void
test_pin_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = bs_pin_hash_new ("2468", &error);
  g_autofree char *again = bs_pin_hash_new ("2468", NULL);
  g_autofree char *prefix = g_strdup_printf ("pbkdf2-sha256$%u$", BS_PIN_ITERATIONS);
  g_autofree char *tampered = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (stored, prefix));
  g_assert_null (strstr (stored, "2468"));
  parts = g_strsplit (stored, "$", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  g_assert_cmpuint (strlen (parts[2]), ==, 32);
  g_assert_cmpuint (strlen (parts[3]), ==, 64);
  /* A fresh salt each time: the same PIN never looks the same twice. */
  g_assert_cmpstr (stored, !=, again);
  g_assert_true (bs_pin_hash_is_well_formed (stored));

  g_assert_true (bs_pin_verify (stored, "2468"));
  g_assert_true (bs_pin_verify (again, "2468"));
  g_assert_false (bs_pin_verify (stored, "2469"));
  g_assert_false (bs_pin_verify (stored, "24680"));
  g_assert_false (bs_pin_verify (stored, ""));
  g_assert_false (bs_pin_verify (stored, NULL));

  tampered = g_strdup (stored);
  tampered[strlen (tampered) - 1] = tampered[strlen (tampered) - 1] == '0' ? '1' : '0';
  g_assert_false (bs_pin_verify (tampered, "2468"));

  g_assert_null (bs_pin_hash_new ("12", &error));
  g_assert_error (error, BS_ERROR, BS_ERROR_INVALID);
}

static void
test_pin_malformed (void)
{
  static const char *bad[] = {
    "", "2468", "pbkdf2-sha256", "pbkdf2-sha256$0$00$00",
    "md5$1000$00112233445566778899aabbccddeeff$0011",
    "pbkdf2-sha256$1000$0011$00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
    "pbkdf2-sha256$x$00112233445566778899aabbccddeeff$00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
    "pbkdf2-sha256$99999999$00112233445566778899aabbccddeeff$00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (bs_pin_hash_is_well_formed (bad[i]));
      g_assert_false (bs_pin_verify (bad[i], "2468"));
    }
  g_assert_false (bs_pin_verify (NULL, "2468"));
}

/* `backstay --hash-pin` as an administrator runs it, PIN on stdin. */
static char *
hash_pin_command (const char *input,
                  int        *status)
{
  const char *binary = g_getenv ("BACKSTAY_BINARY");
  const char *argv[] = { binary, "--hash-pin", NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  return out;
}

static void
test_hash_pin_command (void)
{
  g_autofree char *out = NULL;
  g_autofree char *refused = NULL;
  int status;

  if (g_getenv ("BACKSTAY_BINARY") == NULL)
    {
      g_test_skip ("BACKSTAY_BINARY is not set (meson test sets it)");
      return;
    }
  out = hash_pin_command ("13579\n", &status);
  g_assert_cmpint (status, ==, 0);
  g_strchomp (out);
  g_assert_true (bs_pin_hash_is_well_formed (out));
  g_assert_true (bs_pin_verify (out, "13579"));
  g_assert_false (bs_pin_verify (out, "1357"));

  refused = hash_pin_command ("12\n", &status);
  g_assert_cmpint (status, !=, 0);
  g_assert_cmpstr (refused, ==, "");
}

typedef struct
{
  BsClock *clock;
  BsKiosk *kiosk;
  guint warnings;
  guint resets;
} Fixture;

static void
on_warning (BsKiosk *kiosk,
            Fixture *f)
{
  f->warnings++;
}

static void
on_reset (BsKiosk *kiosk,
          Fixture *f)
{
  f->resets++;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->clock = bs_fake_clock_new ();
  bs_fake_clock_advance (BS_FAKE_CLOCK (f->clock), 1000 * SEC);
  f->kiosk = bs_kiosk_new (f->clock);
  g_signal_connect (f->kiosk, "idle-warning", G_CALLBACK (on_warning), f);
  g_signal_connect (f->kiosk, "idle-reset", G_CALLBACK (on_reset), f);
  bs_kiosk_set_enabled (f->kiosk, TRUE);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->kiosk);
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f->clock)), ==, 0);
  g_clear_object (&f->clock);
}

static void
advance (Fixture *f,
         gint64   usec)
{
  bs_fake_clock_advance (BS_FAKE_CLOCK (f->clock), usec);
}

static void
expect_wrong (Fixture *f,
              guint    failure)
{
  g_autofree char *logged = g_strdup_printf ("Wrong kiosk PIN (failure %u)", failure);

  g_test_expect_message ("Backstay", G_LOG_LEVEL_MESSAGE, logged);
  g_assert_cmpint (bs_kiosk_try_pin (f->kiosk, "1111"), ==, BS_KIOSK_PIN_WRONG);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (bs_kiosk_get_failures (f->kiosk), ==, failure);
}

static void
test_gate_not_set (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (bs_kiosk_try_pin (f->kiosk, "2468"), ==, BS_KIOSK_PIN_NOT_SET);
  g_assert_true (bs_kiosk_get_enabled (f->kiosk));
}

/* The stored form of @pin with one round: the gate does not care how slow
 * the hash is, and a test that tries several PINs should not either (under
 * the sanitizers 200,000 rounds take seconds each). */
static char *
one_round_hash (const char *pin)
{
  static const guint8 salt[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                   0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
  guint8 hash[32];
  GString *stored = g_string_new ("pbkdf2-sha256$1$");

  bs_pbkdf2_hmac_sha256 ((const guint8 *) pin, strlen (pin), salt, sizeof salt, 1, hash, sizeof hash);
  for (guint i = 0; i < sizeof salt; i++)
    g_string_append_printf (stored, "%02x", salt[i]);
  g_string_append_c (stored, '$');
  for (guint i = 0; i < sizeof hash; i++)
    g_string_append_printf (stored, "%02x", hash[i]);
  return g_string_free (stored, FALSE);
}

static void
test_gate_delays (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *stored = one_round_hash ("2468");

  bs_kiosk_set_pin_hash (f->kiosk, stored);

  /* Three free tries, then 5 s, 10 s, 20 s... */
  expect_wrong (f, 1);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 0);
  expect_wrong (f, 2);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 0);
  expect_wrong (f, 3);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 5);

  /* While waiting, even the right PIN is not looked at, and nothing counts. */
  g_assert_cmpint (bs_kiosk_try_pin (f->kiosk, "2468"), ==, BS_KIOSK_PIN_WAIT);
  g_assert_true (bs_kiosk_get_enabled (f->kiosk));
  g_assert_cmpuint (bs_kiosk_get_failures (f->kiosk), ==, 3);
  advance (f, 4 * SEC + SEC / 2);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 1);
  g_assert_cmpint (bs_kiosk_try_pin (f->kiosk, "1111"), ==, BS_KIOSK_PIN_WAIT);
  advance (f, SEC / 2);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 0);

  expect_wrong (f, 4);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 10);
  advance (f, 10 * SEC);
  expect_wrong (f, 5);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 20);
  advance (f, 20 * SEC);

  g_assert_cmpint (bs_kiosk_try_pin (f->kiosk, "2468"), ==, BS_KIOSK_PIN_RIGHT);
  g_assert_false (bs_kiosk_get_enabled (f->kiosk));
  g_assert_cmpuint (bs_kiosk_get_failures (f->kiosk), ==, 0);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, 0);
}

static void
test_gate_cap (Fixture       *f,
               gconstpointer  data)
{
  /* One iteration keeps ten wrong tries quick; the gate does not care. */
  bs_kiosk_set_pin_hash (f->kiosk, "pbkdf2-sha256$1$00112233445566778899aabbccddeeff$"
                                   "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
  for (guint i = 1; i <= 10; i++)
    {
      expect_wrong (f, i);
      advance (f, (gint64) bs_kiosk_get_wait_seconds (f->kiosk) * SEC);
    }
  expect_wrong (f, 11);
  g_assert_cmpuint (bs_kiosk_get_wait_seconds (f->kiosk), ==, BS_KIOSK_MAX_DELAY_SECONDS);
}

static void
test_idle_warning_then_reset (Fixture       *f,
                              gconstpointer  data)
{
  g_assert_cmpuint (bs_kiosk_get_idle_minutes (f->kiosk), ==, 2);

  advance (f, 60 * SEC);
  bs_kiosk_report_activity (f->kiosk);
  /* Two minutes from the last touch, not from the start. */
  advance (f, 119 * SEC);
  g_assert_cmpuint (f->warnings, ==, 0);
  advance (f, SEC);
  g_assert_cmpuint (f->warnings, ==, 1);
  g_assert_true (bs_kiosk_is_warning (f->kiosk));
  g_assert_cmpuint (bs_kiosk_get_warning_left (f->kiosk), ==, BS_KIOSK_WARNING_SECONDS);

  /* Stray input does not answer the question. */
  bs_kiosk_report_activity (f->kiosk);
  advance (f, 7 * SEC);
  g_assert_cmpuint (bs_kiosk_get_warning_left (f->kiosk), ==, 13);
  advance (f, 12 * SEC);
  g_assert_cmpuint (bs_kiosk_get_warning_left (f->kiosk), ==, 1);
  g_assert_cmpuint (f->resets, ==, 0);
  advance (f, SEC);
  g_assert_cmpuint (f->resets, ==, 1);
  g_assert_false (bs_kiosk_is_warning (f->kiosk));

  /* And again two minutes after the reset. */
  advance (f, 120 * SEC);
  g_assert_cmpuint (f->warnings, ==, 2);
}

static void
test_idle_still_here (Fixture       *f,
                      gconstpointer  data)
{
  advance (f, 120 * SEC);
  g_assert_cmpuint (f->warnings, ==, 1);
  advance (f, 15 * SEC);
  bs_kiosk_still_here (f->kiosk);
  g_assert_false (bs_kiosk_is_warning (f->kiosk));
  advance (f, 119 * SEC);
  g_assert_cmpuint (f->resets, ==, 0);
  g_assert_cmpuint (f->warnings, ==, 1);
  advance (f, SEC);
  g_assert_cmpuint (f->warnings, ==, 2);
}

static void
test_idle_suspended (Fixture       *f,
                     gconstpointer  data)
{
  bs_kiosk_set_idle_minutes (f->kiosk, 5);
  bs_kiosk_set_idle_suspended (f->kiosk, TRUE);
  advance (f, 3600 * SEC);
  g_assert_cmpuint (f->warnings, ==, 0);
  bs_kiosk_set_idle_suspended (f->kiosk, FALSE);
  advance (f, 299 * SEC);
  g_assert_cmpuint (f->warnings, ==, 0);
  advance (f, SEC);
  g_assert_cmpuint (f->warnings, ==, 1);

  /* Out of range minutes are brought into 1..60. */
  bs_kiosk_set_idle_minutes (f->kiosk, 0);
  g_assert_cmpuint (bs_kiosk_get_idle_minutes (f->kiosk), ==, 1);
  bs_kiosk_set_idle_minutes (f->kiosk, 600);
  g_assert_cmpuint (bs_kiosk_get_idle_minutes (f->kiosk), ==, 60);
}

static void
test_idle_off_outside_kiosk (Fixture       *f,
                             gconstpointer  data)
{
  bs_kiosk_set_enabled (f->kiosk, FALSE);
  g_assert_cmpuint (bs_fake_clock_get_n_pending (BS_FAKE_CLOCK (f->clock)), ==, 0);
  advance (f, 3600 * SEC);
  bs_kiosk_report_activity (f->kiosk);
  advance (f, 3600 * SEC);
  g_assert_cmpuint (f->warnings, ==, 0);
  g_assert_cmpuint (f->resets, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin/pbkdf2-vectors", test_pbkdf2_vectors);
  g_test_add_func ("/pin/valid", test_pin_valid);
  g_test_add_func ("/pin/hash", test_pin_hash);
  g_test_add_func ("/pin/malformed", test_pin_malformed);
  g_test_add_func ("/pin/hash-pin-command", test_hash_pin_command);
  g_test_add ("/pin/gate/not-set", Fixture, NULL, setup, test_gate_not_set, teardown);
  g_test_add ("/pin/gate/delays", Fixture, NULL, setup, test_gate_delays, teardown);
  g_test_add ("/pin/gate/cap", Fixture, NULL, setup, test_gate_cap, teardown);
  g_test_add ("/pin/idle/warning-then-reset", Fixture, NULL, setup, test_idle_warning_then_reset,
              teardown);
  g_test_add ("/pin/idle/still-here", Fixture, NULL, setup, test_idle_still_here, teardown);
  g_test_add ("/pin/idle/suspended", Fixture, NULL, setup, test_idle_suspended, teardown);
  g_test_add ("/pin/idle/off-outside-kiosk", Fixture, NULL, setup, test_idle_off_outside_kiosk,
              teardown);
  return g_test_run ();
}
