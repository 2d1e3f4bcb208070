package org.masthead.demo.internal;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the demo illustrations and author portraits, so that the project ships no third-party pictures and
 * every demo article still has a distinct main image.
 *
 * <p>Each picture is seeded from a slug: the same slug always gives the same picture, and different slugs
 * with the same theme give different ones. Pictures hold no text, because fonts are the one part of Java2D
 * that a slim server image may lack.
 */
final class DemoImages {

    static {
        // Spring Boot sets this already; a plain test JVM does not, and Java2D needs it before first use.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final float JPEG_QUALITY = 0.92f;

    private DemoImages() {}

    /** An illustration encoded as JPEG. */
    static byte[] illustration(Theme theme, String seed, int width, int height) {
        return jpeg(drawIllustration(theme, seed, width, height));
    }

    /** A square, faceless head-and-shoulders portrait encoded as JPEG. */
    static byte[] portrait(String seed, int size) {
        return jpeg(drawPortrait(seed, size));
    }

    static BufferedImage drawIllustration(Theme theme, String seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            prepare(g);
            Scene scene = new Scene(g, width, height, new Random(hash(theme.key() + ":" + seed)));
            switch (theme) {
                case SKYLINE -> skyline(scene);
                case SEA -> sea(scene);
                case MOUNTAINS -> mountains(scene);
                case PITCH -> pitch(scene);
                case CHART -> chart(scene);
                case COLUMNS -> columns(scene);
                case ABSTRACT -> abstractShapes(scene);
                case MAP -> map(scene);
                case FOREST -> forest(scene);
                case FIELDS -> fields(scene);
                case CIRCUIT -> circuit(scene);
                case NIGHT_SKY -> nightSky(scene);
                case TERRACE -> terrace(scene);
                case RAILWAY -> railway(scene);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    static BufferedImage drawPortrait(String seed, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            prepare(g);
            portrait(new Scene(g, size, size, new Random(hash("portrait:" + seed))));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** What every drawing needs: the canvas, its size, a unit for strokes, and the seeded randomness. */
    private record Scene(Graphics2D g, double w, double h, Random r) {

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
    }

    // ---------------------------------------------------------------- themes

    private static void skyline(Scene s) {
        Graphics2D g = s.g();
        double horizon = s.h() * s.between(0.66, 0.74);
        float hue = s.between(0.60f, 0.70f);
        Color zenith = hsb(hue, 0.60f, 0.22f);
        Color dusk = hsb(s.between(0.02f, 0.09f), 0.65f, 0.96f);
        vertical(g, 0, 0, s.w(), horizon, zenith, dusk);
        double sunX = s.w() * s.between(0.2, 0.8);
        double sunY = horizon - s.h() * s.between(0.04, 0.14);
        glow(g, sunX, sunY, s.h() * 0.7, withAlpha(hsb(0.08f, 0.7f, 1f), 150));
        g.setColor(hsb(0.1f, 0.35f, 1f));
        g.fill(circle(sunX, sunY, s.h() * 0.06));
        for (int i = 0; i < 5; i++) {
            g.setColor(withAlpha(hsb(hue + 0.3f, 0.3f, 0.9f), 40));
            double y = s.h() * s.between(0.12, 0.5);
            g.fill(new RoundRectangle2D.Double(
                    s.between(-0.1, 0.8) * s.w(), y, s.w() * s.between(0.2, 0.5), s.h() * 0.02, 20, 20));
        }
        for (int layer = 0; layer < 3; layer++) {
            float t = layer / 2f;
            Color building = blend(blend(zenith, dusk, 0.45f), hsb(hue, 0.5f, 0.08f), 0.35f + 0.65f * t);
            double x = -s.between(0, 40) * s.u();
            while (x < s.w()) {
                double bw = s.w() * s.between(0.03, 0.075);
                double bh = s.h() * s.between(0.1, 0.3) * (1.4 - 0.35 * layer);
                g.setColor(building);
                g.fill(new Rectangle2D.Double(x, horizon - bh, bw, bh + 1));
                if (s.chance(0.25)) {
                    double inset = bw * 0.2;
                    double crown = bh * s.between(0.08, 0.2);
                    g.fill(new Rectangle2D.Double(x + inset, horizon - bh - crown, bw - 2 * inset, crown + 1));
                    if (s.chance(0.5)) {
                        g.setStroke(new BasicStroke((float) (2 * s.u())));
                        g.draw(new Line2D.Double(
                                x + bw / 2, horizon - bh - crown, x + bw / 2, horizon - bh - crown * 3));
                    }
                }
                if (layer == 2) {
                    windows(s, x, horizon - bh, bw, bh);
                }
                x += bw + s.w() * s.between(0, 0.012);
            }
        }
        vertical(g, 0, horizon, s.w(), s.h() - horizon, blend(dusk, zenith, 0.55f), hsb(hue, 0.55f, 0.1f));
        g.setStroke(new BasicStroke((float) (2 * s.u())));
        for (int i = 0; i < 40; i++) {
            double y = horizon + (s.h() - horizon) * Math.pow(s.r().nextDouble(), 1.5);
            double half = s.w() * s.between(0.01, 0.06) * (1 + (y - horizon) / (s.h() - horizon));
            g.setColor(withAlpha(hsb(0.1f, 0.5f, 1f), (int) s.between(40, 140)));
            double cx = sunX + s.between(-0.03, 0.03) * s.w();
            g.draw(new Line2D.Double(cx - half, y, cx + half, y));
        }
    }

    private static void windows(Scene s, double x, double top, double width, double height) {
        double pane = 6 * s.u();
        double gap = 7 * s.u();
        Color lit = hsb(0.12f, 0.55f, 1f);
        for (double y = top + gap; y < top + height - gap; y += pane + gap) {
            for (double wx = x + gap; wx < x + width - pane - gap / 2; wx += pane + gap) {
                if (s.chance(0.28)) {
                    s.g().setColor(withAlpha(lit, (int) s.between(120, 230)));
                    s.g().fill(new Rectangle2D.Double(wx, y, pane, pane * 1.4));
                }
            }
        }
    }

    private static void sea(Scene s) {
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

    private static void mountains(Scene s) {
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

    private static void pitch(Scene s) {
        Graphics2D g = s.g();
        float hue = s.between(0.6f, 0.7f);
        vertical(g, 0, 0, s.w(), s.h(), hsb(hue, 0.55f, 0.1f), hsb(hue, 0.45f, 0.3f));
        double horizonY = s.h() * 0.12;
        double focal = s.h() * 0.9;
        double camHeight = 18;
        double camDistance = 20;
        double camX = s.between(-18.0, 18.0);
        Projection p = (x, y, z) -> new Point2D.Double(
                s.w() / 2 + focal * (x - camX) / (camDistance + z),
                horizonY + focal * (camHeight - y) / (camDistance + z));
        double standTop = p.at(0, 16, 80).getY();
        double standBottom = p.at(0, 0, 71).getY();
        Color[] crowd = {
            hsb(s.r().nextFloat(), 0.7f, 0.8f), hsb(s.r().nextFloat(), 0.6f, 0.85f), new Color(235, 235, 235)
        };
        g.setColor(hsb(hue, 0.3f, 0.16f));
        g.fill(new Rectangle2D.Double(0, standTop, s.w(), standBottom - standTop));
        for (int i = 0; i < 4500; i++) {
            double y = s.between(standTop + 4 * s.u(), standBottom - 2 * s.u());
            Color c = crowd[s.r().nextInt(crowd.length)];
            g.setColor(withAlpha(c, (int) s.between(60, 200)));
            g.fill(circle(s.between(0, s.w()), y, s.u() * s.between(1.2, 2.4)));
        }
        for (double side : new double[] {0.06, 0.94}) {
            double x = s.w() * side;
            glow(g, x, standTop - s.h() * 0.04, s.h() * 0.45, withAlpha(new Color(255, 250, 225), 110));
            g.setColor(new Color(250, 250, 235));
            g.fill(new Rectangle2D.Double(x - 30 * s.u(), standTop - s.h() * 0.06, 60 * s.u(), 12 * s.u()));
        }
        float grass = s.between(0.27f, 0.33f);
        Color light = hsb(grass, 0.6f, 0.62f);
        Color dark = hsb(grass, 0.65f, 0.5f);
        for (int i = -2; i < 16; i++) {
            double x0 = -52.5 + i * 7.5 - 3;
            double[][] quad = {{x0, -3}, {x0 + 7.5, -3}, {x0 + 7.5, 71}, {x0, 71}};
            g.setColor(i % 2 == 0 ? light : dark);
            g.fill(polygon(p, quad));
        }
        g.setPaint(new GradientPaint(
                0, (float) standBottom, withAlpha(Color.BLACK, 90), 0, (float) s.h(), withAlpha(Color.BLACK, 0)));
        g.fill(new Rectangle2D.Double(0, standBottom, s.w(), s.h() - standBottom));
        g.setColor(withAlpha(Color.WHITE, 225));
        g.setStroke(new BasicStroke((float) (2.5 * s.u()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(polyline(p, new double[][] {{-52.5, 0}, {52.5, 0}, {52.5, 68}, {-52.5, 68}, {-52.5, 0}}));
        g.draw(polyline(p, new double[][] {{0, 0}, {0, 68}}));
        g.draw(ellipse(p, 0, 34, 9.15));
        for (int side : new int[] {-1, 1}) {
            double line = 52.5 * side;
            double box = line - 16.5 * side;
            double six = line - 5.5 * side;
            g.draw(polyline(p, new double[][] {{line, 13.84}, {box, 13.84}, {box, 54.16}, {line, 54.16}}));
            g.draw(polyline(p, new double[][] {{line, 24.84}, {six, 24.84}, {six, 43.16}, {line, 43.16}}));
            Point2D post1 = p.at(line, 0, 30.34);
            Point2D post2 = p.at(line, 0, 37.66);
            Point2D top1 = p.at(line, 2.44, 30.34);
            Point2D top2 = p.at(line, 2.44, 37.66);
            g.draw(new Line2D.Double(post1, top1));
            g.draw(new Line2D.Double(top1, top2));
            g.draw(new Line2D.Double(top2, post2));
        }
        g.fill(circle(p.at(0, 0, 34).getX(), p.at(0, 0, 34).getY(), 3 * s.u()));
        Point2D ball = p.at(s.between(-30.0, 30.0), 0, s.between(10.0, 50.0));
        g.setColor(withAlpha(Color.BLACK, 80));
        g.fill(new Ellipse2D.Double(ball.getX() - 5 * s.u(), ball.getY() - 1 * s.u(), 12 * s.u(), 4 * s.u()));
        g.setColor(Color.WHITE);
        g.fill(circle(ball.getX(), ball.getY() - 5 * s.u(), 5 * s.u()));
    }

    /** Where a point on or above a football pitch, in metres, appears on the picture. */
    @FunctionalInterface
    private interface Projection {
        Point2D at(double x, double y, double z);
    }

    private static Path2D polygon(Projection p, double[][] groundPoints) {
        Path2D path = polyline(p, groundPoints);
        path.closePath();
        return path;
    }

    private static Path2D polyline(Projection p, double[][] groundPoints) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < groundPoints.length; i++) {
            Point2D point = p.at(groundPoints[i][0], 0, groundPoints[i][1]);
            if (i == 0) {
                path.moveTo(point.getX(), point.getY());
            } else {
                path.lineTo(point.getX(), point.getY());
            }
        }
        return path;
    }

    private static Path2D ellipse(Projection p, double cx, double cz, double radius) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i <= 72; i++) {
            double a = Math.PI * 2 * i / 72;
            Point2D point = p.at(cx + radius * Math.cos(a), 0, cz + radius * Math.sin(a));
            if (i == 0) {
                path.moveTo(point.getX(), point.getY());
            } else {
                path.lineTo(point.getX(), point.getY());
            }
        }
        return path;
    }

    private static void chart(Scene s) {
        Graphics2D g = s.g();
        boolean dark = s.chance(0.5);
        float hue = s.r().nextFloat();
        Color background = dark ? hsb(s.between(0.58f, 0.68f), 0.5f, 0.16f) : hsb(0.11f, 0.08f, 0.96f);
        Color ink = dark ? new Color(255, 255, 255) : new Color(30, 35, 45);
        vertical(g, 0, 0, s.w(), s.h(), background, blend(background, ink, 0.06f));
        double left = s.w() * 0.08;
        double right = s.w() * 0.94;
        double top = s.h() * 0.1;
        double base = s.h() * 0.86;
        g.setStroke(new BasicStroke((float) s.u()));
        g.setColor(withAlpha(ink, 30));
        for (int i = 0; i <= 6; i++) {
            double y = base - (base - top) * i / 6;
            g.draw(new Line2D.Double(left, y, right, y));
        }
        int bars = 8 + s.r().nextInt(8);
        double slot = (right - left) / bars;
        double value = s.between(0.3, 0.6);
        Color first = hsb(hue, 0.65f, dark ? 0.9f : 0.7f);
        Color second = hsb(hue + 0.45f, 0.55f, dark ? 0.95f : 0.8f);
        boolean paired = s.chance(0.5);
        double[] line = new double[bars];
        for (int i = 0; i < bars; i++) {
            value = Math.clamp(value + s.between(-0.18, 0.2), 0.12, 0.95);
            double x = left + slot * i + slot * 0.18;
            double barWidth = slot * (paired ? 0.32 : 0.64);
            double height = (base - top) * value;
            g.setPaint(new GradientPaint(
                    0, (float) (base - height), first, 0, (float) base, blend(first, background, 0.35f)));
            g.fill(new Rectangle2D.Double(x, base - height, barWidth, height));
            if (paired) {
                double other = (base - top) * Math.clamp(value + s.between(-0.25, 0.1), 0.08, 0.95);
                g.setPaint(new GradientPaint(
                        0, (float) (base - other), second, 0, (float) base, blend(second, background, 0.35f)));
                g.fill(new Rectangle2D.Double(x + barWidth + slot * 0.04, base - other, barWidth, other));
            }
            line[i] = Math.clamp(0.2 + value * 0.7 + s.between(-0.05, 0.1), 0.1, 0.95);
        }
        Path2D trend = new Path2D.Double();
        Path2D area = new Path2D.Double();
        area.moveTo(left + slot / 2, base);
        for (int i = 0; i < bars; i++) {
            double x = left + slot * (i + 0.5);
            double y = base - (base - top) * line[i];
            if (i == 0) {
                trend.moveTo(x, y);
            } else {
                double px = left + slot * (i - 0.5);
                double py = base - (base - top) * line[i - 1];
                trend.curveTo((px + x) / 2, py, (px + x) / 2, y, x, y);
            }
            area.lineTo(x, y);
        }
        area.lineTo(left + slot * (bars - 0.5), base);
        area.closePath();
        Color accent = hsb(hue + 0.12f, 0.8f, dark ? 1f : 0.85f);
        g.setColor(withAlpha(accent, 40));
        g.fill(area);
        g.setColor(accent);
        g.setStroke(new BasicStroke((float) (4 * s.u()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(trend);
        for (int i = 0; i < bars; i++) {
            double x = left + slot * (i + 0.5);
            double y = base - (base - top) * line[i];
            g.setColor(background);
            g.fill(circle(x, y, 8 * s.u()));
            g.setColor(accent);
            g.setStroke(new BasicStroke((float) (3 * s.u())));
            g.draw(circle(x, y, 8 * s.u()));
        }
        g.setColor(withAlpha(ink, 160));
        g.setStroke(new BasicStroke((float) (2 * s.u())));
        g.draw(new Line2D.Double(left, base, right, base));
        g.draw(new Line2D.Double(left, top, left, base));
    }

    private static void columns(Scene s) {
        Graphics2D g = s.g();
        float skyHue = s.between(0.55f, 0.62f);
        boolean evening = s.chance(0.4);
        Color skyTop = evening ? hsb(0.7f, 0.45f, 0.35f) : hsb(skyHue, 0.45f, 0.75f);
        Color skyLow = evening ? hsb(0.06f, 0.5f, 0.95f) : hsb(skyHue, 0.15f, 0.95f);
        vertical(g, 0, 0, s.w(), s.h(), skyTop, skyLow);
        Color stone = hsb(s.between(0.08f, 0.12f), s.between(0.1f, 0.22f), evening ? 0.78f : 0.9f);
        Color shade = blend(stone, new Color(40, 40, 60), 0.45f);
        int count = s.chance(0.5) ? 6 : 8;
        double width = s.w() * s.between(0.72, 0.9);
        double left = (s.w() - width) / 2 + s.w() * s.between(-0.04, 0.04);
        double ground = s.h() * 0.9;
        double steps = s.h() * 0.07;
        double columnTop = s.h() * s.between(0.34, 0.4);
        double entablature = s.h() * 0.09;
        double pedimentTop = columnTop - entablature - s.h() * s.between(0.14, 0.2);
        g.setColor(blend(stone, skyLow, 0.3f));
        g.fill(new Rectangle2D.Double(0, ground, s.w(), s.h() - ground));
        for (int i = 0; i < 4; i++) {
            double inset = i * s.w() * 0.012;
            double y = ground - (i + 1) * steps / 4;
            g.setColor(blend(stone, shade, 0.15f * (3 - i) / 3f));
            g.fill(new Rectangle2D.Double(
                    left - s.w() * 0.04 + inset, y, width + s.w() * 0.08 - 2 * inset, steps / 4 + 1));
            g.setColor(withAlpha(shade, 90));
            g.fill(new Rectangle2D.Double(
                    left - s.w() * 0.04 + inset,
                    y + steps / 4 - 2 * s.u(),
                    width + s.w() * 0.08 - 2 * inset,
                    2 * s.u()));
        }
        double floor = ground - steps;
        g.setPaint(new GradientPaint(0, (float) columnTop, shade, 0, (float) floor, blend(shade, Color.BLACK, 0.3f)));
        g.fill(new Rectangle2D.Double(left + width * 0.03, columnTop, width * 0.94, floor - columnTop));
        double slot = width / count;
        double shaft = slot * 0.5;
        for (int i = 0; i < count; i++) {
            double cx = left + slot * (i + 0.5);
            double x = cx - shaft / 2;
            g.setPaint(new GradientPaint(
                    (float) x, 0, blend(stone, Color.WHITE, 0.25f), (float) (x + shaft), 0, blend(stone, shade, 0.7f)));
            g.fill(new Rectangle2D.Double(
                    x, columnTop + entablature * 0.3, shaft, floor - columnTop - entablature * 0.3));
            g.setStroke(new BasicStroke((float) (1.5 * s.u())));
            g.setColor(withAlpha(shade, 80));
            for (int f = 1; f < 6; f++) {
                double fx = x + shaft * f / 6;
                g.draw(new Line2D.Double(fx, columnTop + entablature * 0.45, fx, floor - steps * 0.2));
            }
            g.setColor(stone);
            g.fill(new Rectangle2D.Double(
                    x - shaft * 0.18, columnTop + entablature * 0.12, shaft * 1.36, entablature * 0.2));
            g.fill(new Rectangle2D.Double(x - shaft * 0.12, floor - steps * 0.18, shaft * 1.24, steps * 0.18));
        }
        g.setColor(stone);
        g.fill(new Rectangle2D.Double(left, columnTop - entablature, width, entablature * 1.15));
        g.setColor(withAlpha(shade, 110));
        g.fill(new Rectangle2D.Double(left, columnTop - entablature * 0.55, width, entablature * 0.08));
        for (double x = left + slot * 0.1; x < left + width - slot * 0.1; x += slot / 3) {
            g.fill(new Rectangle2D.Double(x, columnTop - entablature * 0.42, slot * 0.08, entablature * 0.34));
        }
        Path2D pediment = new Path2D.Double();
        pediment.moveTo(left - s.w() * 0.01, columnTop - entablature);
        pediment.lineTo(left + width / 2, pedimentTop);
        pediment.lineTo(left + width + s.w() * 0.01, columnTop - entablature);
        pediment.closePath();
        g.setColor(stone);
        g.fill(pediment);
        Path2D tympanum = new Path2D.Double();
        double inset = entablature * 0.3;
        tympanum.moveTo(left + inset * 3, columnTop - entablature - inset * 0.5);
        tympanum.lineTo(left + width / 2, pedimentTop + inset * 1.2);
        tympanum.lineTo(left + width - inset * 3, columnTop - entablature - inset * 0.5);
        tympanum.closePath();
        g.setPaint(new GradientPaint(
                0, (float) pedimentTop, blend(stone, shade, 0.2f), 0, (float) columnTop, blend(stone, shade, 0.55f)));
        g.fill(tympanum);
        if (s.chance(0.7)) {
            double poleX = left + width / 2;
            g.setColor(withAlpha(shade, 255));
            g.setStroke(new BasicStroke((float) (3 * s.u())));
            g.draw(new Line2D.Double(poleX, pedimentTop, poleX, pedimentTop - s.h() * 0.16));
            Path2D flag = new Path2D.Double();
            double fy = pedimentTop - s.h() * 0.16;
            flag.moveTo(poleX, fy);
            flag.curveTo(
                    poleX + 40 * s.u(),
                    fy - 8 * s.u(),
                    poleX + 60 * s.u(),
                    fy + 10 * s.u(),
                    poleX + 95 * s.u(),
                    fy + 2 * s.u());
            flag.lineTo(poleX + 95 * s.u(), fy + 52 * s.u());
            flag.curveTo(
                    poleX + 60 * s.u(), fy + 60 * s.u(), poleX + 40 * s.u(), fy + 42 * s.u(), poleX, fy + 50 * s.u());
            flag.closePath();
            g.setColor(hsb(s.r().nextFloat(), 0.65f, 0.7f));
            g.fill(flag);
        }
    }

    private static final Color[][] PALETTES = {
        {rgb(0xE63946), rgb(0xF1C453), rgb(0x1D3557), rgb(0x457B9D), rgb(0xF4A261)},
        {rgb(0x264653), rgb(0x2A9D8F), rgb(0xE9C46A), rgb(0xF4A261), rgb(0xE76F51)},
        {rgb(0x3D348B), rgb(0x7678ED), rgb(0xF7B801), rgb(0xF18701), rgb(0xF35B04)},
        {rgb(0x0B3954), rgb(0x087E8B), rgb(0xBFD7EA), rgb(0xFF5A5F), rgb(0xC81D25)},
        {rgb(0x2B2D42), rgb(0x8D99AE), rgb(0xEDF2F4), rgb(0xEF233C), rgb(0xD90429)},
        {rgb(0x606C38), rgb(0x283618), rgb(0xDDA15E), rgb(0xBC6C25), rgb(0xFEFAE0)},
    };

    private static void abstractShapes(Scene s) {
        Graphics2D g = s.g();
        Color[] palette = PALETTES[s.r().nextInt(PALETTES.length)];
        Color paper = s.chance(0.6) ? hsb(0.11f, 0.1f, 0.95f) : blend(palette[0], Color.BLACK, 0.3f);
        vertical(g, 0, 0, s.w(), s.h(), paper, blend(paper, Color.GRAY, 0.08f));
        int shapes = 14 + s.r().nextInt(8);
        for (int i = 0; i < shapes; i++) {
            Color colour = palette[s.r().nextInt(palette.length)];
            if (colour.equals(paper)) {
                continue;
            }
            g.setColor(withAlpha(colour, (int) s.between(180, 245)));
            double x = s.between(-0.05, 0.95) * s.w();
            double y = s.between(-0.05, 0.95) * s.h();
            double size = s.h() * s.between(0.1, 0.5);
            switch (s.r().nextInt(6)) {
                case 0 -> g.fill(circle(x, y, size / 2));
                case 1 ->
                    g.fill(new Arc2D.Double(
                            x - size / 2, y - size / 2, size, size, 90 * s.r().nextInt(4), 180, Arc2D.CHORD));
                case 2 -> {
                    Graphics2D turned = (Graphics2D) g.create();
                    turned.rotate(s.between(-0.6, 0.6), x, y);
                    turned.fill(new Rectangle2D.Double(x - size / 2, y - size / 6, size, size / 3));
                    turned.dispose();
                }
                case 3 -> {
                    g.setStroke(new BasicStroke(
                            (float) (s.u() * s.between(8, 22)), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                    g.draw(new Arc2D.Double(
                            x - size / 2, y - size / 2, size, size, s.between(0, 360), s.between(90, 270), Arc2D.OPEN));
                }
                case 4 -> {
                    Path2D triangle = new Path2D.Double();
                    triangle.moveTo(x, y - size / 2);
                    triangle.lineTo(x + size / 2, y + size / 2);
                    triangle.lineTo(x - size / 2, y + size / 2);
                    triangle.closePath();
                    g.fill(triangle);
                }
                default -> {
                    double dot = size / 14;
                    for (int row = 0; row < 5; row++) {
                        for (int col = 0; col < 5; col++) {
                            g.fill(circle(x + col * dot * 2.6, y + row * dot * 2.6, dot / 2));
                        }
                    }
                }
            }
        }
        g.setStroke(new BasicStroke((float) (1.2 * s.u())));
        g.setColor(withAlpha(palette[s.r().nextInt(palette.length)], 120));
        double hatchX = s.between(0.1, 0.7) * s.w();
        for (int i = 0; i < 30; i++) {
            double x = hatchX + i * 9 * s.u();
            g.draw(new Line2D.Double(x, s.h() * 0.55, x + s.h() * 0.3, s.h() * 0.25));
        }
    }

    private static void map(Scene s) {
        Graphics2D g = s.g();
        float seaHue = s.between(0.5f, 0.56f);
        Color sea = hsb(seaHue, 0.25f, 0.88f);
        vertical(g, 0, 0, s.w(), s.h(), sea, hsb(seaHue, 0.3f, 0.8f));
        g.setStroke(new BasicStroke((float) s.u()));
        g.setColor(withAlpha(hsb(seaHue, 0.5f, 0.4f), 45));
        for (double x = s.w() / 12; x < s.w(); x += s.w() / 12) {
            g.draw(new Line2D.Double(x, 0, x, s.h()));
        }
        for (double y = s.h() / 7; y < s.h(); y += s.h() / 7) {
            g.draw(new Line2D.Double(0, y, s.w(), y));
        }
        Color land = hsb(s.between(0.1f, 0.15f), 0.22f, 0.93f);
        Color contour = hsb(0.08f, 0.45f, 0.55f);
        int islands = 1 + s.r().nextInt(2);
        Point2D[] towns = new Point2D[0];
        for (int i = 0; i < islands; i++) {
            double cx = s.w()
                    * (islands == 1 ? s.between(0.4, 0.6) : (i == 0 ? s.between(0.25, 0.35) : s.between(0.68, 0.8)));
            double cy = s.h() * s.between(0.4, 0.6);
            double radius = s.h() * (islands == 1 ? s.between(0.38, 0.46) : s.between(0.24, 0.32));
            double[] amplitudes = {
                s.between(0.08, 0.2), s.between(0.05, 0.12), s.between(0.03, 0.08), s.between(0.01, 0.04)
            };
            double[] phases = {s.between(0, 6.3), s.between(0, 6.3), s.between(0, 6.3), s.between(0, 6.3)};
            for (int ring = 3; ring >= 1; ring--) {
                g.setColor(withAlpha(hsb(seaHue, 0.4f, 0.55f), 35));
                g.setStroke(new BasicStroke((float) (1.2 * s.u())));
                g.draw(blob(cx, cy, radius * (1 + 0.09 * ring), 1.6, amplitudes, phases));
            }
            Path2D coast = blob(cx, cy, radius, 1.6, amplitudes, phases);
            g.setColor(land);
            g.fill(coast);
            for (int ring = 1; ring <= 4; ring++) {
                g.setColor(withAlpha(contour, 50 + 20 * ring));
                g.setStroke(new BasicStroke((float) (1.3 * s.u())));
                double shrink = 1 - 0.18 * ring;
                g.draw(blob(
                        cx + ring * s.between(-8.0, 8.0) * s.u(),
                        cy + ring * s.between(-6.0, 6.0) * s.u(),
                        radius * shrink,
                        1.6,
                        amplitudes,
                        new double[] {phases[0] + ring * 0.2, phases[1], phases[2] - ring * 0.3, phases[3]}));
            }
            g.setColor(hsb(seaHue, 0.55f, 0.45f));
            g.setStroke(new BasicStroke((float) (2.2 * s.u())));
            g.draw(coast);
            g.setStroke(new BasicStroke((float) (2 * s.u()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int river = 0; river < 2; river++) {
                double angle = s.between(0, Math.PI * 2);
                Path2D path = new Path2D.Double();
                path.moveTo(cx + Math.cos(angle) * radius * 0.2, cy + Math.sin(angle) * radius * 0.2);
                double mx = cx + Math.cos(angle + 0.4) * radius * 0.6;
                double my = cy + Math.sin(angle + 0.4) * radius * 0.6;
                path.quadTo(mx, my, cx + Math.cos(angle) * radius * 0.95, cy + Math.sin(angle) * radius * 0.95);
                g.draw(path);
            }
            Point2D[] more = new Point2D[3];
            for (int t = 0; t < more.length; t++) {
                double angle = s.between(0, Math.PI * 2);
                double distance = radius * s.between(0.1, 0.6);
                more[t] = new Point2D.Double(cx + Math.cos(angle) * distance, cy + Math.sin(angle) * distance);
            }
            Point2D[] joined = new Point2D[towns.length + more.length];
            System.arraycopy(towns, 0, joined, 0, towns.length);
            System.arraycopy(more, 0, joined, towns.length, more.length);
            towns = joined;
        }
        Color route = hsb(s.between(0.95f, 1.0f), 0.8f, 0.8f);
        g.setColor(route);
        g.setStroke(new BasicStroke(
                (float) (3 * s.u()),
                BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND,
                10f,
                new float[] {(float) (12 * s.u()), (float) (9 * s.u())},
                0f));
        Path2D path = new Path2D.Double();
        for (int i = 0; i < towns.length; i++) {
            if (i == 0) {
                path.moveTo(towns[i].getX(), towns[i].getY());
            } else {
                Point2D previous = towns[i - 1];
                path.quadTo(
                        (previous.getX() + towns[i].getX()) / 2,
                        Math.min(previous.getY(), towns[i].getY()) - 40 * s.u(),
                        towns[i].getX(),
                        towns[i].getY());
            }
        }
        g.draw(path);
        for (Point2D town : towns) {
            g.setColor(Color.WHITE);
            g.fill(circle(town.getX(), town.getY(), 9 * s.u()));
            g.setColor(route);
            g.fill(circle(town.getX(), town.getY(), 5.5 * s.u()));
        }
        compass(g, s.w() * 0.9, s.h() * 0.16, 46 * s.u(), hsb(seaHue, 0.5f, 0.35f));
    }

    private static Path2D blob(
            double cx, double cy, double radius, double stretch, double[] amplitudes, double[] phases) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i <= 180; i++) {
            double a = Math.PI * 2 * i / 180;
            double r = 1;
            for (int k = 0; k < amplitudes.length; k++) {
                r += amplitudes[k] * Math.sin((k + 2) * a + phases[k]);
            }
            double x = cx + Math.cos(a) * radius * r * stretch;
            double y = cy + Math.sin(a) * radius * r;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private static void compass(Graphics2D g, double cx, double cy, double size, Color colour) {
        Path2D star = new Path2D.Double();
        for (int i = 0; i < 8; i++) {
            double a = -Math.PI / 2 + Math.PI * i / 4;
            double r = i % 2 == 0 ? size : size * 0.3;
            double x = cx + Math.cos(a) * r;
            double y = cy + Math.sin(a) * r;
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        g.setColor(withAlpha(colour, 170));
        g.fill(star);
        g.setStroke(new BasicStroke((float) (size / 30)));
        g.draw(circle(cx, cy, size * 0.7));
    }

    private static void forest(Scene s) {
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

    private static void fields(Scene s) {
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

    private static void cloud(Scene s, double x, double y, double width) {
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

    private static void circuit(Scene s) {
        Graphics2D g = s.g();
        float hue = s.between(0.45f, 0.75f);
        Color background = hsb(hue, 0.6f, 0.12f);
        vertical(g, 0, 0, s.w(), s.h(), background, hsb(hue + 0.05f, 0.55f, 0.22f));
        Color accent = hsb(hue - 0.3f + s.between(0f, 0.15f), 0.7f, 0.95f);
        double cell = 32 * s.u();
        int[][] directions = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
        g.setStroke(new BasicStroke((float) (3 * s.u()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int trace = 0; trace < 70; trace++) {
            double x = Math.round(s.between(0, s.w()) / cell) * cell;
            double y = Math.round(s.between(0, s.h()) / cell) * cell;
            int direction = 2 * s.r().nextInt(4);
            Path2D path = new Path2D.Double();
            path.moveTo(x, y);
            g.setColor(withAlpha(accent, (int) s.between(70, 200)));
            for (int segment = 0; segment < 4; segment++) {
                int length = direction % 2 == 0 ? 2 + s.r().nextInt(6) : 1 + s.r().nextInt(2);
                x += directions[direction][0] * cell * length;
                y += directions[direction][1] * cell * length;
                path.lineTo(x, y);
                direction = (direction + (s.chance(0.5) ? 1 : 7)) % 8;
            }
            g.draw(path);
            g.fill(circle(x, y, 6 * s.u()));
            g.setColor(background);
            g.fill(circle(x, y, 2.5 * s.u()));
        }
        double chipX = s.w() * s.between(0.35, 0.65);
        double chipY = s.h() * s.between(0.4, 0.6);
        double chip = s.h() * 0.3;
        glow(g, chipX, chipY, chip * 1.6, withAlpha(accent, 90));
        g.setColor(withAlpha(accent, 220));
        g.setStroke(new BasicStroke((float) (4 * s.u())));
        for (int i = 0; i < 8; i++) {
            double offset = -chip * 0.4 + chip * 0.8 * i / 7;
            g.draw(new Line2D.Double(chipX + offset, chipY - chip * 0.7, chipX + offset, chipY + chip * 0.7));
            g.draw(new Line2D.Double(chipX - chip * 0.7, chipY + offset, chipX + chip * 0.7, chipY + offset));
        }
        g.setPaint(new GradientPaint(
                (float) (chipX - chip / 2),
                (float) (chipY - chip / 2),
                hsb(hue, 0.3f, 0.35f),
                (float) (chipX + chip / 2),
                (float) (chipY + chip / 2),
                hsb(hue, 0.4f, 0.15f)));
        g.fill(new RoundRectangle2D.Double(chipX - chip / 2, chipY - chip / 2, chip, chip, chip * 0.1, chip * 0.1));
        g.setColor(withAlpha(accent, 200));
        g.setStroke(new BasicStroke((float) (2 * s.u())));
        g.draw(new RoundRectangle2D.Double(
                chipX - chip * 0.32, chipY - chip * 0.32, chip * 0.64, chip * 0.64, chip * 0.06, chip * 0.06));
    }

    private static void nightSky(Scene s) {
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

    private static void terrace(Scene s) {
        Graphics2D g = s.g();
        float skyHue = s.between(0.55f, 0.62f);
        boolean grey = s.chance(0.5);
        vertical(
                g,
                0,
                0,
                s.w(),
                s.h() * 0.5,
                hsb(skyHue, grey ? 0.08f : 0.45f, grey ? 0.7f : 0.85f),
                hsb(skyHue, 0.08f, 0.95f));
        for (int c = 0; c < 3; c++) {
            cloud(s, s.w() * s.between(0, 1), s.h() * s.between(0.05, 0.18), s.w() * s.between(0.08, 0.14));
        }
        double roofLine = s.h() * s.between(0.26, 0.32);
        double eaves = roofLine + s.h() * 0.1;
        double pavement = s.h() * 0.86;
        Color slate = hsb(0.6f, 0.12f, 0.3f);
        Path2D roof = new Path2D.Double();
        roof.moveTo(0, eaves);
        roof.lineTo(0, roofLine);
        roof.lineTo(s.w(), roofLine);
        roof.lineTo(s.w(), eaves);
        roof.closePath();
        g.setPaint(new GradientPaint(0, (float) roofLine, slate, 0, (float) eaves, blend(slate, Color.WHITE, 0.15f)));
        g.fill(roof);
        boolean brick = s.chance(0.5);
        double houseWidth = s.w() * s.between(0.15, 0.19);
        double x = -s.between(0, 0.5) * houseWidth;
        while (x < s.w()) {
            Color facade = brick
                    ? hsb(s.between(0.02f, 0.05f), s.between(0.45f, 0.6f), s.between(0.5f, 0.62f))
                    : hsb(s.r().nextFloat(), s.between(0.18f, 0.35f), s.between(0.82f, 0.95f));
            g.setColor(facade);
            g.fill(new Rectangle2D.Double(x, eaves, houseWidth + 1, pavement - eaves));
            g.setColor(withAlpha(Color.BLACK, 40));
            g.fill(new Rectangle2D.Double(x, eaves, houseWidth, s.h() * 0.012));
            g.setColor(blend(facade, Color.BLACK, 0.3f));
            g.fill(new Rectangle2D.Double(x + houseWidth - 4 * s.u(), eaves, 4 * s.u(), pavement - eaves));
            g.setColor(brick ? hsb(0.04f, 0.55f, 0.45f) : blend(facade, Color.BLACK, 0.15f));
            double stackX = x + houseWidth - houseWidth * 0.12;
            g.fill(new Rectangle2D.Double(stackX, roofLine - s.h() * 0.07, houseWidth * 0.2, s.h() * 0.07 + 1));
            g.setColor(hsb(0.06f, 0.55f, 0.5f));
            for (int pot = 0; pot < 2; pot++) {
                g.fill(new Rectangle2D.Double(
                        stackX + houseWidth * (0.03 + pot * 0.08),
                        roofLine - s.h() * 0.095,
                        houseWidth * 0.05,
                        s.h() * 0.03));
            }
            double windowWidth = houseWidth * 0.24;
            double upperY = eaves + s.h() * 0.07;
            for (int i = 0; i < 2; i++) {
                window(s, x + houseWidth * (0.16 + i * 0.42), upperY, windowWidth, s.h() * 0.14);
            }
            double lowerY = eaves + s.h() * 0.3;
            g.setColor(blend(facade, Color.WHITE, 0.4f));
            g.fill(new Rectangle2D.Double(
                    x + houseWidth * 0.08, lowerY - s.h() * 0.015, houseWidth * 0.46, s.h() * 0.2));
            window(s, x + houseWidth * 0.11, lowerY, houseWidth * 0.4, s.h() * 0.16);
            double doorX = x + houseWidth * 0.64;
            double doorWidth = houseWidth * 0.24;
            double doorTop = lowerY - s.h() * 0.01;
            g.setColor(withAlpha(Color.WHITE, 220));
            g.fill(new Arc2D.Double(doorX, doorTop - doorWidth / 2, doorWidth, doorWidth, 0, 180, Arc2D.CHORD));
            g.setColor(hsb(s.r().nextFloat(), 0.55f, s.between(0.3f, 0.6f)));
            g.fill(new Rectangle2D.Double(doorX, doorTop, doorWidth, pavement - doorTop));
            g.setColor(new Color(210, 180, 90));
            g.fill(circle(doorX + doorWidth * 0.8, doorTop + (pavement - doorTop) * 0.5, 3 * s.u()));
            x += houseWidth;
        }
        g.setColor(new Color(170, 170, 168));
        g.fill(new Rectangle2D.Double(0, pavement, s.w(), s.h() * 0.06));
        g.setColor(new Color(120, 120, 122));
        g.fill(new Rectangle2D.Double(0, pavement + s.h() * 0.06, s.w(), s.h() * 0.012));
        g.setColor(new Color(70, 72, 78));
        g.fill(new Rectangle2D.Double(0, pavement + s.h() * 0.072, s.w(), s.h()));
        double lampX = s.w() * s.between(0.1, 0.9);
        g.setColor(new Color(35, 40, 40));
        g.fill(new Rectangle2D.Double(
                lampX - 4 * s.u(), s.h() * 0.4, 8 * s.u(), pavement + s.h() * 0.03 - s.h() * 0.4));
        g.fill(new RoundRectangle2D.Double(
                lampX - 16 * s.u(), s.h() * 0.37, 32 * s.u(), 30 * s.u(), 8 * s.u(), 8 * s.u()));
    }

    private static void window(Scene s, double x, double y, double width, double height) {
        Graphics2D g = s.g();
        g.setColor(new Color(245, 245, 240));
        g.fill(new Rectangle2D.Double(x - 4 * s.u(), y - 4 * s.u(), width + 8 * s.u(), height + 8 * s.u()));
        g.setPaint(new GradientPaint(
                (float) x,
                (float) y,
                hsb(0.58f, 0.25f, 0.55f),
                (float) (x + width),
                (float) (y + height),
                hsb(0.6f, 0.3f, 0.3f)));
        g.fill(new Rectangle2D.Double(x, y, width, height));
        g.setColor(new Color(245, 245, 240));
        g.setStroke(new BasicStroke((float) (3 * s.u())));
        g.draw(new Line2D.Double(x, y + height / 2, x + width, y + height / 2));
        g.draw(new Line2D.Double(x + width / 2, y, x + width / 2, y + height));
    }

    private static void railway(Scene s) {
        Graphics2D g = s.g();
        float skyHue = s.between(0.52f, 0.62f);
        double horizon = s.h() * s.between(0.4, 0.48);
        vertical(g, 0, 0, s.w(), horizon, hsb(skyHue, 0.45f, 0.75f), hsb(s.between(0.08f, 0.14f), 0.2f, 0.97f));
        double[] hills = ridge(s.r(), 128, 0.55);
        Path2D range = new Path2D.Double();
        range.moveTo(0, horizon + 1);
        for (int i = 0; i < hills.length; i++) {
            range.lineTo(s.w() * i / (hills.length - 1), horizon - s.h() * 0.06 - hills[i] * s.h() * 0.08);
        }
        range.lineTo(s.w(), horizon + 1);
        range.closePath();
        g.setColor(hsb(skyHue, 0.2f, 0.65f));
        g.fill(range);
        Color grass = hsb(s.between(0.2f, 0.3f), 0.45f, 0.55f);
        vertical(
                g,
                0,
                horizon,
                s.w(),
                s.h() - horizon,
                blend(grass, hsb(skyHue, 0.2f, 0.8f), 0.4f),
                blend(grass, Color.BLACK, 0.2f));
        double vx = s.w() * s.between(0.4, 0.6);
        Path2D ballast = new Path2D.Double();
        ballast.moveTo(vx - 2 * s.u(), horizon);
        ballast.lineTo(vx + 2 * s.u(), horizon);
        ballast.lineTo(vx + s.w() * 0.75, s.h());
        ballast.lineTo(vx - s.w() * 0.75, s.h());
        ballast.closePath();
        g.setPaint(new GradientPaint(
                0, (float) horizon, new Color(160, 150, 140), 0, (float) s.h(), new Color(110, 100, 92)));
        g.fill(ballast);
        double[] rails = {-0.62, -0.36, 0.36, 0.62};
        double depth = s.h() - horizon;
        g.setColor(new Color(95, 75, 60));
        for (int i = 1; i < 60; i++) {
            double z = Math.pow(i / 60.0, 2.2);
            double y = horizon + depth * z;
            double thickness = Math.max(1, 14 * s.u() * z);
            for (int track = 0; track < 2; track++) {
                double a = rails[track * 2] - 0.04;
                double b = rails[track * 2 + 1] + 0.04;
                g.fill(new Rectangle2D.Double(vx + a * s.w() * z, y - thickness / 2, (b - a) * s.w() * z, thickness));
            }
        }
        g.setColor(new Color(200, 200, 205));
        for (double rail : rails) {
            Path2D line = new Path2D.Double();
            line.moveTo(vx, horizon);
            line.lineTo(vx + rail * s.w() - 3 * s.u(), s.h());
            line.lineTo(vx + rail * s.w() + 3 * s.u(), s.h());
            line.closePath();
            g.fill(line);
        }
        Color steel = new Color(60, 62, 66);
        g.setColor(steel);
        for (int i = 1; i < 7; i++) {
            double z = Math.pow(i / 6.0, 2);
            double y = horizon + depth * z;
            double poleHeight = s.h() * 0.55 * z;
            for (int side : new int[] {-1, 1}) {
                double px = vx + side * 0.9 * s.w() * z;
                g.fill(new Rectangle2D.Double(px - 5 * s.u() * z, y - poleHeight, 10 * s.u() * z + 1, poleHeight));
            }
            g.fill(new Rectangle2D.Double(vx - 0.9 * s.w() * z, y - poleHeight, 1.8 * s.w() * z, 8 * s.u() * z + 1));
        }
        g.setStroke(new BasicStroke((float) (1.5 * s.u())));
        for (double wire : new double[] {-0.49, 0.49}) {
            g.draw(new Line2D.Double(vx, horizon - 2 * s.u(), vx + wire * s.w(), horizon + depth - s.h() * 0.52));
        }
        if (s.chance(0.6)) {
            double z = s.between(0.04, 0.1);
            double y = horizon + depth * z;
            double width = 0.6 * s.w() * z;
            double height = width * 0.9;
            Color livery = hsb(s.r().nextFloat(), 0.6f, 0.7f);
            g.setColor(livery);
            g.fill(new RoundRectangle2D.Double(
                    vx - 0.49 * s.w() * z, y - height, width, height, width * 0.3, width * 0.3));
            g.setColor(new Color(30, 35, 45));
            g.fill(new Rectangle2D.Double(
                    vx - 0.49 * s.w() * z + width * 0.15, y - height * 0.85, width * 0.7, height * 0.3));
            g.setColor(new Color(255, 245, 200));
            g.fill(circle(vx - 0.49 * s.w() * z + width * 0.2, y - height * 0.25, width * 0.06));
            g.fill(circle(vx - 0.49 * s.w() * z + width * 0.8, y - height * 0.25, width * 0.06));
        }
    }

    // ---------------------------------------------------------------- portraits

    private static void portrait(Scene s) {
        Graphics2D g = s.g();
        double size = s.w();
        float hue = s.r().nextFloat();
        Color background = hsb(hue, s.between(0.3f, 0.5f), s.between(0.7f, 0.88f));
        vertical(g, 0, 0, size, size, blend(background, Color.WHITE, 0.15f), blend(background, Color.BLACK, 0.1f));
        switch (s.r().nextInt(3)) {
            case 0 -> {
                g.setStroke(new BasicStroke((float) (size * 0.012)));
                g.setColor(withAlpha(Color.WHITE, 45));
                for (int i = 1; i < 9; i++) {
                    g.draw(circle(size * 0.5, size * 0.45, size * 0.09 * i));
                }
            }
            case 1 -> {
                for (int i = 0; i < 4; i++) {
                    g.setColor(withAlpha(hsb(hue + s.between(-0.1f, 0.1f), 0.5f, 0.95f), 60));
                    g.fill(circle(s.between(0, size), s.between(0, size * 0.6), size * s.between(0.15, 0.35)));
                }
            }
            default -> {
                g.setStroke(new BasicStroke((float) (size * 0.03)));
                g.setColor(withAlpha(Color.WHITE, 35));
                for (double x = -size; x < size * 2; x += size * 0.1) {
                    g.draw(new Line2D.Double(x, 0, x + size, size));
                }
            }
        }
        Color figure = hsb(hue + s.between(-0.05f, 0.05f), s.between(0.35f, 0.55f), s.between(0.18f, 0.3f));
        Color lit = blend(figure, Color.WHITE, 0.18f);
        double headWidth = size * s.between(0.27, 0.31);
        double headHeight = headWidth * s.between(1.18, 1.3);
        double headY = size * 0.4;
        double shoulders = size * s.between(0.74, 0.86);
        int hair = s.r().nextInt(4);
        Color hairColour = blend(figure, Color.BLACK, 0.35f);
        if (hair == 1) {
            g.setColor(hairColour);
            g.fill(new RoundRectangle2D.Double(
                    size / 2 - headWidth * 0.64,
                    headY - headHeight * 0.56,
                    headWidth * 1.28,
                    headHeight * 1.3,
                    headWidth,
                    headWidth));
        }
        g.setPaint(new GradientPaint(0, (float) (headY - headHeight), lit, (float) size, (float) size, figure));
        g.fill(new Ellipse2D.Double(size / 2 - shoulders / 2, size * 0.72, shoulders, size * 0.62));
        g.fill(new Rectangle2D.Double(
                size / 2 - headWidth * 0.26, headY + headHeight * 0.3, headWidth * 0.52, size * 0.2));
        g.fill(new Ellipse2D.Double(size / 2 - headWidth / 2, headY - headHeight / 2, headWidth, headHeight));
        g.setColor(hairColour);
        switch (hair) {
            case 0 ->
                g.fill(new Arc2D.Double(
                        size / 2 - headWidth * 0.53,
                        headY - headHeight * 0.56,
                        headWidth * 1.06,
                        headHeight * 0.7,
                        0,
                        180,
                        Arc2D.CHORD));
            case 1 ->
                g.fill(new Arc2D.Double(
                        size / 2 - headWidth * 0.56,
                        headY - headHeight * 0.58,
                        headWidth * 1.12,
                        headHeight * 0.8,
                        10,
                        160,
                        Arc2D.CHORD));
            case 2 -> {
                g.fill(circle(size / 2, headY - headHeight * 0.55, headWidth * 0.22));
                g.fill(new Arc2D.Double(
                        size / 2 - headWidth * 0.52,
                        headY - headHeight * 0.54,
                        headWidth * 1.04,
                        headHeight * 0.6,
                        0,
                        180,
                        Arc2D.CHORD));
            }
            default -> {
                // Close-cropped: the head alone says enough.
            }
        }
        Color accent = hsb(hue + 0.5f, 0.55f, 0.85f);
        Path2D collar = new Path2D.Double();
        double neck = headY + headHeight * 0.62;
        collar.moveTo(size / 2 - headWidth * 0.42, size * 0.76);
        collar.lineTo(size / 2, neck + size * 0.15);
        collar.lineTo(size / 2 + headWidth * 0.42, size * 0.76);
        collar.lineTo(size / 2 + headWidth * 0.3, size * 0.75);
        collar.lineTo(size / 2, neck + size * 0.09);
        collar.lineTo(size / 2 - headWidth * 0.3, size * 0.75);
        collar.closePath();
        g.setColor(withAlpha(accent, 220));
        g.fill(collar);
    }

    // ---------------------------------------------------------------- helpers

    private static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Midpoint displacement: a ridge line of {@code segments + 1} heights, roughly between 0 and 1. */
    private static double[] ridge(Random random, int segments, double roughness) {
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

    private static void vertical(
            Graphics2D g, double x, double y, double width, double height, Color top, Color bottom) {
        g.setPaint(new GradientPaint(0, (float) y, top, 0, (float) (y + height), bottom));
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    private static void glow(Graphics2D g, double cx, double cy, double radius, Color colour) {
        g.setPaint(
                new RadialGradientPaint(new Point2D.Double(cx, cy), (float) radius, new float[] {0f, 1f}, new Color[] {
                    colour, withAlpha(colour, 0)
                }));
        g.fill(circle(cx, cy, radius));
    }

    private static Ellipse2D circle(double cx, double cy, double radius) {
        return new Ellipse2D.Double(cx - radius, cy - radius, radius * 2, radius * 2);
    }

    private static Color hsb(float hue, float saturation, float brightness) {
        float wrapped = hue - (float) Math.floor(hue);
        return Color.getHSBColor(wrapped, Math.clamp(saturation, 0f, 1f), Math.clamp(brightness, 0f, 1f));
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }

    private static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), Math.clamp(alpha, 0, 255));
    }

    private static Color blend(Color from, Color to, float amount) {
        float t = Math.clamp(amount, 0f, 1f);
        return new Color(
                Math.round(from.getRed() + (to.getRed() - from.getRed()) * t),
                Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * t),
                Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * t),
                Math.round(from.getAlpha() + (to.getAlpha() - from.getAlpha()) * t));
    }

    /** FNV-1a: a stable seed from a slug, spread over all 64 bits, unlike {@link String#hashCode()}. */
    private static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
