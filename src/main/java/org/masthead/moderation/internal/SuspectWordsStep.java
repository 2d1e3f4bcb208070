package org.masthead.moderation.internal;

import org.masthead.discussion.CommentSubmission;
import org.springframework.stereotype.Component;

/**
 * A comment with a suspect word or phrase in it waits for a moderator: words that are fine in one
 * sentence and abuse in another need a person to read them in context.
 */
@Component
class SuspectWordsStep implements Step {

    private final WordLists lists;

    SuspectWordsStep(WordLists lists) {
        this.lists = lists;
    }

    @Override
    public String name() {
        return "suspect-words";
    }

    @Override
    public String toAuthor() {
        return "It uses a word that a moderator checks before the comment is shown.";
    }

    @Override
    public boolean mayRefuse() {
        return false;
    }

    @Override
    public Decision check(CommentSubmission comment) {
        return BannedWordsStep.found(lists.of(WordLists.Kind.SUSPECT), comment.body())
                .map(entry -> Decision.hold("Uses “" + entry.word() + "”, a suspect word"))
                .orElse(Decision.PASS);
    }
}
