package org.masthead.discovery.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The search index's SQL: documents in, ranked hits and suggestions out. */
@Repository
class SearchRepository {

    /** What ts_headline puts around a match: characters no article contains, turned into marks later. */
    static final char MARK_START = '\uE000';

    static final char MARK_END = '\uE001';

    private static final String QUERY = "websearch_to_tsquery('masthead_english', :q)";

    private static final String SNIPPET_OPTIONS = "StartSel=" + MARK_START + ", StopSel=" + MARK_END
            + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    /**
     * Characters of the body a snippet is chosen from: two fragments of 35 words fit, and little more.
     * {@code ts_headline} parses and stems every word it is given: ten snippets cut from 1,200 characters
     * each cost 4.3 ms of the database's time per search, from 600 about half as much.
     */
    private static final int SNIPPET_WINDOW = 600;

    /** The newest articles a common word's matches in the body alone are first looked for among. */
    static final int RECENT_WINDOW = 500;

    /** A word of a web search query, with the minus that excludes it if it has one. */
    private static final Pattern ANCHOR_WORD = Pattern.compile("(?:^|[\\s\"(])(-)?(\\p{L}[\\p{L}\\p{N}]*)");

    private final JdbcClient db;

    SearchRepository(JdbcClient db) {
        this.db = db;
    }

    /** One article as the index keeps it. */
    record Document(
            long articleId,
            List<Long> sectionIds,
            List<Long> authorIds,
            List<Long> tagIds,
            Instant publishedAt,
            String headline,
            String standfirst,
            String bodyText,
            String topics,
            String authors) {}

    /** What a reader asked for, with the filters resolved to ids. */
    record Query(
            String text,
            @Nullable Long sectionId,
            @Nullable Long authorId,
            @Nullable Instant from,
            @Nullable Instant until) {}

    void save(Document document, Instant now) {
        db.sql(
                        """
                        INSERT INTO search_document (article_id, section_ids, author_ids, tag_ids, published_at,
                                                     headline, standfirst, body_text, document, title_document,
                                                     indexed_at)
                        VALUES (:id, :sections, :authors, :tags, :publishedAt, :headline, :standfirst, :body,
                                setweight(to_tsvector('masthead_english', :headline), 'A')
                                    || setweight(to_tsvector('masthead_english', :topics), 'A')
                                    || setweight(to_tsvector('masthead_english', :standfirst), 'B')
                                    || setweight(to_tsvector('masthead_english', :authorNames), 'B')
                                    || setweight(to_tsvector('masthead_english', :body), 'D'),
                                setweight(to_tsvector('masthead_english', :headline), 'A')
                                    || setweight(to_tsvector('masthead_english', :topics), 'A')
                                    || setweight(to_tsvector('masthead_english', :standfirst), 'B')
                                    || setweight(to_tsvector('masthead_english', :authorNames), 'B'),
                                :now)
                        ON CONFLICT (article_id) DO UPDATE SET
                            section_ids = excluded.section_ids, author_ids = excluded.author_ids,
                            tag_ids = excluded.tag_ids, published_at = excluded.published_at,
                            headline = excluded.headline, standfirst = excluded.standfirst,
                            body_text = excluded.body_text, document = excluded.document,
                            title_document = excluded.title_document,
                            indexed_at = excluded.indexed_at""")
                .param("id", document.articleId())
                .param("sections", document.sectionIds().toArray(Long[]::new))
                .param("authors", document.authorIds().toArray(Long[]::new))
                .param("tags", document.tagIds().toArray(Long[]::new))
                .param("publishedAt", Timestamp.from(document.publishedAt()))
                .param("headline", document.headline())
                .param("standfirst", document.standfirst())
                .param("body", document.bodyText())
                .param("topics", document.topics())
                .param("authorNames", document.authors())
                .param("now", Timestamp.from(now))
                .update();
        db.sql(
                        """
                        INSERT INTO search_word (word)
                        SELECT DISTINCT w FROM regexp_split_to_table(lower(unaccent(:text)), '[^[:alpha:]]+') AS w
                        WHERE length(w) BETWEEN 3 AND 30
                        ON CONFLICT DO NOTHING""")
                .param(
                        "text",
                        String.join(
                                " ",
                                document.headline(),
                                document.standfirst(),
                                document.topics(),
                                document.authors(),
                                document.bodyText()))
                .update();
        suggest("ARTICLE", document.articleId(), document.headline());
    }

    void suggest(String kind, long id, String label) {
        db.sql(
                        """
                        INSERT INTO search_suggestion (kind, ref_id, label, plain)
                        VALUES (:kind, :id, :label, lower(unaccent(:label)))
                        ON CONFLICT (kind, ref_id) DO UPDATE SET label = excluded.label, plain = excluded.plain""")
                .param("kind", kind)
                .param("id", id)
                .param("label", label)
                .update();
    }

    void remove(long articleId) {
        db.sql("DELETE FROM search_document WHERE article_id = :id")
                .param("id", articleId)
                .update();
        db.sql("DELETE FROM search_suggestion WHERE kind = 'ARTICLE' AND ref_id = :id")
                .param("id", articleId)
                .update();
    }

    List<Long> indexedIds() {
        return db.sql("SELECT article_id FROM search_document ORDER BY article_id")
                .query(Long.class)
                .list();
    }

    /**
     * The page of articles whose title document (headline, topics, standfirst, authors) matches the whole
     * query, best first, and how many match, counting no further than {@code candidates}. Only the newest
     * {@code candidates} matches are ordered by score: {@code ts_rank} on the title document plus 0.01, times
     * a factor for age that halves from 1 towards 0.5 every half-life, so that a newer article beats an older
     * one with the same words while an old story that matches much better still comes first among them. A
     * word in thousands of headlines would otherwise have every one of them read and ordered for each search,
     * and no reader pages past the first thousand results: they sort by date to see further back.
     *
     * <p>The query is written into the statement, not computed in a common table expression, so that the
     * planner sees what it asks for: it reads a common word's newest matches through the date index, which
     * holds the title document, and a rare word's through the title index ({@link #matchThroughIndexes}).
     * Age is computed in floating point: the numeric that {@code extract} returns made {@code power} cost
     * three times the ranking. Each match is ranked as it is read, so that only its id, date and rank are
     * sorted and kept, and the matches are counted from the kept rows: sorting the matches with their title
     * documents, and counting them with a window that copied each again, took 7 to 11 ms for a word in
     * 2,174 headlines, against 2 to 4 ms ranking every match first.
     */
    TitleMatches rankedByTitle(Query query, Instant now, Duration halfLife, int candidates, int limit, long offset) {
        matchThroughIndexes();
        // The title document is the document's first part, so whatever matches it matches the document,
        // unless the query excludes a word, which the body may hold.
        String alsoInDocument = query.text().contains("-") ? "AND d.document @@ " + QUERY : "";
        List<Ranked> ranked = bind(
                        db.sql(
                                """
                                WITH newest AS MATERIALIZED (
                                    SELECT d.article_id, d.published_at, ts_rank(d.title_document, %1$s) AS rank
                                    FROM search_document d
                                    WHERE d.title_document @@ %1$s %2$s %3$s
                                    ORDER BY d.published_at DESC, d.article_id DESC LIMIT :candidates)
                                SELECT article_id, (SELECT count(*) FROM newest) AS matches,
                                       (rank + 0.01)
                                       * (0.5 + 0.5 * power(0.5, greatest(0, CAST(extract(epoch FROM
                                             (CAST(:now AS timestamptz) - published_at)) AS float8)) / :halfLife))
                                           AS score
                                FROM newest
                                ORDER BY score DESC, published_at DESC, article_id DESC LIMIT :limit OFFSET :offset"""
                                        .formatted(QUERY, filters(query), alsoInDocument)),
                        query)
                .param("now", Timestamp.from(now))
                .param("halfLife", (double) halfLife.toSeconds())
                .param("candidates", candidates)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Ranked(rs.getLong("article_id"), rs.getInt("matches")))
                .list();
        int matches = ranked.isEmpty()
                ? (offset == 0 ? 0 : countTitleMatches(query, candidates, alsoInDocument))
                : ranked.getFirst().matches();
        return new TitleMatches(ranked.stream().map(Ranked::articleId).toList(), matches);
    }

    /** A page of {@link #rankedByTitle}: its articles, and how many match in all, up to the candidates. */
    record TitleMatches(List<Long> page, int matches) {}

    private record Ranked(long articleId, int matches) {}

    private int countTitleMatches(Query query, int cap, String alsoInDocument) {
        return bind(
                        db.sql(
                                """
                                SELECT count(*) FROM (
                                    SELECT 1 FROM search_document d WHERE d.title_document @@ %s %s %s LIMIT :cap)
                                    AS found"""
                                        .formatted(QUERY, filters(query), alsoInDocument)),
                        query)
                .param("cap", cap)
                .query(Integer.class)
                .single();
    }

    /**
     * Articles that match in the body alone, newest first: the tier after the title matches, where every
     * score would be the same factor of age. With {@code manyMatches} (the caller counted a thousand or more
     * matches), they are first looked for among the newest {@value #RECENT_WINDOW} articles only: a word in
     * most bodies (such as "said") has its page there, where taking every match from the document's index
     * and sorting them read 82,608 articles, a quarter of a second a search. Otherwise, or when the newest
     * do not fill the page, they are all taken from the index: read newest first through the date index
     * instead, a word found only in headlines had every article's document read to find none.
     */
    List<Long> newestInBodyAlone(Query query, boolean manyMatches, int limit, long offset) {
        matchThroughIndexes();
        String bodyAlone = "d.document @@ %1$s AND NOT d.title_document @@ %1$s".formatted(QUERY);
        if (manyMatches) {
            List<Long> recent = bind(
                            db.sql(
                                    """
                                    SELECT d.article_id FROM (
                                        SELECT d.article_id, d.published_at, d.document, d.title_document
                                        FROM search_document d WHERE true %s
                                        ORDER BY d.published_at DESC, d.article_id DESC LIMIT :window) AS d
                                    WHERE %s
                                    ORDER BY d.published_at DESC, d.article_id DESC LIMIT :limit OFFSET :offset"""
                                            .formatted(filters(query), bodyAlone)),
                            query)
                    .param("window", RECENT_WINDOW)
                    .param("limit", limit)
                    .param("offset", offset)
                    .query(Long.class)
                    .list();
            if (recent.size() == limit) {
                return recent;
            }
        }
        return bind(
                        db.sql(
                                """
                                WITH body_alone AS MATERIALIZED (
                                    SELECT d.article_id, d.published_at FROM search_document d WHERE %s %s)
                                SELECT article_id FROM body_alone
                                ORDER BY published_at DESC, article_id DESC LIMIT :limit OFFSET :offset"""
                                        .formatted(bodyAlone, filters(query))),
                        query)
                .param("limit", limit)
                .param("offset", offset)
                .query(Long.class)
                .list();
    }

    /**
     * Articles that match anywhere, newest first. With {@code fewMatches} (the caller counted fewer than a
     * thousand), all of them are taken from the document's index and then sorted; otherwise the planner may
     * read the newest articles in turn until enough match. That is quick for a common word, and for a rare
     * one a disaster the planner cannot foresee: testing a document reads it out of line, and a word in no
     * article of the section chosen had 46,567 documents read, 0.9 s.
     */
    List<Long> newest(Query query, boolean fewMatches, int limit, long offset) {
        matchThroughIndexes();
        String matches = "SELECT d.article_id, d.published_at FROM search_document d WHERE d.document @@ %s %s"
                .formatted(QUERY, filters(query));
        return bind(
                        db.sql(
                                """
                                WITH found AS %s (%s)
                                SELECT article_id FROM found
                                ORDER BY published_at DESC, article_id DESC LIMIT :limit OFFSET :offset"""
                                        .formatted(fewMatches ? "MATERIALIZED" : "NOT MATERIALIZED", matches)),
                        query)
                .param("limit", limit)
                .param("offset", offset)
                .query(Long.class)
                .list();
    }

    /**
     * The passage of each article's body that shows why it was found, its matched words between the marks.
     * It is cut from a window of the body around the first place the query's first word seems to be
     * ({@link #snippetAnchor}), or from its start: {@code ts_headline} parses all the text it is given, and
     * a long feature's whole body cost more than the rest of the query.
     */
    Map<Long, String> snippets(Query query, List<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> snippets = new HashMap<>();
        db.sql(
                        """
                        SELECT d.article_id,
                               ts_headline('masthead_english',
                                           substr(d.body_text, greatest(1, strpos(lower(d.body_text), :anchor)
                                               - :windowBefore), :window), %s, :options) AS snippet
                        FROM search_document d WHERE d.article_id = ANY(:ids)"""
                                .formatted(QUERY))
                .param("q", query.text())
                .param("ids", articleIds.toArray(Long[]::new))
                .param("options", SNIPPET_OPTIONS)
                .param("anchor", snippetAnchor(query.text()))
                .param("windowBefore", SNIPPET_WINDOW / 3)
                .param("window", SNIPPET_WINDOW)
                .query((rs, n) -> snippets.put(rs.getLong("article_id"), rs.getString("snippet")))
                .list();
        return snippets;
    }

    /**
     * What to look for in the lower-case body to find where a snippet should come from: the first word
     * of the query that is not excluded, without the last two letters of a longer word, which other
     * forms of it may not share ("coders", "coded"); empty when there is none, which places the window
     * at the start.
     */
    static String snippetAnchor(String text) {
        Matcher words = ANCHOR_WORD.matcher(text);
        while (words.find()) {
            String word = words.group(2).toLowerCase(Locale.ROOT);
            if (words.group(1) == null && !word.equals("or")) {
                return word.length() > 4 ? word.substring(0, word.length() - 2) : word;
            }
        }
        return "";
    }

    /** What a search's words leave to search for. */
    enum Words {
        /** At least one word the index keeps. */
        SEARCHABLE,
        /**
         * Only words as common as "the" or "and" (PostgreSQL's stop words), which the index keeps none of, so
         * that the reader is told to add a particular word.
         */
        ONLY_COMMON,
        /** No word at all (emoji, punctuation, a backslash), which nothing can match. */
        NONE
    }

    /**
     * What the words leave to search for. The simple configuration keeps every word, stop words included,
     * so it tells a search of common words from one with no word in it, which neither finds anything.
     */
    Words searchableWords(String words) {
        return db.sql("SELECT numnode(" + QUERY + ") > 0 AS searchable,"
                        + " numnode(websearch_to_tsquery('simple', :q)) > 0 AS any_word")
                .param("q", words)
                .query((row, n) -> row.getBoolean("searchable")
                        ? Words.SEARCHABLE
                        : row.getBoolean("any_word") ? Words.ONLY_COMMON : Words.NONE)
                .single();
    }

    /** How many articles match, counting no further than {@code cap}. */
    int count(Query query, int cap) {
        matchThroughIndexes();
        return bind(
                        db.sql(
                                """
                                SELECT count(*) FROM (
                                    SELECT 1 FROM search_document d WHERE d.document @@ %s %s LIMIT :cap)
                                    AS found"""
                                        .formatted(QUERY, filters(query))),
                        query)
                .param("cap", cap)
                .query(Integer.class)
                .single();
    }

    /**
     * Matches documents only through their indexes, and plans each statement for its own query, for the
     * rest of the caller's transaction. The planner cannot see that testing a document means reading it out
     * of line, and, sure that a common word matches every fourth article, it read them all in turn: 1.4 s
     * to count the articles with {@code climate} in them, against 0.1 s through the index. And a plan made
     * once for any query (the generic plan of a statement prepared by the driver) cannot know whether a
     * word is in a third of the headlines or in two: only the query's own plan reads the right index.
     */
    private void matchThroughIndexes() {
        db.sql(
                        "SELECT set_config('enable_seqscan', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)")
                .query()
                .listOfRows();
    }

    private static String filters(Query query) {
        StringBuilder where = new StringBuilder();
        if (query.sectionId() != null) {
            where.append(" AND d.section_ids @> ARRAY[CAST(:section AS bigint)]");
        }
        if (query.authorId() != null) {
            where.append(" AND d.author_ids @> ARRAY[CAST(:author AS bigint)]");
        }
        if (query.from() != null) {
            where.append(" AND d.published_at >= :from");
        }
        if (query.until() != null) {
            where.append(" AND d.published_at < :until");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Query query) {
        spec = spec.param("q", query.text());
        if (query.sectionId() != null) {
            spec = spec.param("section", query.sectionId());
        }
        if (query.authorId() != null) {
            spec = spec.param("author", query.authorId());
        }
        if (query.from() != null) {
            spec = spec.param("from", Timestamp.from(query.from()));
        }
        if (query.until() != null) {
            spec = spec.param("until", Timestamp.from(query.until()));
        }
        return spec;
    }

    /** A suggestion for the search box. */
    record Suggestion(String kind, long refId, String label) {}

    /**
     * Headlines, topics and authors that the typed text begins a word of, or comes close to (a typo, a
     * missing accent), best first.
     */
    List<Suggestion> suggestions(String typed, int limit) {
        return db.sql(
                        """
                        WITH t AS (SELECT lower(unaccent(:typed)) AS typed)
                        SELECT kind, ref_id, label FROM search_suggestion, t
                        WHERE plain LIKE '%' || replace(replace(replace(t.typed, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
                           OR t.typed <% plain
                        ORDER BY (plain LIKE replace(replace(replace(t.typed, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%') DESC,
                                 word_similarity(t.typed, plain) DESC,
                                 CASE kind WHEN 'TOPIC' THEN 0 WHEN 'AUTHOR' THEN 1 ELSE 2 END, label
                        LIMIT :limit""")
                .param("typed", typed)
                .param("limit", limit)
                .query((rs, n) -> new Suggestion(rs.getString("kind"), rs.getLong("ref_id"), rs.getString("label")))
                .list();
    }

    boolean isKnownWord(String word) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM search_word WHERE word = lower(unaccent(:word)))")
                .param("word", word)
                .query(Boolean.class)
                .single();
    }

    /** The indexed word closest in spelling to this one, if any is close enough. */
    Optional<String> closestWord(String word) {
        return db.sql(
                        """
                        WITH w AS (SELECT lower(unaccent(:word)) AS word)
                        SELECT s.word FROM search_word s, w WHERE s.word % w.word
                        ORDER BY similarity(s.word, w.word) DESC, s.word LIMIT 1""")
                .param("word", word)
                .query(String.class)
                .optional();
    }
}
