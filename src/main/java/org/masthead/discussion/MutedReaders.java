package org.masthead.discussion;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The readers a reader has muted, whose comments their page collapses. The cached conversation is the
 * same for everyone, so the collapse is the page's script's, from the reader's own data. The moderation
 * module keeps the list; without it, nobody is muted.
 */
public interface MutedReaders {

    MutedReaders NONE = new MutedReaders() {
        @Override
        public List<Long> mutedBy(long readerId) {
            return List.of();
        }

        @Override
        public Set<Long> whoMuted(long mutedId, Collection<Long> readerIds) {
            return Set.of();
        }
    };

    /** Whom this reader has muted, by account id. */
    List<Long> mutedBy(long readerId);

    /** Which of these readers have muted this one, asked once for all of them. */
    Set<Long> whoMuted(long mutedId, Collection<Long> readerIds);
}
