package org.masthead.newsroom;

import java.util.Set;

/** Top-level addresses the site keeps for itself, which no section may take. */
public final class SectionPaths {

    private static final Set<String> RESERVED = Set.of(
            "about",
            "account",
            "actuator",
            "admin",
            "api",
            "article",
            "author",
            "avatar",
            "comment",
            "comments",
            "corrections",
            "css",
            "discussion",
            "error",
            "favicon.ico",
            "feeds",
            "follows",
            "following",
            "img",
            "js",
            "login",
            "logout",
            "me",
            "media",
            "my-news",
            "membership",
            "newsroom",
            "profile",
            "register",
            "robots.txt",
            "rss",
            "search",
            "signin",
            "signout",
            "sitemap.xml",
            "sitemaps",
            "support",
            "views",
            "topic",
            "webhooks");

    private SectionPaths() {}

    public static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }
}
