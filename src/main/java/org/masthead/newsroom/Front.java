package org.masthead.newsroom;

import org.jspecify.annotations.Nullable;

/**
 * A page editors curate: the home page, or a top-level section's page.
 *
 * @param key how the newsroom stores it: {@code home}, or the section's id
 * @param name what editors call it: "Home", or the section's name
 * @param slug how addresses name it: {@code home}, or the section's slug
 * @param section the section whose page it is; null for the home page
 */
public record Front(String key, String name, String slug, @Nullable Section section) {

    public static final String HOME = "home";

    public static Front home() {
        return new Front(HOME, "Home", HOME, null);
    }

    public static Front of(Section section) {
        return new Front(String.valueOf(section.id()), section.name(), section.slug(), section);
    }
}
