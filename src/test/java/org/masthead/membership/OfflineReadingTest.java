package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.membership.internal.ReadingList;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.SubscriptionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What offline reading asks of the server: the worker at the site's root, checked each time; the list of
 * what it keeps, personal and never stored, empty for everyone but a signed-in Premium member; and pages
 * that stay public, so that what the worker keeps is what any visitor gets.
 */
@MastheadTest
class OfflineReadingTest {

    private static final Pattern PATH = Pattern.compile("\"path\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern OWNER = Pattern.compile("\"owner\"\\s*:\\s*\"([^\"]+)\"");

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

    @Autowired
    Membership membership;

    @Test
    void theWorkerIsServedFromTheRootAsAScriptBrowsersCheckEveryTime() {
        WebSession visitor = new WebSession(port);

        HttpResponse<String> worker = visitor.get("/sw.js");

        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(worker.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-cache");
        assertThat(worker.body()).contains("addEventListener(\"fetch\"").contains("credentials: \"omit\"");
        String tag = worker.headers().firstValue("ETag").orElseThrow();
        assertThat(visitor.header("If-None-Match", tag).get("/sw.js").statusCode())
                .isEqualTo(304);
    }

    @Test
    void visitorsReadersAndLapsedMembersAreGivenNothingToKeep() {
        Section section = content.section(TestContent.unique("Offline"));
        long article = article(section, "Kept through a lapse, not offline");
        TestAccounts.Credentials lapsed = accounts.create(true);
        String reference = members.makePremium(lapsed.id());
        readingList.save(lapsed.id(), article);
        members.report(reference, lapsed.id(), SubscriptionStatus.CANCELED, Instant.now(), false);
        await().atMost(WAIT).until(() -> !membership.isPremium(lapsed.id()));

        for (WebSession who : List.of(new WebSession(port), signedIn(accounts.create(true)), signedIn(lapsed))) {
            HttpResponse<String> list = who.get("/reading-list/offline");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"member\":false").contains("\"articles\":[]");
            assertThat(list.headers().firstValue("Cache-Control").orElse(""))
                    .contains("no-store")
                    .contains("private");
        }
    }

    @Test
    void aMemberIsGivenTheirOwnSavedPagesAndNeverAnotherMembers() {
        Section section = content.section(TestContent.unique("Offline"));
        long first = article(section, "First offline story");
        long second = article(section, "Second offline story");
        long withdrawn = article(section, "Withdrawn offline story");
        long others = article(section, "Another member's story");
        TestAccounts.Credentials member = accounts.create(true);
        members.makePremium(member.id());
        readingList.save(member.id(), first);
        readingList.save(member.id(), second);
        readingList.save(member.id(), withdrawn);
        TestAccounts.Credentials other = accounts.create(true);
        members.makePremium(other.id());
        readingList.save(other.id(), others);
        content.unpublish(withdrawn);
        WebSession reader = signedIn(member);
        WebSession otherReader = signedIn(other);

        String mine = reader.get("/reading-list/offline").body();
        String theirs = otherReader.get("/reading-list/offline").body();

        assertThat(mine)
                .contains("\"member\":true")
                .contains("Second offline story")
                .contains("First offline story");
        assertThat(mine.indexOf("Second offline story")).isLessThan(mine.indexOf("First offline story"));
        assertThat(mine).doesNotContain("Withdrawn offline story").doesNotContain("Another member's story");
        assertThat(theirs).contains("Another member's story").doesNotContain("offline story");
        assertThat(owner(mine)).isNotEqualTo(owner(theirs));
        for (String path : paths(mine)) {
            assertThat(new WebSession(port).get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void articlePagesAndTheOfflinePageStayPublicAndTheSameForEveryone() {
        Section section = content.section(TestContent.unique("Offline"));
        long article = article(section, "Public whoever saved it");
        TestAccounts.Credentials member = accounts.create(true);
        members.makePremium(member.id());
        readingList.save(member.id(), article);
        WebSession reader = signedIn(member);
        String path = paths(reader.get("/reading-list/offline").body()).getFirst();

        HttpResponse<String> asMember = reader.get(path);
        HttpResponse<String> asVisitor = new WebSession(port).get(path);
        HttpResponse<String> offline = new WebSession(port).get("/offline");

        for (HttpResponse<String> page : List.of(asMember, asVisitor, offline)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control").orElse("")).startsWith("public");
            assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(page.body()).containsPattern("/js/offline(-[0-9a-f]+)?\\.js");
        }
        assertThat(asMember.body()).isEqualTo(asVisitor.body());
        assertThat(offline.body()).contains("You are offline").contains("data-offline-list");
    }

    private long article(Section section, String headline) {
        return content.article(section)
                .slug(TestContent.unique("offline"))
                .headline(headline)
                .published();
    }

    private static String owner(String list) {
        Matcher matcher = OWNER.matcher(list);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static List<String> paths(String list) {
        List<String> paths = new ArrayList<>();
        Matcher matcher = PATH.matcher(list);
        while (matcher.find()) {
            paths.add(matcher.group(1));
        }
        return paths;
    }

    private WebSession signedIn(TestAccounts.Credentials account) {
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        return reader;
    }
}
