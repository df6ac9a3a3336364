/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BS_TYPE_VOICE (bs_voice_get_type ())
G_DECLARE_FINAL_TYPE (BsVoice, bs_voice, BS, VOICE, GObject)

BsVoice    *bs_voice_get_default     (GError     **error);
const char *bs_voice_get_language    (BsVoice     *self);
GBytes     *bs_voice_synthesize      (BsVoice     *self,
                                      const char  *text,
                                      GError     **error);
void        bs_voice_synthesize_async (BsVoice    *self,
                                      const char  *text,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer     user_data);
GBytes     *bs_voice_synthesize_finish (BsVoice   *self,
                                      GAsyncResult *result,
                                      GError     **error);

G_END_DECLS
