/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bs-result.h"

G_BEGIN_DECLS

#define BS_TYPE_RESULT_PAGE (bs_result_page_get_type ())
G_DECLARE_FINAL_TYPE (BsResultPage, bs_result_page, BS, RESULT_PAGE, GtkWidget)

void bs_result_page_set_result (BsResultPage *self,
                                BsResult     *result);

G_END_DECLS
