package org.masthead.moderation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.moderation.internal.Sanctions;
import org.masthead.moderation.internal.WordLists;
import org.springframework.stereotype.Component;

/** Moderation as tests set it up: words on its lists, sanctions on readers. */
@Component
public class TestModeration {

    private final WordLists words;
    private final Sanctions sanctions;

    TestModeration(WordLists words, Sanctions sanctions) {
        this.words = words;
        this.sanctions = sanctions;
    }

    public void ban(String word) {
        words.add(WordLists.Kind.BANNED, word, 0);
    }

    public void suspect(String word) {
        words.add(WordLists.Kind.SUSPECT, word, 0);
    }

    /** A sanction of this kind ({@code warn}, {@code premoderate}, {@code suspend}, {@code ban}). */
    public long sanction(long accountId, String kind, Instant from, @Nullable Instant until) {
        return sanctions.impose(
                accountId, Sanctions.Kind.of(kind), "Be civil", "Insulted other readers", from, until, null);
    }
}
