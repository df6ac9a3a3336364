/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-history.h"

G_BEGIN_DECLS

#define BS_TYPE_CLINIC_WINDOW (bs_clinic_window_get_type ())
G_DECLARE_FINAL_TYPE (BsClinicWindow, bs_clinic_window, BS, CLINIC_WINDOW, AdwWindow)

GtkWidget  *bs_clinic_window_new               (GtkWindow       *parent,
                                                BsHistory       *clinic_store);
BsHistory  *bs_clinic_window_get_store         (BsClinicWindow  *self);
GListModel *bs_clinic_window_get_shown         (BsClinicWindow  *self);
void        bs_clinic_window_set_search        (BsClinicWindow  *self,
                                                const char      *text);
gboolean    bs_clinic_window_export_csv_to     (BsClinicWindow  *self,
                                                GFile           *file,
                                                GError         **error);
gboolean    bs_clinic_window_export_report_to  (BsClinicWindow  *self,
                                                const char      *code,
                                                GFile           *file,
                                                GError         **error);
gboolean    bs_clinic_window_delete_patient    (BsClinicWindow  *self,
                                                const char      *code,
                                                GError         **error);

G_END_DECLS
