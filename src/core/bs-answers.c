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
#include "bs-error.h"

/* Exact, by definition of the international inch and pound. */
#define CM_PER_INCH 2.54
#define KG_PER_POUND 0.45359237
#define KM_PER_MILE 1.609344

#define MIN_HEIGHT_CM 100
#define MAX_HEIGHT_CM 250
#define MIN_HEIGHT_IN 39 /* 3′3″ */
#define MAX_HEIGHT_IN 98 /* 8′2″ */
#define MIN_WEIGHT_KG 25
#define MAX_WEIGHT_KG 300
#define MIN_WEIGHT_LB 55
#define MAX_WEIGHT_LB 661
#define MAX_YEARS 80
#define MAX_KM 400
#define MAX_MILES 248
#define MAX_PAIN 10

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
  { "pain-severity", FIELD_PAIN, G_STRUCT_OFFSET (BsAnswers, pain_severity), 0, MAX_PAIN },
  ANSWER ("pain-worse-with-activity", pain_worse_with_activity),
  ANSWER ("pain-not-eased-by-rest", pain_not_eased_by_rest),
  ANSWER ("pain-stops-running", pain_stops_running),
  NUMBER ("height-cm", height_cm, MIN_HEIGHT_IN * CM_PER_INCH, MAX_HEIGHT_CM),
  NUMBER ("weight-kg", weight_kg, MIN_WEIGHT_LB * KG_PER_POUND, MAX_WEIGHT_KG),
  ANSWER ("leg-length-difference", leg_length_difference),
  ANSWER ("flat-feet", flat_feet),
  ANSWER ("tall", tall),
  ANSWER ("tight-hamstrings", tight_hamstrings),
  ANSWER ("stiff-back", stiff_back),
  ANSWER ("restricted-hip-flexion", restricted_hip_flexion),
  NUMBER ("years-running", years_running, 0, MAX_YEARS),
  NUMBER ("weekly-km", weekly_km, 0, MAX_KM),
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
                     label, MAX_PAIN, json_type_name (node));
      if (json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > MAX_PAIN)
        return fail (error, BS_ERROR_RANGE, _("%s must be a whole number from 0 to %d"),
                     label, MAX_PAIN);
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

/* How deeply arrays and objects nest, not counting brackets inside
 * strings.  Stops counting once past @limit. */
static guint
nesting_depth (const char *data,
               gsize       size,
               guint       limit)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < size && deepest <= limit; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        deepest = MAX (deepest, ++depth);
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return deepest;
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
  if (nesting_depth (json, size, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
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

/* What people type */

static const char *
skip_spaces (const char *p)
{
  for (;;)
    {
      if (g_ascii_isspace (*p))
        p++;
      /* No-break and narrow no-break space: what a pasted "175 cm" may
       * hold, in some locales. */
      else if (g_str_has_prefix (p, "\u00a0"))
        p += strlen ("\u00a0");
      else if (g_str_has_prefix (p, "\u202f"))
        p += strlen ("\u202f");
      else
        return p;
    }
}

/* Reads digits with at most one decimal point or comma from *@p.  Nothing
 * else is a number here: no exponent ("1e3"), no "nan" or "inf", no
 * thousands separators.  FALSE if there is no digit. */
static gboolean
scan_decimal (const char **p,
              gboolean    *has_fraction,
              double      *out)
{
  g_autoptr(GString) number = g_string_new (NULL);
  const char *c = *p;
  gboolean seen_separator = FALSE;
  guint digits = 0;

  for (;; c++)
    {
      if (g_ascii_isdigit (*c))
        {
          g_string_append_c (number, *c);
          digits++;
        }
      else if ((*c == '.' || *c == ',') && !seen_separator)
        {
          g_string_append_c (number, '.');
          seen_separator = TRUE;
        }
      else
        break;
    }
  if (digits == 0)
    return FALSE;

  *out = g_ascii_strtod (number->str, NULL);
  *has_fraction = seen_separator;
  *p = c;
  return TRUE;
}

/* Consumes the first of @words that *@p starts with.  A word made of
 * letters must not run on into more letters ("in" is not "inx"). */
static gboolean
scan_word (const char         **p,
           const char * const  *words)
{
  for (guint i = 0; words[i]; i++)
    {
      gsize len = strlen (words[i]);

      if (strncmp (*p, words[i], len) != 0)
        continue;
      if (g_ascii_isalpha (words[i][len - 1]) && g_ascii_isalpha ((*p)[len]))
        continue;
      *p += len;
      return TRUE;
    }
  return FALSE;
}

typedef enum
{
  READ_OK,
  READ_GARBAGE,
  READ_NEGATIVE,
} ReadResult;

/* A whole entry: spaces, an optional "-" (so that "-5" is refused as out
 * of range rather than as not a number), the number, and optionally the
 * unit the field is asked in, e.g. "70 kg" as bs_format_weight() writes it. */
static ReadResult
read_number (const char         *text,
             const char * const *units,
             gboolean            whole,
             double             *out)
{
  const char *p = skip_spaces (text);
  gboolean negative = FALSE, has_fraction;
  double value;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (!scan_decimal (&p, &has_fraction, &value))
    return READ_GARBAGE;
  if (whole && has_fraction)
    return READ_GARBAGE;
  p = skip_spaces (p);
  if (units != NULL && scan_word (&p, units))
    p = skip_spaces (p);
  if (*p != '\0' || !isfinite (value))
    return READ_GARBAGE;

  if (negative && value > 0)
    return READ_NEGATIVE;
  *out = value;
  return READ_OK;
}

/* Reads a number and checks it is from @min to @max, in the units asked. */
static gboolean
parse_number (const char          *text,
              const char * const  *units,
              gboolean             whole,
              double               min,
              double               max,
              double              *out,
              const char          *invalid_message,
              const char          *range_message,
              GError             **error)
{
  double value = 0;

  switch (read_number (text, units, whole, &value))
    {
    case READ_GARBAGE:
      g_set_error_literal (error, BS_ERROR, BS_ERROR_INVALID, invalid_message);
      return FALSE;
    case READ_NEGATIVE:
      g_set_error_literal (error, BS_ERROR, BS_ERROR_RANGE, range_message);
      return FALSE;
    case READ_OK:
    default:
      break;
    }
  if (value < min || value > max)
    {
      g_set_error_literal (error, BS_ERROR, BS_ERROR_RANGE, range_message);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static char *
format_feet_inches (int inches)
{
  /* Translators: a height in feet (′) and inches (″), e.g. 5′9″ */
  return g_strdup_printf (_("%d′%d″"), inches / 12, inches % 12);
}

/* Heights in feet and inches: 5'9", 5' 9", 5'9, 5 ft 9 in, 5ft9in, 5', or
 * plain inches, 69 or 69".  The feet must be whole: "5.9" could mean
 * 5′9″ or 5.9 feet, so it is read as plain inches and refused as too short
 * rather than guessed at. */
static ReadResult
read_feet_inches (const char *text,
                  double     *inches)
{
  static const char * const feet_marks[] = { "feet", "foot", "ft", "'", "′", "’", NULL };
  static const char * const inch_marks[] = {
    "inches", "inch", "in", "\"", "″", "”", "''", "′′", "’’", NULL
  };
  const char *p = skip_spaces (text);
  gboolean feet_fraction, inch_fraction;
  double first, second;

  if (*p == '-')
    return READ_NEGATIVE;
  if (!scan_decimal (&p, &feet_fraction, &first))
    return READ_GARBAGE;
  p = skip_spaces (p);

  /* "69", "69 in" or "69"": inches alone. */
  if (scan_word (&p, inch_marks) || *p == '\0')
    {
      p = skip_spaces (p);
      if (*p != '\0')
        return READ_GARBAGE;
      *inches = first;
      return READ_OK;
    }

  if (feet_fraction || !scan_word (&p, feet_marks))
    return READ_GARBAGE;
  p = skip_spaces (p);
  if (*p == '\0')
    {
      *inches = first * 12;
      return READ_OK;
    }
  if (!scan_decimal (&p, &inch_fraction, &second) || second >= 12)
    return READ_GARBAGE;
  p = skip_spaces (p);
  if (scan_word (&p, inch_marks))
    p = skip_spaces (p);
  if (*p != '\0')
    return READ_GARBAGE;

  *inches = first * 12 + second;
  return READ_OK;
}

gboolean
bs_parse_height (const char  *text,
                 BsUnits      units,
                 double      *cm,
                 GError     **error)
{
  static const char * const unit_words[] = { "cm", NULL };
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (cm != NULL, FALSE);

  if (units == BS_UNITS_IMPERIAL)
    {
      g_autofree char *lowest = format_feet_inches (MIN_HEIGHT_IN);
      g_autofree char *highest = format_feet_inches (MAX_HEIGHT_IN);
      g_autofree char *example = format_feet_inches (69);
      double inches = 0;
      ReadResult result = read_feet_inches (text, &inches);

      if (result == READ_GARBAGE)
        {
          g_set_error (error, BS_ERROR, BS_ERROR_INVALID,
                       /* Translators: the first two are heights in feet and
                        * inches, the third an example of how to type one */
                       _("Height must be feet and inches from %s to %s, such as %s"),
                       lowest, highest, example);
          return FALSE;
        }
      if (result == READ_NEGATIVE || inches < MIN_HEIGHT_IN || inches > MAX_HEIGHT_IN)
        {
          g_set_error (error, BS_ERROR, BS_ERROR_RANGE, _("Height must be from %s to %s"),
                       lowest, highest);
          return FALSE;
        }
      *cm = inches * CM_PER_INCH;
      return TRUE;
    }

  invalid = g_strdup_printf (_("Height must be a number from %d to %d cm"),
                             MIN_HEIGHT_CM, MAX_HEIGHT_CM);
  range = g_strdup_printf (_("Height must be from %d to %d cm"), MIN_HEIGHT_CM, MAX_HEIGHT_CM);
  return parse_number (text, unit_words, FALSE, MIN_HEIGHT_CM, MAX_HEIGHT_CM, cm,
                       invalid, range, error);
}

gboolean
bs_parse_weight (const char  *text,
                 BsUnits      units,
                 double      *kg,
                 GError     **error)
{
  static const char * const kg_words[] = { "kg", NULL };
  static const char * const lb_words[] = { "lbs", "lb", NULL };
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (kg != NULL, FALSE);

  if (units == BS_UNITS_IMPERIAL)
    {
      double pounds;

      invalid = g_strdup_printf (_("Weight must be a number from %d to %d lb"),
                                 MIN_WEIGHT_LB, MAX_WEIGHT_LB);
      range = g_strdup_printf (_("Weight must be from %d to %d lb"), MIN_WEIGHT_LB,
                               MAX_WEIGHT_LB);
      if (!parse_number (text, lb_words, FALSE, MIN_WEIGHT_LB, MAX_WEIGHT_LB, &pounds,
                         invalid, range, error))
        return FALSE;
      *kg = pounds * KG_PER_POUND;
      return TRUE;
    }

  invalid = g_strdup_printf (_("Weight must be a number from %d to %d kg"),
                             MIN_WEIGHT_KG, MAX_WEIGHT_KG);
  range = g_strdup_printf (_("Weight must be from %d to %d kg"), MIN_WEIGHT_KG, MAX_WEIGHT_KG);
  return parse_number (text, kg_words, FALSE, MIN_WEIGHT_KG, MAX_WEIGHT_KG, kg,
                       invalid, range, error);
}

gboolean
bs_parse_years (const char  *text,
                double      *years,
                GError     **error)
{
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (years != NULL, FALSE);

  invalid = g_strdup_printf (ngettext ("Running time must be a number from 0 to %d year",
                                       "Running time must be a number from 0 to %d years",
                                       MAX_YEARS), MAX_YEARS);
  range = g_strdup_printf (ngettext ("Running time must be from 0 to %d year",
                                     "Running time must be from 0 to %d years",
                                     MAX_YEARS), MAX_YEARS);
  return parse_number (text, NULL, FALSE, 0, MAX_YEARS, years, invalid, range, error);
}

gboolean
bs_parse_distance (const char  *text,
                   BsUnits      units,
                   double      *km,
                   GError     **error)
{
  static const char * const km_words[] = { "km", NULL };
  static const char * const mile_words[] = { "miles", "mile", "mi", NULL };
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (km != NULL, FALSE);

  if (units == BS_UNITS_IMPERIAL)
    {
      double miles;

      invalid = g_strdup_printf (_("Weekly distance must be a number from 0 to %d mi"),
                                 MAX_MILES);
      range = g_strdup_printf (_("Weekly distance must be from 0 to %d mi"), MAX_MILES);
      if (!parse_number (text, mile_words, FALSE, 0, MAX_MILES, &miles, invalid, range, error))
        return FALSE;
      *km = miles * KM_PER_MILE;
      return TRUE;
    }

  invalid = g_strdup_printf (_("Weekly distance must be a number from 0 to %d km"), MAX_KM);
  range = g_strdup_printf (_("Weekly distance must be from 0 to %d km"), MAX_KM);
  return parse_number (text, km_words, FALSE, 0, MAX_KM, km, invalid, range, error);
}

gboolean
bs_parse_percent (const char  *text,
                  double      *percent,
                  GError     **error)
{
  static const char * const unit_words[] = { "%", NULL };
  g_autofree char *invalid = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (percent != NULL, FALSE);

  invalid = g_strdup_printf (_("Speed work must be a number from 0 to %d %%"), 100);
  range = g_strdup_printf (_("Speed work must be from 0 to %d %%"), 100);
  return parse_number (text, unit_words, FALSE, 0, 100, percent, invalid, range, error);
}

gboolean
bs_parse_pain (const char  *text,
               int         *severity,
               GError     **error)
{
  g_autofree char *message = NULL;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (severity != NULL, FALSE);

  /* The 0 to 10 rating has no halves; "5.5" is refused as not a rating. */
  message = g_strdup_printf (_("Pain must be a whole number from 0 to %d"), MAX_PAIN);
  if (!parse_number (text, NULL, TRUE, 0, MAX_PAIN, &value, message, message, error))
    return FALSE;
  *severity = (int) value;
  return TRUE;
}

/* "70" or "70.5": one decimal, shown only when it is not zero. */
static char *
format_one_decimal (double value)
{
  double rounded = floor (value * 10.0 + 0.5) / 10.0;

  if (rounded == floor (rounded))
    return g_strdup_printf ("%.0f", rounded);
  return g_strdup_printf ("%.1f", rounded);
}

/**
 * bs_format_height:
 *
 * Returns: (transfer full): "175 cm", or "5′9″" to the nearest inch; "—"
 *   if @cm is unknown
 */
char *
bs_format_height (double  cm,
                  BsUnits units)
{
  if (cm < 0 || !isfinite (cm))
    return g_strdup ("—");
  if (units == BS_UNITS_IMPERIAL)
    return format_feet_inches ((int) lround (cm / CM_PER_INCH));
  /* Translators: a height in centimetres */
  return g_strdup_printf (_("%d cm"), (int) lround (cm));
}

/**
 * bs_format_weight:
 *
 * Returns: (transfer full): "70 kg" or "70.5 kg"; "154 lb", to the nearest
 *   pound (a pound is less than half a kilogram already); "—" if unknown
 */
char *
bs_format_weight (double  kg,
                  BsUnits units)
{
  g_autofree char *number = NULL;

  if (kg < 0 || !isfinite (kg))
    return g_strdup ("—");
  if (units == BS_UNITS_IMPERIAL)
    /* Translators: a weight in pounds */
    return g_strdup_printf (_("%d lb"), (int) lround (kg / KG_PER_POUND));

  number = format_one_decimal (kg);
  /* Translators: a weight in kilograms, e.g. "70.5 kg" */
  return g_strdup_printf (_("%s kg"), number);
}

/**
 * bs_format_distance:
 *
 * Returns: (transfer full): "30 km" or "12.5 km"; "19 mi", to the nearest
 *   mile; "—" if unknown
 */
char *
bs_format_distance (double  km,
                    BsUnits units)
{
  g_autofree char *number = NULL;

  if (km < 0 || !isfinite (km))
    return g_strdup ("—");
  if (units == BS_UNITS_IMPERIAL)
    /* Translators: a distance in miles */
    return g_strdup_printf (_("%d mi"), (int) lround (km / KM_PER_MILE));

  number = format_one_decimal (km);
  /* Translators: a distance in kilometres, e.g. "12.5 km" */
  return g_strdup_printf (_("%s km"), number);
}
