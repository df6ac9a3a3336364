/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "bs-answer-row.h"
#include "bs-assessment-page.h"

/*
 * The self-assessment, one question group per page.  The page reads its
 * widgets into a BsAnswers after every change, so what was typed survives
 * going Back and Next, and a draft is written at every step so that closing
 * half-way loses nothing.  Numbers are checked as they are typed; Next
 * stays insensitive while a field holds something out of range, and the
 * message under the fields says the range.
 *
 * Signals: "finished" when the last page (or a red flag) ends it,
 * "closed" when the person leaves it for later.
 */

/* The order of the pages; "pain-behaviour" is skipped without pain. */
static const char * const page_names[] = {
  "red-flags", "pain", "pain-behaviour", "body", "flexibility", "running", "habits",
};
#define N_PAGES G_N_ELEMENTS (page_names)

struct _BsAssessmentPage
{
  GtkWidget parent_instance;

  AdwWindowTitle *window_title;
  GtkProgressBar *progress;
  GtkStack *stack;
  GtkButton *next_button;

  BsAnswerRow *flag_severe, *flag_numbness, *flag_weakness, *flag_fever, *flag_trauma;
  BsAnswerRow *has_pain_row;
  GtkCheckButton *pattern_sharp, *pattern_dull, *pattern_legs, *pattern_morning;
  AdwComboRow *pain_when_row, *pain_duration_row;
  AdwEntryRow *pain_severity_row;
  GtkLabel *pain_unit, *pain_error;
  BsAnswerRow *worse_row, *not_eased_row, *stops_running_row;
  AdwEntryRow *height_row, *weight_row;
  GtkLabel *height_unit, *weight_unit, *bmi_label, *body_error;
  BsAnswerRow *leg_length_row, *flat_feet_row, *tall_row;
  BsAnswerRow *hamstrings_row, *back_row, *hip_row;
  AdwEntryRow *years_row, *distance_row, *speed_row;
  GtkLabel *years_unit, *distance_unit, *speed_unit, *running_error;
  BsAnswerRow *impact_row, *mileage_row;
  BsAnswerRow *hard_row, *warm_up_row, *stretch_row, *rest_row, *aerobic_row, *shoes_row;

  BsAnswers answers;
  BsUnits units;
  guint page;
  gboolean loading;
  gboolean page_valid;
};

enum {
  FINISHED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BsAssessmentPage, bs_assessment_page, GTK_TYPE_WIDGET)

static BsAnswerRow **
red_flag_rows (BsAssessmentPage *self,
               BsAnswerRow      *rows[BS_N_RED_FLAGS])
{
  rows[BS_RED_FLAG_SEVERE_PAIN] = self->flag_severe;
  rows[BS_RED_FLAG_NUMBNESS] = self->flag_numbness;
  rows[BS_RED_FLAG_WEAKNESS] = self->flag_weakness;
  rows[BS_RED_FLAG_FEVER] = self->flag_fever;
  rows[BS_RED_FLAG_TRAUMA] = self->flag_trauma;
  return rows;
}

/* Reads one number field; empty means unknown.  Returns FALSE with the
 * message if what is there is not acceptable. */
typedef gboolean (*ParseFunc) (const char *text, BsUnits units, double *value, GError **error);

static gboolean
read_number (AdwEntryRow *row,
             ParseFunc    parse,
             BsUnits      units,
             double      *value,
             GString     *problems)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0')
    {
      *value = BS_UNKNOWN_NUMBER;
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }
  if (!parse (stripped, units, value, &error))
    {
      *value = BS_UNKNOWN_NUMBER;
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      g_string_append_printf (problems, "%s%s", problems->len ? "\n" : "", error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  return TRUE;
}

static gboolean
parse_height (const char *text, BsUnits units, double *value, GError **error)
{
  return bs_parse_height (text, units, value, error);
}

static gboolean
parse_weight (const char *text, BsUnits units, double *value, GError **error)
{
  return bs_parse_weight (text, units, value, error);
}

static gboolean
parse_years (const char *text, BsUnits units, double *value, GError **error)
{
  return bs_parse_years (text, value, error);
}

static gboolean
parse_distance (const char *text, BsUnits units, double *value, GError **error)
{
  return bs_parse_distance (text, units, value, error);
}

static gboolean
parse_percent (const char *text, BsUnits units, double *value, GError **error)
{
  return bs_parse_percent (text, value, error);
}

static gboolean
parse_pain (const char *text, BsUnits units, double *value, GError **error)
{
  int severity;

  if (!bs_parse_pain (text, &severity, error))
    return FALSE;
  *value = severity;
  return TRUE;
}

static void
show_problems (GtkLabel *label,
               GString  *problems)
{
  gtk_label_set_label (label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (label), problems->len > 0);
}

/* Widgets -> answers, and whether the current page may be left. */
static void
collect (BsAssessmentPage *self)
{
  BsAnswers *a = &self->answers;
  BsAnswerRow *flags[BS_N_RED_FLAGS];
  g_autoptr(GString) pain_problems = g_string_new (NULL);
  g_autoptr(GString) body_problems = g_string_new (NULL);
  g_autoptr(GString) running_problems = g_string_new (NULL);
  gboolean flags_answered = TRUE;
  double severity;
  double bmi;

  red_flag_rows (self, flags);
  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    {
      a->red_flags[i] = bs_answer_row_get_answer (flags[i]);
      flags_answered &= a->red_flags[i] != BS_ANSWER_UNKNOWN;
    }

  a->has_pain = bs_answer_row_get_answer (self->has_pain_row);
  a->pain_patterns = (gtk_check_button_get_active (self->pattern_sharp) ? BS_PAIN_SHARP_ONE_SIDE : 0) |
                     (gtk_check_button_get_active (self->pattern_dull) ? BS_PAIN_DULL_GLUTES : 0) |
                     (gtk_check_button_get_active (self->pattern_legs) ? BS_PAIN_DOWN_THE_LEGS : 0) |
                     (gtk_check_button_get_active (self->pattern_morning) ? BS_PAIN_MORNING_STIFFNESS : 0);
  a->pain_when = (BsPainWhen) adw_combo_row_get_selected (self->pain_when_row);
  a->pain_duration = (BsPainDuration) adw_combo_row_get_selected (self->pain_duration_row);
  read_number (self->pain_severity_row, parse_pain, self->units, &severity, pain_problems);
  a->pain_severity = severity < 0 ? -1 : (int) severity;
  a->pain_worse_with_activity = bs_answer_row_get_answer (self->worse_row);
  a->pain_not_eased_by_rest = bs_answer_row_get_answer (self->not_eased_row);
  a->pain_stops_running = bs_answer_row_get_answer (self->stops_running_row);

  read_number (self->height_row, parse_height, self->units, &a->height_cm, body_problems);
  read_number (self->weight_row, parse_weight, self->units, &a->weight_kg, body_problems);
  a->leg_length_difference = bs_answer_row_get_answer (self->leg_length_row);
  a->flat_feet = bs_answer_row_get_answer (self->flat_feet_row);
  a->tall = bs_answer_row_get_answer (self->tall_row);

  a->tight_hamstrings = bs_answer_row_get_answer (self->hamstrings_row);
  a->stiff_back = bs_answer_row_get_answer (self->back_row);
  a->restricted_hip_flexion = bs_answer_row_get_answer (self->hip_row);

  read_number (self->years_row, parse_years, self->units, &a->years_running, running_problems);
  read_number (self->distance_row, parse_distance, self->units, &a->weekly_km, running_problems);
  read_number (self->speed_row, parse_percent, self->units, &a->speed_work_percent, running_problems);
  a->distance_or_high_impact = bs_answer_row_get_answer (self->impact_row);
  a->mileage_raised_fast = bs_answer_row_get_answer (self->mileage_row);

  a->mostly_hard_surfaces = bs_answer_row_get_answer (self->hard_row);
  a->warms_up = bs_answer_row_get_answer (self->warm_up_row);
  a->stretches_after = bs_answer_row_get_answer (self->stretch_row);
  a->takes_rest_days = bs_answer_row_get_answer (self->rest_row);
  a->other_aerobic_activity = bs_answer_row_get_answer (self->aerobic_row);
  a->shoes_worn = bs_answer_row_get_answer (self->shoes_row);

  show_problems (self->pain_error, pain_problems);
  show_problems (self->body_error, body_problems);
  show_problems (self->running_error, running_problems);

  bmi = bs_answers_get_bmi (a);
  if (isnan (bmi))
    gtk_label_set_label (self->bmi_label, _("Needs height and weight"));
  else
    {
      g_autofree char *text = g_strdup_printf ("%.1f", bmi);
      gtk_label_set_label (self->bmi_label, text);
    }

  /* The pain details only matter with pain. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->pain_when_row), a->has_pain != BS_ANSWER_NO);

  if (g_str_equal (page_names[self->page], "red-flags"))
    self->page_valid = flags_answered;
  else if (g_str_equal (page_names[self->page], "pain"))
    self->page_valid = pain_problems->len == 0;
  else if (g_str_equal (page_names[self->page], "body"))
    self->page_valid = body_problems->len == 0;
  else if (g_str_equal (page_names[self->page], "running"))
    self->page_valid = running_problems->len == 0;
  else
    self->page_valid = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.next", self->page_valid);
}

static void
on_changed (BsAssessmentPage *self)
{
  if (!self->loading)
    collect (self);
}

static gboolean
page_applies (BsAssessmentPage *self,
              guint             page)
{
  if (g_str_equal (page_names[page], "pain-behaviour"))
    return self->answers.has_pain == BS_ANSWER_YES;
  return TRUE;
}

static guint
n_applicable (BsAssessmentPage *self,
              guint            *position)
{
  guint n = 0;

  for (guint i = 0; i < N_PAGES; i++)
    if (page_applies (self, i))
      {
        if (i == self->page)
          *position = n;
        n++;
      }
  return n;
}

static void
show_page (BsAssessmentPage *self)
{
  guint position = 0, total = n_applicable (self, &position);
  g_autofree char *step = NULL;
  gboolean last = TRUE;

  for (guint i = self->page + 1; i < N_PAGES; i++)
    if (page_applies (self, i))
      last = FALSE;

  gtk_stack_set_visible_child_name (self->stack, page_names[self->page]);
  /* Translators: the step of the assessment, e.g. "Step 2 of 7". */
  step = g_strdup_printf (_("Step %u of %u"), position + 1, total);
  adw_window_title_set_subtitle (self->window_title, step);
  gtk_progress_bar_set_fraction (self->progress, (double) (position + 1) / total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, step, -1);
  gtk_button_set_label (self->next_button, last ? _("_See the Result") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.back", self->page > 0);
  collect (self);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BsAssessmentPage *self = BS_ASSESSMENT_PAGE (widget);

  collect (self);
  if (!self->page_valid)
    return;

  /* Any warning sign ends the assessment here: nothing else matters now. */
  if (bs_answers_any_red_flag (&self->answers))
    {
      g_signal_emit (self, signals[FINISHED], 0);
      return;
    }

  for (guint i = self->page + 1; i < N_PAGES; i++)
    if (page_applies (self, i))
      {
        self->page = i;
        bs_assessment_draft_save (&self->answers, page_names[self->page]);
        show_page (self);
        return;
      }
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BsAssessmentPage *self = BS_ASSESSMENT_PAGE (widget);

  collect (self);
  for (guint i = self->page; i > 0; i--)
    if (page_applies (self, i - 1))
      {
        self->page = i - 1;
        show_page (self);
        return;
      }
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BsAssessmentPage *self = BS_ASSESSMENT_PAGE (widget);

  collect (self);
  bs_assessment_draft_save (&self->answers, page_names[self->page]);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
set_number (AdwEntryRow *row,
            double       value,
            char        *(*format) (double, BsUnits),
            BsUnits      units)
{
  g_autofree char *text = NULL;

  if (value < 0)
    text = g_strdup ("");
  else if (format != NULL)
    text = format (value, units);
  else
    text = g_strdup_printf ("%g", value);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The formatters add a unit; the entry shows the number alone. */
static char *
bare_height (double  cm,
             BsUnits units)
{
  if (units == BS_UNITS_IMPERIAL)
    return bs_format_height (cm, units);
  /* As typed: 175.5 stays 175.5. */
  return g_strdup_printf ("%g", cm);
}

static char *
bare_weight (double  kg,
             BsUnits units)
{
  return g_strdup_printf ("%.1f", units == BS_UNITS_IMPERIAL ? kg / BS_KG_PER_POUND : kg);
}

static char *
bare_distance (double  km,
               BsUnits units)
{
  return g_strdup_printf ("%.0f", units == BS_UNITS_IMPERIAL ? km / BS_KM_PER_MILE : km);
}

/* Answers -> widgets, for a resumed assessment. */
static void
fill (BsAssessmentPage *self)
{
  const BsAnswers *a = &self->answers;
  BsAnswerRow *flags[BS_N_RED_FLAGS];

  self->loading = TRUE;
  red_flag_rows (self, flags);
  for (guint i = 0; i < BS_N_RED_FLAGS; i++)
    bs_answer_row_set_answer (flags[i], a->red_flags[i]);
  bs_answer_row_set_answer (self->has_pain_row, a->has_pain);
  gtk_check_button_set_active (self->pattern_sharp, a->pain_patterns & BS_PAIN_SHARP_ONE_SIDE);
  gtk_check_button_set_active (self->pattern_dull, a->pain_patterns & BS_PAIN_DULL_GLUTES);
  gtk_check_button_set_active (self->pattern_legs, a->pain_patterns & BS_PAIN_DOWN_THE_LEGS);
  gtk_check_button_set_active (self->pattern_morning, a->pain_patterns & BS_PAIN_MORNING_STIFFNESS);
  adw_combo_row_set_selected (self->pain_when_row, a->pain_when);
  adw_combo_row_set_selected (self->pain_duration_row, a->pain_duration);
  set_number (self->pain_severity_row, a->pain_severity, NULL, self->units);
  bs_answer_row_set_answer (self->worse_row, a->pain_worse_with_activity);
  bs_answer_row_set_answer (self->not_eased_row, a->pain_not_eased_by_rest);
  bs_answer_row_set_answer (self->stops_running_row, a->pain_stops_running);
  set_number (self->height_row, a->height_cm, bare_height, self->units);
  set_number (self->weight_row, a->weight_kg, bare_weight, self->units);
  bs_answer_row_set_answer (self->leg_length_row, a->leg_length_difference);
  bs_answer_row_set_answer (self->flat_feet_row, a->flat_feet);
  bs_answer_row_set_answer (self->tall_row, a->tall);
  bs_answer_row_set_answer (self->hamstrings_row, a->tight_hamstrings);
  bs_answer_row_set_answer (self->back_row, a->stiff_back);
  bs_answer_row_set_answer (self->hip_row, a->restricted_hip_flexion);
  set_number (self->years_row, a->years_running, NULL, self->units);
  set_number (self->distance_row, a->weekly_km, bare_distance, self->units);
  set_number (self->speed_row, a->speed_work_percent, NULL, self->units);
  bs_answer_row_set_answer (self->impact_row, a->distance_or_high_impact);
  bs_answer_row_set_answer (self->mileage_row, a->mileage_raised_fast);
  bs_answer_row_set_answer (self->hard_row, a->mostly_hard_surfaces);
  bs_answer_row_set_answer (self->warm_up_row, a->warms_up);
  bs_answer_row_set_answer (self->stretch_row, a->stretches_after);
  bs_answer_row_set_answer (self->rest_row, a->takes_rest_days);
  bs_answer_row_set_answer (self->aerobic_row, a->other_aerobic_activity);
  bs_answer_row_set_answer (self->shoes_row, a->shoes_worn);
  self->loading = FALSE;
}

static void
set_units (BsAssessmentPage *self,
           BsUnits           units)
{
  gboolean imperial = units == BS_UNITS_IMPERIAL;

  self->units = units;
  gtk_label_set_label (self->height_unit, imperial ? _("ft and in, e.g. 5′9″") : _("cm"));
  gtk_label_set_label (self->weight_unit, imperial ? _("lb") : _("kg"));
  gtk_label_set_label (self->distance_unit, imperial ? _("miles") : _("km"));
  gtk_label_set_label (self->years_unit, _("years"));
  gtk_label_set_label (self->speed_unit, _("%"));
  gtk_label_set_label (self->pain_unit, _("of 10"));
}

/**
 * bs_assessment_page_begin:
 * @answers: (nullable): answers to resume with, or %NULL for a fresh start
 * @page: (nullable): the page to resume on
 * @units: how heights, weights and distances are typed
 */
void
bs_assessment_page_begin (BsAssessmentPage *self,
                          const BsAnswers  *answers,
                          const char       *page,
                          BsUnits           units)
{
  g_return_if_fail (BS_IS_ASSESSMENT_PAGE (self));

  set_units (self, units);
  if (answers != NULL)
    self->answers = *answers;
  else
    bs_answers_init (&self->answers);
  fill (self);

  self->page = 0;
  for (guint i = 0; page != NULL && i < N_PAGES; i++)
    if (g_str_equal (page, page_names[i]))
      self->page = i;
  show_page (self);
}

const BsAnswers *
bs_assessment_page_get_answers (BsAssessmentPage *self)
{
  g_return_val_if_fail (BS_IS_ASSESSMENT_PAGE (self), NULL);
  return &self->answers;
}

const char *
bs_assessment_page_get_page (BsAssessmentPage *self)
{
  g_return_val_if_fail (BS_IS_ASSESSMENT_PAGE (self), NULL);
  return page_names[self->page];
}

static gboolean
bs_assessment_page_grab_focus (GtkWidget *widget)
{
  BsAssessmentPage *self = BS_ASSESSMENT_PAGE (widget);

  return gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
bs_assessment_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BS_TYPE_ASSESSMENT_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bs_assessment_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BsAssessmentPage, name)

static void
bs_assessment_page_class_init (BsAssessmentPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_assessment_page_dispose;
  widget_class->grab_focus = bs_assessment_page_grab_focus;

  g_type_ensure (BS_TYPE_ANSWER_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/bs-assessment-page.ui");
  BIND (window_title); BIND (progress); BIND (stack); BIND (next_button);
  BIND (flag_severe); BIND (flag_numbness); BIND (flag_weakness); BIND (flag_fever);
  BIND (flag_trauma); BIND (has_pain_row); BIND (pattern_sharp); BIND (pattern_dull);
  BIND (pattern_legs); BIND (pattern_morning); BIND (pain_when_row); BIND (pain_duration_row);
  BIND (pain_severity_row); BIND (pain_unit); BIND (pain_error); BIND (worse_row);
  BIND (not_eased_row); BIND (stops_running_row); BIND (height_row); BIND (weight_row);
  BIND (height_unit); BIND (weight_unit); BIND (bmi_label); BIND (body_error);
  BIND (leg_length_row); BIND (flat_feet_row); BIND (tall_row); BIND (hamstrings_row);
  BIND (back_row); BIND (hip_row); BIND (years_row); BIND (distance_row); BIND (speed_row);
  BIND (years_unit); BIND (distance_unit); BIND (speed_unit); BIND (running_error);
  BIND (impact_row); BIND (mileage_row); BIND (hard_row); BIND (warm_up_row);
  BIND (stretch_row); BIND (rest_row); BIND (aerobic_row); BIND (shoes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "assessment.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "assessment.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "assessment.close", NULL, close_activated);

  /**
   * BsAssessmentPage::finished:
   *
   * The answers are complete, or a red flag ended the assessment.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * BsAssessmentPage::closed:
   *
   * Left half-way; the draft is saved.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bs_assessment_page_init (BsAssessmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bs_answers_init (&self->answers);
}

/* --- the draft ---------------------------------------------------------- */

/* Off in the clinic kiosk: a patient's answers never reach the disk. */
static gboolean draft_kept = TRUE;

/**
 * bs_assessment_draft_set_kept:
 *
 * Whether unfinished assessments are written down for next time.  When
 * not, saving does nothing and there is never a draft to load.
 */
void
bs_assessment_draft_set_kept (gboolean kept)
{
  draft_kept = !!kept;
}

static char *
draft_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "backstay", "assessment-draft.json", NULL);
}

/**
 * bs_assessment_draft_save:
 *
 * Keeps an unfinished assessment for next time, written whole or not at
 * all.  A failure to write is logged: the assessment itself goes on.
 */
void
bs_assessment_draft_save (const BsAnswers *answers,
                          const char      *page)
{
  g_autofree char *path = draft_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *json = bs_answers_to_json (answers);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!draft_kept)
    return;
  if (!json_parser_load_from_data (parser, json, -1, &error))
    {
      g_warning ("Assessment draft not saved: %s", error->message);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "page");
  json_builder_add_string_value (builder, page);
  json_builder_set_member_name (builder, "answers");
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  contents = json_generator_to_data (generator, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    g_debug ("Assessment draft not saved: %s", error ? error->message : dir);
}

/**
 * bs_assessment_draft_load:
 * @page: (out): the page it was left on
 *
 * Returns: %TRUE if there is a readable draft
 */
gboolean
bs_assessment_draft_load (BsAnswers  *answers,
                          char      **page)
{
  g_autofree char *path = draft_path ();
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *answers_json = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  if (!draft_kept || !g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  if (!json_parser_load_from_data (parser, contents, -1, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_debug ("Assessment draft ignored: %s", error ? error->message : "not an object");
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "answers") || !json_object_has_member (root, "page"))
    return FALSE;
  json_generator_set_root (generator, json_object_get_member (root, "answers"));
  answers_json = json_generator_to_data (generator, NULL);
  if (!bs_answers_from_json (answers_json, -1, answers, &error))
    {
      g_debug ("Assessment draft ignored: %s", error->message);
      return FALSE;
    }
  *page = g_strdup (json_object_get_string_member_with_default (root, "page", "red-flags"));
  return TRUE;
}

void
bs_assessment_draft_discard (void)
{
  g_autofree char *path = draft_path ();

  g_unlink (path);
}
