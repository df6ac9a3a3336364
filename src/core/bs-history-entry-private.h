/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bs-history-entry.h"

G_BEGIN_DECLS

/* The fields, for the store and the import/export code that fill entries
 * from rows and files.  Everything else reads them through the getters. */
struct _BsHistoryEntry
{
  GObject parent_instance;

  gint64 id;                 /* row id in the store; 0 when not stored */
  char *uuid;                /* stable across export and import */
  BsHistoryKind kind;
  GDateTime *started_at;     /* UTC */
  GDateTime *ended_at;       /* UTC; the last checkpoint while in progress */
  char *note;                /* never NULL */
  char *patient_code;        /* nullable; only a clinic's history sets it */

  /* Sessions */
  char *routine_id;
  char *routine_name;
  char *category;
  char *form_id;             /* nullable */
  char *form_name;           /* nullable */
  guint level;
  char *schedule_json;       /* a GRefString, interned: sessions of the same
                              * routine, form and level share one */
  BsOutcome outcome;
  gboolean scored;
  guint stage_reached;
  guint target_seconds;
  GArray *stages;            /* BsStageRecord, index = stage - 1 */

  /* Assessments */
  guint rules_version;
  char *answers_json;
  char *findings_json;
  gboolean red_flag;
};

BsHistoryEntry *bs_history_entry_new_empty (BsHistoryKind   kind);
void            bs_history_entry_set_note  (BsHistoryEntry *self,
                                            const char     *note);

G_END_DECLS
