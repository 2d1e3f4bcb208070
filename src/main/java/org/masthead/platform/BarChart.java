package org.masthead.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A bar chart laid out on the server for inline SVG, in whole pixels: a value axis with gridlines at
 * round steps, a category axis with a label every {@code labelEvery} bars, each bar with its label and
 * value (a tooltip, and the value written over the bar when there are few), and a sentence that
 * describes the chart for screen readers. The page also lists the figures in a table. Drawn by the
 * fragment {@code fragments/chart :: bar(chart)}, the one way the site draws a chart.
 *
 * <p>The value axis's labels are drawn apart from the plot, {@code axisWidth} wide, so that on a narrow
 * screen the plot scrolls sideways while the scale stays in view.
 *
 * @param id unique on the page, for the SVG's title and description ids
 * @param categoryHeading what the bars are, as the figures table's first column heads it ("Day")
 * @param valueHeading what their values are, as its second column heads it ("Paid")
 */
public record BarChart(
        String id,
        String title,
        String description,
        String categoryHeading,
        String valueHeading,
        int axisWidth,
        int width,
        int height,
        Plot plot,
        List<Tick> valueTicks,
        List<Tick> categoryTicks,
        List<Bar> bars) {

    /** The value axis's labels and the plot together. */
    public static final int WIDTH = 720;

    public static final int HEIGHT = 240;
    public static final int AXIS = 72;
    public static final int RIGHT = 16;
    public static final int TOP = 16;
    public static final int BOTTOM = 30;
    /** Up to this many bars, each has its value written above it. */
    public static final int VALUES_WRITTEN_UP_TO = 8;

    /** Where the bars are drawn in the plot; the axes are its left and bottom edges. */
    public record Plot(int left, int top, int right, int bottom) {}

    /** A labelled point on an axis: its coordinate along the axis, and its label. */
    public record Tick(int at, String label) {}

    /**
     * A bar in view-box pixels, with its category (as the tooltip and table name it) and its value as
     * people read it; {@code written} when the value is drawn above the bar.
     */
    public record Bar(int x, int y, int width, int height, String label, String value, boolean written) {

        public int middle() {
            return x + width / 2;
        }
    }

    /**
     * A value to draw.
     *
     * @param tick the category's short label on the axis ("2 Dec")
     * @param label its full name, for the tooltip and the table ("2 December 2026")
     * @param shown the value as people read it ("£12.50")
     */
    public record Datum(String tick, String label, long value, String shown) {}

    /**
     * @param format how a value on the value axis reads
     * @param smallestStep the smallest gap between gridlines, in the values' units (1 for counts, 100
     *     for money in minor units, so gridlines fall on whole pounds)
     * @param labelEvery which categories are labelled on their axis: every n-th, counted back from the
     *     last, so the latest is always labelled
     */
    public static BarChart of(
            String id,
            String title,
            String categoryHeading,
            String valueHeading,
            List<Datum> data,
            LongFunction<String> format,
            long smallestStep,
            int labelEvery) {
        int width = WIDTH - AXIS;
        Plot plot = new Plot(1, TOP, width - RIGHT, HEIGHT - BOTTOM);
        int plotHeight = plot.bottom() - plot.top();
        long max = data.stream().mapToLong(d -> Math.max(0, d.value())).max().orElse(0);
        long step = Math.max(smallestStep, roundStep((max + 3) / 4));
        long top = Math.max(step, ceilTo(max, step));

        List<Tick> valueTicks = new ArrayList<>();
        for (long value = 0; value <= top; value += step) {
            valueTicks.add(new Tick(plot.bottom() - (int) (value * plotHeight / top), format.apply(value)));
        }

        int slot = data.isEmpty() ? 0 : (plot.right() - plot.left()) / data.size();
        int barWidth = Math.max(1, slot - Math.max(1, slot / 5));
        boolean written = data.size() <= VALUES_WRITTEN_UP_TO;
        List<Bar> bars = new ArrayList<>();
        List<Tick> categoryTicks = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Datum datum = data.get(i);
            int barHeight = (int) (Math.max(0, datum.value()) * plotHeight / top);
            int x = plot.left() + i * slot + (slot - barWidth) / 2;
            Bar bar = new Bar(x, plot.bottom() - barHeight, barWidth, barHeight, datum.label(), datum.shown(), written);
            bars.add(bar);
            if ((data.size() - 1 - i) % labelEvery == 0) {
                categoryTicks.add(new Tick(bar.middle(), datum.tick()));
            }
        }
        return new BarChart(
                id,
                title,
                describe(data),
                categoryHeading,
                valueHeading,
                AXIS,
                width,
                HEIGHT,
                plot,
                List.copyOf(valueTicks),
                List.copyOf(categoryTicks),
                List.copyOf(bars));
    }

    /** The chart in a sentence or two: every value when there are few, else the span, the highest and the latest. */
    private static String describe(List<Datum> data) {
        if (data.isEmpty()) {
            return "No figures yet.";
        }
        if (data.size() <= VALUES_WRITTEN_UP_TO) {
            return String.join(
                            "; ",
                            data.stream().map(d -> d.label() + ": " + d.shown()).toList())
                    + ".";
        }
        Datum highest =
                data.stream().max(Comparator.comparingLong(Datum::value)).orElseThrow();
        return "From " + data.getFirst().label() + " to " + data.getLast().label() + ". Highest: " + highest.shown()
                + ", on " + highest.label() + ". Latest: " + data.getLast().shown() + ".";
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code atLeast}. */
    public static long roundStep(long atLeast) {
        long power = 1;
        while (power * 10 <= atLeast) {
            power *= 10;
        }
        for (long multiple : new long[] {1, 2, 5, 10}) {
            if (power * multiple >= atLeast) {
                return power * multiple;
            }
        }
        return power * 10;
    }

    private static long ceilTo(long value, long step) {
        return (value + step - 1) / step * step;
    }
}
