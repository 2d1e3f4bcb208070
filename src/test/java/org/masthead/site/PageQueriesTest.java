package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.StatementCount;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.discussion.CommentPosted;
import org.masthead.discussion.TestDiscussion;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** A page rendered afresh asks the database a few questions, however much it shows. */
@MastheadTest
@Import(StatementCount.class)
class PageQueriesTest {

    @Autowired
    TestContent content;

    @Autowired
    StatementCount statements;

    @Autowired
    PublishedContent published;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDiscussion discussion;

    @LocalServerPort
    int port;

    @Test
    void homePageAsksTheSameFewQuestionsHoweverManySectionsItShows() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String name : new String[] {"Politics", "Science", "Travel", "Food", "Books", "Music"}) {
            Section section = content.section(name);
            // Sections are cached on every node and dropped when a change commits; wait for that here.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> published.section(section.path()).isPresent());
            content.article(section).headline(name + " today").publishedAt(now.minusSeconds(60));
        }
        Http http = new Http(port);

        // A query string of its own, so the page cache has not kept this page and it is rendered.
        int asked = statements.during(() -> assertThat(
                        http.get("/?fresh=" + TestContent.unique("home")).body())
                .contains("Politics today", "Music today"));

        // The pinned stories, the articles of every block with their images and bylines, their comment counts,
        // and what others are reading.
        assertThat(asked).isLessThanOrEqualTo(6);
    }

    @Test
    void theCardsOfAPagesBlocksAreAskedForTogether() {
        Section section = content.section("Blocks");
        long one = content.article(section).headline("Block one").published();
        long two = content.article(section).headline("Block two").published();
        long three = content.article(section).headline("Block three").published();

        // Related, most read and most commented, as an article page asks for them.
        int asked = statements.during(() -> assertThat(
                        published.cardLists(List.of(List.of(one), List.of(three, two), List.of(), List.of(two))))
                .extracting(cards -> cards.stream().map(ArticleCard::headline).toList())
                .containsExactly(
                        List.of("Block one"), List.of("Block three", "Block two"), List.of(), List.of("Block two")));

        // The articles of every list with their images and bylines, in one question: not three for each list.
        assertThat(asked).isEqualTo(1);
    }

    @Test
    void articlePageReadsWithoutATransactionPerQuestion() {
        Section section = content.section("Weather");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> published.section(section.path()).isPresent());
        String slug = TestContent.unique("rain-again");
        content.article(section).slug(slug).headline("Rain again").publishedAt(Instant.parse("2026-07-01T12:00:00Z"));
        String path = "/" + section.path() + "/2026/jul/01/" + slug;
        Http http = new Http(port);

        int transactions = statements.transactionsDuring(
                () -> assertThat(http.get(path + "?fresh=" + TestContent.unique("article"))
                                .body())
                        .contains("Rain again"));
        int asked = statements.during(() -> assertThat(http.get(path + "?fresh=" + TestContent.unique("article"))
                        .body())
                .contains("Rain again"));

        // Reads see the latest commits statement by statement either way; each transaction would cost a
        // BEGIN and a COMMIT. The one left is the discussion's comment counts.
        assertThat(transactions).isLessThanOrEqualTo(1);
        // The article with its authors, tags and picture; its corrections; the cards beside it with their
        // pictures and bylines; their comment counts; what others are reading.
        assertThat(asked).isLessThanOrEqualTo(6);
    }

    @Test
    void notificationsPageAsksTheSameFewQuestionsHoweverManyPeopleItNames() {
        Credentials alice = accounts.create(true);
        CommentPosted comment = discussion.publish(discussion.comment(TestDiscussion.article(), alice.id()));
        discussion.awaitHandled(comment.commentId());
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, alice);
        int replies = 8;
        for (int i = 0; i < replies; i++) {
            CommentPosted reply = discussion.publish(
                    discussion.reply(comment, accounts.create(true).id()));
            discussion.awaitHandled(reply.commentId());
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> reader.get("/notifications").body().split("notification__open", -1).length - 1 == replies);

        int asked = statements.during(
                () -> assertThat(reader.get("/notifications").body()).contains("replied to your comment"));

        // The session, the page of notifications, everyone named in it, the conversations followed among them,
        // the unread count: not one question for each person who replied.
        assertThat(asked).isLessThan(replies);
    }
}
