/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

/*
 * The self-assessment's answers: their JSON form (format 1), and the checks
 * on what a person types into the wizard.
 *
 * Lengths and weights are stored metric.  The imperial entry ranges convert
 * to slightly wider metric ones (3′3″ is 99.06 cm, 55 lb is 24.95 kg), so
 * the stored ranges that JSON is checked against are the union of both:
 * anything either entry accepts can be saved and read back.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "bs-answers.h"
#include "bs-measure.h"
#include "bs-json-locator.h"
#include "bs-error.h"


/* An answers file is about a kilobyte.  The cap keeps a hostile file from
 * costing time, and the depth cap keeps json-glib 1.6, which parses
 * recursively, from running off the stack on "[[[[...". */
#define MAX_JSON_BYTES (64 * 1024)
#define MAX_JSON_DEPTH 8

void
bs_answers_init (BsAnswers *answers)
{
  g_return_if_fail (answers != NULL);

  memset (answers, 0, sizeof *answers);
  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    answers->red_flags[i] = BS_ANSWER_UNKNOWN;
  answers->has_pain = BS_ANSWER_UNKNOWN;
  answers->pain_patterns = 0;
  answers->pain_when = BS_PAIN_WHEN_UNKNOWN;
  answers->pain_duration = BS_PAIN_FOR_UNKNOWN;
  answers->pain_severity = -1;
  answers->pain_worse_with_activity = BS_ANSWER_UNKNOWN;
  answers->pain_not_eased_by_rest = BS_ANSWER_UNKNOWN;
  answers->pain_stops_running = BS_ANSWER_UNKNOWN;
  answers->height_cm = BS_UNKNOWN_NUMBER;
  answers->weight_kg = BS_UNKNOWN_NUMBER;
  answers->leg_length_difference = BS_ANSWER_UNKNOWN;
  answers->flat_feet = BS_ANSWER_UNKNOWN;
  answers->tall = BS_ANSWER_UNKNOWN;
  answers->tight_hamstrings = BS_ANSWER_UNKNOWN;
  answers->stiff_back = BS_ANSWER_UNKNOWN;
  answers->restricted_hip_flexion = BS_ANSWER_UNKNOWN;
  answers->years_running = BS_UNKNOWN_NUMBER;
  answers->weekly_km = BS_UNKNOWN_NUMBER;
  answers->speed_work_percent = BS_UNKNOWN_NUMBER;
  answers->distance_or_high_impact = BS_ANSWER_UNKNOWN;
  answers->mostly_hard_surfaces = BS_ANSWER_UNKNOWN;
  answers->warms_up = BS_ANSWER_UNKNOWN;
  answers->stretches_after = BS_ANSWER_UNKNOWN;
  answers->takes_rest_days = BS_ANSWER_UNKNOWN;
  answers->other_aerobic_activity = BS_ANSWER_UNKNOWN;
  answers->mileage_raised_fast = BS_ANSWER_UNKNOWN;
  answers->shoes_worn = BS_ANSWER_UNKNOWN;
}

BsAnswers *
bs_answers_copy (const BsAnswers *answers)
{
  g_return_val_if_fail (answers != NULL, NULL);

  return g_memdup2 (answers, sizeof *answers);
}

void
bs_answers_free (BsAnswers *answers)
{
  g_free (answers);
}

/* Field by field rather than memcmp(): the struct has padding. */
gboolean
bs_answers_equal (const BsAnswers *a,
                  const BsAnswers *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    if (a->red_flags[i] != b->red_flags[i])
      return FALSE;

  return a->has_pain == b->has_pain &&
         a->pain_patterns == b->pain_patterns &&
         a->pain_when == b->pain_when &&
         a->pain_duration == b->pain_duration &&
         a->pain_severity == b->pain_severity &&
         a->pain_worse_with_activity == b->pain_worse_with_activity &&
         a->pain_not_eased_by_rest == b->pain_not_eased_by_rest &&
         a->pain_stops_running == b->pain_stops_running &&
         a->height_cm == b->height_cm &&
         a->weight_kg == b->weight_kg &&
         a->leg_length_difference == b->leg_length_difference &&
         a->flat_feet == b->flat_feet &&
         a->tall == b->tall &&
         a->tight_hamstrings == b->tight_hamstrings &&
         a->stiff_back == b->stiff_back &&
         a->restricted_hip_flexion == b->restricted_hip_flexion &&
         a->years_running == b->years_running &&
         a->weekly_km == b->weekly_km &&
         a->speed_work_percent == b->speed_work_percent &&
         a->distance_or_high_impact == b->distance_or_high_impact &&
         a->mostly_hard_surfaces == b->mostly_hard_surfaces &&
         a->warms_up == b->warms_up &&
         a->stretches_after == b->stretches_after &&
         a->takes_rest_days == b->takes_rest_days &&
         a->other_aerobic_activity == b->other_aerobic_activity &&
         a->mileage_raised_fast == b->mileage_raised_fast &&
         a->shoes_worn == b->shoes_worn;
}

gboolean
bs_answers_any_red_flag (const BsAnswers *answers)
{
  g_return_val_if_fail (answers != NULL, FALSE);

  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    if (answers->red_flags[i] == BS_ANSWER_YES)
      return TRUE;
  return FALSE;
}

/**
 * bs_answers_get_bmi:
 *
 * Returns: the body mass index rounded to one decimal, half away from
 *   zero, or NAN if the height or the weight is not known.  The rules
 *   compare this rounded value, so what the user reads ("24.0") is what
 *   was judged.
 */
double
bs_answers_get_bmi (const BsAnswers *answers)
{
  double metres, bmi;

  g_return_val_if_fail (answers != NULL, NAN);

  if (answers->height_cm <= 0 || answers->weight_kg < 0 ||
      !isfinite (answers->height_cm) || !isfinite (answers->weight_kg))
    return NAN;

  metres = answers->height_cm / 100.0;
  bmi = answers->weight_kg / (metres * metres);
  /* The same body entered in feet and pounds or in cm and kg reaches here
   * through different arithmetic, a few units in the last place apart.  A
   * true x.x5 must not round down on one path and up on the other, so
   * allow for that error before rounding. */
  return floor (bmi * 10.0 + 0.5 + 1e-9) / 10.0;
}

/* JSON, format 1 */

static const char * const answer_names[] = { "unknown", "no", "yes" };
static const char * const pain_when_names[] = { "unknown", "during", "after", "during-and-after" };
static const char * const duration_names[] = {
  "unknown", "days", "weeks", "months", "over-six-months"
};
static const char * const pattern_names[] = {
  "sharp-one-side", "dull-glutes", "down-the-legs", "morning-stiffness"
};
static const char * const red_flag_names[BS_N_RED_FLAGS] = {
  "severe-pain", "numbness", "weakness", "fever", "trauma"
};

typedef enum
{
  FIELD_ANSWER,
  FIELD_PAIN_WHEN,
  FIELD_DURATION,
  FIELD_NUMBER,
  FIELD_PAIN,
} FieldKind;

/* Every member but "format", "red-flags" and "pain-patterns", in the order
 * they are written. */
typedef struct
{
  const char *name;
  FieldKind kind;
  gsize offset;
  double min;
  double max;
} Field;

#define ANSWER(name, member) { name, FIELD_ANSWER, G_STRUCT_OFFSET (BsAnswers, member), 0, 0 }
#define NUMBER(name, member, min, max) \
  { name, FIELD_NUMBER, G_STRUCT_OFFSET (BsAnswers, member), min, max }

static const Field fields[] = {
  ANSWER ("has-pain", has_pain),
  { "pain-when", FIELD_PAIN_WHEN, G_STRUCT_OFFSET (BsAnswers, pain_when), 0, 0 },
  { "pain-duration", FIELD_DURATION, G_STRUCT_OFFSET (BsAnswers, pain_duration), 0, 0 },
  { "pain-severity", FIELD_PAIN, G_STRUCT_OFFSET (BsAnswers, pain_severity), 0, BS_MAX_PAIN },
  ANSWER ("pain-worse-with-activity", pain_worse_with_activity),
  ANSWER ("pain-not-eased-by-rest", pain_not_eased_by_rest),
  ANSWER ("pain-stops-running", pain_stops_running),
  NUMBER ("height-cm", height_cm, BS_MIN_HEIGHT_IN * BS_CM_PER_INCH, BS_MAX_HEIGHT_CM),
  NUMBER ("weight-kg", weight_kg, BS_MIN_WEIGHT_LB * BS_KG_PER_POUND, BS_MAX_WEIGHT_KG),
  ANSWER ("leg-length-difference", leg_length_difference),
  ANSWER ("flat-feet", flat_feet),
  ANSWER ("tall", tall),
  ANSWER ("tight-hamstrings", tight_hamstrings),
  ANSWER ("stiff-back", stiff_back),
  ANSWER ("restricted-hip-flexion", restricted_hip_flexion),
  NUMBER ("years-running", years_running, 0, BS_MAX_YEARS),
  NUMBER ("weekly-km", weekly_km, 0, BS_MAX_KM),
  NUMBER ("speed-work-percent", speed_work_percent, 0, 100),
  ANSWER ("distance-or-high-impact", distance_or_high_impact),
  ANSWER ("mostly-hard-surfaces", mostly_hard_surfaces),
  ANSWER ("warms-up", warms_up),
  ANSWER ("stretches-after", stretches_after),
  ANSWER ("takes-rest-days", takes_rest_days),
  ANSWER ("other-aerobic-activity", other_aerobic_activity),
  ANSWER ("mileage-raised-fast", mileage_raised_fast),
  ANSWER ("shoes-worn", shoes_worn),
};

#undef ANSWER
#undef NUMBER

#define FIELD_PTR(answers, field, type) \
  ((type *) (gpointer) ((char *) (answers) + (field)->offset))
#define FIELD_VALUE(answers, field, type) \
  (*(const type *) (gconstpointer) ((const char *) (answers) + (field)->offset))

/* A value outside what bs_answers_from_json() accepts, which only code
 * that fills the struct by hand can make, is written as unknown: a saved
 * assessment that this build then refuses to read would be worse. */
static const char *
enum_name (const char * const *names,
           guint               n_names,
           int                 value)
{
  if (value < 0 || (guint) value >= n_names)
    return names[0];
  return names[value];
}

char *
bs_answers_to_json (const BsAnswers *answers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (answers != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, BS_ANSWERS_FORMAT);

  json_builder_set_member_name (builder, "red-flags");
  json_builder_begin_object (builder);
  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    {
      json_builder_set_member_name (builder, red_flag_names[i]);
      json_builder_add_string_value (builder, enum_name (answer_names,
                                                         G_N_ELEMENTS (answer_names),
                                                         answers->red_flags[i]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "pain-patterns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (pattern_names); i++)
    if (answers->pain_patterns & (1u << i))
      json_builder_add_string_value (builder, pattern_names[i]);
  json_builder_end_array (builder);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *field = &fields[i];

      switch (field->kind)
        {
        case FIELD_ANSWER:
          json_builder_set_member_name (builder, field->name);
          json_builder_add_string_value (builder,
                                         enum_name (answer_names, G_N_ELEMENTS (answer_names),
                                                    FIELD_VALUE (answers, field, BsAnswer)));
          break;
        case FIELD_PAIN_WHEN:
          json_builder_set_member_name (builder, field->name);
          json_builder_add_string_value (builder,
                                         enum_name (pain_when_names,
                                                    G_N_ELEMENTS (pain_when_names),
                                                    FIELD_VALUE (answers, field, BsPainWhen)));
          break;
        case FIELD_DURATION:
          json_builder_set_member_name (builder, field->name);
          json_builder_add_string_value (builder,
                                         enum_name (duration_names,
                                                    G_N_ELEMENTS (duration_names),
                                                    FIELD_VALUE (answers, field, BsPainDuration)));
          break;
        case FIELD_PAIN:
          {
            int value = FIELD_VALUE (answers, field, int);

            /* Unknown numbers are left out: absent reads back as unknown. */
            if (value >= field->min && value <= field->max)
              {
                json_builder_set_member_name (builder, field->name);
                json_builder_add_int_value (builder, value);
              }
          }
          break;
        case FIELD_NUMBER:
        default:
          {
            double value = FIELD_VALUE (answers, field, double);

            if (value >= field->min && value <= field->max)
              {
                json_builder_set_member_name (builder, field->name);
                /* json-glib writes doubles with 17 significant digits,
                 * which reads back to the same double. */
                json_builder_add_double_value (builder, value);
              }
          }
          break;
        }
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError     **error,
      BsError      code,
      const char  *format,
      ...)
{
  g_autofree char *raw = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  raw = g_strdup_vprintf (format, args);
  va_end (args);
  /* Member names come from the data through json-glib's escapes, which can
   * make invalid UTF-8; messages end up in GTK labels. */
  message = g_utf8_make_valid (raw, -1);
  g_set_error_literal (error, BS_ERROR, code, message);
  return FALSE;
}

static const char *
json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
read_enum (JsonNode            *node,
           const char          *label,
           const char * const  *names,
           guint                n_names,
           int                 *out,
           GError             **error)
{
  g_autoptr(GString) allowed = NULL;
  const char *value;

  if (!is_string (node))
    return fail (error, BS_ERROR_TYPE, _("%s must be text, not %s"), label,
                 json_type_name (node));

  value = json_node_get_string (node);
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (value, names[i]))
      {
        *out = (int) i;
        return TRUE;
      }

  allowed = g_string_new (NULL);
  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (allowed, "%s“%s”", i > 0 ? ", " : "", names[i]);
  /* The value is not repeated: it can be any length and any bytes. */
  return fail (error, BS_ERROR_INVALID, _("%s must be one of %s"), label, allowed->str);
}

static gboolean
read_red_flags (JsonNode   *node,
                BsAnswers  *answers,
                GError    **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, BS_ERROR_TYPE, _("“red-flags” must be an object, not %s"),
                 json_type_name (node));

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l; l = l->next)
    {
      const char *member = l->data;
      g_autofree char *label = NULL;
      guint i;
      int value;

      for (i = 0; i < BS_N_RED_FLAGS; i++)
        if (g_str_equal (member, red_flag_names[i]))
          break;
      if (i == BS_N_RED_FLAGS)
        return fail (error, BS_ERROR_INVALID, _("unknown red flag “%s”"), member);

      label = g_strdup_printf ("“red-flags/%s”", member);
      if (!read_enum (json_object_get_member (object, member), label,
                      answer_names, G_N_ELEMENTS (answer_names), &value, error))
        return FALSE;
      answers->red_flags[i] = value;
    }
  return TRUE;
}

static gboolean
read_patterns (JsonNode   *node,
               BsAnswers  *answers,
               GError    **error)
{
  JsonArray *array;
  guint patterns = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, BS_ERROR_TYPE, _("“pain-patterns” must be a list, not %s"),
                 json_type_name (node));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *label = g_strdup_printf ("“pain-patterns/%u”", i);
      int value;

      if (!read_enum (json_array_get_element (array, i), label,
                      pattern_names, G_N_ELEMENTS (pattern_names), &value, error))
        return FALSE;
      if (patterns & (1u << value))
        return fail (error, BS_ERROR_INVALID, _("“pain-patterns” lists “%s” twice"),
                     pattern_names[value]);
      patterns |= 1u << value;
    }
  answers->pain_patterns = patterns;
  return TRUE;
}

static gboolean
read_field (const Field  *field,
            JsonNode     *node,
            BsAnswers    *answers,
            GError      **error)
{
  g_autofree char *label = g_strdup_printf ("“%s”", field->name);
  int value;

  switch (field->kind)
    {
    case FIELD_ANSWER:
      if (!read_enum (node, label, answer_names, G_N_ELEMENTS (answer_names), &value, error))
        return FALSE;
      *FIELD_PTR (answers, field, BsAnswer) = value;
      return TRUE;

    case FIELD_PAIN_WHEN:
      if (!read_enum (node, label, pain_when_names, G_N_ELEMENTS (pain_when_names), &value,
                      error))
        return FALSE;
      *FIELD_PTR (answers, field, BsPainWhen) = value;
      return TRUE;

    case FIELD_DURATION:
      if (!read_enum (node, label, duration_names, G_N_ELEMENTS (duration_names), &value,
                      error))
        return FALSE;
      *FIELD_PTR (answers, field, BsPainDuration) = value;
      return TRUE;

    case FIELD_PAIN:
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (!is_number (node))
        return fail (error, BS_ERROR_TYPE, _("%s must be a whole number from 0 to %d, not %s"),
                     label, BS_MAX_PAIN, json_type_name (node));
      if (json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > BS_MAX_PAIN)
        return fail (error, BS_ERROR_RANGE, _("%s must be a whole number from 0 to %d"),
                     label, BS_MAX_PAIN);
      *FIELD_PTR (answers, field, int) = (int) json_node_get_int (node);
      return TRUE;

    case FIELD_NUMBER:
    default:
      {
        double number;

        if (JSON_NODE_HOLDS_NULL (node))
          return TRUE;
        if (!is_number (node))
          return fail (error, BS_ERROR_TYPE, _("%s must be a number, not %s"),
                       label, json_type_name (node));
        if (json_node_get_value_type (node) == G_TYPE_INT64)
          number = (double) json_node_get_int (node);
        else
          number = json_node_get_double (node);
        /* Written the other way round, NaN would pass. */
        if (!(number >= field->min && number <= field->max))
          return fail (error, BS_ERROR_RANGE, _("%s must be a number from %g to %g"),
                       label, field->min, field->max);
        *FIELD_PTR (answers, field, double) = number;
        return TRUE;
      }
    }
}

static gboolean
read_answers (JsonNode   *root_node,
              BsAnswers  *answers,
              GError    **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *root;
  JsonNode *format;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (error, BS_ERROR_TYPE, _("the answers must be a JSON object, not %s"),
                 json_type_name (root_node));
  root = json_node_get_object (root_node);

  /* The version comes first: a newer file is refused for what it is, not
   * for the first field this build does not know. */
  format = json_object_get_member (root, "format");
  if (format == NULL)
    return fail (error, BS_ERROR_MISSING, _("“format” is missing"));
  if (!is_number (format))
    return fail (error, BS_ERROR_TYPE, _("“format” must be a number, not %s"),
                 json_type_name (format));
  if (json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != BS_ANSWERS_FORMAT)
    return fail (error, BS_ERROR_FORMAT,
                 _("this assessment is in a format this version of Backstay cannot read; "
                   "it reads format %d"), BS_ANSWERS_FORMAT);

  members = json_object_get_members (root);
  for (GList *l = members; l; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (root, member);
      guint i;

      if (g_str_equal (member, "format"))
        continue;
      if (g_str_equal (member, "red-flags"))
        {
          if (!read_red_flags (node, answers, error))
            return FALSE;
          continue;
        }
      if (g_str_equal (member, "pain-patterns"))
        {
          if (!read_patterns (node, answers, error))
            return FALSE;
          continue;
        }
      for (i = 0; i < G_N_ELEMENTS (fields); i++)
        if (g_str_equal (member, fields[i].name))
          break;
      if (i == G_N_ELEMENTS (fields))
        return fail (error, BS_ERROR_INVALID, _("unknown field “%s”"), member);
      if (!read_field (&fields[i], node, answers, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bs_answers_from_json:
 * @json: the text
 * @length: its length in bytes, or -1 if NUL-terminated
 * @answers: (out caller-allocates): where the answers go; left as it was
 *   on error
 *
 * Reads what bs_answers_to_json() wrote.  Absent fields are unknown.
 * Anything else, including members this format does not define, is
 * refused with a message that names the field.
 */
gboolean
bs_answers_from_json (const char  *json,
                      gssize       length,
                      BsAnswers   *answers,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  BsAnswers parsed;
  gsize size;

  g_return_val_if_fail (json != NULL || length == 0, FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  size = length < 0 ? strlen (json) : (gsize) length;
  if (size == 0)
    return fail (error, BS_ERROR_PARSE, _("the assessment data is empty"));
  if (size > MAX_JSON_BYTES)
    return fail (error, BS_ERROR_PARSE, _("the assessment data is too large"));
  /* This also refuses a NUL inside the given length. */
  if (!g_utf8_validate (json, size, NULL))
    return fail (error, BS_ERROR_PARSE, _("the assessment data is not UTF-8 text"));
  if (bs_json_nesting_depth (json, size, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    return fail (error, BS_ERROR_PARSE, _("the assessment data nests too deeply"));

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, size, &local_error))
    {
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      return fail (error, BS_ERROR_PARSE, _("the assessment data is not valid JSON: %s"),
                   message);
    }
  if (json_parser_get_root (parser) == NULL)
    return fail (error, BS_ERROR_PARSE, _("the assessment data holds no JSON value"));

  bs_answers_init (&parsed);
  if (!read_answers (json_parser_get_root (parser), &parsed, error))
    return FALSE;

  *answers = parsed;
  return TRUE;
}
