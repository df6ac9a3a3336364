/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Backstay"

#include "config.h"

#include <glib/gi18n.h>

#include "bs-stage-bar.h"

/*
 * Progress through the whole circuit: one segment per stage, as wide as the
 * stage is long.  Stages done are filled, the current one fills as it runs,
 * the rest are faint.  The lead-in is not drawn: it is not part of the test.
 * Done and to-do differ in lightness, not only in hue.
 */

#define GAP 4.0f
#define BAR_HEIGHT 10

struct _BsStageBar
{
  GtkWidget parent_instance;

  BsSchedule *schedule;
  int segment;
  double fraction;
};

G_DEFINE_FINAL_TYPE (BsStageBar, bs_stage_bar, GTK_TYPE_WIDGET)

static void
bs_stage_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  BsStageBar *self = BS_STAGE_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  guint n_stages, work;
  float usable, x = 0;
  GdkRGBA accent, track;
  graphene_size_t radius;

  if (self->schedule == NULL)
    return;
  n_stages = bs_schedule_get_n_stages (self->schedule);
  work = bs_schedule_get_work_seconds (self->schedule);
  if (n_stages == 0 || work == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    GtkStyleContext *context = gtk_widget_get_style_context (widget);

    if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
      accent = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1.0f };
    gtk_style_context_get_color (context, &track);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
  track.alpha = 0.15f;

  radius = GRAPHENE_SIZE_INIT (height / 2, height / 2);
  usable = width - GAP * (n_stages - 1);

  for (guint i = 0; i < bs_schedule_get_n_segments (self->schedule); i++)
    {
      const BsSegment *segment = bs_schedule_get_segment (self->schedule, i);
      float w;
      double filled;
      GskRoundedRect outline;

      if (segment->stage == 0)
        continue;
      w = usable * segment->duration / work;
      if ((int) i < self->segment)
        filled = 1.0;
      else if ((int) i == self->segment)
        filled = self->fraction;
      else
        filled = 0.0;

      gsk_rounded_rect_init (&outline, &GRAPHENE_RECT_INIT (x, 0, w, height),
                             &radius, &radius, &radius, &radius);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (x, 0, w, height));
      if (filled > 0)
        gtk_snapshot_append_color (snapshot, &accent,
                                   &GRAPHENE_RECT_INIT (x, 0, (float) (w * filled), height));
      gtk_snapshot_pop (snapshot);
      x += w + GAP;
    }
}

static void
bs_stage_bar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = BAR_HEIGHT;
  else
    *minimum = *natural = 48;
}

static void
bs_stage_bar_finalize (GObject *object)
{
  g_clear_object (&BS_STAGE_BAR (object)->schedule);

  G_OBJECT_CLASS (bs_stage_bar_parent_class)->finalize (object);
}

static void
bs_stage_bar_class_init (BsStageBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bs_stage_bar_finalize;
  widget_class->snapshot = bs_stage_bar_snapshot;
  widget_class->measure = bs_stage_bar_measure;

  gtk_widget_class_set_css_name (widget_class, "stagebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
bs_stage_bar_init (BsStageBar *self)
{
  self->segment = -1;
}

GtkWidget *
bs_stage_bar_new (void)
{
  return g_object_new (BS_TYPE_STAGE_BAR, NULL);
}

void
bs_stage_bar_set_schedule (BsStageBar *self,
                           BsSchedule *schedule)
{
  g_return_if_fail (BS_IS_STAGE_BAR (self));

  g_set_object (&self->schedule, schedule);
  self->segment = -1;
  self->fraction = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bs_stage_bar_set_position:
 * @segment: the current segment of the schedule
 * @fraction: how much of it has passed, from 0 to 1
 */
void
bs_stage_bar_set_position (BsStageBar *self,
                           int         segment,
                           double      fraction)
{
  const BsSegment *current;
  g_autofree char *text = NULL;
  guint n_stages;

  g_return_if_fail (BS_IS_STAGE_BAR (self));
  g_return_if_fail (self->schedule != NULL);

  self->segment = segment;
  self->fraction = CLAMP (fraction, 0.0, 1.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  n_stages = bs_schedule_get_n_stages (self->schedule);
  current = bs_schedule_get_segment (self->schedule, (guint) segment);
  if (current->stage > 0)
    text = g_strdup_printf (_("Stage %u of %u"), current->stage, n_stages);
  else
    text = g_strdup (_("Getting ready"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) n_stages,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) current->stage,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}
