package org.masthead.newsroom;

import java.time.Instant;

/**
 * What an editor said was wrong, or unclear, in a published article, and when.
 *
 * @param clarification true for a clarification, false for a correction
 */
public record Correction(long id, long articleId, boolean clarification, String text, Instant addedAt) {

    public String label() {
        return clarification ? "Clarification" : "Correction";
    }
}
