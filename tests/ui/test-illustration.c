/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The exercise drawings in a real window under Xvfb: every bundled drawing
 * is found and drawn in the theme's colours (the body in the foreground,
 * the working part in the accent) in the light and the dark style, the
 * widget follows a change of style, keeps the drawing's proportions at any
 * width, renders again only when its size, style or drawing changed, and an
 * id with no drawing shows nothing.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>

#include "bs-illustration.h"
#include "bs-test-util.h"

static BsClock *test_clock;
static BsApplication *test_app;

static const char * const drawings[] = {
  "plank", "plank-arm-lift", "plank-leg-lift", "plank-arm-leg-lift",
  "hamstring-wall", "piriformis", "knee-to-chest", "seated-hamstring", "pelvic-tilt",
  "hip-flexor", "glute-bridge", "clamshell", "side-plank", "russian-twist", "superman",
  "bird-dog", "fire-hydrant", "jog-in-place", "leg-swings", "high-knees", "butt-kicks",
  "walking-lunges",
};

typedef struct
{
  GtkWindow *window;
  GtkWidget *box;
  GtkWidget *illustration;
} Fixture;

typedef struct
{
  guint fg;
  guint accent;
  guint token;
} Counts;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (f->window, GTK_APPLICATION (test_app));
  /* No decorations: the window is exactly as wide as asked. */
  gtk_window_set_decorated (f->window, FALSE);
  gtk_window_set_default_size (f->window, 240, 400);
  f->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_window_set_child (f->window, f->box);
  f->illustration = bs_illustration_new ();
  gtk_widget_set_valign (f->illustration, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (f->box), f->illustration);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  bs_test_app_close_windows (test_app);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  bs_test_settle ();
}

static void
show (Fixture *f)
{
  gtk_window_present (f->window);
  bs_test_wait_frames (GTK_WIDGET (f->window), 3);
}

static void
set_scheme (Fixture        *f,
            AdwColorScheme  scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  bs_test_wait_frames (GTK_WIDGET (f->window), 3);
}

/* What the widget draws, alone, on a transparent background; NULL if it
 * draws nothing at all. */
static GskRenderNode *
widget_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = widget_node (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}

static void
theme_colors (GtkWidget *widget,
              GdkRGBA   *fg,
              GdkRGBA   *accent)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, fg);
  g_assert_true (gtk_style_context_lookup_color (context, "accent_color", accent));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
near (guint32        pixel,
      const GdkRGBA *color)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return (pixel >> 24) == 0xff &&
         ABS (r - (int) (color->red * 255.f + 0.5f)) <= 6 &&
         ABS (g - (int) (color->green * 255.f + 0.5f)) <= 6 &&
         ABS (b - (int) (color->blue * 255.f + 0.5f)) <= 6;
}

static gboolean
same_rgb (const GdkRGBA *a,
          const GdkRGBA *b)
{
  return fabsf (a->red - b->red) < 0.02f && fabsf (a->green - b->green) < 0.02f &&
         fabsf (a->blue - b->blue) < 0.02f;
}

/* Opaque pixels of the foreground colour, of the accent, and of the colour
 * written in the files, which must never reach the screen as it is. */
static Counts
count_colors (GdkTexture    *texture,
              const GdkRGBA *fg,
              const GdkRGBA *accent)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  GdkRGBA token;
  Counts counts = { 0, 0, 0 };

  gdk_rgba_parse (&token, "#3584e4");
  /* Cairo's native layout: premultiplied, so opaque pixels are exact. */
  gdk_texture_download (texture, (guchar *) pixels, width * sizeof (guint32));
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      counts.fg += near (pixels[i], fg);
      counts.accent += near (pixels[i], accent);
      counts.token += near (pixels[i], &token);
    }
  return counts;
}

static void
assert_drawn_in_theme (GtkWidget  *widget,
                       const char *what)
{
  g_autoptr(GdkTexture) texture = render_widget (widget);
  GdkRGBA fg, accent;
  Counts counts;

  theme_colors (widget, &fg, &accent);
  /* Otherwise the check below could not tell a replaced colour from the
   * one in the file. */
  g_assert_false (gdk_rgba_equal (&fg, &accent));
  counts = count_colors (texture, &fg, &accent);
  g_test_message ("%s: %u foreground, %u accent pixels", what, counts.fg, counts.accent);
  g_assert_cmpuint (counts.fg, >=, 300);
  g_assert_cmpuint (counts.accent, >=, 80);
  g_assert_cmpuint (counts.token, ==, 0);
}

static void
test_every_drawing (Fixture       *f,
                    gconstpointer  data)
{
  show (f);
  for (guint i = 0; i < G_N_ELEMENTS (drawings); i++)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/illustrations/%s.svg", drawings[i]);
      g_autofree char *light = g_strdup_printf ("%s light", drawings[i]);
      g_autofree char *dark = g_strdup_printf ("%s dark", drawings[i]);
      gsize size = 0;

      g_assert_true (g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &size, NULL, NULL));
      g_assert_cmpuint (size, >, 0);

      bs_illustration_set_illustration (BS_ILLUSTRATION (f->illustration), drawings[i]);
      set_scheme (f, ADW_COLOR_SCHEME_FORCE_LIGHT);
      g_assert_cmpint (gtk_widget_get_width (f->illustration), ==, 240);
      g_assert_cmpint (gtk_widget_get_height (f->illustration), ==, 160);
      assert_drawn_in_theme (f->illustration, light);

      set_scheme (f, ADW_COLOR_SCHEME_FORCE_DARK);
      assert_drawn_in_theme (f->illustration, dark);
    }
}

/* A change of style alone (no new size, no new drawing) must give new
 * colours, not the drawing kept from before. */
static void
test_follows_style (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  GdkRGBA light_fg, light_accent, dark_fg, dark_accent;
  Counts counts;

  bs_illustration_set_illustration (BS_ILLUSTRATION (f->illustration), "bird-dog");
  show (f);
  set_scheme (f, ADW_COLOR_SCHEME_FORCE_LIGHT);
  theme_colors (f->illustration, &light_fg, &light_accent);
  light = render_widget (f->illustration);

  set_scheme (f, ADW_COLOR_SCHEME_FORCE_DARK);
  theme_colors (f->illustration, &dark_fg, &dark_accent);
  g_assert_false (same_rgb (&light_fg, &dark_fg));
  g_assert_false (same_rgb (&light_accent, &dark_accent));
  dark = render_widget (f->illustration);

  counts = count_colors (dark, &light_fg, &light_accent);
  g_assert_cmpuint (counts.fg, ==, 0);
  g_assert_cmpuint (counts.accent, ==, 0);
  counts = count_colors (dark, &dark_fg, &dark_accent);
  g_assert_cmpuint (counts.fg, >=, 300);
  g_assert_cmpuint (counts.accent, >=, 80);

  /* And back: the light colours return. */
  set_scheme (f, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_clear_object (&light);
  light = render_widget (f->illustration);
  counts = count_colors (light, &light_fg, &light_accent);
  g_assert_cmpuint (counts.fg, >=, 300);
  g_assert_cmpuint (counts.accent, >=, 80);
}

static GdkTexture *
find_texture (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXTURE_NODE:
      return gsk_texture_node_get_texture (node);
    case GSK_TRANSFORM_NODE:
      return find_texture (gsk_transform_node_get_child (node));
    case GSK_DEBUG_NODE:
      return find_texture (gsk_debug_node_get_child (node));
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GdkTexture *texture = find_texture (gsk_container_node_get_child (node, i));
          if (texture != NULL)
            return texture;
        }
      return NULL;
    default:
      return NULL;
    }
}

/* The texture the widget draws right now; a new one only when something
 * it depends on changed. */
static GdkTexture *
drawn_texture (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = widget_node (widget);
  GdkTexture *texture;

  g_assert_nonnull (node);
  texture = find_texture (node);
  g_assert_nonnull (texture);
  return g_object_ref (texture);
}

static void
test_renders_only_on_change (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GdkTexture) first = NULL;
  g_autoptr(GdkTexture) again = NULL;
  g_autoptr(GdkTexture) wider = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GdkTexture) other = NULL;

  bs_illustration_set_illustration (BS_ILLUSTRATION (f->illustration), "glute-bridge");
  show (f);
  set_scheme (f, ADW_COLOR_SCHEME_FORCE_LIGHT);
  first = drawn_texture (f->illustration);
  g_assert_cmpint (gdk_texture_get_width (first), ==, 240);

  /* Redrawn with nothing changed: the same texture, not a new rendering. */
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
  again = drawn_texture (f->illustration);
  g_assert_true (again == first);

  gtk_window_set_default_size (f->window, 300, 400);
  bs_test_wait_frames (GTK_WIDGET (f->window), 3);
  wider = drawn_texture (f->illustration);
  g_assert_true (wider != first);
  g_assert_cmpint (gdk_texture_get_width (wider), ==, 300);
  g_assert_cmpint (gdk_texture_get_height (wider), ==, 200);

  set_scheme (f, ADW_COLOR_SCHEME_FORCE_DARK);
  dark = drawn_texture (f->illustration);
  g_assert_true (dark != wider);
  g_assert_cmpint (gdk_texture_get_width (dark), ==, 300);

  bs_illustration_set_illustration (BS_ILLUSTRATION (f->illustration), "clamshell");
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
  other = drawn_texture (f->illustration);
  g_assert_true (other != dark);
}

static void
assert_box (GtkWidget *widget,
            float      x,
            float      y,
            float      width,
            float      height)
{
  g_autoptr(GskRenderNode) node = widget_node (widget);
  graphene_rect_t bounds;

  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  g_test_message ("drawn at %g,%g, %g × %g", bounds.origin.x, bounds.origin.y,
                  bounds.size.width, bounds.size.height);
  g_assert_cmpfloat_with_epsilon (bounds.origin.x, x, 0.51);
  g_assert_cmpfloat_with_epsilon (bounds.origin.y, y, 0.51);
  g_assert_cmpfloat_with_epsilon (bounds.size.width, width, 0.51);
  g_assert_cmpfloat_with_epsilon (bounds.size.height, height, 0.51);
}

static void
test_keeps_proportions (Fixture       *f,
                        gconstpointer  data)
{
  const int widths[] = { 120, 240, 480 };
  int minimum, natural;

  bs_illustration_set_illustration (BS_ILLUSTRATION (f->illustration), "plank");

  gtk_widget_measure (f->illustration, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_assert_cmpint (minimum, ==, 120);
  g_assert_cmpint (natural, ==, 240);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      int w = widths[i];
      g_autoptr(GdkTexture) texture = NULL;

      gtk_widget_measure (f->illustration, GTK_ORIENTATION_VERTICAL, w, &minimum, &natural,
                          NULL, NULL);
      g_assert_cmpint (natural, ==, w * 2 / 3);
      /* A wide window must not be forced to grow tall. */
      g_assert_cmpint (minimum, <=, 80);

      gtk_window_set_default_size (f->window, w, 400);
      show (f);
      g_assert_cmpint (gtk_widget_get_width (f->illustration), ==, w);
      g_assert_cmpint (gtk_widget_get_height (f->illustration), ==, w * 2 / 3);
      assert_box (f->illustration, 0, 0, w, w * 2 / 3);
      texture = render_widget (f->illustration);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, w);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, w * 2 / 3);
    }

  /* Given more width than its proportions need, the drawing stays as
   * high as the space and is centred. */
  gtk_widget_set_valign (f->illustration, GTK_ALIGN_FILL);
  gtk_widget_set_vexpand (f->illustration, TRUE);
  gtk_window_set_default_size (f->window, 480, 160);
  show (f);
  g_assert_cmpint (gtk_widget_get_width (f->illustration), ==, 480);
  g_assert_cmpint (gtk_widget_get_height (f->illustration), ==, 160);
  assert_box (f->illustration, 120, 0, 240, 160);
}

static void
test_unknown_draws_nothing (Fixture       *f,
                            gconstpointer  data)
{
  BsIllustration *illustration = BS_ILLUSTRATION (f->illustration);
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *id = NULL;
  int minimum, natural;

  show (f);
  g_assert_null (bs_illustration_get_illustration (illustration));
  g_assert_cmpint (gtk_widget_get_height (f->illustration), ==, 0);

  /* No warning (the tests make warnings fatal), no drawing, no space. */
  bs_illustration_set_illustration (illustration, "no-such-drawing");
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (bs_illustration_get_illustration (illustration), ==, "no-such-drawing");
  g_object_get (illustration, "illustration", &id, NULL);
  g_assert_cmpstr (id, ==, "no-such-drawing");
  gtk_widget_measure (f->illustration, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_assert_cmpint (natural, ==, 0);
  gtk_widget_measure (f->illustration, GTK_ORIENTATION_VERTICAL, 240, &minimum, &natural,
                      NULL, NULL);
  g_assert_cmpint (natural, ==, 0);
  g_assert_cmpint (gtk_widget_get_height (f->illustration), ==, 0);

  /* Even given room, there is nothing to draw. */
  gtk_widget_set_size_request (f->illustration, 240, 160);
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
  node = widget_node (f->illustration);
  g_assert_null (node);

  /* A real drawing after an unknown one shows up again. */
  gtk_widget_set_size_request (f->illustration, -1, -1);
  bs_illustration_set_illustration (illustration, "superman");
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpint (gtk_widget_get_height (f->illustration), ==, 160);
  assert_drawn_in_theme (f->illustration, "superman after an unknown id");

  bs_illustration_set_illustration (illustration, NULL);
  bs_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_null (bs_illustration_get_illustration (illustration));
  g_assert_cmpint (gtk_widget_get_height (f->illustration), ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_property (Fixture       *f,
               gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (f->illustration, "notify::illustration", G_CALLBACK (count_notify), &notified);
  g_object_set (f->illustration, "illustration", "clamshell", NULL);
  g_assert_cmpuint (notified, ==, 1);
  /* The same drawing again is not a change. */
  bs_illustration_set_illustration (BS_ILLUSTRATION (f->illustration), "clamshell");
  g_assert_cmpuint (notified, ==, 1);
  bs_illustration_set_illustration (BS_ILLUSTRATION (f->illustration), "side-plank");
  g_assert_cmpuint (notified, ==, 2);
  bs_illustration_set_illustration (BS_ILLUSTRATION (f->illustration), NULL);
  g_assert_cmpuint (notified, ==, 3);
}

/* A picture to a screen reader, named by whoever shows it, unnamed until then. */
static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  bs_illustration_set_illustration (BS_ILLUSTRATION (f->illustration), "hip-flexor");
  show (f);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->illustration)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (f->illustration),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!bs_test_start_gui (&test_clock, &test_app))
    return g_test_run ();

  g_test_add ("/illustration/every-drawing", Fixture, NULL, setup, test_every_drawing, teardown);
  g_test_add ("/illustration/follows-style", Fixture, NULL, setup, test_follows_style, teardown);
  g_test_add ("/illustration/keeps-proportions", Fixture, NULL, setup, test_keeps_proportions,
              teardown);
  g_test_add ("/illustration/renders-only-on-change", Fixture, NULL, setup,
              test_renders_only_on_change, teardown);
  g_test_add ("/illustration/unknown-draws-nothing", Fixture, NULL, setup,
              test_unknown_draws_nothing, teardown);
  g_test_add ("/illustration/property", Fixture, NULL, setup, test_property, teardown);
  g_test_add ("/illustration/accessible", Fixture, NULL, setup, test_accessible, teardown);

  return g_test_run ();
}
