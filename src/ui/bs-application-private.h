/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by bs-application.c and bs-application-cli.c (the command line). */

#include "bs-application.h"
#include "bs-schedule.h"

G_BEGIN_DECLS

void        bs_application_add_main_options      (BsApplication  *self);
int         bs_application_handle_local_options  (GApplication   *app,
                                                  GVariantDict   *options);
BsSchedule *bs_application_schedule_from_options (BsApplication  *self,
                                                  const char     *id,
                                                  GVariantDict   *options,
                                                  GError        **error);

G_END_DECLS
