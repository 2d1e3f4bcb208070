package org.masthead.demo.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of illustration {@link DemoImages} can draw, named in an article's {@code image} field. */
enum Theme {
    SKYLINE,
    SEA,
    MOUNTAINS,
    PITCH,
    CHART,
    COLUMNS,
    ABSTRACT,
    MAP,
    FOREST,
    FIELDS,
    CIRCUIT,
    NIGHT_SKY,
    TERRACE,
    RAILWAY;

    /** How the theme is written in a content file: {@code night-sky} for {@link #NIGHT_SKY}. */
    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Theme fromKey(String key) {
        return Arrays.stream(values())
                .filter(theme -> theme.key().equals(key.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is not an image theme; choose from "
                        + Arrays.stream(values()).map(Theme::key).collect(Collectors.joining(", "))));
    }
}
