package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.masthead.newsroom.internal.ArticleEdit;
import org.masthead.newsroom.internal.ArticleState;
import org.masthead.newsroom.internal.Desk;
import org.masthead.newsroom.internal.DeskRepository;
import org.masthead.newsroom.internal.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scheduled publication with two app nodes on one database: the article goes out once, on time. */
@MastheadTest
class ScheduledPublicationTest {

    private static final Staff EDITOR = new Staff(424242, "Scheduling Editor", true);

    @Autowired
    Desk desk;

    @Autowired
    TestContent content;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    JdbcClient db;

    @LocalServerPort
    int port;

    ConfigurableApplicationContext nodeB;

    @BeforeEach
    void startSecondNode() {
        nodeB = SecondNode.start(dataSource);
    }

    @AfterEach
    void stopSecondNode() {
        nodeB.close();
    }

    @Test
    void aScheduledArticleIsPublishedOnceWhenItsTimeComesWhicheverNodeIsRunning() {
        Section section = content.section("Scheduled");
        String headline = "Embargoed report " + TestContent.unique("h");
        long id = desk.create(EDITOR, edit(section, headline));

        desk.schedule(EDITOR, id, Instant.now().plusSeconds(3));

        assertThat(new Http(port).get("/").body()).doesNotContain(headline);
        Http onB = new Http(((WebServerApplicationContext) nodeB).getWebServer().getPort());
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            assertThat(desk.open(EDITOR, id).state()).isEqualTo(ArticleState.PUBLISHED);
            assertThat(onB.get("/").body()).contains(headline);
            assertThat(new Http(port).get("/").body()).contains(headline);
        });
        // Both nodes have polled past the due time three times more by now (MastheadTest, SecondNode: every 1 s).
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(publications(id)).as("published once, by the schedule").containsExactly("as scheduled");
        assertThat(db.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .as("the job is done and gone")
                .isZero();
    }

    @Test
    void theJournalistIsToldOnceWhenTheirScheduledStoryGoesOut() {
        Staff journalist = new Staff(434343, "Scheduled Writer", false);
        Section section = content.section("Scheduled");
        long id = desk.create(journalist, edit(section, "Dawn report " + TestContent.unique("h")));

        desk.schedule(EDITOR, id, Instant.now().plusSeconds(2));

        await().atMost(Duration.ofSeconds(45))
                .until(() -> db.sql("SELECT count(*) FROM notification WHERE recipient_id = :journalist"
                                        + " AND kind = 'story_published' AND article_id = :id AND actor_id = :editor")
                                .param("journalist", journalist.accountId())
                                .param("id", id)
                                .param("editor", EDITOR.accountId())
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void anArticleTakenOffTheScheduleStaysADraft() {
        Section section = content.section("Scheduled");
        String headline = "Held back " + TestContent.unique("h");
        long id = desk.create(EDITOR, edit(section, headline));
        desk.schedule(EDITOR, id, Instant.now().plusSeconds(2));

        desk.unschedule(EDITOR, id);

        // Both nodes have polled past the time it was due for three times by now.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(desk.open(EDITOR, id).state()).isEqualTo(ArticleState.DRAFT);
        assertThat(publications(id)).isEmpty();
        assertThat(new Http(port).get("/").body()).doesNotContain(headline);
    }

    private List<String> publications(long id) {
        return desk.history(EDITOR, id).stream()
                .filter(entry -> entry.action().equals(Desk.Action.PUBLISHED))
                .map(DeskRepository.AuditEntry::detail)
                .toList();
    }

    /** Ready for readers: a body and a byline. */
    private ArticleEdit edit(Section section, String headline) {
        return new ArticleEdit(
                headline,
                "",
                "Words under embargo.",
                section.id(),
                "",
                List.of(),
                List.of(content.author("Sid Schedule").name()),
                "",
                "",
                true,
                null,
                false);
    }
}
