package org.masthead.demo.internal;

import static org.masthead.demo.internal.Scene.blend;
import static org.masthead.demo.internal.Scene.circle;
import static org.masthead.demo.internal.Scene.cloud;
import static org.masthead.demo.internal.Scene.glow;
import static org.masthead.demo.internal.Scene.hsb;
import static org.masthead.demo.internal.Scene.ridge;
import static org.masthead.demo.internal.Scene.vertical;
import static org.masthead.demo.internal.Scene.withAlpha;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/** Scenes of land, sea and sky: the sea, mountains, a forest, fields, the night sky. */
final class LandscapeScenes {

    private LandscapeScenes() {}

    static void sea(Scene s) {
        Graphics2D g = s.g();
        double horizon = s.h() * s.between(0.42, 0.52);
        float hue = s.between(0.52f, 0.6f);
        vertical(g, 0, 0, s.w(), horizon, hsb(hue, 0.25f, 0.3f), hsb(hue, 0.12f, 0.78f));
        glow(g, s.w() * s.between(0.2, 0.8), horizon, s.h() * 0.45, withAlpha(hsb(0.13f, 0.25f, 1f), 120));
        for (int i = 0; i < 70; i++) {
            double cy = horizon * Math.pow(s.r().nextDouble(), 0.8) * 0.9;
            g.setColor(withAlpha(hsb(hue, 0.2f, s.between(0.15f, 0.45f)), (int) s.between(25, 70)));
            g.fill(new Ellipse2D.Double(
                    s.between(-0.2, 1.0) * s.w(), cy, s.w() * s.between(0.1, 0.35), s.h() * s.between(0.03, 0.09)));
        }
        if (s.chance(0.6)) {
            double x = s.w() * s.between(0.1, 0.85);
            g.setColor(hsb(hue, 0.3f, 0.2f));
            Path2D hull = new Path2D.Double();
            hull.moveTo(x, horizon - 5 * s.u());
            hull.lineTo(x + 60 * s.u(), horizon - 5 * s.u());
            hull.lineTo(x + 52 * s.u(), horizon + 1);
            hull.lineTo(x + 6 * s.u(), horizon + 1);
            hull.closePath();
            g.fill(hull);
            g.fill(new Rectangle2D.Double(x + 30 * s.u(), horizon - 14 * s.u(), 12 * s.u(), 10 * s.u()));
        }
        int layers = 8;
        for (int k = 0; k < layers; k++) {
            double t = k / (double) (layers - 1);
            double base = horizon + (s.h() - horizon) * (0.02 + 0.9 * Math.pow(t, 1.3));
            double amplitude = s.u() * (3 + 38 * t);
            double wavelength = s.w() * (0.05 + 0.22 * t) * s.between(0.8, 1.2);
            double phase = s.between(0, Math.PI * 2);
            Path2D wave = new Path2D.Double();
            Path2D crest = new Path2D.Double();
            wave.moveTo(0, s.h());
            for (double x = 0; x <= s.w() + 8; x += 6 * s.u()) {
                double y = base
                        - amplitude * Math.abs(Math.sin(Math.PI * x / wavelength + phase))
                        + amplitude * 0.3 * Math.sin(2 * Math.PI * x / (wavelength * 0.37) + phase * 2);
                wave.lineTo(x, y);
                if (x == 0) {
                    crest.moveTo(x, y);
                } else {
                    crest.lineTo(x, y);
                }
            }
            wave.lineTo(s.w(), s.h());
            wave.closePath();
            Color near = hsb(hue + 0.02f, 0.45f, 0.16f);
            Color far = hsb(hue, 0.22f, 0.55f);
            g.setPaint(new GradientPaint(
                    0, (float) (base - amplitude), blend(far, near, (float) t), 0, (float) s.h(), near));
            g.fill(wave);
            g.setStroke(new BasicStroke(
                    (float) (s.u() * (1 + 3 * t)),
                    BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND,
                    10f,
                    new float[] {(float) (wavelength * 0.12), (float) (wavelength * 0.5)},
                    (float) s.between(0, wavelength)));
            g.setColor(withAlpha(Color.WHITE, (int) (40 + 90 * t)));
            g.draw(crest);
        }
        g.setStroke(new BasicStroke((float) s.u()));
    }

    static void mountains(Scene s) {
        Graphics2D g = s.g();
        float hue = s.between(0.55f, 0.68f);
        Color sky = hsb(hue, 0.45f, 0.55f);
        Color haze = hsb(s.between(0.05f, 0.12f), 0.25f, 0.97f);
        vertical(g, 0, 0, s.w(), s.h() * 0.7, sky, haze);
        g.setColor(haze);
        g.fill(new Rectangle2D.Double(0, s.h() * 0.7 - 1, s.w(), s.h() * 0.3 + 1));
        glow(g, s.w() * s.between(0.15, 0.85), s.h() * s.between(0.25, 0.45), s.h() * 0.5, withAlpha(haze, 200));
        int layers = 5;
        Color deep = hsb(hue + 0.05f, 0.5f, 0.15f);
        for (int k = 0; k < layers; k++) {
            float t = k / (float) (layers - 1);
            double base = s.h() * (0.42 + 0.13 * k);
            double height = s.h() * (0.32 - 0.045 * k);
            double[] ridge = ridge(s.r(), 256, k == 0 ? 0.58 : 0.5);
            Path2D shape = new Path2D.Double();
            shape.moveTo(0, s.h());
            double peak = s.h();
            for (int i = 0; i < ridge.length; i++) {
                double y = base - ridge[i] * height;
                peak = Math.min(peak, y);
                shape.lineTo(s.w() * i / (ridge.length - 1), y);
            }
            shape.lineTo(s.w(), s.h());
            shape.closePath();
            Color colour = blend(blend(sky, haze, 0.5f), deep, 0.25f + 0.75f * t);
            g.setPaint(new GradientPaint(0, (float) peak, colour, 0, (float) s.h(), blend(colour, deep, 0.5f)));
            g.fill(shape);
            if (k == 0) {
                Shape clip = g.getClip();
                g.clip(shape);
                g.setPaint(new GradientPaint(
                        0,
                        (float) peak,
                        withAlpha(Color.WHITE, 230),
                        0,
                        (float) (peak + height * 0.35),
                        withAlpha(Color.WHITE, 0)));
                g.fill(new Rectangle2D.Double(0, peak, s.w(), height * 0.4));
                g.setClip(clip);
            }
            g.setPaint(new GradientPaint(
                    0,
                    (float) (base - height * 0.1),
                    withAlpha(haze, 0),
                    0,
                    (float) (base + s.h() * 0.1),
                    withAlpha(haze, 110)));
            g.fill(new Rectangle2D.Double(0, base - height * 0.1, s.w(), s.h() * 0.2 + height * 0.1));
        }
    }

    static void forest(Scene s) {
        Graphics2D g = s.g();
        Color sky = hsb(s.between(0.5f, 0.58f), 0.25f, 0.88f);
        Color light = hsb(s.between(0.1f, 0.14f), 0.22f, 0.99f);
        vertical(g, 0, 0, s.w(), s.h(), sky, light);
        double sunX = s.w() * s.between(0.2, 0.8);
        glow(g, sunX, s.h() * 0.3, s.h() * 0.6, withAlpha(light, 230));
        float green = s.between(0.3f, 0.42f);
        Color deep = hsb(green, 0.55f, 0.14f);
        int layers = 5;
        for (int k = 0; k < layers; k++) {
            float t = k / (float) (layers - 1);
            double base = s.h() * (0.48 + 0.12 * k);
            Color tree = blend(blend(sky, light, 0.5f), deep, 0.3f + 0.7f * t);
            g.setColor(tree);
            g.fill(new Rectangle2D.Double(0, base, s.w(), s.h() - base));
            double x = -s.between(0, 30) * s.u();
            while (x < s.w() + 40 * s.u()) {
                double height = s.h() * s.between(0.14, 0.3) * (0.7 + 0.3 * k);
                double width = height * s.between(0.4, 0.52);
                conifer(g, x, base + s.h() * 0.01, width, height);
                x += width * s.between(0.55, 1.0);
            }
            g.setPaint(new GradientPaint(
                    0,
                    (float) (base - s.h() * 0.05),
                    withAlpha(light, 0),
                    0,
                    (float) (base + s.h() * 0.08),
                    withAlpha(light, 120 - 20 * k)));
            g.fill(new Rectangle2D.Double(0, base - s.h() * 0.05, s.w(), s.h() * 0.13));
        }
        Graphics2D rays = (Graphics2D) g.create();
        rays.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.08f));
        rays.setColor(Color.WHITE);
        for (int i = 0; i < 6; i++) {
            Path2D ray = new Path2D.Double();
            double spread = s.between(0.02, 0.06) * s.w();
            double end = sunX + s.between(-0.5, 0.5) * s.w();
            ray.moveTo(sunX, s.h() * 0.3);
            ray.lineTo(end - spread, s.h());
            ray.lineTo(end + spread, s.h());
            ray.closePath();
            rays.fill(ray);
        }
        rays.dispose();
    }

    private static void conifer(Graphics2D g, double x, double base, double width, double height) {
        for (int tier = 0; tier < 3; tier++) {
            double top = base - height + tier * height * 0.22;
            double bottom = base - height * (0.45 - tier * 0.22);
            double half = width / 2 * (0.6 + tier * 0.2);
            Path2D triangle = new Path2D.Double();
            triangle.moveTo(x, top);
            triangle.lineTo(x + half, bottom);
            triangle.lineTo(x - half, bottom);
            triangle.closePath();
            g.fill(triangle);
        }
        g.fill(new Rectangle2D.Double(x - width * 0.05, base - height * 0.25, width * 0.1, height * 0.26));
    }

    static void fields(Scene s) {
        Graphics2D g = s.g();
        float skyHue = s.between(0.55f, 0.6f);
        vertical(g, 0, 0, s.w(), s.h() * 0.6, hsb(skyHue, 0.5f, 0.85f), hsb(skyHue, 0.15f, 0.98f));
        for (int c = 0; c < 4; c++) {
            cloud(s, s.w() * s.between(0.0, 0.95), s.h() * s.between(0.08, 0.3), s.w() * s.between(0.08, 0.16));
        }
        Color[] crops = {
            hsb(0.25f, 0.5f, 0.6f),
            hsb(0.13f, 0.6f, 0.9f),
            hsb(0.3f, 0.55f, 0.5f),
            hsb(0.1f, 0.45f, 0.75f),
            hsb(0.22f, 0.45f, 0.7f)
        };
        int hills = 5;
        for (int k = 0; k < hills; k++) {
            float t = k / (float) (hills - 1);
            double base = s.h() * (0.42 + 0.12 * k);
            double amplitude = s.h() * s.between(0.03, 0.08);
            double wavelength = s.w() * s.between(0.6, 1.4);
            double phase = s.between(0, Math.PI * 2);
            Path2D hill = new Path2D.Double();
            hill.moveTo(0, s.h());
            double[] tops = new double[65];
            for (int i = 0; i <= 64; i++) {
                double x = s.w() * i / 64;
                tops[i] = base - amplitude * Math.sin(2 * Math.PI * x / wavelength + phase);
                hill.lineTo(x, tops[i]);
            }
            hill.lineTo(s.w(), s.h());
            hill.closePath();
            Color crop = blend(crops[s.r().nextInt(crops.length)], hsb(skyHue, 0.2f, 0.85f), 0.45f * (1 - t));
            g.setPaint(new GradientPaint(
                    0,
                    (float) (base - amplitude),
                    blend(crop, Color.WHITE, 0.1f),
                    0,
                    (float) s.h(),
                    blend(crop, Color.BLACK, 0.2f)));
            g.fill(hill);
            Shape clip = g.getClip();
            g.clip(hill);
            g.setStroke(new BasicStroke((float) (s.u() * (1 + 2 * t))));
            g.setColor(withAlpha(blend(crop, Color.BLACK, 0.4f), 50));
            for (int row = 1; row < 12; row++) {
                Path2D furrow = new Path2D.Double();
                for (int i = 0; i <= 64; i++) {
                    double y = tops[i] + row * row * s.h() * 0.0025 * (1 + t);
                    if (i == 0) {
                        furrow.moveTo(0, y);
                    } else {
                        furrow.lineTo(s.w() * i / 64, y);
                    }
                }
                g.draw(furrow);
            }
            g.setClip(clip);
            g.setColor(blend(hsb(0.3f, 0.5f, 0.3f), hsb(skyHue, 0.2f, 0.85f), 0.5f * (1 - t)));
            for (int i = 0; i <= 64; i++) {
                g.fill(circle(s.w() * i / 64, tops[i], s.u() * (3 + 5 * t) * s.between(0.8, 1.3)));
            }
        }
        double treeX = s.w() * s.between(0.15, 0.85);
        double treeBase = s.h() * s.between(0.62, 0.7);
        double size = s.h() * 0.09;
        g.setColor(hsb(0.08f, 0.5f, 0.25f));
        g.fill(new Rectangle2D.Double(treeX - size * 0.08, treeBase - size * 1.1, size * 0.16, size * 1.1));
        g.setColor(hsb(0.3f, 0.55f, 0.3f));
        for (int i = 0; i < 7; i++) {
            g.fill(circle(
                    treeX + s.between(-0.5, 0.5) * size,
                    treeBase - size * 1.4 + s.between(-0.35, 0.3) * size,
                    size * s.between(0.35, 0.55)));
        }
    }

    static void nightSky(Scene s) {
        Graphics2D g = s.g();
        float hue = s.between(0.62f, 0.74f);
        vertical(g, 0, 0, s.w(), s.h(), hsb(hue, 0.7f, 0.06f), hsb(hue + 0.06f, 0.55f, 0.25f));
        for (int i = 0; i < 5; i++) {
            Color nebula = hsb(s.between(0.5f, 0.95f), 0.6f, 0.8f);
            glow(g, s.between(0, s.w()), s.between(0, s.h()), s.h() * s.between(0.2, 0.5), withAlpha(nebula, (int)
                    s.between(30, 70)));
        }
        for (int i = 0; i < 700; i++) {
            double size = s.u() * Math.pow(s.r().nextDouble(), 6) * 3 + 0.6 * s.u();
            g.setColor(withAlpha(Color.WHITE, (int) s.between(80, 255)));
            g.fill(circle(s.between(0, s.w()), s.between(0, s.h()), size));
        }
        g.setStroke(new BasicStroke((float) s.u()));
        for (int i = 0; i < 12; i++) {
            double x = s.between(0, s.w());
            double y = s.between(0, s.h() * 0.7);
            double size = s.u() * s.between(6, 14);
            glow(g, x, y, size * 2.5, withAlpha(Color.WHITE, 120));
            g.setColor(withAlpha(Color.WHITE, 160));
            g.draw(new Line2D.Double(x - size, y, x + size, y));
            g.draw(new Line2D.Double(x, y - size, x, y + size));
        }
        double px = s.w() * (s.chance(0.5) ? s.between(0.18, 0.32) : s.between(0.68, 0.82));
        double py = s.h() * s.between(0.3, 0.5);
        double radius = s.h() * s.between(0.16, 0.26);
        float planetHue = s.r().nextFloat();
        double tilt = s.between(-0.5, 0.5);
        boolean ringed = s.chance(0.6);
        Shape ring = new Ellipse2D.Double(px - radius * 1.9, py - radius * 0.42, radius * 3.8, radius * 0.84);
        Color ringColour = withAlpha(hsb(planetHue + 0.05f, 0.3f, 0.9f), 170);
        if (ringed) {
            Graphics2D back = (Graphics2D) g.create();
            back.rotate(tilt, px, py);
            back.clip(new Rectangle2D.Double(px - radius * 2, py - radius, radius * 4, radius));
            back.setColor(ringColour);
            back.setStroke(new BasicStroke((float) (radius * 0.1)));
            back.draw(ring);
            back.dispose();
        }
        g.setPaint(new RadialGradientPaint(
                new Point2D.Double(px, py),
                (float) radius,
                new Point2D.Double(px - radius * 0.45, py - radius * 0.45),
                new float[] {0f, 0.7f, 1f},
                new Color[] {hsb(planetHue, 0.35f, 0.95f), hsb(planetHue, 0.6f, 0.45f), hsb(planetHue, 0.7f, 0.12f)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(circle(px, py, radius));
        if (ringed) {
            Graphics2D front = (Graphics2D) g.create();
            front.rotate(tilt, px, py);
            front.clip(new Rectangle2D.Double(px - radius * 2, py, radius * 4, radius));
            front.setColor(ringColour);
            front.setStroke(new BasicStroke((float) (radius * 0.1)));
            front.draw(ring);
            front.dispose();
        }
        if (s.chance(0.6)) {
            double hillTop = s.h() * 0.84;
            g.setColor(hsb(hue, 0.6f, 0.05f));
            Path2D hill = new Path2D.Double();
            hill.moveTo(0, s.h());
            hill.lineTo(0, hillTop + s.h() * 0.05);
            hill.quadTo(s.w() * 0.35, hillTop - s.h() * 0.06, s.w() * 0.7, hillTop + s.h() * 0.02);
            hill.quadTo(s.w() * 0.85, hillTop + s.h() * 0.06, s.w(), hillTop + s.h() * 0.03);
            hill.lineTo(s.w(), s.h());
            hill.closePath();
            g.fill(hill);
            double domeX = s.w() * s.between(0.25, 0.5);
            double domeR = s.h() * 0.05;
            double domeY = hillTop - s.h() * 0.01;
            g.fill(new Rectangle2D.Double(domeX - domeR, domeY, domeR * 2, domeR * 0.9));
            g.fill(new Arc2D.Double(domeX - domeR, domeY - domeR, domeR * 2, domeR * 2, 0, 180, Arc2D.CHORD));
            g.setColor(withAlpha(new Color(255, 230, 170), 200));
            g.fill(new Rectangle2D.Double(domeX - domeR * 0.12, domeY - domeR * 0.95, domeR * 0.24, domeR * 0.8));
        }
    }
}
