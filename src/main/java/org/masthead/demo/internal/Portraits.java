package org.masthead.demo.internal;

import static org.masthead.demo.internal.Scene.blend;
import static org.masthead.demo.internal.Scene.circle;
import static org.masthead.demo.internal.Scene.hsb;
import static org.masthead.demo.internal.Scene.vertical;
import static org.masthead.demo.internal.Scene.withAlpha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Authors' portraits: square, faceless heads and shoulders, each different by its seed. */
final class Portraits {

    private Portraits() {}

    static void portrait(Scene s) {
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
}
