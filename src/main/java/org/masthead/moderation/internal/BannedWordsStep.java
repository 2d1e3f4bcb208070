package org.masthead.moderation.internal;

import java.util.List;
import java.util.Optional;
import org.masthead.discussion.CommentSubmission;
import org.masthead.moderation.internal.WordLists.Entry;
import org.springframework.stereotype.Component;

/**
 * A comment with a banned word or phrase in it, however disguised, is refused, naming the word as its
 * author wrote it.
 */
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
        String text = comment.body();
        return found(lists.of(WordLists.Kind.BANNED), text)
                .map(entry -> Decision.refuse("Your comment uses “"
                        + Normaliser.written(text, entry.skeleton()).orElse(entry.word())
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
