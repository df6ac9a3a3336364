/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include "bs-kiosk.h"
#include "bs-pin.h"

/*
 * The clinic kiosk's policy: whether the app is locked down, the
 * administrator's PIN with a gate that slows down guessing, and the idle
 * timer that hands the screen back to the next patient.  The window asks
 * it what to allow and tells it about input; all time is the BsClock's, so
 * tests move it by hand.
 */

#define SEC ((gint64) G_USEC_PER_SEC)

struct _BsKiosk
{
  GObject parent_instance;

  BsClock *clock;
  gboolean enabled;
  char *pin_hash;
  guint idle_minutes;

  guint failures;
  gint64 next_attempt;    /* clock time before which no PIN is checked */

  gboolean suspended;     /* a run is being timed */
  gint64 last_activity;
  guint idle_timeout;
  guint warning_left;     /* seconds; 0 when no warning is shown */
  gint64 warning_started;

  gboolean patient_codes; /* the clinic keeps results under a code */
  char *patient_code;     /* this visit's; NULL: nothing is kept */
};

G_DEFINE_FINAL_TYPE (BsKiosk, bs_kiosk, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENABLED,
  PROP_WARNING_LEFT,
  PROP_PATIENT_CODES,
  PROP_PATIENT_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  IDLE_WARNING,
  IDLE_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void arm (BsKiosk *self);

static void
disarm (BsKiosk *self)
{
  if (self->idle_timeout != 0)
    bs_clock_remove_timeout (self->clock, self->idle_timeout);
  self->idle_timeout = 0;
}

static void
set_warning_left (BsKiosk *self,
                  guint    left)
{
  if (self->warning_left == left)
    return;
  self->warning_left = left;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING_LEFT]);
}

static void
on_timeout (gpointer user_data)
{
  BsKiosk *self = user_data;
  gint64 now = bs_clock_get_time (self->clock);

  self->idle_timeout = 0;
  if (self->warning_left > 0)
    {
      guint elapsed = (guint) ((now - self->warning_started) / SEC);

      if (elapsed >= BS_KIOSK_WARNING_SECONDS)
        {
          bs_kiosk_start_over (self);
          return;
        }
      else
        set_warning_left (self, BS_KIOSK_WARNING_SECONDS - elapsed);
    }
  else if (now >= self->last_activity + (gint64) self->idle_minutes * 60 * SEC)
    {
      self->warning_started = now;
      set_warning_left (self, BS_KIOSK_WARNING_SECONDS);
      g_signal_emit (self, signals[IDLE_WARNING], 0);
    }
  arm (self);
}

/* One timeout at a time: input only moves last_activity, and the timeout
 * looks again when it fires, so a stream of pointer motion costs nothing. */
static void
arm (BsKiosk *self)
{
  gint64 deadline;

  disarm (self);
  if (!self->enabled || self->suspended)
    return;
  if (self->warning_left > 0)
    deadline = self->warning_started +
               (gint64) (BS_KIOSK_WARNING_SECONDS - self->warning_left + 1) * SEC;
  else
    deadline = self->last_activity + (gint64) self->idle_minutes * 60 * SEC;
  self->idle_timeout = bs_clock_add_timeout (self->clock, deadline, on_timeout, self, NULL);
}

static void
bs_kiosk_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BsKiosk *self = BS_KIOSK (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_WARNING_LEFT:
      g_value_set_uint (value, self->warning_left);
      break;
    case PROP_PATIENT_CODES:
      g_value_set_boolean (value, self->patient_codes);
      break;
    case PROP_PATIENT_CODE:
      g_value_set_string (value, self->patient_code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_kiosk_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BsKiosk *self = BS_KIOSK (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      bs_kiosk_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_PATIENT_CODES:
      bs_kiosk_set_patient_codes (self, g_value_get_boolean (value));
      break;
    case PROP_PATIENT_CODE:
      bs_kiosk_set_patient_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bs_kiosk_dispose (GObject *object)
{
  BsKiosk *self = BS_KIOSK (object);

  disarm (self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (bs_kiosk_parent_class)->dispose (object);
}

static void
bs_kiosk_finalize (GObject *object)
{
  BsKiosk *self = BS_KIOSK (object);

  g_free (self->pin_hash);
  g_free (self->patient_code);

  G_OBJECT_CLASS (bs_kiosk_parent_class)->finalize (object);
}

static void
bs_kiosk_class_init (BsKioskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bs_kiosk_get_property;
  object_class->set_property = bs_kiosk_set_property;
  object_class->dispose = bs_kiosk_dispose;
  object_class->finalize = bs_kiosk_finalize;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BsKiosk:warning-left:
   *
   * Seconds before the screen starts over, while "Still there?" is asked;
   * 0 otherwise.
   */
  properties[PROP_WARNING_LEFT] =
    g_param_spec_uint ("warning-left", NULL, NULL, 0, BS_KIOSK_WARNING_SECONDS, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BsKiosk:patient-codes:
   *
   * Whether the clinic keeps results under a patient code typed by staff.
   */
  properties[PROP_PATIENT_CODES] =
    g_param_spec_boolean ("patient-codes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BsKiosk:patient-code:
   *
   * The code this visit's results are kept under, already checked by
   * bs_patient_code_normalize(); %NULL when nothing is kept.  Forgotten
   * when the screen starts over.
   */
  properties[PROP_PATIENT_CODE] =
    g_param_spec_string ("patient-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BsKiosk::idle-warning:
   *
   * Nobody has touched the screen for the idle time: ask whether they are
   * still there.
   */
  signals[IDLE_WARNING] = g_signal_new ("idle-warning", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  /**
   * BsKiosk::idle-reset:
   *
   * Nobody answered, or the visit was ended on purpose: clear everything
   * the last patient left behind.
   */
  signals[IDLE_RESET] = g_signal_new ("idle-reset", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 0);
}

static void
bs_kiosk_init (BsKiosk *self)
{
  self->idle_minutes = 2;
}

BsKiosk *
bs_kiosk_new (BsClock *clock)
{
  BsKiosk *self;

  g_return_val_if_fail (BS_IS_CLOCK (clock), NULL);

  self = g_object_new (BS_TYPE_KIOSK, NULL);
  self->clock = g_object_ref (clock);
  self->last_activity = bs_clock_get_time (clock);
  return self;
}

gboolean
bs_kiosk_get_enabled (BsKiosk *self)
{
  g_return_val_if_fail (BS_IS_KIOSK (self), FALSE);
  return self->enabled;
}

/**
 * bs_kiosk_set_enabled:
 *
 * Turns the lock-down on or off.  Turning it off also forgets a warning
 * being shown and stops the idle timer.
 */
void
bs_kiosk_set_enabled (BsKiosk  *self,
                      gboolean  enabled)
{
  g_return_if_fail (BS_IS_KIOSK (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  self->last_activity = bs_clock_get_time (self->clock);
  set_warning_left (self, 0);
  arm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/**
 * bs_kiosk_get_pin_hash:
 *
 * Returns: (nullable): the stored form of the administrator's PIN
 */
const char *
bs_kiosk_get_pin_hash (BsKiosk *self)
{
  g_return_val_if_fail (BS_IS_KIOSK (self), NULL);
  return self->pin_hash;
}

void
bs_kiosk_set_pin_hash (BsKiosk    *self,
                       const char *pin_hash)
{
  g_return_if_fail (BS_IS_KIOSK (self));

  g_free (self->pin_hash);
  self->pin_hash = pin_hash && *pin_hash ? g_strdup (pin_hash) : NULL;
  if (self->pin_hash != NULL && !bs_pin_hash_is_well_formed (self->pin_hash))
    g_warning ("The kiosk PIN hash in the settings is not one Backstay made "
               "(backstay --hash-pin); no PIN will open the kiosk");
}

guint
bs_kiosk_get_idle_minutes (BsKiosk *self)
{
  g_return_val_if_fail (BS_IS_KIOSK (self), 0);
  return self->idle_minutes;
}

void
bs_kiosk_set_idle_minutes (BsKiosk *self,
                           guint    minutes)
{
  g_return_if_fail (BS_IS_KIOSK (self));

  self->idle_minutes = CLAMP (minutes, 1, 60);
  if (self->warning_left == 0)
    arm (self);
}

/* 5 s after the third wrong PIN, then twice as long each time. */
static guint
delay_after (guint failures)
{
  guint delay = BS_KIOSK_FIRST_DELAY_SECONDS;

  if (failures < BS_KIOSK_FREE_ATTEMPTS)
    return 0;
  for (guint i = BS_KIOSK_FREE_ATTEMPTS; i < failures && delay < BS_KIOSK_MAX_DELAY_SECONDS; i++)
    delay *= 2;
  return MIN (delay, BS_KIOSK_MAX_DELAY_SECONDS);
}

/**
 * bs_kiosk_get_wait_seconds:
 *
 * Returns: how long before another PIN is checked, rounded up
 */
guint
bs_kiosk_get_wait_seconds (BsKiosk *self)
{
  gint64 left;

  g_return_val_if_fail (BS_IS_KIOSK (self), 0);

  left = self->next_attempt - bs_clock_get_time (self->clock);
  return left > 0 ? (guint) ((left + SEC - 1) / SEC) : 0;
}

guint
bs_kiosk_get_failures (BsKiosk *self)
{
  g_return_val_if_fail (BS_IS_KIOSK (self), 0);
  return self->failures;
}

/**
 * bs_kiosk_try_pin:
 *
 * Checks @pin against the administrator's, unless wrong ones came too
 * recently.  The right one turns kiosk mode off for this run.
 */
BsKioskPinResult
bs_kiosk_try_pin (BsKiosk    *self,
                  const char *pin)
{
  g_return_val_if_fail (BS_IS_KIOSK (self), BS_KIOSK_PIN_WRONG);

  if (self->pin_hash == NULL)
    return BS_KIOSK_PIN_NOT_SET;
  if (bs_kiosk_get_wait_seconds (self) > 0)
    return BS_KIOSK_PIN_WAIT;
  if (!bs_pin_verify (self->pin_hash, pin))
    {
      self->failures++;
      /* Logged so that the clinic can see someone tried; never the PIN. */
      g_message ("Wrong kiosk PIN (failure %u)", self->failures);
      self->next_attempt = bs_clock_get_time (self->clock) + (gint64) delay_after (self->failures) * SEC;
      return BS_KIOSK_PIN_WRONG;
    }
  self->failures = 0;
  self->next_attempt = 0;
  bs_kiosk_set_enabled (self, FALSE);
  return BS_KIOSK_PIN_RIGHT;
}

/**
 * bs_kiosk_report_activity:
 *
 * Someone touched the screen or a key.  While "Still there?" is asked only
 * its button counts (bs_kiosk_still_here()).
 */
void
bs_kiosk_report_activity (BsKiosk *self)
{
  g_return_if_fail (BS_IS_KIOSK (self));

  if (self->warning_left > 0)
    return;
  self->last_activity = bs_clock_get_time (self->clock);
  if (self->idle_timeout == 0)
    arm (self);
}

/**
 * bs_kiosk_set_idle_suspended:
 *
 * A run being timed is not idleness: nobody touches the screen during a
 * plank.  When it ends, the idle time counts from then.
 */
void
bs_kiosk_set_idle_suspended (BsKiosk  *self,
                             gboolean  suspended)
{
  g_return_if_fail (BS_IS_KIOSK (self));

  suspended = !!suspended;
  if (self->suspended == suspended)
    return;
  self->suspended = suspended;
  self->last_activity = bs_clock_get_time (self->clock);
  set_warning_left (self, 0);
  arm (self);
}

gboolean
bs_kiosk_is_warning (BsKiosk *self)
{
  g_return_val_if_fail (BS_IS_KIOSK (self), FALSE);
  return self->warning_left > 0;
}

guint
bs_kiosk_get_warning_left (BsKiosk *self)
{
  g_return_val_if_fail (BS_IS_KIOSK (self), 0);
  return self->warning_left;
}

/**
 * bs_kiosk_still_here:
 *
 * The answer to "Still there?": the idle time starts again.
 */
void
bs_kiosk_still_here (BsKiosk *self)
{
  g_return_if_fail (BS_IS_KIOSK (self));

  set_warning_left (self, 0);
  self->last_activity = bs_clock_get_time (self->clock);
  arm (self);
}

/**
 * bs_kiosk_start_over:
 *
 * Ends the visit now, as if nobody had answered "Still there?": forgets
 * the patient code and emits #BsKiosk::idle-reset.
 */
void
bs_kiosk_start_over (BsKiosk *self)
{
  g_return_if_fail (BS_IS_KIOSK (self));

  set_warning_left (self, 0);
  self->last_activity = bs_clock_get_time (self->clock);
  bs_kiosk_set_patient_code (self, NULL);
  g_signal_emit (self, signals[IDLE_RESET], 0);
  arm (self);
}

gboolean
bs_kiosk_get_patient_codes (BsKiosk *self)
{
  g_return_val_if_fail (BS_IS_KIOSK (self), FALSE);
  return self->patient_codes;
}

void
bs_kiosk_set_patient_codes (BsKiosk  *self,
                            gboolean  patient_codes)
{
  g_return_if_fail (BS_IS_KIOSK (self));

  patient_codes = !!patient_codes;
  if (self->patient_codes == patient_codes)
    return;
  self->patient_codes = patient_codes;
  if (!patient_codes)
    bs_kiosk_set_patient_code (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_CODES]);
}

/**
 * bs_kiosk_get_patient_code:
 *
 * Returns: (nullable): the code to keep this visit's results under, or
 *   %NULL when they are not kept (no code typed, or codes not in use)
 */
const char *
bs_kiosk_get_patient_code (BsKiosk *self)
{
  g_return_val_if_fail (BS_IS_KIOSK (self), NULL);
  return self->patient_codes ? self->patient_code : NULL;
}

void
bs_kiosk_set_patient_code (BsKiosk    *self,
                           const char *patient_code)
{
  g_return_if_fail (BS_IS_KIOSK (self));

  if (patient_code != NULL && *patient_code == '\0')
    patient_code = NULL;
  if (g_strcmp0 (self->patient_code, patient_code) == 0)
    return;
  g_free (self->patient_code);
  self->patient_code = g_strdup (patient_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_CODE]);
}
