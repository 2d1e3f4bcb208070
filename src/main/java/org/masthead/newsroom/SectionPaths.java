package org.masthead.newsroom;

import java.util.Set;

/** Top-level addresses the site uses for itself, which no section may take. */
final class SectionPaths {

    private static final Set<String> RESERVED = Set.of(
            "about",
            "account",
            "actuator",
            "admin",
            "api",
            "article",
            "author",
            "comment",
            "comments",
            "css",
            "error",
            "favicon.ico",
            "feeds",
            "img",
            "js",
            "login",
            "logout",
            "media",
            "membership",
            "newsroom",
            "profile",
            "register",
            "robots.txt",
            "rss",
            "search",
            "signin",
            "sitemap.xml",
            "sitemaps",
            "support",
            "topic",
            "webhooks");

    private SectionPaths() {}

    static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }
}
