/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bs-clinic-patient.h"
#include "bs-history.h"

G_BEGIN_DECLS

GListModel *bs_clinic_list_patients  (GListModel  *entries);
GListModel *bs_clinic_dup_entries_of (GListModel  *entries,
                                      const char  *code);
char       *bs_clinic_dup_csv        (GListModel  *entries);
gboolean    bs_clinic_export_csv     (GListModel  *entries,
                                      GFile       *file,
                                      GError     **error);
gboolean    bs_clinic_delete_patient (BsHistory   *store,
                                      const char  *code,
                                      GError     **error);

G_END_DECLS
