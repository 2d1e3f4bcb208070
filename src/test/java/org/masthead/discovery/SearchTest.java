package org.masthead.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Search as a reader uses it: /search with words, filters and sorting, and the box's suggestions. */
@MastheadTest
class SearchTest {

    private static final Pattern HEADLINE = Pattern.compile("class=\"card__headline\"><a href=\"[^\"]*\">([^<]*)</a>");
    private static final Random RANDOM = new Random();

    @Autowired
    TestContent content;

    @LocalServerPort
    int port;

    Http http;
    Section section;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        http = new Http(port);
        section = content.section("Searchable");
    }

    @Test
    void aWordInTheHeadlineRanksAboveTheSameWordInTheBody() {
        String word = word();
        Instant at = now.minus(1, ChronoUnit.HOURS);
        content.article(section)
                .headline("Only the body mentions it")
                .body("Deep in the story the " + word + " appears once.")
                .publishedAt(at);
        content.article(section).headline("The " + word + " in the headline").publishedAt(at);

        assertThat(headlinesFor(word, 2))
                .containsExactly("The " + word + " in the headline", "Only the body mentions it");
    }

    @Test
    void aNewerArticleRanksAboveAnOlderOneWithTheSameWords() {
        String word = word();
        content.article(section).headline("Older " + word).publishedAt(now.minus(90, ChronoUnit.DAYS));
        content.article(section).headline("Newer " + word).publishedAt(now.minus(1, ChronoUnit.DAYS));
        content.article(section).headline("Middle " + word).publishedAt(now.minus(20, ChronoUnit.DAYS));

        assertThat(headlinesFor(word, 3)).containsExactly("Newer " + word, "Middle " + word, "Older " + word);
    }

    @Test
    void anOldHeadlineMatchComesFirstAndMatchesInTheBodyAloneFollowNewestFirstAcrossPages() {
        String word = word();
        content.article(section).headline("Long ago, the " + word).publishedAt(now.minus(365, ChronoUnit.DAYS));
        for (int i = 0; i < 12; i++) {
            content.article(section)
                    .headline("Mentioned in passing " + i)
                    .body("Somewhere in here is the " + word + ".")
                    .publishedAt(now.minus(i + 1, ChronoUnit.HOURS));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get("/search?q=" + word).body()).contains("13 results"));

        List<String> first = headlines(get("/search?q=" + word));
        List<String> second = headlines(get("/search?q=" + word + "&page=2"));

        assertThat(first).hasSize(10).startsWith("Long ago, the " + word, "Mentioned in passing 0");
        assertThat(first.get(9)).isEqualTo("Mentioned in passing 8");
        assertThat(second)
                .containsExactly("Mentioned in passing 9", "Mentioned in passing 10", "Mentioned in passing 11");
    }

    @Test
    void topicsAndAuthorNamesAreSearchedAndAccentsAndStemsDoNotMatter() {
        String word = word();
        Tag topic = content.tag("Topic " + word);
        Author author = content.author("Zoë " + word + "son");
        content.article(section).headline("Tagged only").tagged(topic).published();
        content.article(section).headline("Bylined only").by(author).published();
        content.article(section).headline("Running in the café " + word).published();

        assertThat(headlinesFor(word, 2)).containsExactlyInAnyOrder("Tagged only", "Running in the café " + word);
        assertThat(headlinesFor("zoe " + word + "son", 1)).containsExactly("Bylined only");
        assertThat(headlines(get("/search?q=" + encode("runs cafe " + word))))
                .containsExactly("Running in the café " + word);
        assertThat(headlines(get("/search?q=" + encode("ran cafe " + word)))).isEmpty();
    }

    @Test
    void filtersBySectionAuthorAndDates() {
        String word = word();
        Section other = content.section("Elsewhere");
        Section sub = content.subSection(section, "Below");
        Author author = content.author("Filter Writer");
        content.article(other).headline("Elsewhere " + word).publishedAt(now.minus(3, ChronoUnit.DAYS));
        content.article(sub).headline("Below " + word).by(author).publishedAt(now.minus(10, ChronoUnit.DAYS));
        content.article(section).headline("Here " + word).publishedAt(now.minus(1, ChronoUnit.DAYS));
        headlinesFor(word, 3);

        assertThat(headlines(get("/search?q=" + word + "&section=" + section.path())))
                .containsExactlyInAnyOrder("Below " + word, "Here " + word);
        assertThat(headlines(get("/search?q=" + word + "&author=" + author.slug())))
                .containsExactly("Below " + word);
        LocalDate fiveDaysAgo = LocalDate.ofInstant(now.minus(5, ChronoUnit.DAYS), ZoneId.of("Europe/London"));
        assertThat(headlines(get("/search?q=" + word + "&from=" + fiveDaysAgo)))
                .containsExactlyInAnyOrder("Elsewhere " + word, "Here " + word);
        assertThat(headlines(get("/search?q=" + word + "&to=" + fiveDaysAgo))).containsExactly("Below " + word);
        assertThat(headlines(get("/search?q=" + word + "&sort=date")))
                .containsExactly("Here " + word, "Elsewhere " + word, "Below " + word);

        HttpResponse<String> noSuchSection = http.get("/search?q=" + word + "&section=no-such-section-here");
        assertThat(noSuchSection.statusCode()).isEqualTo(400);
        assertThat(noSuchSection.body()).contains("There is no such section.");
        HttpResponse<String> badDate = http.get("/search?q=" + word + "&from=2026-02-31");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("There is no such day as 2026-02-31.");
        HttpResponse<String> notADate = http.get("/search?q=" + word + "&from=yesterday");
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("Give a date as YYYY-MM-DD").contains("value=\"" + word + "\"");
        HttpResponse<String> backwards = http.get("/search?q=" + word + "&from=2026-12-10&to=2026-11-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("The day to search until comes before the day to search from.");
        assertThat(get("/search?q=" + word + "&section=" + other.path() + "&to=" + fiveDaysAgo)
                        .body())
                .as("an empty filtered search says the filters are why, and offers the search without them")
                .contains("No results for “" + word + "” with the section, author or dates chosen.")
                .contains("href=\"/search?q=" + word + "\"");
    }

    @Test
    void quotedPhrasesExcludedWordsAndOrWorkAsInWebSearch() {
        String word = word();
        content.article(section).headline(word + " harbour wall collapses").published();
        content.article(section).headline(word + " wall of the harbour").published();
        content.article(section).headline(word + " football final").published();
        content.article(section)
                .headline(word + " ferry strike")
                .body("The strike closed the harbour for a day.")
                .published();
        headlinesFor(word, 4);

        assertThat(headlines(get("/search?q=" + encode(word + " \"harbour wall\""))))
                .containsExactly(word + " harbour wall collapses");
        // Excluded however deep in the body it is, though the headline matches the rest.
        assertThat(headlines(get("/search?q=" + encode(word + " -harbour")))).containsExactly(word + " football final");
        assertThat(headlines(get("/search?q=" + encode(word + " collapses OR football"))))
                .containsExactlyInAnyOrder(word + " harbour wall collapses", word + " football final");
    }

    @Test
    void anyInputGetsResultsOrAClearNoResultsNeverAnError() {
        content.article(section).headline("Hostile input does not break search").published();
        List<String> inputs = List.of(
                "",
                " ",
                "\"",
                "\"unbalanced quote",
                "\\",
                "\\\\ back\\slash",
                "'; DROP TABLE search_document; --",
                "a & b | !c <-> (d:*)",
                "!!!",
                "-",
                "OR",
                "-the",
                "the and of",
                "🙂 emoji 🗞️",
                "x".repeat(3000),
                "word ".repeat(1200),
                "%_%",
                "<script>alert(1)</script>",
                "日本語の記事");
        for (String input : inputs) {
            HttpResponse<String> response = get("/search?q=" + encode(input));
            assertThat(response.statusCode()).as(input).isEqualTo(200);
            assertThat(response.body()).as(input).doesNotContain("<script>alert(1)</script>");
            HttpResponse<String> suggestions = http.get("/search/suggestions?q=" + encode(input));
            assertThat(suggestions.statusCode()).as(input).isEqualTo(200);
        }
        // NUL is refused before anything reads it; a query longer than a request line may be is the server's 414.
        HttpResponse<String> nul = http.get("/search?q=a%00b");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body())
                .as("in words a reader knows")
                .contains("an invisible character that cannot be kept")
                .doesNotContain("NUL")
                .doesNotContain("control character");
        HttpResponse<String> tooLongALine = http.get("/search?q=" + "y".repeat(10_000));
        assertThat(tooLongALine.statusCode()).isEqualTo(414);
        assertThat(tooLongALine.body()).contains("we couldn’t make sense of that request");
        assertThat(http.get("/search?q=a&page=0").statusCode()).isEqualTo(400);
        assertThat(http.get("/search?q=a&page=abc").statusCode()).isEqualTo(400);
        assertThat(get("/search?q=" + encode("zzqqxxnothing")).body()).contains("No results for");
        String tooLong = get("/search?q=" + "z".repeat(300) + "%F0%9F%99%82").body();
        assertThat(tooLong)
                .as("only the words searched for are shown back, in the box, the title and the message")
                .contains("Searches go up to 256 characters: only the words in the box were used.")
                .contains("<title>Search: " + "z".repeat(256) + " | ")
                .contains("No results for “" + "z".repeat(256) + "”.")
                .doesNotContain("z".repeat(257));
        assertThat(get("/search?q=" + "z".repeat(255) + "%F0%9F%99%82").body())
                .as("an emoji across the limit is left out whole, never cut in half")
                .contains("No results for “" + "z".repeat(255) + "”.");
    }

    @Test
    void anUnpublishedArticleLeavesTheResultsAtOnce() {
        String word = word();
        long id = content.article(section).headline("Soon gone " + word).published();
        assertThat(headlinesFor(word, 1)).containsExactly("Soon gone " + word);

        content.unpublish(id);

        assertThat(headlines(get("/search?q=" + word))).isEmpty();
        assertThat(headlines(get("/search?q=" + word + "&page=1"))).isEmpty();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get("/search?q=" + word).body()).contains("No results for"));
    }

    @Test
    void aDraftIsNeverFound() {
        String word = word();
        content.article(section).headline("Draft " + word).draft();
        content.article(section).headline("Published " + word).published();

        assertThat(headlinesFor(word, 1)).containsExactly("Published " + word);
    }

    @Test
    void resultsAreMarkedInASnippetAndPagesAreCacheable() {
        String word = word();
        content.article(section)
                .headline("Snippets")
                .body("A long first paragraph about nothing much at all.\n\nThen the " + word
                        + " is mentioned, <b>not bold</b>, in the second paragraph.")
                .published();
        headlinesFor(word, 1);

        HttpResponse<String> response = get("/search?q=" + word);
        assertThat(response.body()).contains("<mark>" + word + "</mark>");
        assertThat(response.body()).doesNotContain("<b>not bold</b>");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("public");
        assertThat(response.headers().firstValue("Surrogate-Key")).hasValue("search");
    }

    @Test
    void aWordFarIntoALongBodyStillGetsItsSnippet() {
        String word = word();
        String filler = "Nothing to see in this paragraph, which goes on for a while without saying much.\n\n";
        content.article(section)
                .headline("A long read")
                .body(filler.repeat(60) + "At last the " + word + " appears near the end.")
                .published();
        headlinesFor(word, 1);

        assertThat(get("/search?q=" + word).body()).contains("At last the <mark>" + word + "</mark> appears");
    }

    @Test
    void manyResultsArePaged() {
        String word = word();
        for (int i = 0; i < 12; i++) {
            content.article(section).headline("Paged " + word + " " + i).publishedAt(now.minus(i, ChronoUnit.HOURS));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get("/search?q=" + word).body()).contains("12 results"));

        assertThat(headlines(get("/search?q=" + word + "&sort=date")))
                .hasSize(10)
                .startsWith("Paged " + word + " 0");
        HttpResponse<String> second = get("/search?q=" + word + "&sort=date&page=2");
        assertThat(headlines(second)).containsExactly("Paged " + word + " 10", "Paged " + word + " 11");
        assertThat(second.body()).contains("Page 2 of 2");
    }

    @Test
    void theBoxSuggestsHeadlinesTopicsAndAuthorsDespiteTyposAndAccents() {
        String word = word();
        Tag topic = content.tag("Beckett " + word);
        Author author = content.author("Zoë " + word);
        content.article(section)
                .headline("Waiting for " + word)
                .tagged(topic)
                .by(author)
                .published();
        headlinesFor(word, 1);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String json = http.get("/search/suggestions?q=" + encode("becket " + word))
                    .body();
            assertThat(json).contains("\"label\":\"Beckett " + word + "\"").contains("\"kind\":\"topic\"");
        });
        assertThat(http.get("/search/suggestions?q=" + encode("zoe " + word)).body())
                .contains("\"label\":\"Zoë " + word + "\"", "\"kind\":\"author\"", "/author/" + author.slug());
        assertThat(http.get("/search/suggestions?q=" + encode("waiting for " + word))
                        .body())
                .contains("\"kind\":\"article\"", "/" + section.path() + "/");
        assertThat(http.get("/search/suggestions?q=wa").body()).isEqualTo("{\"suggestions\":[]}");
    }

    @Test
    void aSearchForOnlyCommonWordsSaysTheyAreTooCommonRatherThanThatNothingMatched() {
        String word = word();
        content.article(section).headline("The " + word + " and the sea").published();
        headlinesFor(word, 1);

        String page = get("/search?q=" + encode("the")).body();
        String several = get("/search?q=" + encode("The and of")).body();

        assertThat(page)
                .contains("“the” is too common to search for. Add a word particular to what you are looking for")
                .doesNotContain("No results for");
        assertThat(several).contains("“The and of” is too common to search for.");
        assertThat(get("/search?q=" + encode("the " + word)).body())
                .as("a common word beside a particular one still finds")
                .contains("data-result-count")
                .doesNotContain("too common");
    }

    @Test
    void onlyCommonWordsAreToldSoWhateverTheFiltersAndOrder() {
        String word = word();
        content.article(section).headline("The " + word + " of the day").published();
        headlinesFor(word, 1);

        // The words are looked at only once nothing is found: the filtered and dated searches run first.
        for (String asked : List.of(
                "/search?q=the&sort=date",
                "/search?q=the&section=" + section.path(),
                "/search?q=" + encode("of the") + "&section=" + section.path() + "&sort=date&page=2")) {
            HttpResponse<String> response = http.get(asked);

            assertThat(response.statusCode()).as(asked).isEqualTo(200);
            assertThat(response.body())
                    .as(asked)
                    .contains("is too common to search for.")
                    .doesNotContain("No results for")
                    .doesNotContain("Did you mean");
        }
        assertThat(http.get("/search?q=%F0%9F%99%82&sort=date&section=" + section.path())
                        .body())
                .as("no word at all, filtered")
                .contains("No results for")
                .doesNotContain("too common");
    }

    @Test
    void aSearchWithNoWordInItSaysNoResultsRatherThatItIsTooCommon() {
        for (String nothingToSearch : List.of("🙂", "\\", "!!!", "!@#$%^&*()", "—")) {
            String page = get("/search?q=" + encode(nothingToSearch)).body();

            assertThat(page)
                    .as(nothingToSearch)
                    .contains("No results for “" + nothingToSearch.replace("&", "&amp;") + "”")
                    .doesNotContain("too common");
        }
    }

    @Test
    void noResultsOffersACloseSpellingThatFindsSomething() {
        String word = word();
        content.article(section).headline("Parliament debates " + word).published();
        headlinesFor(word, 1);

        // The last letter changed: to a q, unless it was one.
        String misspelt = word.substring(0, word.length() - 1) + (word.endsWith("q") ? "x" : "q");
        String page = get("/search?q=" + misspelt).body();

        assertThat(page).contains("No results for").contains("Did you mean");
        assertThat(page).contains(">" + word + "</a>");
        assertThat(get("/search?q=" + encode("\"" + misspelt)).body())
                .as("a quote the reader left open is not offered back")
                .contains(">" + word + "</a>?")
                .doesNotContain("&quot;" + word);
    }

    @Test
    void aLongSearchIsCutAtItsLastWholeWordAndStillFinds() {
        String word = word();
        content.article(section).headline("Rising " + word).published();
        headlinesFor(word, 1);
        String pasted = (word + " ").repeat(300 / (word.length() + 1) + 1).strip();

        String page = get("/search?q=" + encode(pasted)).body();

        assertThat(pasted.length()).isGreaterThan(256);
        assertThat(page)
                .contains("Searches go up to 256 characters")
                .as("no word cut in two, which would match nothing")
                .contains("1 result")
                .doesNotContain("No results");
    }

    @Test
    void aPagePastTheLastLeadsToTheLastAndFiltersWithoutWordsSaySo() {
        String word = word();
        for (int i = 0; i < 12; i++) {
            content.article(section).headline("Counted " + word + " " + i).publishedAt(now.minus(i, ChronoUnit.HOURS));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get("/search?q=" + word).body()).contains("12 results"));

        HttpResponse<String> past = http.get("/search?q=" + word + "+%26&sort=date&page=5");
        String single = word();
        content.article(section).headline("Only " + single).published();
        headlinesFor(single, 1);
        HttpResponse<String> pastOnePage = http.get("/search?q=" + single + "&section=" + section.path() + "&page=3");

        assertThat(past.statusCode()).isEqualTo(302);
        assertThat(past.headers().firstValue("Location").orElseThrow())
                .endsWith("/search?q=" + word + "%20%26&sort=date&page=2");
        assertThat(pastOnePage.headers().firstValue("Location").orElseThrow())
                .as("there is one page, which has no number")
                .endsWith("/search?q=" + single + "&section=" + section.path().replace("/", "%2F"));
        assertThat(get("/search?q=&section=" + section.path()).body())
                .contains("Type some words to search for")
                .doesNotContain("data-results");
        assertThat(get("/search").body()).doesNotContain("Type some words");
    }

    /** Waits for the index to hold at least {@code atLeast} results, then gives the headlines in order. */
    private List<String> headlinesFor(String words, int atLeast) {
        List<String> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            found.clear();
            found.addAll(headlines(get("/search?q=" + encode(words))));
            return found.size() >= atLeast;
        });
        return found;
    }

    private HttpResponse<String> get(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private static List<String> headlines(HttpResponse<String> response) {
        List<String> headlines = new ArrayList<>();
        Matcher matcher = HEADLINE.matcher(response.body());
        while (matcher.find()) {
            headlines.add(matcher.group(1).replace("&#39;", "'"));
        }
        return headlines;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A made-up word no other test's article contains. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }
}
