/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bs-application.h"

G_BEGIN_DECLS

#define BS_TYPE_HOME_PAGE (bs_home_page_get_type ())
G_DECLARE_FINAL_TYPE (BsHomePage, bs_home_page, BS, HOME_PAGE, GtkWidget)

void bs_home_page_set_application (BsHomePage    *self,
                                   BsApplication *application);

G_END_DECLS
