package org.masthead.moderation.internal;

import java.util.List;
import java.util.Optional;
import org.masthead.discussion.CommentSubmission;
import org.masthead.moderation.internal.WordLists.Entry;
import org.springframework.stereotype.Component;

/** A comment with a banned word or phrase in it, however disguised, is refused, naming the word. */
@Component
class BannedWordsStep implements Step {

    private final WordLists lists;

    BannedWordsStep(WordLists lists) {
        this.lists = lists;
    }

    @Override
    public String name() {
        return "banned-words";
    }

    @Override
    public boolean mayRefuse() {
        return true;
    }

    @Override
    public Decision check(CommentSubmission comment) {
        return found(lists.of(WordLists.Kind.BANNED), comment.body())
                .map(entry -> Decision.refuse("Your comment uses “" + entry.word()
                        + "”, which our community standards do not allow. Please rephrase it."))
                .orElse(Decision.PASS);
    }

    static Optional<Entry> found(List<Entry> entries, String text) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Normaliser.Words words = Normaliser.words(text);
        return entries.stream().filter(entry -> words.matches(entry.skeleton())).findFirst();
    }
}
