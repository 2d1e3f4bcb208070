package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

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
import org.masthead.payments.SubscriptionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reading list: Premium members save, remove, mark read and filter; everyone else is refused with
 * a reason whatever they send; a lapsed member's list is kept and comes back when they subscribe again.
 */
@MastheadTest
class ReadingListTest {

    private static final Pattern CSRF = Pattern.compile(
            "\"header\":\"([^\"]+)\",\"token\":\"([^\"]+)\"|\"token\":\"([^\"]+)\",\"header\":\"([^\"]+)\"");

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

    Section section;

    @BeforeEach
    void section() {
        section = content.section(TestContent.unique("Reading"));
    }

    @Test
    void savedArticleAppearsInTheReadingListNewestFirst() {
        TestAccounts.Credentials account = accounts.create(true);
        members.makePremium(account.id());
        WebSession reader = signedIn(account);
        long first = article("First saved story");
        long second = article("Second saved story");

        assertThat(save(reader, first).statusCode()).isEqualTo(200);
        assertThat(save(reader, second).statusCode()).isEqualTo(200);

        String page = reader.get("/reading-list").body();
        assertThat(page).contains("First saved story").contains("Second saved story");
        assertThat(page.indexOf("Second saved story")).isLessThan(page.indexOf("First saved story"));
        assertThat(reader.get("/reading-list/state?article=" + first).body())
                .contains("\"premium\":true")
                .contains("\"saved\":true");
    }

    @Test
    void aMemberRemovesAnArticleAndTheButtonTogglesBack() {
        TestAccounts.Credentials account = accounts.create(true);
        members.makePremium(account.id());
        WebSession reader = signedIn(account);
        long article = article("Removed story");
        save(reader, article);

        HttpResponse<String> removed = send(reader, "DELETE", article);

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).contains("\"saved\":false");
        assertThat(readingList.isSaved(account.id(), article)).isFalse();
        assertThat(reader.get("/reading-list/state?article=" + article).body()).contains("\"saved\":false");
    }

    @Test
    void markedReadArticlesLeaveTheUnreadFilter() {
        TestAccounts.Credentials account = accounts.create(true);
        members.makePremium(account.id());
        WebSession reader = signedIn(account);
        long read = article("Already read story");
        long unread = article("Still unread story");
        save(reader, read);
        save(reader, unread);
        reader.get("/reading-list");

        reader.post("/reading-list/" + read + "/read", Map.of("read", "true"));

        String unreadPage = reader.get("/reading-list?unread=true").body();
        assertThat(unreadPage).contains("Still unread story").doesNotContain("Already read story");
        assertThat(reader.get("/reading-list").body())
                .contains("Already read story")
                .contains("Mark unread");
        reader.post("/reading-list/" + unread + "/remove", Map.of());
        assertThat(reader.get("/reading-list").body())
                .as("gone from the list, named only by the notice that says so")
                .doesNotContain("id=\"saved-" + unread + "\"")
                .contains("Removed from your reading list: Still unread story");
        assertThat(reader.get("/reading-list").body()).doesNotContain("Still unread story");
    }

    @Test
    void longListsArePagedByKeysetWithoutSkippingOrRepeating() {
        TestAccounts.Credentials account = accounts.create(true);
        members.makePremium(account.id());
        List<Long> saved = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long article = article("Paged story " + i);
            readingList.save(account.id(), article);
            saved.add(article);
        }

        List<ReadingList.Entry> first = readingList.page(account.id(), ReadingList.Query.all(), null, 20);
        ReadingList.Cursor cursor = ReadingList.Cursor.parse(
                        ReadingList.Cursor.after(first.getLast(), ReadingList.Sort.SAVED)
                                .toString())
                .orElseThrow();
        List<ReadingList.Entry> second = readingList.page(account.id(), ReadingList.Query.all(), cursor, 20);

        List<Long> all = new ArrayList<>();
        first.forEach(e -> all.add(e.articleId()));
        second.forEach(e -> all.add(e.articleId()));
        assertThat(all).containsExactlyElementsOf(saved.reversed());
    }

    @Test
    void nonMembersAreRefusedWith403WhateverTheySend() {
        long article = article("Members only story");
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = signedIn(account);

        HttpResponse<String> refused = send(reader, "POST", article);
        HttpResponse<String> withClaims = reader.postBody(
                "/reading-list/" + article,
                "application/json",
                "{\"premium\":true,\"saved\":true,\"accountId\":1}".getBytes(StandardCharsets.UTF_8),
                csrfHeaders(reader, article));
        HttpResponse<String> removing = send(reader, "DELETE", article);

        for (HttpResponse<String> response : List.of(refused, withClaims, removing)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("Subscribe to Premium to save articles to your reading list.");
        }
        assertThat(readingList.size(account.id())).isZero();
        assertThat(reader.get("/reading-list/state?article=" + article).body())
                .contains("\"premium\":false")
                .contains("\"saved\":false");
        assertThat(reader.get("/reading-list").body()).contains("The reading list is for Premium members");
    }

    @Test
    void aVisitorIsNotAMemberAndCannotSave() {
        long article = article("Visitor story");
        WebSession visitor = new WebSession(port);

        HttpResponse<String> state = visitor.get("/reading-list/state?article=" + article);

        assertThat(state.body()).contains("\"signedIn\":false").contains("\"premium\":false");
        assertThat(state.headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store")
                .contains("private");
        assertThat(visitor.postBody("/reading-list/" + article, "application/json", new byte[0])
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theListIsKeptWhenPremiumLapsesAndComesBackOnResubscribing() {
        TestAccounts.Credentials account = accounts.create(true);
        String reference = members.makePremium(account.id());
        WebSession reader = signedIn(account);
        long article = article("Kept through a lapse");
        save(reader, article);

        members.report(reference, account.id(), SubscriptionStatus.CANCELED, Instant.now(), false);
        await().atMost(WAIT).until(() -> !membership.isPremium(account.id()));

        String lapsed = reader.get("/reading-list").body();
        assertThat(lapsed).doesNotContain("Kept through a lapse").contains("We are keeping the 1 article");
        assertThat(send(reader, "DELETE", article).statusCode()).isEqualTo(403);
        assertThat(readingList.isSaved(account.id(), article)).isTrue();

        members.report(
                TestMembers.premiumReference(),
                account.id(),
                SubscriptionStatus.ACTIVE,
                Instant.now().plus(Duration.ofDays(30)),
                false);
        await().atMost(WAIT).until(() -> membership.isPremium(account.id()));
        assertThat(reader.get("/reading-list").body()).contains("Kept through a lapse");
    }

    @Test
    void savingAnArticleThatDoesNotExistIsNotFound() {
        TestAccounts.Credentials account = accounts.create(true);
        members.makePremium(account.id());
        WebSession reader = signedIn(account);

        assertThat(save(reader, 987654321L).statusCode()).isEqualTo(404);
    }

    private long article(String headline) {
        return content.article(section)
                .slug(TestContent.unique("story"))
                .headline(headline)
                .published();
    }

    private WebSession signedIn(TestAccounts.Credentials account) {
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        return reader;
    }

    private HttpResponse<String> save(WebSession reader, long article) {
        return send(reader, "POST", article);
    }

    /** As reading-list.js sends it: with the CSRF header from the reader's own state. */
    private HttpResponse<String> send(WebSession reader, String method, long article) {
        String[] headers = csrfHeaders(reader, article);
        if (method.equals("POST")) {
            return reader.postBody("/reading-list/" + article, "application/json", new byte[0], headers);
        }
        return reader.delete("/reading-list/" + article, headers);
    }

    private String[] csrfHeaders(WebSession reader, long article) {
        Matcher matcher = CSRF.matcher(
                reader.get("/reading-list/state?article=" + article).body());
        assertThat(matcher.find()).as("the state hands out a CSRF token").isTrue();
        return matcher.group(1) != null
                ? new String[] {matcher.group(1), matcher.group(2)}
                : new String[] {matcher.group(4), matcher.group(3)};
    }
}
