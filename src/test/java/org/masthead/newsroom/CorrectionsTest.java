package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.newsroom.internal.ArticleEdit;
import org.masthead.newsroom.internal.Desk;
import org.masthead.newsroom.internal.Staff;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.RejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An editor's correction shows under the article with its date, on the corrections page and in its feed. */
@MastheadTest
class CorrectionsTest {

    private static final Staff EDITOR = new Staff(434343, "Correcting Editor", true);
    private static final Staff JOURNALIST = new Staff(434344, "Correcting Journalist", false);

    @Autowired
    Desk desk;

    @Autowired
    TestContent content;

    @Autowired
    PublishedContent published;

    @LocalServerPort
    int port;

    @Test
    void aCorrectionShowsUnderTheArticleOnTheCorrectionsPageAndInItsFeed() {
        Section section = content.section("Corrected");
        String headline = "Rail fares rise " + TestContent.unique("h");
        long id = desk.create(
                EDITOR,
                new ArticleEdit(
                        headline,
                        "",
                        "Fares rise by 5%.",
                        section.id(),
                        "",
                        List.of(),
                        List.of(content.author("Cora Corrections").name()),
                        "",
                        "",
                        true,
                        null,
                        false));
        desk.publish(EDITOR, id);
        Http reader = new Http(port);
        String articlePath = reader.get("/" + section.path())
                .body()
                .lines()
                .filter(line -> line.contains("href=\"/" + section.path() + "/") && !line.contains("/rss"))
                .map(line ->
                        line.substring(line.indexOf("href=\"") + 6, line.indexOf('"', line.indexOf("href=\"") + 6)))
                .findFirst()
                .orElseThrow();
        assertThat(reader.get("/corrections").body()).doesNotContain(headline);

        desk.correct(EDITOR, id, false, "An earlier version said fares rise by 5%. They rise by 4.5%.");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(reader.get(articlePath).body())
                    .contains("Corrections and clarifications")
                    .contains("<strong>Correction</strong>")
                    .contains("They rise by 4.5%.");
            assertThat(reader.get("/corrections").body()).contains(headline).contains("They rise by 4.5%.");
            assertThat(reader.get("/corrections/rss").body())
                    .contains("<title>Correction: " + headline + "</title>")
                    .contains("They rise by 4.5%.");
        });
        assertThat(published.article(id).orElseThrow().updatedAt())
                .as("a correction is not an update of the story")
                .isNull();
    }

    @Test
    void aCorrectionStaysOnThePublicRecordAfterItsArticleIsWithdrawn() {
        Section section = content.section("Corrected");
        String headline = "Bridge closure " + TestContent.unique("h");
        long id = desk.create(
                EDITOR,
                new ArticleEdit(
                        headline,
                        "",
                        "The bridge shuts in May.",
                        section.id(),
                        "",
                        List.of(),
                        List.of(content.author("Cora Corrections").name()),
                        "",
                        "",
                        true,
                        null,
                        false));
        desk.publish(EDITOR, id);
        desk.correct(EDITOR, id, false, "An earlier version said May. The bridge shuts in June.");
        Http reader = new Http(port);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(reader.get("/corrections").body()).contains(headline));

        desk.unpublish(EDITOR, id, "");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String page = reader.get("/corrections").body();
            assertThat(page)
                    .doesNotContain("No corrections yet")
                    .contains("The bridge shuts in June.")
                    .contains("The article has since been withdrawn.");
            assertThat(page)
                    .as("the headline no longer links to the withdrawn article")
                    .contains("<h2 class=\"card__headline\">" + headline + "</h2>");
            assertThat(reader.get("/corrections/rss").body())
                    .contains("<title>Correction: " + headline + "</title>")
                    .contains("The bridge shuts in June. The article has since been withdrawn.");
        });
    }

    @Test
    void onlyEditorsCorrectAndACorrectionSaysSomething() {
        Section section = content.section("Corrected");
        long id = desk.create(
                EDITOR,
                new ArticleEdit(
                        "Quiet story " + TestContent.unique("h"),
                        "",
                        "Words.",
                        section.id(),
                        "",
                        List.of(),
                        List.of(content.author("Cora Corrections").name()),
                        "",
                        "",
                        true,
                        null,
                        false));
        desk.publish(EDITOR, id);

        assertThatThrownBy(() -> desk.correct(JOURNALIST, id, false, "Wrong.")).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> desk.correct(EDITOR, id, true, "   ")).isInstanceOf(RejectedException.class);
        assertThat(published.correctionsOf(id)).isEmpty();
    }
}
