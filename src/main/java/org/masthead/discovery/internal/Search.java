package org.masthead.discovery.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.discovery.DiscoveryProperties;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.platform.SiteProperties;
import org.masthead.site.Links;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finding published articles by their words, as readers type them into the search box. */
@Service
@Transactional(readOnly = true)
public class Search {

    /** Longer queries are cut here: no one types more, and a huge query costs the database dearly. */
    public static final int MAX_QUERY_LENGTH = 256;

    /** Counting stops here: "more than 1,000 results" says enough, and counting further costs. */
    public static final int COUNT_CAP = 1000;

    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    private static final int SUGGESTIONS = 8;

    private final SearchRepository index;
    private final PublishedContent content;
    private final DiscoveryProperties properties;
    private final SiteProperties site;
    private final Links links;
    private final Clock clock;

    Search(
            SearchRepository index,
            PublishedContent content,
            DiscoveryProperties properties,
            SiteProperties site,
            Links links,
            Clock clock) {
        this.links = links;
        this.index = index;
        this.content = content;
        this.properties = properties;
        this.site = site;
        this.clock = clock;
    }

    /**
     * What a reader asked: words in web search syntax ("quoted phrases", -excluded, OR), and filters.
     *
     * @param from the first day, in the site's zone, of publication; null for no limit
     * @param to the last day, in the site's zone, of publication; null for no limit
     */
    public record Request(
            String words,
            @Nullable Section section,
            @Nullable Author author,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            boolean byDate,
            int page) {}

    /** A result: the article's card and the passage that matched, in pieces, some marked as matches. */
    public record Result(ArticleCard card, List<Passage> snippet) {}

    /** A piece of a snippet: matched words are marked. */
    public record Passage(String text, boolean match) {}

    /**
     * @param total how many articles match, at most {@link #COUNT_CAP}
     * @param closeSpelling the words with each unknown one spelled as the closest known word, when nothing
     *     was found and that finds something
     * @param onlyCommonWords whether nothing was searched for because every word was too common to search
     *     for ("the", "and"), which the reader is told, rather than that nothing matched
     */
    public record Results(
            List<Result> results,
            int total,
            int page,
            int totalPages,
            @Nullable String closeSpelling,
            boolean onlyCommonWords) {

        /** Nothing searched. */
        public static final Results NONE = new Results(List.of(), 0, 1, 1, null, false);

        static final Results ONLY_COMMON_WORDS = new Results(List.of(), 0, 1, 1, null, true);

        public boolean capped() {
            return total >= COUNT_CAP;
        }
    }

    /** A suggestion for the search box. */
    public record Suggestion(String kind, String label, String href) {}

    public Results find(Request request) {
        String words = trimmed(request.words());
        if (words.isBlank()) {
            return Results.NONE;
        }
        SearchRepository.Query query = queryOf(words, request);
        int pageSize = properties.searchPageSize();
        long offset = (long) (request.page() - 1) * pageSize;
        int total;
        List<Long> found;
        if (request.byDate()) {
            total = index.count(query, COUNT_CAP);
            found = total <= offset ? List.of() : index.newest(query, total < COUNT_CAP, pageSize, offset);
        } else {
            // Headline matches first, ranked, then matches in the body alone, newest first. A thousand
            // headline matches fill every page there is: nothing else need be counted or read.
            SearchRepository.TitleMatches title = index.rankedByTitle(
                    query, clock.instant(), properties.recencyHalfLife(), COUNT_CAP, pageSize, offset);
            total = title.matches() >= COUNT_CAP ? COUNT_CAP : index.count(query, COUNT_CAP);
            found = new ArrayList<>(title.page());
            if (found.size() < pageSize && total > title.matches()) {
                found.addAll(index.newestInBodyAlone(
                        query, total >= COUNT_CAP, pageSize - found.size(), Math.max(0, offset - title.matches())));
            }
        }
        if (total == 0) {
            // Asked only when nothing is found, which words too common to search for, or none at all, find
            // nothing at once: a found search is spared the round trip.
            switch (index.searchableWords(words)) {
                case ONLY_COMMON -> {
                    return Results.ONLY_COMMON_WORDS;
                }
                case NONE -> {
                    return Results.NONE;
                }
                case SEARCHABLE -> {}
            }
        }
        int totalPages = Math.max(1, (total + pageSize - 1) / pageSize);
        Map<Long, String> snippets = index.snippets(query, found);
        List<Result> results = content.cards(found).stream()
                .map(card -> new Result(card, passages(snippets.getOrDefault(card.id(), ""))))
                .toList();
        String closeSpelling = total == 0 ? closeSpelling(words, request) : null;
        return new Results(results, total, request.page(), totalPages, closeSpelling, false);
    }

    /** Headlines, topics and authors for what has been typed so far; nothing for fewer than 3 letters. */
    public List<Suggestion> suggest(String typed) {
        String words = trimmed(typed).strip();
        if (words.length() < 3) {
            return List.of();
        }
        List<SearchRepository.Suggestion> found = index.suggestions(words, SUGGESTIONS);
        Map<Long, ArticleCard> articles = new LinkedHashMap<>();
        content.cards(found.stream()
                        .filter(s -> s.kind().equals("ARTICLE"))
                        .map(SearchRepository.Suggestion::refId)
                        .toList())
                .forEach(card -> articles.put(card.id(), card));
        Map<Long, String> topics = new LinkedHashMap<>();
        Map<Long, String> authors = new LinkedHashMap<>();
        if (found.stream().anyMatch(s -> !s.kind().equals("ARTICLE"))) {
            content.tags().forEach(tag -> topics.put(tag.id(), links.tag(tag.slug())));
            // An author with nothing published has no page to suggest.
            content.publishedAuthors().forEach(author -> authors.put(author.id(), links.author(author.slug())));
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (SearchRepository.Suggestion s : found) {
            String href =
                    switch (s.kind()) {
                        case "TOPIC" -> topics.get(s.refId());
                        case "AUTHOR" -> authors.get(s.refId());
                        default -> articles.containsKey(s.refId()) ? links.article(articles.get(s.refId())) : null;
                    };
            if (href != null) {
                suggestions.add(new Suggestion(s.kind().toLowerCase(Locale.ROOT), s.label(), href));
            }
        }
        return suggestions;
    }

    private SearchRepository.Query queryOf(String words, Request request) {
        return new SearchRepository.Query(
                words,
                request.section() == null ? null : request.section().id(),
                request.author() == null ? null : request.author().id(),
                request.from() == null ? null : startOf(request.from()),
                request.to() == null ? null : startOf(request.to().plusDays(1)));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(site.timeZone()).toInstant();
    }

    private @Nullable String closeSpelling(String words, Request request) {
        Matcher matcher = WORD.matcher(words);
        StringBuilder respelled = new StringBuilder();
        boolean changed = false;
        while (matcher.find()) {
            String word = matcher.group();
            String replacement = word;
            if (!index.isKnownWord(word)) {
                String closest = index.closestWord(word).orElse(null);
                if (closest != null) {
                    replacement = closest;
                    changed = true;
                }
            }
            matcher.appendReplacement(respelled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(respelled);
        if (!changed) {
            return null;
        }
        String suggestion = respelled.toString();
        if (suggestion.chars().filter(c -> c == '"').count() % 2 == 1) {
            // A quote the reader left open means nothing to the search; shown back, it looks like our typo.
            int open = suggestion.lastIndexOf('"');
            suggestion = (suggestion.substring(0, open) + suggestion.substring(open + 1)).strip();
        }
        return index.count(queryOf(suggestion, request), 1) > 0 ? suggestion : null;
    }

    /**
     * The part of a reader's words that a search uses: at most the first {@link #MAX_QUERY_LENGTH}
     * characters, ending at the last whole word. Every word must match, so a word cut in two ("floo")
     * would find nothing where the whole words find something. One word longer than that is cut, with
     * no half emoji.
     */
    public static String trimmed(String words) {
        if (words.length() <= MAX_QUERY_LENGTH) {
            return words;
        }
        if (Character.isWhitespace(words.charAt(MAX_QUERY_LENGTH))) {
            return words.substring(0, MAX_QUERY_LENGTH).stripTrailing();
        }
        for (int end = MAX_QUERY_LENGTH - 1; end > 0; end--) {
            if (Character.isWhitespace(words.charAt(end))
                    && !words.substring(0, end).isBlank()) {
                return words.substring(0, end).stripTrailing();
            }
        }
        int end =
                Character.isHighSurrogate(words.charAt(MAX_QUERY_LENGTH - 1)) ? MAX_QUERY_LENGTH - 1 : MAX_QUERY_LENGTH;
        return words.substring(0, end);
    }

    private static List<Passage> passages(String snippet) {
        List<Passage> passages = new ArrayList<>();
        int at = 0;
        while (at < snippet.length()) {
            int start = snippet.indexOf(SearchRepository.MARK_START, at);
            if (start < 0) {
                passages.add(new Passage(snippet.substring(at), false));
                break;
            }
            if (start > at) {
                passages.add(new Passage(snippet.substring(at, start), false));
            }
            int end = snippet.indexOf(SearchRepository.MARK_END, start);
            if (end < 0) {
                end = snippet.length();
            }
            passages.add(new Passage(snippet.substring(start + 1, end), true));
            at = end + 1;
        }
        return passages;
    }
}
