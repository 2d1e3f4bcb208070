package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
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
 * After each form on the reading list the member comes back to where they were, in the view they were
 * in (collection, search, order, unread only, page), at the article the form was about or the one that now
 * follows it, and a notice there says what was done: nobody loses their place or wonders whether it worked.
 */
@MastheadTest
class ReadingListNoticesTest {

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
        section = content.section(TestContent.unique("Notices"));
    }

    @Test
    void markingAnArticleReadComesBackToItInTheSameOrderWithANotice() {
        Member member = member();
        long first = saved(member, "The first saved story");
        long second = saved(member, "The second saved story");

        HttpResponse<String> marked = member.web.post(
                "/reading-list/" + first + "/read",
                Map.of("read", "true", "sort", "published", "q", "", "unread", "false", "after", "x#y"));

        assertThat(marked.statusCode()).isEqualTo(303);
        assertThat(location(marked))
                .as("the same order, the reader's place, and no cursor that is not one")
                .isEqualTo("/reading-list?sort=published#saved-" + first);
        String page = member.web.get(path(marked)).body();
        assertThat(noticeAt(page, first)).isEqualTo("Marked as read");
        assertThat(noticeAt(page, second)).isNull();
        assertThat(page)
                .as("the article comes to focus, so a keyboard goes on from it")
                .containsPattern("<li id=\"saved-" + first + "\"[^>]*tabindex=\"-1\"");
        assertThat(member.web.get(path(marked)).body())
                .as("said once, not again on the next visit")
                .doesNotContain("data-notice");

        HttpResponse<String> unmarked =
                member.web.post("/reading-list/" + first + "/read", Map.of("read", "false", "sort", "published"));
        assertThat(noticeAt(member.web.get(path(unmarked)).body(), first)).isEqualTo("Marked unread");
    }

    @Test
    void removingAnArticleGoesOnToTheNextOneOrTheHeadingWhenItWasTheLast() {
        Member member = member();
        long oldest = saved(member, "A story saved first");
        long middle = saved(member, "A story saved second");
        long newest = saved(member, "A story saved last");

        HttpResponse<String> removed = member.web.post("/reading-list/" + middle + "/remove", Map.of("sort", "saved"));

        assertThat(location(removed)).isEqualTo("/reading-list#saved-" + oldest);
        String page = member.web.get(path(removed)).body();
        assertThat(noticeAt(page, oldest)).isEqualTo("Removed from your reading list: A story saved second");
        assertThat(page).doesNotContain("saved-" + middle + "\"");

        HttpResponse<String> last = member.web.post("/reading-list/" + oldest + "/remove", Map.of());
        assertThat(location(last)).isEqualTo("/reading-list#reading-list-heading");
        String top = member.web.get(path(last)).body();
        assertThat(top)
                .containsPattern("<h1 id=\"reading-list-heading\" tabindex=\"-1\">Your reading list</h1>\\s*"
                        + "<p class=\"notice\" role=\"status\" data-notice>"
                        + "Removed from your reading list: A story saved first</p>");
        assertThat(top).contains("A story saved last");
        assertThat(readingList.isSaved(member.id, newest)).isTrue();
    }

    @Test
    void anArticleReadWhileOnlyTheUnreadAreShownGivesWayToTheNextUnreadOne() {
        Member member = member();
        long older = saved(member, "An older unread story");
        long newer = saved(member, "A newer unread story");

        HttpResponse<String> marked =
                member.web.post("/reading-list/" + newer + "/read", Map.of("read", "true", "unread", "true"));

        assertThat(location(marked)).isEqualTo("/reading-list?unread=true#saved-" + older);
        String page = member.web.get(path(marked)).body();
        assertThat(noticeAt(page, older)).isEqualTo("Marked as read");
        assertThat(page).doesNotContain("A newer unread story");
    }

    @Test
    void aNoteOrACollectionChangeInASearchedCollectionComesBackThereWithItsNotice() {
        Member member = member();
        long article = saved(member, "Ferry timetables for two islands");
        long holiday = makeCollection(member, "Holiday + ferries");
        readingList.addToCollection(member.id, article, holiday);
        long weekend = makeCollection(member, "Weekend");
        Map<String, String> view = Map.of("collection", "" + holiday, "q", "two islands", "sort", "published");

        HttpResponse<String> noted = member.web.post("/reading-list/" + article + "/note", with(view, "note", "Pack"));
        assertThat(location(noted))
                .isEqualTo("/reading-list?collection=" + holiday + "&q=two%20islands&sort=published#saved-" + article);
        assertThat(noticeAt(member.web.get(path(noted)).body(), article)).isEqualTo("Note saved");

        HttpResponse<String> added =
                member.web.post("/reading-list/" + article + "/collections", with(view, "to", "" + weekend));
        assertThat(location(added)).isEqualTo(location(noted));
        assertThat(noticeAt(member.web.get(path(added)).body(), article)).isEqualTo("Added to “Weekend”");

        HttpResponse<String> blank = member.web.post("/reading-list/" + article + "/note", with(view, "note", " "));
        assertThat(noticeAt(member.web.get(path(blank)).body(), article)).isEqualTo("Note removed");

        HttpResponse<String> takenOut =
                member.web.post("/reading-list/" + article + "/collections/" + holiday + "/remove", view);
        assertThat(location(takenOut))
                .as("it has left the collection on view, and nothing follows it there")
                .isEqualTo("/reading-list?collection=" + holiday + "&q=two%20islands&sort=published"
                        + "#reading-list-heading");
        assertThat(member.web.get(path(takenOut)).body()).contains("Taken out of “Holiday + ferries”");
    }

    @Test
    void deletingACollectionSaysSoAtTheTopOfTheWholeList() {
        Member member = member();
        long article = saved(member, "Kept when its collection goes");
        long weekend = makeCollection(member, "Weekend");
        readingList.addToCollection(member.id, article, weekend);

        HttpResponse<String> deleted =
                member.web.post("/reading-list/collections/" + weekend + "/delete", Map.of("collection", "" + weekend));

        assertThat(location(deleted)).isEqualTo("/reading-list#reading-list-heading");
        assertThat(member.web.get(path(deleted)).body())
                .contains("<p class=\"notice\" role=\"status\" data-notice>"
                        + "Collection “Weekend” deleted: its articles are still saved</p>")
                .contains("Kept when its collection goes");
    }

    private record Member(long id, WebSession web) {}

    private Member member() {
        TestAccounts.Credentials account = accounts.create(true);
        members.makePremium(account.id());
        WebSession web = new WebSession(port);
        TestAccounts.signIn(web, account);
        web.get("/reading-list");
        return new Member(account.id(), web);
    }

    private long saved(Member member, String headline) {
        long article = content.article(section)
                .slug(TestContent.unique("story"))
                .headline(headline)
                .published();
        readingList.save(member.id, article);
        return article;
    }

    private long makeCollection(Member member, String name) {
        HttpResponse<String> made = member.web.post("/reading-list/collections/new", Map.of("name", name));
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(member.web.get(path(made)).body()).contains("Collection “" + name + "” made");
        Matcher id = COLLECTION.matcher(location(made));
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static Map<String, String> with(Map<String, String> view, String name, String value) {
        Map<String, String> fields = new HashMap<>(view);
        fields.put(name, value);
        return fields;
    }

    /** Where the form sent the browser, as the site wrote it (path, query and fragment). */
    private static String location(HttpResponse<String> response) {
        URI uri = URI.create(response.headers().firstValue("Location").orElseThrow());
        return uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** The page the browser fetches next: the fragment stays in the browser. */
    private static String path(HttpResponse<String> response) {
        String location = location(response);
        int hash = location.indexOf('#');
        return hash < 0 ? location : location.substring(0, hash);
    }

    /** The notice shown at that article, if any. */
    private static String noticeAt(String page, long articleId) {
        Matcher m = Pattern.compile("<li id=\"saved-" + articleId + "\"[^>]*>\\s*"
                        + "<p class=\"notice\" role=\"status\" data-notice>([^<]*)</p>")
                .matcher(page);
        return m.find() ? m.group(1) : null;
    }
}
