package org.masthead.newsroom;

import java.util.Set;

/** Top-level addresses the site keeps for itself, which no section may take. */
public final class SectionPaths {

    /**
     * The top-level addresses the site's modules serve, as a regular expression's alternatives. Names with
     * a dot ({@code robots.txt}) are left out: a slug has none.
     */
    public static final String RESERVED_WORDS =
            "about|account|actuator|admin|api|appeals|article|asks|author|avatar|comment|comments|"
                    + "community-standards|corrections|css|discussion|error|feeds|following|follows|img|js|live|"
                    + "login|logout|me|media|membership|moderation|my-news|newsroom|notifications|oauth2|offline|"
                    + "payments|premium|privacy|profile|reading-list|register|rss|search|signin|signout|sitemaps|support|"
                    + "topic|transparency|unsubscribe|views|webauthn|webhooks";

    /**
     * A section's slug in an address pattern: any slug but a reserved word, so that an address such as
     * {@code /admin} that no module serves is not taken for a section's page, and is a 404 for everyone.
     */
    public static final String SECTION_SLUG = "(?!(?:" + RESERVED_WORDS + ")$)[a-z0-9]+(?:-[a-z0-9]+)*";

    private static final Set<String> RESERVED = Set.of(RESERVED_WORDS.split("\\|"));

    private SectionPaths() {}

    public static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }
}
