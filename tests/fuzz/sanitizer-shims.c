/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Compiled into the libFuzzer build only (tests/fuzz/run), where a function
 * defined here takes precedence over the shared library's.
 *
 * g_utf8_strlen(): GLib is not built with AddressSanitizer, so a read past
 * the end of a string that happens inside libglib goes unseen; ASan only
 * checks the libc functions it intercepts.  g_utf8_strlen() is the one the
 * loader calls on text that came out of the file, and it trusts the UTF-8
 * it is given: on a lone lead byte such as "\xF0" it jumps over the
 * terminating NUL.  This copy has the same behaviour as GLib 2.74's, keep it
 * that way, but its reads are checked.
 *
 * json_parser_load_from_data(): json-glib 1.6 (Debian 12) leaks its
 * scanner's string buffer when a surrogate escape is followed by an escape
 * that is not a low surrogate, as in "\ud83d\u0041"; the parse still fails
 * cleanly and current json-glib frees it.  That leak is not Backstay's, and
 * without this it stops every run within seconds.  LeakSanitizer
 * suppressions cannot single it out: GLib has no frame pointers, so the
 * fast unwinder records only "malloc <- g_malloc", and the slow one costs
 * nine tenths of the speed.  So allocations made while json-glib parses
 * are not counted as leaks.  A JsonParser that Backstay forgets to free is
 * still reported: it is allocated before the parse.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <sanitizer/lsan_interface.h>

#include <glib.h>
#include <json-glib/json-glib.h>

glong
g_utf8_strlen (const gchar *p,
               gssize       max)
{
  glong len = 0;
  const gchar *start = p;

  g_return_val_if_fail (p != NULL || max == 0, 0);

  if (max < 0)
    {
      while (*p)
        {
          p = g_utf8_next_char (p);
          ++len;
        }
    }
  else
    {
      if (max == 0 || !*p)
        return 0;

      p = g_utf8_next_char (p);

      while (p - start < max && *p)
        {
          ++len;
          p = g_utf8_next_char (p);
        }

      /* Count the last character only if it was complete. */
      if (p - start <= max)
        ++len;
    }

  return len;
}

gboolean
json_parser_load_from_data (JsonParser   *parser,
                            const gchar  *data,
                            gssize        length,
                            GError      **error)
{
  static gboolean (*real) (JsonParser *, const gchar *, gssize, GError **) = NULL;
  gboolean ret;

  if (real == NULL)
    {
      real = (gboolean (*) (JsonParser *, const gchar *, gssize, GError **))
        dlsym (RTLD_NEXT, "json_parser_load_from_data");
      if (real == NULL)
        g_error ("json_parser_load_from_data not found: %s", dlerror ());
    }

  __lsan_disable ();
  ret = real (parser, data, length, error);
  __lsan_enable ();
  return ret;
}
