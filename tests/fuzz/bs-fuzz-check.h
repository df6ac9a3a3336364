/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdlib.h>

#include <glib.h>

G_BEGIN_DECLS

/* abort() rather than g_assert(): G_DISABLE_ASSERT must not turn the
 * harnesses' checks off, and libFuzzer records an abort as a crash. */
#define FUZZ_CHECK(cond) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        g_printerr ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        abort (); \
      } \
  } G_STMT_END

/* A g_return_if_fail() or g_warning() reached from file contents is a bug
 * even when nothing crashes: make it one the fuzzer can see. */
static inline void
fuzz_init_once (void)
{
  static gboolean done = FALSE;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

G_END_DECLS
