/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bs-routine-editor.h"
#include "bs-routine-import.h"
#include "bs-routine-library.h"

G_BEGIN_DECLS

#define BS_TYPE_ROUTINES_PAGE (bs_routines_page_get_type ())
G_DECLARE_FINAL_TYPE (BsRoutinesPage, bs_routines_page, BS, ROUTINES_PAGE, GtkWidget)

void              bs_routines_page_set_library (BsRoutinesPage    *self,
                                                BsRoutineLibrary  *library);
BsRoutineLibrary *bs_routines_page_get_library (BsRoutinesPage    *self);
BsRoutineEditor  *bs_routines_page_edit        (BsRoutinesPage    *self,
                                                const char        *id);
BsRoutineEditor  *bs_routines_page_duplicate   (BsRoutinesPage    *self,
                                                const char        *id);
gboolean          bs_routines_page_delete      (BsRoutinesPage    *self,
                                                const char        *id,
                                                GError           **error);
gboolean          bs_routines_page_export_to   (BsRoutinesPage    *self,
                                                const char        *id,
                                                GFile             *file,
                                                GError           **error);
char             *bs_routines_page_import_file (BsRoutinesPage    *self,
                                                GFile             *file,
                                                BsImportAction     action_if_conflict,
                                                GError           **error);
void              bs_routines_page_import      (BsRoutinesPage    *self,
                                                GFile             *file);

G_END_DECLS
