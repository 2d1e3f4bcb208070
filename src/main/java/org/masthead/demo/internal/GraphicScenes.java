package org.masthead.demo.internal;

import static org.masthead.demo.internal.Scene.blend;
import static org.masthead.demo.internal.Scene.circle;
import static org.masthead.demo.internal.Scene.glow;
import static org.masthead.demo.internal.Scene.hsb;
import static org.masthead.demo.internal.Scene.rgb;
import static org.masthead.demo.internal.Scene.vertical;
import static org.masthead.demo.internal.Scene.withAlpha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Scenes made of marks rather than places: a chart, abstract shapes, a map, a circuit board. */
final class GraphicScenes {

    private GraphicScenes() {}

    static void chart(Scene s) {
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

    private static final Color[][] PALETTES = {
        {rgb(0xE63946), rgb(0xF1C453), rgb(0x1D3557), rgb(0x457B9D), rgb(0xF4A261)},
        {rgb(0x264653), rgb(0x2A9D8F), rgb(0xE9C46A), rgb(0xF4A261), rgb(0xE76F51)},
        {rgb(0x3D348B), rgb(0x7678ED), rgb(0xF7B801), rgb(0xF18701), rgb(0xF35B04)},
        {rgb(0x0B3954), rgb(0x087E8B), rgb(0xBFD7EA), rgb(0xFF5A5F), rgb(0xC81D25)},
        {rgb(0x2B2D42), rgb(0x8D99AE), rgb(0xEDF2F4), rgb(0xEF233C), rgb(0xD90429)},
        {rgb(0x606C38), rgb(0x283618), rgb(0xDDA15E), rgb(0xBC6C25), rgb(0xFEFAE0)},
    };

    static void abstractShapes(Scene s) {
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

    static void map(Scene s) {
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

    static void circuit(Scene s) {
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
}
