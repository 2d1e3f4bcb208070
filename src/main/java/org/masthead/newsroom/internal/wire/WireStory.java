package org.masthead.newsroom.internal.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One agency story as a parser read it, whatever its format.
 *
 * @param guid the agency's lasting identifier of the story: a later version carries the same one
 * @param version the version the agency gave, if it gave one (plain text does not)
 * @param agency who sent it, as the newsroom credits it
 * @param standfirst the agency's summary, or empty
 * @param body plain text, paragraphs separated by a blank line; empty for a flash that is only a headline
 * @param byline the agency's own byline, or empty
 * @param urgency 1 (most urgent) to 9, when given
 */
public record WireStory(
        String guid,
        @Nullable Integer version,
        String agency,
        String headline,
        String standfirst,
        String body,
        String byline,
        @Nullable Integer urgency) {

    /**
     * What makes two deliveries the same story word for word: the same version number (when one was
     * given) and the same text. Whitespace and markup are already gone, so a resend in another format is
     * a duplicate too.
     */
    public String contentHash() {
        String all = String.join(
                "\u0000",
                version == null ? "" : version.toString(),
                agency,
                headline,
                standfirst,
                body,
                byline,
                urgency == null ? "" : urgency.toString());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
