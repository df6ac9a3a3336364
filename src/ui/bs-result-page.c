/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bs-format.h"
#include "bs-result-page.h"

/*
 * What the run came to and what to do next (CONTENT.md §1-2).  The advice
 * depends on the result: strengthening three times a week for everyone,
 * an easier level when the first stages were far off, a harder one after a
 * good result at a shortened level.
 */

struct _BsResultPage
{
  GtkWidget parent_instance;

  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *description_label;
  GtkLabel *held_label;
  GtkLabel *stage_label;
  GtkLabel *test_label;
  AdwPreferencesGroup *advice_group;
  GtkButton *done_button;
  GtkWidget *kiosk_box;    /* shown by the window in the clinic kiosk */

  GPtrArray *advice_rows;
};

G_DEFINE_FINAL_TYPE (BsResultPage, bs_result_page, GTK_TYPE_WIDGET)

static void
add_advice (BsResultPage *self,
            const char   *title,
            const char   *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (self->advice_group, row);
  g_ptr_array_add (self->advice_rows, row);
}

static void
clear_advice (BsResultPage *self)
{
  for (guint i = 0; i < self->advice_rows->len; i++)
    adw_preferences_group_remove (self->advice_group, g_ptr_array_index (self->advice_rows, i));
  g_ptr_array_set_size (self->advice_rows, 0);
}

static void
show_summary (BsResultPage *self,
              BsResult     *result)
{
  BsSchedule *schedule = bs_result_get_schedule (result);
  guint n_stages = bs_schedule_get_n_stages (schedule);
  guint reached = bs_result_get_stage_reached (result);
  guint held = (guint) (bs_result_get_held_ms (result) / 1000);
  g_autofree char *held_text = bs_format_clock (held);
  g_autofree char *target_text = bs_format_clock (bs_result_get_target_seconds (result));
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (bs_result_get_good (result))
    {
      title = g_strdup (_("Good Core Strength"));
      description = g_strdup_printf (_("You held all %u stages without stopping."), n_stages);
      gtk_image_set_from_icon_name (self->icon, "emblem-ok-symbolic");
    }
  else if (bs_result_get_completed (result))
    {
      guint skipped = bs_result_get_n_skipped (result);

      title = g_strdup (_("Finished, with Stages Skipped"));
      description = g_strdup_printf (ngettext ("You skipped %u stage, so this run does not count as a full test.",
                                               "You skipped %u stages, so this run does not count as a full test.",
                                               skipped), skipped);
      gtk_image_set_from_icon_name (self->icon, "media-skip-forward-symbolic");
    }
  else if (reached == 0)
    {
      title = g_strdup (_("Stopped Before the First Stage"));
      description = g_strdup (_("Nothing was held yet. Start again when you are ready."));
      gtk_image_set_from_icon_name (self->icon, "media-playback-stop-symbolic");
    }
  else
    {
      int index = bs_schedule_find_stage (schedule, reached);
      const BsSegment *segment = bs_schedule_get_segment (schedule, (guint) index);
      guint in_stage = (guint) (bs_result_get_stage_held_ms (result, reached) / 1000);

      /* Translators: e.g. "You Held 1:32 of 3:00". */
      title = g_strdup_printf (_("You Held %s of %s"), held_text, target_text);
      /* Translators: stage number, total stages, stage name, seconds held in it. */
      description = g_strdup_printf (ngettext ("You reached stage %u of %u, “%s”, and held it for %u second.",
                                               "You reached stage %u of %u, “%s”, and held it for %u seconds.",
                                               in_stage),
                                     reached, n_stages, segment->name, in_stage);
      gtk_image_set_from_icon_name (self->icon, "io.github.backstay.Backstay-symbolic");
    }
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->description_label, description);

  {
    g_autofree char *held_value = g_strdup_printf (_("%s of %s"), held_text, target_text);
    g_autofree char *stage_value = g_strdup_printf (_("%u of %u"), reached, n_stages);
    g_autofree char *test_value = NULL;
    guint level = bs_schedule_get_level (schedule);
    const char *form = bs_schedule_get_form_name (schedule);

    if (level == 0)
      test_value = g_strdup_printf (_("%s, standard level"), form ? form : "");
    else
      test_value = g_strdup_printf (_("%s, every hold %u s shorter"), form ? form : "", level);

    gtk_label_set_label (self->held_label, held_value);
    gtk_label_set_label (self->stage_label, stage_value);
    gtk_label_set_label (self->test_label, test_value);
  }
}

static void
show_advice (BsResultPage *self,
             BsResult     *result)
{
  BsSchedule *schedule = bs_result_get_schedule (result);
  guint level = bs_schedule_get_level (schedule);
  gboolean good = bs_result_get_good (result);
  guint reached = bs_result_get_stage_reached (result);

  clear_advice (self);

  if (good)
    add_advice (self, _("Keep your core strong"),
                _("Do strengthening exercises at least three times a week to keep this result."));
  else
    add_advice (self, _("Strengthen your core three times a week"),
                _("Glute bridges, clamshells, planks and side planks, bird dog, superman, fire "
                  "hydrants and Russian twists: no equipment needed."));

  if (good && level > 0)
    add_advice (self, _("Try a harder level"),
                _("You held every stage with shortened holds. Next time, take fewer seconds off."));
  else if (!good && reached <= 2 && bs_routine_get_n_levels (bs_schedule_get_routine (schedule)) > 1)
    add_advice (self, _("Start at an easier level"),
                _("If the first stages were far off, shorten every hold by 5 to 15 seconds and "
                  "work up from there."));

  add_advice (self, _("Stretch every day"),
              _("Tight hamstrings and hips pull on the lower back. Stretch them daily and after "
                "every run."));
  add_advice (self, _("Test again in a few weeks"),
              _("Compare how far you get. Take the test at the same form and level each time."));
  add_advice (self, _("When to see a clinician"),
              _("If your back hurts more during or after the test, if pain runs down a leg, or if "
                "it has not eased with rest and core work, see a physiotherapist or doctor."));
}

static gboolean
bs_result_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BS_RESULT_PAGE (widget)->done_button));
}

static void
bs_result_page_dispose (GObject *object)
{
  BsResultPage *self = BS_RESULT_PAGE (object);

  g_clear_pointer (&self->advice_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), BS_TYPE_RESULT_PAGE);
  /* The template's unnamed top-level box is not one of its bound children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bs_result_page_parent_class)->dispose (object);
}

static void
bs_result_page_class_init (BsResultPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bs_result_page_dispose;
  widget_class->grab_focus = bs_result_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/bs-result-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BsResultPage, icon);
  gtk_widget_class_bind_template_child (widget_class, BsResultPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, BsResultPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, BsResultPage, held_label);
  gtk_widget_class_bind_template_child (widget_class, BsResultPage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, BsResultPage, test_label);
  gtk_widget_class_bind_template_child (widget_class, BsResultPage, advice_group);
  gtk_widget_class_bind_template_child (widget_class, BsResultPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, BsResultPage, kiosk_box);
}

static void
bs_result_page_init (BsResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->advice_rows = g_ptr_array_new ();
}

void
bs_result_page_set_result (BsResultPage *self,
                           BsResult     *result)
{
  g_return_if_fail (BS_IS_RESULT_PAGE (self));
  g_return_if_fail (BS_IS_RESULT (result));

  show_summary (self, result);
  show_advice (self, result);
}
