package org.masthead.membership.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out on the server for an inline SVG: each bar's place and height in whole pixels,
 * with the label and value a screen reader and the tooltip give.
 */
record BarChart(String title, int width, int height, long max, List<Bar> bars) {

    static final int WIDTH = 640;
    static final int HEIGHT = 160;

    record Bar(int x, int y, int width, int height, String label, String value) {}

    /** A value to draw, with how to name it. */
    record Datum(String label, long value, String shown) {}

    static BarChart of(String title, List<Datum> data) {
        long max = Math.max(1, data.stream().mapToLong(Datum::value).max().orElse(1));
        int slot = data.isEmpty() ? WIDTH : WIDTH / data.size();
        int barWidth = Math.max(1, slot - Math.max(1, slot / 5));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Datum datum = data.get(i);
            int barHeight = (int) (Math.max(0, datum.value()) * (HEIGHT - 10) / max);
            bars.add(new Bar(i * slot, HEIGHT - barHeight, barWidth, barHeight, datum.label(), datum.shown()));
        }
        return new BarChart(title, WIDTH, HEIGHT, max, List.copyOf(bars));
    }
}
