package org.masthead.notifications.internal;

import java.util.Optional;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The "stop following this conversation" link in notification e-mails, which works without signing
 * in: the reader's and the article's ids and their {@link Signatures signature}. It keeps working, and
 * all it can ever do is stop that reader following that conversation.
 */
@Component
class ConversationLinks {

    /** Whose following of which conversation a link stops. */
    record Target(long readerId, long articleId) {}

    static final String PATH = "/notifications/conversations/unfollow?token=";
    private static final String PURPOSE = "conversation-unfollow";

    private final Signatures signatures;
    private final SiteProperties site;

    ConversationLinks(Signatures signatures, SiteProperties site) {
        this.signatures = signatures;
        this.site = site;
    }

    String urlFor(long readerId, long articleId) {
        String message = readerId + "." + articleId;
        return site.origin() + PATH + message + "." + signatures.sign(PURPOSE, message);
    }

    Optional<Target> targetOf(String token) {
        String[] parts = token.split("\\.", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            long readerId = Long.parseLong(parts[0]);
            long articleId = Long.parseLong(parts[1]);
            return signatures.verify(PURPOSE, readerId + "." + articleId, parts[2])
                    ? Optional.of(new Target(readerId, articleId))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
