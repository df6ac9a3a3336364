/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "bs-error.h"
#include "bs-json-locator.h"

#include <string.h>

/* Deep enough for any routine; deeper input is simply not indexed. */
#define MAX_DEPTH 64

typedef struct
{
  guint line;
  guint column;
} Position;

struct _BsJsonLocator
{
  GHashTable *positions; /* pointer string -> Position */
};

typedef struct
{
  const char *p;
  const char *end;
  guint line;
  guint column;
} Scanner;

static void
advance (Scanner *s)
{
  if (*s->p == '\n')
    {
      s->line++;
      s->column = 1;
    }
  else if (((guchar) *s->p & 0xC0) != 0x80)
    {
      /* Count characters, not bytes: UTF-8 continuation bytes do not move
       * the column. */
      s->column++;
    }
  s->p++;
  /* A continuation byte that follows does not count either. */
  while (s->p < s->end && ((guchar) *s->p & 0xC0) == 0x80)
    s->p++;
}

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    advance (s);
}

/* s->p is on the 'u' of "\uXXXX" or on a hex digit of it: reads the four
 * digits and leaves s->p on the last.  Returns G_MAXUINT32 if they are not
 * all there. */
static gunichar
read_hex4 (Scanner *s)
{
  gunichar value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (s->p + 1 >= s->end || !g_ascii_isxdigit (s->p[1]))
        return G_MAXUINT32;
      advance (s);
      value = value * 16 + g_ascii_xdigit_value (*s->p);
    }
  return value;
}

/* s->p is on the 'u' of "\uXXXX".  Appends the character as json-glib
 * reads it, so that a key written with escapes ("s\u0065conds") gets the
 * same pointer as the loader asks for, and leaves s->p on the escape's last
 * character.  A surrogate pair is two escapes and one character. */
static void
append_unicode_escape (Scanner *s,
                       GString *out)
{
  gunichar c = read_hex4 (s);

  if (c >= 0xD800 && c < 0xDC00 && s->end - s->p > 2 && s->p[1] == '\\' && s->p[2] == 'u')
    {
      Scanner low_start = *s;
      gunichar low;

      advance (&low_start);
      advance (&low_start);
      low = read_hex4 (&low_start);
      if (low >= 0xDC00 && low < 0xE000)
        {
          *s = low_start;
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        }
    }

  /* Anything json-glib refuses or mangles cannot be looked up anyway. */
  if (c == G_MAXUINT32 || (c >= 0xD800 && c < 0xE000))
    g_string_append_c (out, '?');
  else
    g_string_append_unichar (out, c);
}

/* Reads a JSON string at s->p (which is '"') and returns its value with
 * its escapes resolved. */
static char *
read_string (Scanner *s)
{
  GString *out = g_string_new (NULL);

  advance (s);
  while (s->p < s->end && *s->p != '"')
    {
      if (*s->p == '\\' && s->p + 1 < s->end)
        {
          advance (s);
          /* advance() also skips the continuation bytes after the
           * backslash, which in invalid UTF-8 such as "\<0x80>" run to the
           * end of the text. */
          if (s->p >= s->end)
            break;
          switch (*s->p)
            {
            case 'b': g_string_append_c (out, '\b'); break;
            case 'f': g_string_append_c (out, '\f'); break;
            case 'n': g_string_append_c (out, '\n'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            case 't': g_string_append_c (out, '\t'); break;
            case 'u': append_unicode_escape (s, out); break;
            default: g_string_append_c (out, *s->p); break;
            }
          advance (s);
          continue;
        }
      {
        const char *start = s->p;
        advance (s);
        g_string_append_len (out, start, s->p - start);
      }
    }
  if (s->p < s->end)
    advance (s);
  return g_string_free (out, FALSE);
}

static void
record (BsJsonLocator *self,
        GString       *pointer,
        guint          line,
        guint          column)
{
  Position *pos = g_new (Position, 1);

  pos->line = line;
  pos->column = column;
  g_hash_table_replace (self->positions, g_strdup (pointer->str), pos);
}

static void
append_token (GString    *pointer,
              const char *token)
{
  g_string_append_c (pointer, '/');
  for (const char *c = token; *c; c++)
    {
      if (*c == '~')
        g_string_append (pointer, "~0");
      else if (*c == '/')
        g_string_append (pointer, "~1");
      else
        g_string_append_c (pointer, *c);
    }
}

static void
scan_value (BsJsonLocator *self,
            Scanner       *s,
            GString       *pointer,
            guint          depth);

static void
scan_container (BsJsonLocator *self,
                Scanner       *s,
                GString       *pointer,
                guint          depth,
                gboolean       is_object)
{
  char close = is_object ? '}' : ']';
  guint index = 0;

  advance (s);
  for (;;)
    {
      gsize saved = pointer->len;
      guint line, column;

      skip_space (s);
      if (s->p >= s->end || *s->p == close)
        break;

      line = s->line;
      column = s->column;
      if (is_object)
        {
          g_autofree char *key = NULL;

          if (*s->p != '"')
            return;
          key = read_string (s);
          append_token (pointer, key);
          skip_space (s);
          if (s->p >= s->end || *s->p != ':')
            return;
          advance (s);
          skip_space (s);
        }
      else
        {
          g_string_append_printf (pointer, "/%u", index++);
        }

      record (self, pointer, line, column);
      scan_value (self, s, pointer, depth + 1);
      g_string_truncate (pointer, saved);

      skip_space (s);
      if (s->p < s->end && *s->p == ',')
        advance (s);
      else
        break;
    }
  skip_space (s);
  if (s->p < s->end && *s->p == close)
    advance (s);
}

static void
scan_value (BsJsonLocator *self,
            Scanner       *s,
            GString       *pointer,
            guint          depth)
{
  skip_space (s);
  if (s->p >= s->end)
    return;

  if (*s->p == '{' || *s->p == '[')
    {
      if (depth >= MAX_DEPTH)
        {
          s->p = s->end;
          return;
        }
      scan_container (self, s, pointer, depth, *s->p == '{');
    }
  else if (*s->p == '"')
    {
      g_free (read_string (s));
    }
  else
    {
      while (s->p < s->end && !strchr (",]} \t\r\n", *s->p))
        advance (s);
    }
}

BsJsonLocator *
bs_json_locator_new (const char *text,
                     gsize       length)
{
  BsJsonLocator *self = g_new0 (BsJsonLocator, 1);
  g_autoptr(GString) pointer = g_string_new (NULL);
  /* NULL + 0 is undefined in C: only offset a real pointer. */
  Scanner s = { text, length > 0 ? text + length : text, 1, 1 };

  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Skip a UTF-8 byte order mark, as json-glib does. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    s.p += 3;

  skip_space (&s);
  record (self, pointer, s.line, s.column);
  scan_value (self, &s, pointer, 0);

  return self;
}

void
bs_json_locator_free (BsJsonLocator *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->positions);
  g_free (self);
}

gboolean
bs_json_locator_lookup (BsJsonLocator *self,
                        const char    *pointer,
                        guint         *line,
                        guint         *column)
{
  Position *pos = g_hash_table_lookup (self->positions, pointer);

  if (pos == NULL)
    return FALSE;
  *line = pos->line;
  *column = pos->column;
  return TRUE;
}

/**
 * bs_json_locator_set_error:
 * @code: a #BsError
 * @pointer: the JSON Pointer of the value at fault
 * @message: what is wrong; invalid UTF-8 in it is replaced
 *
 * Sets @error to "@display_name:LINE:COLUMN: @message", or to
 * "@display_name: @message" when @pointer is not in the text: how every
 * loader says where a file breaks a rule.
 */
void
bs_json_locator_set_error (BsJsonLocator  *self,
                           GError        **error,
                           int             code,
                           const char     *display_name,
                           const char     *pointer,
                           const char     *message)
{
  /* Member names come from the file through json-glib's escapes, which can
   * make invalid UTF-8; the message is shown in a GTK label. */
  g_autofree char *valid = g_utf8_make_valid (message, -1);
  guint line = 0, column = 0;

  if (bs_json_locator_lookup (self, pointer, &line, &column))
    g_set_error (error, BS_ERROR, code, "%s:%u:%u: %s", display_name, line, column, valid);
  else
    g_set_error (error, BS_ERROR, code, "%s: %s", display_name, valid);
}

/**
 * bs_json_nesting_depth:
 * @limit: counting stops once the depth passes this
 *
 * json-glib parses recursively and runs out of stack on input nested deep
 * enough, so every loader asks this first and refuses deep text unparsed.
 *
 * Returns: how deeply arrays and objects nest in @text, not counting
 *   brackets inside strings, or a value just past @limit
 */
guint
bs_json_nesting_depth (const char *text,
                       gsize       length,
                       guint       limit)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length && deepest <= limit; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          /* Not MAX (deepest, ++depth): the macro would count twice. */
          depth++;
          deepest = MAX (deepest, depth);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return deepest;
}
