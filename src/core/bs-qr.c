/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>
#include <string.h>

#include "bs-error.h"
#include "bs-qr.h"

/*
 * A QR code of a short text, for a phone's camera.  The text goes in as
 * 8-bit data.  Plain ASCII goes in as it is, which every reader reads.
 * Other UTF-8 text gets an ECI header saying "UTF-8" first: without it a
 * reader has to guess the encoding, and some guess Shift JIS for German
 * text with many umlauts ("Üb" is a valid Shift JIS pair).  Level M
 * restores up to 15 % of the code, enough for a crease or a smudge on
 * paper, and keeps the code small.  The modules are copied out of
 * libqrencode's structure, so nothing of it outlives bs_qr_code_new().
 */

/* The ECI designator of UTF-8 (ISO/IEC 18004, AIM ECI). */
#define ECI_UTF8 26

struct _BsQrCode
{
  char *text;
  guint version;
  guint width;
  guint8 *modules; /* width × width, row by row, 1 for a dark module */
};

G_DEFINE_BOXED_TYPE (BsQrCode, bs_qr_code, bs_qr_code_ref, bs_qr_code_unref)

static void
qr_code_clear (gpointer data)
{
  BsQrCode *self = data;

  g_free (self->text);
  g_free (self->modules);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Like QRcode_encodeData(), with the ECI header when it is needed.
 * libqrencode says what went wrong in errno. */
static QRcode *
encode (const char *text,
        gsize       length,
        int        *error_number)
{
  QRinput *input;
  QRcode *code = NULL;

  errno = 0;
  input = QRinput_new2 (0, QR_ECLEVEL_M);
  if (input != NULL
      && (is_ascii (text) || QRinput_appendECIheader (input, ECI_UTF8) == 0)
      && QRinput_append (input, QR_MODE_8, (int) length, (const unsigned char *) text) == 0)
    code = QRcode_encodeInput (input);
  *error_number = errno;
  if (input != NULL)
    QRinput_free (input);
  return code;
}

/**
 * bs_qr_code_new:
 * @text: UTF-8 text of at most %BS_QR_MAX_BYTES bytes
 * @error: %BS_ERROR_RANGE when the text is too long for a QR code,
 *   %BS_ERROR_INVALID when it is empty or not UTF-8, or when the code
 *   could not be made
 *
 * Returns: (transfer full) (nullable): the code, at the smallest version
 *   that holds @text
 */
BsQrCode *
bs_qr_code_new (const char  *text,
                GError     **error)
{
  g_autoptr(BsQrCode) self = NULL;
  QRcode *code;
  gsize length;
  int saved_errno;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  length = strlen (text);
  if (length == 0 || !g_utf8_validate (text, (gssize) length, NULL))
    {
      g_set_error_literal (error, BS_ERROR, BS_ERROR_INVALID,
                           _("There is no readable text to put in a QR code."));
      return NULL;
    }
  if (length > BS_QR_MAX_BYTES)
    {
      g_set_error (error, BS_ERROR, BS_ERROR_RANGE,
                   _("The text is too long for a QR code (%lu bytes; at most %d fit)."),
                   (gulong) length, BS_QR_MAX_BYTES);
      return NULL;
    }

  code = encode (text, length, &saved_errno);
  if (code == NULL)
    {
      if (saved_errno == ERANGE)
        g_set_error (error, BS_ERROR, BS_ERROR_RANGE,
                     _("The text is too long for a QR code (%lu bytes; at most %d fit)."),
                     (gulong) length, BS_QR_MAX_BYTES);
      else if (saved_errno == ENOMEM)
        g_set_error_literal (error, BS_ERROR, BS_ERROR_INVALID,
                             _("There was not enough memory to make the QR code."));
      else
        g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                     _("The QR code could not be made: %s."), g_strerror (saved_errno));
      return NULL;
    }

  self = g_rc_box_new0 (BsQrCode);
  self->text = g_strdup (text);
  self->version = (guint) code->version;
  self->width = (guint) code->width;
  self->modules = g_malloc ((gsize) self->width * self->width);
  /* Bit 0 of each of libqrencode's bytes is the colour; the others say
   * what the module is part of, which does not matter here. */
  for (gsize i = 0; i < (gsize) self->width * self->width; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  return g_steal_pointer (&self);
}

BsQrCode *
bs_qr_code_ref (BsQrCode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
bs_qr_code_unref (BsQrCode *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, qr_code_clear);
}

/**
 * bs_qr_code_get_text:
 *
 * Returns: the text the code holds
 */
const char *
bs_qr_code_get_text (BsQrCode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * bs_qr_code_get_version:
 *
 * Returns: the QR version, 1 to 40
 */
guint
bs_qr_code_get_version (BsQrCode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->version;
}

/**
 * bs_qr_code_get_width:
 *
 * Returns: the number of modules on each side, without the quiet zone
 */
guint
bs_qr_code_get_width (BsQrCode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

/**
 * bs_qr_code_get_module:
 * @x: the column, from the left
 * @y: the row, from the top
 *
 * Returns: whether the module is dark; %FALSE outside the code, which is
 *   the quiet zone
 */
gboolean
bs_qr_code_get_module (BsQrCode *self,
                       guint     x,
                       guint     y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (x >= self->width || y >= self->width)
    return FALSE;
  return self->modules[(gsize) y * self->width + x] != 0;
}
