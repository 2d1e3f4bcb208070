package org.masthead.demo.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/** What every drawing needs: the canvas, its size, a unit for strokes, and the seeded randomness. */
record Scene(Graphics2D g, double w, double h, Random r) {

    /** One pixel of a 1280-wide picture, so that line weights look the same at any size. */
    double u() {
        return w / 1280;
    }

    double between(double from, double to) {
        return from + r.nextDouble() * (to - from);
    }

    float between(float from, float to) {
        return from + r.nextFloat() * (to - from);
    }

    boolean chance(double probability) {
        return r.nextDouble() < probability;
    }

    static void cloud(Scene s, double x, double y, double width) {
        Graphics2D g = s.g();
        for (int i = 0; i < 6; i++) {
            double cx = x + width * s.between(-0.5, 0.5);
            double cy = y + width * s.between(-0.12, 0.08);
            double r = width * s.between(0.18, 0.32);
            g.setPaint(new GradientPaint(
                    0,
                    (float) (cy - r),
                    withAlpha(Color.WHITE, 235),
                    0,
                    (float) (cy + r),
                    withAlpha(new Color(215, 222, 232), 235)));
            g.fill(circle(cx, cy, r));
        }
    }

    static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Midpoint displacement: a ridge line of {@code segments + 1} heights, roughly between 0 and 1. */
    static double[] ridge(Random random, int segments, double roughness) {
        double[] heights = new double[segments + 1];
        heights[0] = random.nextDouble();
        heights[segments] = random.nextDouble();
        double amplitude = 0.6;
        for (int step = segments; step > 1; step /= 2) {
            int half = step / 2;
            for (int i = half; i < segments; i += step) {
                heights[i] = (heights[i - half] + heights[i + half]) / 2 + (random.nextDouble() * 2 - 1) * amplitude;
            }
            amplitude *= roughness;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double height : heights) {
            min = Math.min(min, height);
            max = Math.max(max, height);
        }
        for (int i = 0; i < heights.length; i++) {
            heights[i] = 0.15 + 0.85 * (heights[i] - min) / Math.max(1e-9, max - min);
        }
        return heights;
    }

    static void vertical(Graphics2D g, double x, double y, double width, double height, Color top, Color bottom) {
        g.setPaint(new GradientPaint(0, (float) y, top, 0, (float) (y + height), bottom));
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    static void glow(Graphics2D g, double cx, double cy, double radius, Color colour) {
        g.setPaint(
                new RadialGradientPaint(new Point2D.Double(cx, cy), (float) radius, new float[] {0f, 1f}, new Color[] {
                    colour, withAlpha(colour, 0)
                }));
        g.fill(circle(cx, cy, radius));
    }

    static Ellipse2D circle(double cx, double cy, double radius) {
        return new Ellipse2D.Double(cx - radius, cy - radius, radius * 2, radius * 2);
    }

    static Color hsb(float hue, float saturation, float brightness) {
        float wrapped = hue - (float) Math.floor(hue);
        return Color.getHSBColor(wrapped, Math.clamp(saturation, 0f, 1f), Math.clamp(brightness, 0f, 1f));
    }

    static Color rgb(int rgb) {
        return new Color(rgb);
    }

    static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), Math.clamp(alpha, 0, 255));
    }

    static Color blend(Color from, Color to, float amount) {
        float t = Math.clamp(amount, 0f, 1f);
        return new Color(
                Math.round(from.getRed() + (to.getRed() - from.getRed()) * t),
                Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * t),
                Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * t),
                Math.round(from.getAlpha() + (to.getAlpha() - from.getAlpha()) * t));
    }
}
