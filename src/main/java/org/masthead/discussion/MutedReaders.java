package org.masthead.discussion;

import java.util.List;

/**
 * The readers a reader has muted, whose comments their page collapses. The cached conversation is the
 * same for everyone, so the collapse is the page's script's, from the reader's own data. The moderation
 * module keeps the list; without it, nobody is muted.
 */
@FunctionalInterface
public interface MutedReaders {

    MutedReaders NONE = reader -> List.of();

    /** Whom this reader has muted, by account id. */
    List<Long> mutedBy(long readerId);
}
