package org.masthead.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A module's part of a reader's public profile page, below what the reader says of themselves (a
 * reader's comments, say). A module declares a bean of this type; the page shows every one, in bean
 * order. The page is cached like every public page: a module whose part changes evicts the
 * reader's pages by {@link #surrogateKey}.
 */
public interface ProfileSection {

    /**
     * What to show.
     *
     * @param fragment a Thymeleaf fragment selector such as {@code discussion/profile :: section},
     *     given {@code model} as its variables
     * @param lastModified when this part last changed, if the module knows
     */
    record Content(String fragment, Map<String, Object> model, @Nullable Instant lastModified) {}

    /**
     * This module's part of the profile of an active account.
     *
     * @param query the page's query parameters, for a section that pages through a list
     */
    Content contentFor(long accountId, Map<String, String> query);

    /** The surrogate key of every page that shows this account's profile, name or picture. */
    static String surrogateKey(long accountId) {
        return "account-" + accountId;
    }

    /** The address of the public profile of the reader with this name. */
    static String profilePath(String displayName) {
        return "/profile/"
                + URLEncoder.encode(displayName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
