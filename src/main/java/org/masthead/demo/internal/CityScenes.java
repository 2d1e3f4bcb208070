package org.masthead.demo.internal;

import static org.masthead.demo.internal.Scene.blend;
import static org.masthead.demo.internal.Scene.circle;
import static org.masthead.demo.internal.Scene.cloud;
import static org.masthead.demo.internal.Scene.glow;
import static org.masthead.demo.internal.Scene.hsb;
import static org.masthead.demo.internal.Scene.ridge;
import static org.masthead.demo.internal.Scene.vertical;
import static org.masthead.demo.internal.Scene.withAlpha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Scenes of towns: a skyline, a columned front, a terrace of houses, a railway. */
final class CityScenes {

    private CityScenes() {}

    static void skyline(Scene s) {
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

    static void columns(Scene s) {
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

    static void terrace(Scene s) {
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

    static void railway(Scene s) {
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
}
