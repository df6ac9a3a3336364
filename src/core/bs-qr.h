/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The most bytes a QR code holds at error correction level M (version 40,
 * byte mode); one fewer for text that is not ASCII, which needs a header. */
#define BS_QR_MAX_BYTES 2331

typedef struct _BsQrCode BsQrCode;

#define BS_TYPE_QR_CODE (bs_qr_code_get_type ())
GType       bs_qr_code_get_type    (void) G_GNUC_CONST;

BsQrCode   *bs_qr_code_new         (const char *text,
                                    GError    **error);
BsQrCode   *bs_qr_code_ref         (BsQrCode   *self);
void        bs_qr_code_unref       (BsQrCode   *self);

const char *bs_qr_code_get_text    (BsQrCode   *self);
guint       bs_qr_code_get_version (BsQrCode   *self);
guint       bs_qr_code_get_width   (BsQrCode   *self);
gboolean    bs_qr_code_get_module  (BsQrCode   *self,
                                    guint       x,
                                    guint       y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BsQrCode, bs_qr_code_unref)

G_END_DECLS
