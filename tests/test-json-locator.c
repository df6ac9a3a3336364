/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bs-json-locator.h"

static guint
depth_of (const char *text,
          guint       limit)
{
  return bs_json_nesting_depth (text, strlen (text), limit);
}

/* Every loader refuses text nested deeper than its limit before json-glib
 * sees it, so the count must be exact at the boundary. */
static void
test_nesting_depth (void)
{
  g_assert_cmpuint (depth_of ("1", 8), ==, 0);
  g_assert_cmpuint (depth_of ("{}", 8), ==, 1);
  g_assert_cmpuint (depth_of ("{\"a\":[1,{\"b\":2}],\"c\":{}}", 8), ==, 3);
  g_assert_cmpuint (depth_of ("[[[]],[[[]]]]", 8), ==, 4);
  /* Brackets in strings, and escaped quotes, do not count. */
  g_assert_cmpuint (depth_of ("[\"[[[\\\"[[\"]", 8), ==, 1);
  /* Counting stops just past the limit. */
  g_assert_cmpuint (depth_of ("[[[[[[[[[[", 3), ==, 4);
}

static void
test_locator_positions (void)
{
  const char *text = "{\n  \"steps\": [\n    { \"seconds\": 5 }\n  ]\n}";
  g_autoptr(BsJsonLocator) locator = bs_json_locator_new (text, strlen (text));
  guint line = 0, column = 0;

  g_assert_true (bs_json_locator_lookup (locator, "/steps/0/seconds", &line, &column));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 7);
  g_assert_false (bs_json_locator_lookup (locator, "/steps/1", &line, &column));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-locator/nesting-depth", test_nesting_depth);
  g_test_add_func ("/json-locator/positions", test_locator_positions);
  return g_test_run ();
}
