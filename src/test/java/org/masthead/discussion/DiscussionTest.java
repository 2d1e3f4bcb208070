package org.masthead.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.discussion.Participant.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.Newsroom;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.masthead.site.CommentCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** Readers reading and taking part in the conversation under an article, over HTTP as the page's script does. */
@MastheadTest
@RecordApplicationEvents
class DiscussionTest {

    @Autowired
    org.masthead.discussion.internal.Comments comments;

    @Autowired
    ApplicationEvents events;

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    /** What the article's cards and thread show. */
    @Autowired
    CommentCounts commentCounts;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Newsroom newsroom;

    @Autowired
    JdbcClient db;

    Http http;
    Section section;
    long article;
    Participant ann;
    Participant bob;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        section = content.section("Talk");
        article = content.article(section).published();
        ann = Participant.signIn(port, accounts.create(true));
        bob = Participant.signIn(port, accounts.create(true));
    }

    String thread(String query) {
        HttpResponse<String> response = http.get("/discussion/" + article + "/thread" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    int commentCount() {
        return commentCounts.of(List.of(article)).getOrDefault(article, 0);
    }

    int storedComments() {
        return db.sql("SELECT count(*) FROM comment WHERE article_id = :a")
                .param("a", article)
                .query(Integer.class)
                .single();
    }

    @Test
    void postedCommentShowsInTheThreadWithParagraphsLinksAndMentionsAndTheCountOnIt() {
        long id = ann.posted(
                article,
                "First line\nsecond line\n\nNew paragraph, see https://example.org/a?b=1. Thanks @"
                        + bob.account.displayName() + "!");

        String html = thread("");
        assertThat(html).contains("1 comment");
        assertThat(html).contains("id=\"comment-" + id + "\"");
        assertThat(html).contains("<p>First line<br>second line</p>");
        assertThat(html)
                .contains(
                        "<a href=\"https://example.org/a?b=1\" rel=\"nofollow ugc noopener\">https://example.org/a?b=1</a>.");
        assertThat(html)
                .contains("class=\"mention\" href=\"/profile/"
                        + bob.account.displayName().replace(" ", "%20") + "\">@" + bob.account.displayName() + "</a>!");
        assertThat(html)
                .contains(ann.account.displayName())
                .contains("datetime=")
                .contains("title=");
        assertThat(commentCount()).isEqualTo(1);
    }

    @Test
    void aBurstOfPostsFromMoreReadersThanTheDatabaseHasConnectionsIsAllPosted() throws Exception {
        List<Participant> crowd = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            crowd.add(Participant.signIn(port, accounts.create(true)));
        }
        List<Integer> statuses;
        try (var posting = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (Participant reader : crowd) {
                answers.add(posting.submit(() -> reader.post(article, "At the same moment as everyone else")
                        .statusCode()));
            }
            statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).containsOnly(201);
        assertThat(commentCount()).isEqualTo(30);
    }

    @Test
    void replyRaisesCommentPostedNamingWhomItAnswersAndWhomItMentions() {
        long top = ann.posted(article, "Top");
        var posted = comments.post(
                bob.id(),
                article,
                "Agreed @" + ann.account.displayName() + ", and @" + bob.account.displayName() + " too",
                top,
                UUID.randomUUID());
        CommentPosted event = events.stream(CommentPosted.class)
                .filter(e -> e.commentId() == posted.commentId())
                .findFirst()
                .orElseThrow();
        assertThat(event.isReply()).isTrue();
        assertThat(event.parentId()).isEqualTo(top);
        assertThat(event.inReplyToAuthorId()).isEqualTo(ann.id());
        assertThat(event.mentionedIds()).containsExactly(ann.id());
        assertThat(event.articleId()).isEqualTo(article);
        assertThat(event.excerpt()).startsWith("Agreed @");

        comments.recommend(ann.id(), posted.commentId());
        CommentRecommended recommended =
                events.stream(CommentRecommended.class).findFirst().orElseThrow();
        assertThat(recommended.commentAuthorId()).isEqualTo(bob.id());
        assertThat(recommended.recommenderId()).isEqualTo(ann.id());
    }

    @Test
    void scriptInACommentIsStoredAsWrittenAndShownAsText() {
        String text = "<script>alert('owned')</script> <b>bold</b>";
        long id = ann.posted(article, text);

        assertThat(db.sql("SELECT body FROM comment WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(text);
        String html = thread("");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>bold");
        assertThat(html).contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void badTextIsRefusedWithAProblemAndChangesNothing() {
        List<String> bad = List.of("", "   \n\t  ", "x".repeat(5001), "bell \u0007 here", "nul \u0000 here");
        for (String text : bad) {
            HttpResponse<String> response = ann.post(article, text);
            assertThat(response.statusCode()).as(text).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(response).get("errors").get("body").asString()).isNotBlank();
        }
        HttpResponse<String> lone = ann.sendJson(
                "/discussion/" + article + "/comments",
                "{\"body\":\"lone \\ud800 half\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}",
                article);
        assertThat(json(ann.post(article, "x".repeat(5001)))
                        .get("errors")
                        .get("body")
                        .asString())
                .as("numbers grouped as the comment box's hint writes them")
                .isEqualTo("Keep your comment to 5,000 characters or fewer; it has 5,001.");
        assertThat(lone.statusCode()).isEqualTo(400);
        assertThat(json(lone).get("errors").get("body").asString()).contains("broken character");
        assertThat(ann.post(article, "é".repeat(5000)).statusCode()).isEqualTo(201);
        assertThat(storedComments()).isEqualTo(1);
    }

    @Test
    void invalidUtf8OrJsonIsAMalformedRequest() {
        byte[] invalid = "{\"body\":\"caf\u00e9\",\"idempotencyKey\":\"%s\"}"
                .formatted(UUID.randomUUID())
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = ann.sendBytes("/discussion/" + article + "/comments", invalid, article);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(ann.sendJson("/discussion/" + article + "/comments", "{not json", article)
                        .statusCode())
                .isEqualTo(400);
        assertThat(ann.sendJson("/discussion/" + article + "/comments", "{\"body\":\"no key\"}", article)
                        .statusCode())
                .isEqualTo(400);
        assertThat(storedComments()).isZero();
    }

    @Test
    void replyGoesUnderItsThreadAndAReplyToAReplySaysWhomItAnswers() {
        long top = ann.posted(article, "Top");
        long reply = bob.replied(article, top, "Reply");
        long answer = ann.replied(article, reply, "Answer to the reply");

        String html = thread("");
        assertThat(html).contains("data-thread-id=\"" + top + "\"");
        assertThat(html).containsPattern("in reply to <a href=\"/comment/" + reply + "\">" + bob.account.displayName());
        assertThat(db.sql("SELECT parent_id FROM comment WHERE id = :id")
                        .param("id", answer)
                        .query(Long.class)
                        .single())
                .isEqualTo(top);
        assertThat(commentCount()).isEqualTo(3);
    }

    @Test
    void firstThreeRepliesShowAndTheRestLoadOnRequest() {
        long top = ann.posted(article, "Top");
        List<Long> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(bob.replied(article, top, "Reply " + i));
        }
        String html = thread("");
        assertThat(html).contains("Show 2 more replies");
        assertThat(html).contains("comment-" + replies.get(2)).doesNotContain("comment-" + replies.get(3));
        String all = http.get("/discussion/" + article + "/threads/" + top).body();
        replies.forEach(id -> assertThat(all).contains("comment-" + id));
    }

    @Test
    void replyToDeletedCommentIsRejected() {
        long top = ann.posted(article, "Soon gone");
        assertThat(ann.act(article, "/discussion/comments/" + top + "/delete").statusCode())
                .isEqualTo(204);
        HttpResponse<String> response = bob.reply(article, top, "Too late");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("detail").asString()).contains("deleted");
        assertThat(storedComments()).isEqualTo(1);
    }

    @Test
    void replyToPendingOrRejectedCommentIsRejected() {
        for (String status : List.of("pending", "rejected")) {
            long top = ann.posted(article, "Held " + status);
            db.sql("UPDATE comment SET status = :s WHERE id = :id")
                    .param("s", status)
                    .param("id", top)
                    .update();
            assertThat(bob.reply(article, top, "Answer").statusCode())
                    .as("as for a comment that does not exist: nothing says it is there")
                    .isEqualTo(404);
        }
        assertThat(storedComments()).isEqualTo(2);
    }

    @Test
    void replyWhoseParentIsUnderAnotherArticleIsRejected() {
        long other = content.article(section).published();
        long elsewhere = ann.posted(other, "Elsewhere");
        HttpResponse<String> response = bob.reply(article, elsewhere, "Wrong place");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get("inReplyTo").asString()).contains("another article");
        assertThat(bob.reply(article, 999_999_999L, "Nothing there").statusCode())
                .isEqualTo(404);
        assertThat(storedComments()).isZero();
    }

    @Test
    void postingToAClosedOrUnknownArticleIsRefused() {
        newsroom.changeComments(article, true, Instant.now().minusSeconds(1));
        HttpResponse<String> closed = ann.post(article, "Hello");
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(json(closed).get("detail").asString()).isEqualTo("Comments on this article are closed.");
        assertThat(json(ann.web.get("/discussion/" + article + "/me"))
                        .get("reason")
                        .asString())
                .isEqualTo("closed");
        assertThat(thread(""))
                .contains("Comments on this article are closed.")
                .as("no comments will come: not 'yet'")
                .contains("No comments.")
                .doesNotContain("No comments yet.")
                .as("nothing to order, nor staff picks to show")
                .doesNotContain("Order of comments");

        newsroom.changeComments(article, false, null);
        assertThat(ann.post(article, "Hello").statusCode()).isEqualTo(409);

        newsroom.changeComments(article, true, null);
        assertThat(ann.post(article, "Reopened").statusCode()).isEqualTo(201);

        assertThat(ann.post(999_999_999L, "Nowhere").statusCode()).isEqualTo(404);
        assertThat(http.get("/discussion/999999999/thread").statusCode()).isEqualTo(404);
    }

    @Test
    void unverifiedReaderMayReadButNotPost() {
        Participant unverified = Participant.signIn(port, accounts.create(false));
        JsonNode me = unverified.me(article);
        assertThat(me.get("canPost").asBoolean()).isFalse();
        assertThat(me.get("reason").asString()).isEqualTo("unverified");
        HttpResponse<String> response = unverified.post(article, "Hello");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asString()).contains("Confirm your e-mail address");
        assertThat(storedComments()).isZero();
    }

    @Test
    void aVerifiedReaderWhoseAccountWasDisabledMayNotPost() {
        ann.me(article);
        db.sql("UPDATE account SET status = 'DISABLED' WHERE id = :id")
                .param("id", ann.id())
                .update();

        HttpResponse<String> response = ann.postWithTokenInHand(article, "Still here?");

        assertThat(response.statusCode()).isNotEqualTo(201);
        assertThat(storedComments()).isZero();
    }

    @Test
    void anonymousVisitorIsToldToSignIn() {
        JsonNode me = json(http.get("/discussion/" + article + "/me", "Accept", "application/json"));
        assertThat(me.get("signedIn").asBoolean()).isFalse();
        assertThat(me.get("reason").asString()).isEqualTo("signed-out");
        assertThat(me.has("csrf")).isFalse();
    }

    @Test
    void retriedSubmitWithTheSameKeyPostsOnce() {
        UUID key = UUID.randomUUID();
        HttpResponse<String> first = ann.post(article, "Once", null, key);
        HttpResponse<String> again = ann.post(article, "Once", null, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asLong())
                .isEqualTo(json(first).get("id").asLong());
        assertThat(storedComments()).isEqualTo(1);
        assertThat(commentCount()).isEqualTo(1);
    }

    @Test
    void recommendingOnceAndUndoingItKeepsTheCountRight() {
        long id = ann.posted(article, "Worth it");
        assertThat(bob.act(article, "/discussion/comments/" + id + "/recommend").statusCode())
                .isEqualTo(204);
        assertThat(bob.act(article, "/discussion/comments/" + id + "/recommend").statusCode())
                .isEqualTo(409);
        assertThat(ann.act(article, "/discussion/comments/" + id + "/recommend").statusCode())
                .isEqualTo(403);
        assertThat(recommendations(id)).isEqualTo(1);
        assertThat(bob.me(article).get("recommended").get(0).asLong()).isEqualTo(id);

        assertThat(bob.act(article, "/discussion/comments/" + id + "/unrecommend")
                        .statusCode())
                .isEqualTo(204);
        assertThat(bob.act(article, "/discussion/comments/" + id + "/unrecommend")
                        .statusCode())
                .isEqualTo(409);
        assertThat(recommendations(id)).isZero();
        assertThat(bob.act(article, "/discussion/comments/999999999/recommend").statusCode())
                .isEqualTo(404);
    }

    int recommendations(long id) {
        return db.sql("SELECT recommendations FROM comment WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    @Test
    void authorMayEditWithinTheWindowAndItShowsEdited() {
        long id = ann.posted(article, "Tpyo");
        assertThat(ann.me(article).get("editableUntil").has(String.valueOf(id))).isTrue();
        assertThat(ann.edit(article, id, "Typo").statusCode()).isEqualTo(204);
        String html = thread("");
        assertThat(html).contains("Typo").doesNotContain("Tpyo").contains("edited");
    }

    @Test
    void editingAfterTheWindowOrSomeoneElsesCommentIsRefused() {
        long id = ann.posted(article, "Original");
        assertThat(bob.edit(article, id, "Hijacked").statusCode()).isEqualTo(403);
        db.sql("UPDATE comment SET posted_at = posted_at - interval '6 minutes' WHERE id = :id")
                .param("id", id)
                .update();
        HttpResponse<String> late = ann.edit(article, id, "Too late");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).get("detail").asString()).contains("5 minutes");
        assertThat(ann.edit(article, 999_999_999L, "Nothing").statusCode()).isEqualTo(404);
        assertThat(db.sql("SELECT body FROM comment WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Original");
    }

    @Test
    void deletedCommentWithRepliesLeavesATombstoneAndWithoutRepliesDisappears() {
        long withReplies = ann.posted(article, "Answered");
        long reply = bob.replied(article, withReplies, "An answer");
        long lonely = ann.posted(article, "Nobody answered");
        assertThat(bob.act(article, "/discussion/comments/" + withReplies + "/delete")
                        .statusCode())
                .isEqualTo(403);

        assertThat(ann.act(article, "/discussion/comments/" + withReplies + "/delete")
                        .statusCode())
                .isEqualTo(204);
        assertThat(ann.act(article, "/discussion/comments/" + lonely + "/delete")
                        .statusCode())
                .isEqualTo(204);

        String html = thread("");
        assertThat(html).contains("This comment was deleted").doesNotContain("Answered");
        assertThat(html).contains("comment-" + reply).doesNotContain("comment-" + lonely);
        assertThat(commentCount()).isEqualTo(1);

        assertThat(bob.act(article, "/discussion/comments/" + reply + "/delete").statusCode())
                .isEqualTo(204);
        assertThat(thread("")).doesNotContain("This comment was deleted").contains("0 comments");
        assertThat(commentCount()).isZero();
    }

    @Test
    void reportIsStoredOncePerReader() {
        long id = ann.posted(article, "Rude");
        assertThat(bob.report(article, id, "nonsense", "").statusCode()).isEqualTo(400);
        assertThat(bob.report(article, id, "abuse", "Name-calling").statusCode())
                .isEqualTo(204);
        assertThat(bob.report(article, id, "spam", "").statusCode()).isEqualTo(409);
        assertThat(db.sql("SELECT reason || ':' || detail FROM comment_report WHERE comment_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("abuse:Name-calling");
    }

    @Test
    void morethanFiftyTopLevelCommentsArePagedByPositionInEachOrder() {
        List<Long> ids = new ArrayList<>();
        Instant start = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < 55; i++) {
            ids.add(db.sql(
                            """
                            INSERT INTO comment (article_id, author_id, body, status, recommendations, posted_at, idempotency_key)
                            VALUES (:a, :author, :body, 'published', :r, :at, :key) RETURNING id""")
                    .param("a", article)
                    .param("author", ann.id())
                    .param("body", "Comment number " + i)
                    .param("r", i % 7)
                    .param("at", java.sql.Timestamp.from(start.plusSeconds(i)))
                    .param("key", UUID.randomUUID())
                    .query(Long.class)
                    .single());
        }
        for (String sort : List.of("oldest", "newest", "recommended")) {
            String first = thread("?sort=" + sort);
            List<Long> seen = commentIds(first);
            assertThat(seen).as(sort).hasSize(50);
            Matcher later = Pattern.compile("after=([0-9_-]+)").matcher(first);
            assertThat(later.find()).as(sort).isTrue();
            String second = thread("?sort=" + sort + "&after=" + later.group(1));
            List<Long> rest = commentIds(second);
            assertThat(rest).as(sort).hasSize(5).doesNotContainAnyElementsOf(seen);
            String back = Map.of(
                            "oldest",
                            "Earlier comments",
                            "newest",
                            "Newer comments",
                            "recommended",
                            "Previous comments")
                    .get(sort);
            String on = Map.of("oldest", "Later comments", "newest", "Older comments", "recommended", "More comments")
                    .get(sort);
            assertThat(first).as(sort).contains(on).doesNotContain(back);
            assertThat(second).as(sort).contains(back).doesNotContain(on);
            Matcher earlier = Pattern.compile("before=([0-9_-]+)").matcher(second);
            assertThat(earlier.find()).isTrue();
            assertThat(commentIds(thread("?sort=" + sort + "&before=" + earlier.group(1))))
                    .as(sort)
                    .isEqualTo(seen);
        }
        assertThat(commentIds(thread("?sort=oldest"))).startsWith(ids.get(0), ids.get(1));
        assertThat(commentIds(thread("?sort=newest"))).startsWith(ids.get(54), ids.get(53));
        assertThat(commentIds(thread("?sort=recommended")).getFirst()).isEqualTo(ids.get(6));
        assertThat(http.get("/discussion/" + article + "/thread?after=nonsense").statusCode())
                .isEqualTo(400);
        assertThat(http.get("/discussion/" + article + "/thread?after=-99999999999999999_1")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/discussion/" + article + "/thread?sort=loudest").statusCode())
                .isEqualTo(400);
    }

    static List<Long> commentIds(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("<li class=\"thread\" data-thread-id=\"(\\d+)\"")
                .matcher(html);
        while (matcher.find()) {
            ids.add(Long.valueOf(matcher.group(1)));
        }
        return ids;
    }

    @Test
    void permalinkOpensTheArticleAtTheCommentAndItsThreadLoadsAroundIt() {
        long top = ann.posted(article, "Top");
        long reply = bob.replied(article, top, "Reply");
        HttpResponse<String> redirect = http.get("/comment/" + reply);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/" + section.path() + "/").endsWith("#comment-" + reply);
        assertThat(http.get(location.substring(0, location.indexOf('#'))).body())
                .contains("data-article-id=\"" + article + "\"");
        assertThat(thread("?around=" + reply)).contains("comment-" + reply).doesNotContain(GONE);

        assertThat(http.get("/comment/999999999").statusCode()).isEqualTo(404);
        ann.act(article, "/discussion/comments/" + top + "/delete");
        assertThat(http.get("/comment/" + top).statusCode()).isEqualTo(404);
    }

    static final String GONE = "The comment you were linked to is no longer available";

    @Test
    void aLinkToACommentNoLongerShownOrNeverThereOpensTheConversationAtItsStartAndSaysSo() {
        long kept = ann.posted(article, "Kept for all to read");
        long deleted = bob.posted(article, "Soon deleted");
        bob.act(article, "/discussion/comments/" + deleted + "/delete");

        for (long linked : List.of(deleted, 999_999_999L)) {
            String page = thread("?around=" + linked);
            assertThat(page).as("around " + linked).contains(GONE).contains("comment-" + kept);
            assertThat(page).doesNotContain("No comments yet");
            assertThat(commentIds(page)).containsExactly(kept);
        }
        assertThat(http.get("/discussion/" + article + "?around=999999999").body())
                .contains(GONE)
                .contains("Kept for all to read");
    }

    @Test
    void cardsOnSectionPagesShowTheCommentCount() {
        ann.posted(article, "One");
        bob.posted(article, "Two");
        String page = http.get("/" + section.path()).body();
        assertThat(page).contains("2 comments");
    }

    @Test
    void threadFragmentIsPublicAndDroppedFromTheCacheWhenTheThreadChanges() {
        HttpResponse<String> empty = http.get("/discussion/" + article + "/thread");
        assertThat(empty.headers().firstValue("Cache-Control").orElse("")).contains("public");
        assertThat(empty.headers().firstValue("Surrogate-Key").orElse("")).contains("discussion-" + article);
        ann.posted(article, "Fresh");
        assertThat(thread("")).contains("Fresh");
    }

    @Test
    void conversationPageReadsWithoutJavaScript() {
        ann.posted(article, "Readable without script");
        String page = http.get("/discussion/" + article).body();
        assertThat(page).contains("Readable without script").contains("<noscript>");
        assertThat(http.get("/discussion/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void tooManyCommentsInARowAreSlowedDown() {
        Participant eager = Participant.signIn(port, accounts.create(true));
        for (int i = 0; i < 10; i++) {
            assertThat(eager.post(article, "Comment " + i).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = eager.post(article, "One too many");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(storedComments()).isEqualTo(10);
    }

    @Test
    void editorClosesAndReopensCommentsFromTheSettingsPage() {
        org.masthead.WebSession editor = new org.masthead.WebSession(port);
        TestAccounts.signInWithBothFactors(editor, accounts.create(true, Role.EDITOR));
        HttpResponse<String> saved = editor.submit(
                "/discussion/" + article + "/settings",
                "/discussion/" + article + "/settings",
                java.util.Map.of("closesAt", "2020-01-01T10:00"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(ann.post(article, "Closed?").statusCode()).isEqualTo(409);
        HttpResponse<String> invalid = editor.submit(
                "/discussion/" + article + "/settings",
                "/discussion/" + article + "/settings",
                java.util.Map.of("enabled", "true", "closesAt", "tomorrow"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Give a date and time");
        for (String impossible : java.util.List.of("+999999999-01-01T10:00", "2026-02-30T10:00")) {
            HttpResponse<String> unreadable = editor.submit(
                    "/discussion/" + article + "/settings",
                    "/discussion/" + article + "/settings",
                    java.util.Map.of("enabled", "true", "closesAt", impossible));
            assertThat(unreadable.statusCode()).as(impossible).isEqualTo(200);
            assertThat(unreadable.body()).as(impossible).contains("Give a date and time");
        }
        editor.submit(
                "/discussion/" + article + "/settings",
                "/discussion/" + article + "/settings",
                java.util.Map.of("enabled", "true", "closesAt", ""));
        assertThat(ann.post(article, "Open again").statusCode()).isEqualTo(201);
    }

    @Test
    void adminsOpenAndCloseCommentsAsEditorsDoAndOthersAreToldPlainlyWhy() {
        org.masthead.WebSession admin = new org.masthead.WebSession(port);
        TestAccounts.signInWithBothFactors(admin, accounts.create(true, Role.ADMIN));
        assertThat(admin.get("/discussion/" + article + "/settings").statusCode())
                .isEqualTo(200);
        HttpResponse<String> closed = admin.submit(
                "/discussion/" + article + "/settings",
                "/discussion/" + article + "/settings",
                java.util.Map.of("closesAt", "2020-01-01T10:00"));
        assertThat(closed.statusCode()).isEqualTo(302);
        assertThat(ann.post(article, "Closed by the admin?").statusCode()).isEqualTo(409);
        admin.submit(
                "/discussion/" + article + "/settings",
                "/discussion/" + article + "/settings",
                java.util.Map.of("enabled", "true", "closesAt", ""));

        org.masthead.WebSession moderator = new org.masthead.WebSession(port);
        TestAccounts.signInWithBothFactors(moderator, accounts.create(true, Role.MODERATOR));
        HttpResponse<String> refused = moderator.get("/discussion/" + article + "/settings");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .as("the tab's title says what the page says")
                .contains("<title>This page is not open to you | ")
                .contains("this page is not open to you");
    }

    @Test
    void commentsStayWhenAnEditLeavesThemUnchanged() {
        long id = ann.posted(article, "Same");
        assertThat(ann.edit(article, id, "  ").statusCode()).isEqualTo(400);
        assertThat(thread("")).contains("Same");
    }
}
