package org.masthead.moderation.internal;

import org.masthead.accounts.AccountSummary;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.Role;
import org.masthead.discussion.CommentSubmission;
import org.masthead.discussion.Discussion;
import org.masthead.moderation.Moderation;
import org.masthead.moderation.ModerationProperties;
import org.springframework.stereotype.Component;

/**
 * A new reader's first comments wait for a moderator, until {@code held-first-comments} of theirs have
 * been published: most spam and abuse comes from accounts opened for it. Staff, and readers a moderator
 * vouched for, are known already; an edit changes a comment that was judged when it was posted.
 */
@Component
class NewReaderStep implements Step {

    private final Discussion discussion;
    private final Accounts accounts;
    private final Moderation moderation;
    private final int held;

    NewReaderStep(Discussion discussion, Accounts accounts, Moderation moderation, ModerationProperties properties) {
        this.discussion = discussion;
        this.accounts = accounts;
        this.moderation = moderation;
        this.held = properties.heldFirstComments();
    }

    @Override
    public String name() {
        return "new-reader";
    }

    @Override
    public String toAuthor() {
        return "A moderator reads a new reader's first comments before they are shown.";
    }

    @Override
    public boolean mayRefuse() {
        return false;
    }

    @Override
    public Decision check(CommentSubmission comment) {
        if (held == 0 || comment.isEdit() || discussion.publishedCount(comment.authorId(), held) >= held) {
            return Decision.PASS;
        }
        boolean staff = accounts.find(comment.authorId())
                .map(AccountSummary::roles)
                .filter(roles -> roles.stream().anyMatch(Role::isStaff))
                .isPresent();
        return staff || moderation.trusted(comment.authorId())
                ? Decision.PASS
                : Decision.hold("One of the first " + held + " comments of a new reader");
    }
}
