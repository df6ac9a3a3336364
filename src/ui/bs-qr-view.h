/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bs-qr.h"

G_BEGIN_DECLS

/* The light margin every reader needs around a QR code, in modules. */
#define BS_QR_QUIET_ZONE 4

#define BS_TYPE_QR_VIEW (bs_qr_view_get_type ())
G_DECLARE_FINAL_TYPE (BsQrView, bs_qr_view, BS, QR_VIEW, GtkWidget)

GtkWidget *bs_qr_view_new       (void);
BsQrCode  *bs_qr_view_get_code  (BsQrView *self);
void       bs_qr_view_set_code  (BsQrView *self,
                                 BsQrCode *code);

guint      bs_qr_get_n_modules  (BsQrCode *code);
void       bs_qr_draw           (cairo_t  *cr,
                                 BsQrCode *code,
                                 double    size);

G_END_DECLS
