/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bs-session.h"

G_BEGIN_DECLS

#define BS_TYPE_SESSION_PAGE (bs_session_page_get_type ())
G_DECLARE_FINAL_TYPE (BsSessionPage, bs_session_page, BS, SESSION_PAGE, GtkWidget)

void bs_session_page_set_session (BsSessionPage *self,
                                  BsSession     *session);
void bs_session_page_set_notice  (BsSessionPage *self,
                                  const char    *notice);

G_END_DECLS
