package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.membership.internal.ReadingList;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Collections, notes, search, order and pages in the reading list, as a member uses them from the page;
 * every input bounded, and one member's collections out of every other reader's reach.
 */
@MastheadTest
class ReadingListCollectionsTest {

    private static final Pattern COLLECTION = Pattern.compile("collection=(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestMembers members;

    @Autowired
    TestContent content;

    @Autowired
    ReadingList readingList;

    Section section;

    @BeforeEach
    void section() {
        section = content.section(TestContent.unique("Collections"));
    }

    @Test
    void aMemberMakesACollectionPutsASavedArticleInItWithANoteAndFindsItBySearching() {
        Member member = member();
        long lighthouse = article("Keepers of the last lighthouse", "A family on a rock in the Atlantic");
        long budget = article("The budget in ten charts", "Where the money goes");
        readingList.save(member.id, lighthouse);
        readingList.save(member.id, budget);

        long holiday = makeCollection(member, "Holiday reading");
        var added = member.web.post("/reading-list/" + lighthouse + "/collections", Map.of("to", "" + holiday));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location").orElseThrow())
                .as("back to the article the reader was at, not the top of the list")
                .endsWith("#saved-" + lighthouse);
        assertThat(member.web
                        .post(
                                "/reading-list/" + lighthouse + "/note",
                                Map.of("note", "Read on the ferry <b>not</b> before"))
                        .statusCode())
                .isEqualTo(303);

        String collection =
                member.web.get("/reading-list?collection=" + holiday).body();
        assertThat(collection)
                .contains("Holiday reading")
                .contains("Keepers of the last lighthouse")
                .doesNotContain("The budget in ten charts")
                .contains("Read on the ferry &lt;b&gt;not&lt;/b&gt; before");
        String saved = member.web.get("/reading-list").body();
        assertThat(saved).contains("Keepers of the last lighthouse").contains("The budget in ten charts");

        assertThat(titles(member.web.get("/reading-list?q=LIGHTHOUSE").body()))
                .containsExactly("Keepers of the last lighthouse");
        assertThat(titles(member.web.get("/reading-list?q=money+goes").body()))
                .containsExactly("The budget in ten charts");
        assertThat(titles(member.web
                        .get("/reading-list?collection=" + holiday + "&q=budget")
                        .body()))
                .isEmpty();
    }

    @Test
    void anArticleCanBeInSeveralCollectionsAndLeavesThemAllWhenUnsaved() {
        Member member = member();
        long article = article("A story for two lists", "Standfirst");
        readingList.save(member.id, article);
        long one = makeCollection(member, "One");
        long two = makeCollection(member, "Two");
        member.web.post("/reading-list/" + article + "/collections", Map.of("to", "" + one));
        member.web.post("/reading-list/" + article + "/collections", Map.of("to", "" + two));

        assertThat(member.web.get("/reading-list?collection=" + one).body()).contains("A story for two lists");
        assertThat(member.web.get("/reading-list?collection=" + two).body()).contains("A story for two lists");

        member.web.post("/reading-list/" + article + "/collections/" + one + "/remove", Map.of());
        assertThat(member.web.get("/reading-list?collection=" + one).body()).doesNotContain("A story for two lists");
        assertThat(member.web.get("/reading-list").body()).contains("A story for two lists");

        member.web.post("/reading-list/" + article + "/remove", Map.of());
        assertThat(member.web.get("/reading-list?collection=" + two).body()).doesNotContain("A story for two lists");
        assertThat(readingList.collection(member.id, two).size()).isZero();
    }

    @Test
    void collectionsAreRenamedAndDeletedAndTheirArticlesStaySaved() {
        Member member = member();
        long article = article("Kept after its collection goes", "Standfirst");
        readingList.save(member.id, article);
        long id = makeCollection(member, "Weekend");
        member.web.post("/reading-list/" + article + "/collections", Map.of("to", "" + id));

        member.web.post("/reading-list/collections/" + id + "/rename", Map.of("name", "  Long   weekend "));
        String inCollection = member.web.get("/reading-list?collection=" + id).body();
        assertThat(inCollection)
                .containsPattern("<a href=\"/reading-list\\?collection=" + id + "\"[^>]*aria-current=\"page\"[^>]*>Long"
                        + " weekend \\(1\\)</a>")
                .as("Saved is counted like the collections, and not marked while a collection is open")
                .containsPattern("<a href=\"/reading-list\" data-saved-link>Saved \\(1\\)</a>");
        assertThat(member.web.get("/reading-list").body())
                .containsPattern("<a href=\"/reading-list\"[^>]*aria-current=\"page\"[^>]*>Saved \\(1\\)</a>");

        HttpResponse<String> deleted =
                member.web.post("/reading-list/collections/" + id + "/delete", Map.of("collection", "" + id));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location").orElse("")).endsWith("/reading-list#reading-list-heading");
        String page = member.web.get("/reading-list").body();
        assertThat(page).doesNotContain("Long weekend (").contains("Kept after its collection goes");
        assertThat(member.web.get("/reading-list?collection=" + id).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badNamesComeBackBesideTheFieldAndChangeNothing() {
        Member member = member();
        makeCollection(member, "Science");

        Map<String, String> refused = Map.of(
                "",
                "Give the collection a name.",
                "   ",
                "Give the collection a name.",
                "x".repeat(ReadingList.MAX_NAME + 1),
                "up to " + ReadingList.MAX_NAME + " characters",
                "SCIENCE",
                "You already have a collection called “Science”: choose another name.",
                "saved",
                "“Saved” is where every saved article is: choose another name.");
        refused.forEach((name, message) -> {
            HttpResponse<String> response = member.web.post("/reading-list/collections/new", Map.of("name", name));
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.body()).as(name).contains("field__error").contains(message);
        });

        assertThat(member.web
                        .post("/reading-list/collections/new", Map.of("name", "bad\u0000name"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(readingList.collections(member.id))
                .extracting(ReadingList.Collection::name)
                .containsExactly("Science");
    }

    @Test
    void aMemberHasAtMostFiftyCollections() {
        Member member = member();
        for (int i = 0; i < ReadingList.MAX_COLLECTIONS; i++) {
            readingList.createCollection(member.id, "List " + i);
        }

        HttpResponse<String> refused = member.web.post("/reading-list/collections/new", Map.of("name", "One too many"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body())
                .contains("field__error")
                .contains("up to " + ReadingList.MAX_COLLECTIONS + " collections");
        assertThat(readingList.collections(member.id)).hasSize(ReadingList.MAX_COLLECTIONS);
    }

    @Test
    void notesAreBoundedAndPrivateAndABlankOneIsRemoved() {
        Member member = member();
        long article = article("A story with a note", "Standfirst");
        readingList.save(member.id, article);
        member.web.post("/reading-list/" + article + "/note", Map.of("note", "First thoughts"));

        HttpResponse<String> tooLong = member.web.post(
                "/reading-list/" + article + "/note", Map.of("note", "n".repeat(ReadingList.MAX_NOTE + 1)));
        HttpResponse<String> control =
                member.web.post("/reading-list/" + article + "/note", Map.of("note", "nul\u0000here"));

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body())
                .contains("A note can be up to " + String.format(java.util.Locale.UK, "%,d", ReadingList.MAX_NOTE)
                        + " characters long.");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(member.web.get("/reading-list").body()).contains("First thoughts");

        Member other = member();
        assertThat(other.web
                        .post("/reading-list/" + article + "/note", Map.of("note", "Not mine"))
                        .statusCode())
                .isEqualTo(404);

        member.web.post("/reading-list/" + article + "/note", Map.of("note", "   "));
        assertThat(member.web.get("/reading-list").body()).doesNotContain("First thoughts");
        assertThat(readingList.everything(member.id).getFirst().note()).isNull();
    }

    @Test
    void anySearchGivesAPageAndWildcardsAreTakenLiterally() {
        Member member = member();
        long percent = article("Rates rise by 5% overnight", "Standfirst");
        long plain = article("A quiet day", "Standfirst");
        readingList.save(member.id, percent);
        readingList.save(member.id, plain);

        // A control character such as NUL is refused by the site for every address (400); all else is a search.
        assertThat(member.web.get("/reading-list?q=%00").statusCode()).isEqualTo(400);
        HttpResponse<String> typed = member.web.get("/reading-list?collection=abc");
        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(typed.body())
                .as("a value typed into the address bar, where no form was sent")
                .contains("The address has a value that is not valid here")
                .doesNotContain("This form sent");
        for (String hostile : List.of(
                "%",
                "_",
                "\\",
                "'; DROP TABLE reading_list_entry; --",
                "\"unclosed",
                "x".repeat(5_000),
                "🦜 emoji",
                "",
                "a:* & !b | (c")) {
            HttpResponse<String> response =
                    member.web.get("/reading-list?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(hostile).isEqualTo(200);
        }
        assertThat(titles(member.web.get("/reading-list?q=%25").body())).containsExactly("Rates rise by 5% overnight");
        assertThat(titles(member.web.get("/reading-list?q=_").body())).isEmpty();
        assertThat(member.web.get("/reading-list?q=_").body()).contains("Nothing saved matches");
    }

    @Test
    void theListIsSortedBySavedOrPublishedDateAndPagedWithoutRepeating() {
        Member member = member();
        Instant now = Instant.now();
        List<String> newestPublishedFirst = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(content.article(section)
                    .slug(TestContent.unique("sorted"))
                    .headline("Sorted story " + i)
                    .publishedAt(now.minus(Duration.ofDays(30 - i))));
            newestPublishedFirst.addFirst("Sorted story " + i);
        }
        // Saved newest-published first, so that the newest saved is the oldest published.
        for (Long id : ids.reversed()) {
            readingList.save(member.id, id);
        }

        assertThat(walk(member, "/reading-list?sort=published")).containsExactlyElementsOf(newestPublishedFirst);
        assertThat(walk(member, "/reading-list")).containsExactlyElementsOf(newestPublishedFirst.reversed());
        assertThat(walk(member, "/reading-list?sort=published&q=sorted+story"))
                .containsExactlyElementsOf(newestPublishedFirst);
    }

    @Test
    void anotherReadersCollectionIsNotFoundWhateverTheyDoWithIt() {
        Member owner = member();
        long article = article("Private collection story", "Standfirst");
        readingList.save(owner.id, article);
        long collection = makeCollection(owner, "Private");
        owner.web.post("/reading-list/" + article + "/collections", Map.of("to", "" + collection));
        Member other = member();
        readingList.save(other.id, article);

        assertThat(other.web.get("/reading-list?collection=" + collection).statusCode())
                .isEqualTo(404);
        assertThat(other.web
                        .post("/reading-list/collections/" + collection + "/rename", Map.of("name", "Mine"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.web
                        .post("/reading-list/collections/" + collection + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.web
                        .post("/reading-list/" + article + "/collections", Map.of("to", "" + collection))
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.web
                        .post("/reading-list/" + article + "/collections/" + collection + "/remove", Map.of())
                        .statusCode())
                .isEqualTo(404);

        assertThat(readingList.collection(owner.id, collection).name()).isEqualTo("Private");
        assertThat(readingList.collection(owner.id, collection).size()).isEqualTo(1);
        assertThat(other.web.get("/reading-list").body()).doesNotContain("Private (");
    }

    @Test
    void readersWithoutPremiumCannotMakeOrUseCollections() {
        Member member = member();
        long collection = makeCollection(member, "Mine");
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = signedIn(account);
        reader.get("/reading-list");

        assertThat(reader.post("/reading-list/collections/new", Map.of("name", "Free"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(reader.post("/reading-list/collections/" + collection + "/rename", Map.of("name", "Free"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(reader.get("/reading-list?collection=" + collection).body())
                .contains("The reading list is for Premium members")
                .doesNotContain("Mine");
    }

    @Test
    void anArticleTakenDownStaysListedWithoutALink() {
        Member member = member();
        long article = article("Soon withdrawn story", "Standfirst");
        readingList.save(member.id, article);

        content.unpublish(article);

        await().atMost(WAIT)
                .until(() -> !readingList.everything(member.id).getFirst().published());
        String page = member.web.get("/reading-list?q=withdrawn").body();
        assertThat(page).contains("<span>Soon withdrawn story</span>");
    }

    private record Member(long id, WebSession web) {}

    private Member member() {
        TestAccounts.Credentials account = accounts.create(true);
        members.makePremium(account.id());
        WebSession web = signedIn(account);
        web.get("/reading-list");
        return new Member(account.id(), web);
    }

    private long makeCollection(Member member, String name) {
        HttpResponse<String> made = member.web.post("/reading-list/collections/new", Map.of("name", name));
        assertThat(made.statusCode()).isEqualTo(303);
        Matcher id = COLLECTION.matcher(made.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** Every headline from the first page on, following "More". */
    private List<String> walk(Member member, String path) {
        List<String> seen = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null && pages < 10; pages++) {
            String body = member.web.get(next).body();
            seen.addAll(titles(body));
            Matcher more = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(body);
            next = more.find() ? more.group(1).replace("&amp;", "&") : null;
        }
        return seen;
    }

    /** The headlines the page lists, in order. */
    private static List<String> titles(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<h2 class=\"card__headline\">\\s*<(?:a|span)[^>]*>([^<]+)<")
                .matcher(page);
        while (m.find()) {
            found.add(m.group(1));
        }
        return List.copyOf(found);
    }

    private long article(String headline, String standfirst) {
        return content.article(section)
                .slug(TestContent.unique("story"))
                .headline(headline)
                .standfirst(standfirst)
                .published();
    }

    private WebSession signedIn(TestAccounts.Credentials account) {
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        return reader;
    }
}
