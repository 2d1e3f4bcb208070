package org.masthead.moderation.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.ClusterMessages;
import org.masthead.platform.ConflictException;
import org.masthead.platform.RejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The banned and suspect words, kept in the database and in every node's memory: read for every comment,
 * changed rarely. A change is sent to every node as it commits, so that it takes effect everywhere at
 * once; the periodic refresh covers a message lost while a node reconnected.
 */
@Component
public class WordLists {

    static final String CHANGED = "moderation_words";
    static final int MAX_LENGTH = 100;

    /** Which list: banned words refuse a comment, suspect ones hold it. */
    public enum Kind {
        BANNED,
        SUSPECT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static @Nullable Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code().equals(code)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** A word or phrase as a moderator wrote it, and the skeleton it is matched as. */
    public record Entry(String word, String skeleton) {}

    private final JdbcClient db;
    private final ClusterMessages cluster;
    private final Clock clock;
    private final LoadingCache<Kind, List<Entry>> lists =
            Caffeine.newBuilder().refreshAfterWrite(Duration.ofMinutes(1)).build(this::load);

    WordLists(JdbcClient db, ClusterMessages cluster, Clock clock) {
        this.db = db;
        this.cluster = cluster;
        this.clock = clock;
        cluster.subscribe(CHANGED, payload -> lists.invalidateAll());
    }

    public List<Entry> of(Kind kind) {
        return lists.get(kind);
    }

    public Map<Kind, List<Entry>> all() {
        return java.util.Arrays.stream(Kind.values())
                .collect(Collectors.toMap(
                        kind -> kind, this::of, (a, b) -> a, () -> new java.util.EnumMap<>(Kind.class)));
    }

    /** Adds a word or phrase to a list; a second entry with the same skeleton is refused. */
    @Transactional
    public void add(Kind kind, String word, long by) {
        String written = word.strip();
        String skeleton = Normaliser.entry(written);
        if (written.isEmpty() || skeleton.isEmpty() || skeleton.equals("*")) {
            throw new RejectedException(
                    "The word cannot be added", "word", "Write a word or phrase with letters in it.");
        }
        if (skeleton.replace("*", "").length() == 1) {
            // Comments are folded the same way, so such an entry would refuse "Malcolm X" or "the letter x".
            throw new RejectedException(
                    "The word cannot be added",
                    "word",
                    "“" + written + "” reads as a single letter, since repeated letters count as one (so that"
                            + " “stuuupid” is caught), and would match every comment using that letter as a word."
                            + " Write a longer word or phrase.");
        }
        if (written.length() > MAX_LENGTH || skeleton.length() > MAX_LENGTH) {
            throw new RejectedException(
                    "The word cannot be added", "word", "Keep it to " + MAX_LENGTH + " characters.");
        }
        int added = db.sql(
                        """
                        INSERT INTO moderation_word (list, normalised, word, added_by, added_at)
                        VALUES (:list, :skeleton, :word, :by, :at) ON CONFLICT DO NOTHING""")
                .param("list", kind.code())
                .param("skeleton", skeleton)
                .param("word", written)
                .param("by", by)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (added == 0) {
            throw new ConflictException("“" + written + "” is on that list already, or a word that reads the same.");
        }
        changed();
    }

    @Transactional
    /** @return false if the word was not on the list (another moderator may have removed it) */
    public boolean remove(Kind kind, String skeleton) {
        int removed = db.sql("DELETE FROM moderation_word WHERE list = :list AND normalised = :skeleton")
                .param("list", kind.code())
                .param("skeleton", skeleton)
                .update();
        if (removed > 0) {
            changed();
        }
        return removed > 0;
    }

    private void changed() {
        lists.invalidateAll();
        cluster.send(CHANGED, "");
    }

    private List<Entry> load(Kind kind) {
        return db.sql("SELECT word, normalised FROM moderation_word WHERE list = :list ORDER BY normalised")
                .param("list", kind.code())
                .query((rs, n) -> new Entry(rs.getString("word"), rs.getString("normalised")))
                .list();
    }
}
