/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include <string.h>

#include "bs-fake-notifier.h"

/* A notifier for tests that keeps a list of what it was asked, and refuses
 * what a notification service would get wrong or what shows that a caller
 * lost track of its notifications.  Clicks are simulated; a clicked
 * notification is gone, as on the desktop. */
struct _BsFakeNotifier
{
  BsNotifier parent_instance;

  GPtrArray *records;   /* of BsFakeNotifierRecord, oldest first */
  GHashTable *shown;    /* id -> the record that put it up, in records */
  GHashTable *known;    /* every id ever passed to show */
};

G_DEFINE_FINAL_TYPE (BsFakeNotifier, bs_fake_notifier, BS_TYPE_NOTIFIER)

static void
record_free (BsFakeNotifierRecord *record)
{
  g_free (record->id);
  g_free (record->title);
  g_free (record->body);
  g_free (record->action_label);
  g_free (record);
}

/* Notification bodies are markup: a stray "<" or "&" is misread or makes
 * the service drop the body, so text must arrive escaped. */
static gboolean
is_escaped_text (const char *text)
{
  static const char *const entities[] = { "amp;", "lt;", "gt;", "quot;", "apos;" };

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean entity = FALSE;

      if (*p == '<')
        return FALSE;
      if (*p != '&')
        continue;
      p++;
      for (guint i = 0; i < G_N_ELEMENTS (entities) && !entity; i++)
        if (g_str_has_prefix (p, entities[i]))
          {
            entity = TRUE;
            p += strlen (entities[i]) - 1;
          }
      if (!entity && *p == '#')
        {
          gboolean hex = p[1] == 'x';
          const char *digits = p + (hex ? 2 : 1);
          const char *end = digits;

          while (hex ? g_ascii_isxdigit (*end) : g_ascii_isdigit (*end))
            end++;
          entity = end > digits && *end == ';';
          if (entity)
            p = end;
        }
      if (!entity)
        return FALSE;
    }
  return TRUE;
}

static BsFakeNotifierRecord *
add_record (BsFakeNotifier   *self,
            BsFakeNotifierOp  op,
            const char       *id)
{
  BsFakeNotifierRecord *record = g_new0 (BsFakeNotifierRecord, 1);

  record->op = op;
  record->dropped = !bs_notifier_get_available (BS_NOTIFIER (self));
  record->id = g_strdup (id);
  g_ptr_array_add (self->records, record);
  return record;
}

static void
bs_fake_notifier_show (BsNotifier *notifier,
                       const char *id,
                       const char *title,
                       const char *body,
                       const char *action_label)
{
  BsFakeNotifier *self = BS_FAKE_NOTIFIER (notifier);
  BsFakeNotifierRecord *record;

  if (body != NULL && !is_escaped_text (body))
    {
      g_critical ("Notification body “%s” is not escaped: pass it through g_markup_escape_text()",
                  body);
      return;
    }

  record = add_record (self, BS_FAKE_NOTIFIER_SHOW, id);
  record->title = g_strdup (title);
  record->body = g_strdup (body);
  record->action_label = g_strdup (action_label);
  g_hash_table_add (self->known, g_strdup (id));
  if (!record->dropped)
    g_hash_table_replace (self->shown, record->id, record);
}

static void
bs_fake_notifier_withdraw (BsNotifier *notifier,
                           const char *id)
{
  BsFakeNotifier *self = BS_FAKE_NOTIFIER (notifier);

  if (!g_hash_table_contains (self->known, id))
    {
      g_critical ("Withdrawing notification “%s”, which was never shown", id);
      return;
    }
  add_record (self, BS_FAKE_NOTIFIER_WITHDRAW, id);
  g_hash_table_remove (self->shown, id);
}

static void
bs_fake_notifier_finalize (GObject *object)
{
  BsFakeNotifier *self = BS_FAKE_NOTIFIER (object);

  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (bs_fake_notifier_parent_class)->finalize (object);
}

static void
bs_fake_notifier_class_init (BsFakeNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BsNotifierClass *notifier_class = BS_NOTIFIER_CLASS (klass);

  object_class->finalize = bs_fake_notifier_finalize;
  notifier_class->show = bs_fake_notifier_show;
  notifier_class->withdraw = bs_fake_notifier_withdraw;
}

static void
bs_fake_notifier_init (BsFakeNotifier *self)
{
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  /* Keys are the records' own ids. */
  self->shown = g_hash_table_new (g_str_hash, g_str_equal);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

BsNotifier *
bs_fake_notifier_new (void)
{
  return g_object_new (BS_TYPE_FAKE_NOTIFIER, NULL);
}

guint
bs_fake_notifier_get_n_records (BsFakeNotifier *self)
{
  g_return_val_if_fail (BS_IS_FAKE_NOTIFIER (self), 0);

  return self->records->len;
}

/**
 * bs_fake_notifier_get_record:
 * @index: from 0, in the order the requests came
 */
const BsFakeNotifierRecord *
bs_fake_notifier_get_record (BsFakeNotifier *self,
                             guint           index)
{
  g_return_val_if_fail (BS_IS_FAKE_NOTIFIER (self), NULL);
  g_return_val_if_fail (index < self->records->len, NULL);

  return g_ptr_array_index (self->records, index);
}

/**
 * bs_fake_notifier_get_shown:
 *
 * Returns: (nullable): the show request behind notification @id if it is
 *   up now, or %NULL
 */
const BsFakeNotifierRecord *
bs_fake_notifier_get_shown (BsFakeNotifier *self,
                            const char     *id)
{
  g_return_val_if_fail (BS_IS_FAKE_NOTIFIER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->shown, id);
}

/**
 * bs_fake_notifier_click:
 *
 * Does what a click on notification @id (or on its button) does: emits
 * #BsNotifier::activated and takes the notification down.
 *
 * Returns: %FALSE, emitting nothing, if @id is not up
 */
gboolean
bs_fake_notifier_click (BsFakeNotifier *self,
                        const char     *id)
{
  g_autofree char *clicked = NULL;

  g_return_val_if_fail (BS_IS_FAKE_NOTIFIER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!g_hash_table_contains (self->shown, id))
    return FALSE;
  /* A handler may show or withdraw @id again. */
  clicked = g_strdup (id);
  g_hash_table_remove (self->shown, clicked);
  bs_notifier_emit_activated (BS_NOTIFIER (self), clicked, NULL);
  return TRUE;
}

/**
 * bs_fake_notifier_set_available:
 *
 * %FALSE acts as a desktop without a notification service: what was up is
 * gone, and later requests are recorded as dropped.
 */
void
bs_fake_notifier_set_available (BsFakeNotifier *self,
                                gboolean        available)
{
  g_return_if_fail (BS_IS_FAKE_NOTIFIER (self));

  if (!available)
    g_hash_table_remove_all (self->shown);
  bs_notifier_set_available (BS_NOTIFIER (self), available);
}
