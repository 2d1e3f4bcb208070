package org.masthead.moderation.internal;

import java.util.regex.Pattern;
import org.masthead.discussion.CommentSubmission;
import org.masthead.moderation.ModerationProperties;
import org.springframework.stereotype.Component;

/** A comment with more web addresses than {@code max-links} waits for a moderator: link spam looks so. */
@Component
class LinksStep implements Step {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");

    private final int max;

    LinksStep(ModerationProperties properties) {
        this.max = properties.maxLinks();
    }

    @Override
    public String name() {
        return "links";
    }

    @Override
    public String toAuthor() {
        return "It has more links than we publish without a moderator's look.";
    }

    @Override
    public boolean mayRefuse() {
        return false;
    }

    @Override
    public Decision check(CommentSubmission comment) {
        long links = LINK.matcher(comment.body()).results().count();
        return links > max ? Decision.hold(links + " links, more than " + max) : Decision.PASS;
    }
}
