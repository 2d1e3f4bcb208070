package org.masthead.demo.internal;

import static org.masthead.demo.internal.Scene.circle;
import static org.masthead.demo.internal.Scene.glow;
import static org.masthead.demo.internal.Scene.hsb;
import static org.masthead.demo.internal.Scene.vertical;
import static org.masthead.demo.internal.Scene.withAlpha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/** A football pitch seen from the stand, drawn in perspective from its real measurements in metres. */
final class PitchScene {

    private PitchScene() {}

    static void pitch(Scene s) {
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
}
