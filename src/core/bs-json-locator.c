/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

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

/* Reads a JSON string at s->p (which is '"') and returns its value with
 * the escapes that matter for keys resolved. */
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
          switch (*s->p)
            {
            case 'n': g_string_append_c (out, '\n'); break;
            case 't': g_string_append_c (out, '\t'); break;
            case 'u': g_string_append_c (out, '?'); break;
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
  Scanner s = { text, text + length, 1, 1 };

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
