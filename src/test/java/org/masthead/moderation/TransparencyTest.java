package org.masthead.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.discussion.Participant.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The public transparency report counts what moderation did this month, as charts with their figures. */
@MastheadTest
@TestPropertySource(properties = "masthead.moderation.held-first-comments=3")
class TransparencyTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    TestModeration moderation;

    @Autowired
    Moderation trust;

    /** This month's figure in a chart's table: the table's last row. */
    private static long thisMonth(String page, String chart) {
        String figure = page.substring(page.indexOf("data-chart=\"" + chart + "\""));
        figure = figure.substring(0, figure.indexOf("</figure>"));
        Matcher cells = Pattern.compile("<td>(\\d+)</td>").matcher(figure);
        List<Long> values = new ArrayList<>();
        while (cells.find()) {
            values.add(Long.parseLong(cells.group(1)));
        }
        assertThat(values).as(chart).hasSize(12);
        return values.getLast();
    }

    @Test
    void removalsRefusalsReportsAndSanctionsOfThisMonthAreCountedOnACachedPublicPage() {
        long article = content.article(content.section("Transparent")).published();
        moderation.ban("Gobbledegook");
        Participant writer = Participant.signIn(port, accounts.create(true));
        long held = json(writer.post(article, "A first comment, held for a moderator."))
                .get("id")
                .asLong();
        assertThat(writer.post(article, "Such gobbledegook.").statusCode()).isEqualTo(400);
        WebSession moderator = new WebSession(port);
        TestAccounts.signInWithBothFactors(moderator, accounts.create(true, Role.MODERATOR));
        moderator.get("/moderation");
        moderator.post("/moderation/comments/" + held + "/reject", Map.of("reason", "spam"));
        moderator.post(
                "/moderation/readers/" + writer.id() + "/sanctions",
                Map.of("kind", "warn", "rule", "spam", "reason", "Posted gibberish"));
        TestAccounts.Credentials known = accounts.create(true);
        trust.trust(known.id(), null);
        long published = json(Participant.signIn(port, known).post(article, "Fine words."))
                .get("id")
                .asLong();
        Participant reporter = Participant.signIn(port, accounts.create(true));
        reporter.me(article);
        reporter.report(article, published, "spam", "");

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> report = new Http(port).get("/transparency?at=" + System.nanoTime());
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(thisMonth(report.body(), "reports")).isPositive();
        });
        HttpResponse<String> report = new Http(port).get("/transparency?at=" + System.nanoTime());
        String page = report.body();

        assertThat(report.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
        assertThat(report.headers().firstValue("Surrogate-Key").orElseThrow()).contains("transparency");
        assertThat(page)
                .contains("<h1>Transparency report</h1>")
                .contains("<svg")
                .contains("Comments removed or refused each month")
                .contains("By a moderator: Spam or advertising")
                .as("every heading in words, never the codes the figures are kept under")
                .contains("Refused by a rule: Banned words")
                .contains("<th scope=\"col\">Warnings</th>")
                .doesNotContain(">warn<")
                .doesNotContain("banned-words");
        assertThat(page)
                .as("months on the axis with their year, never a bare two digits that read as a day")
                .contains(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.UK)
                        .format(java.time.YearMonth.now(java.time.ZoneOffset.UTC)));
        assertThat(thisMonth(page, "removed")).isGreaterThanOrEqualTo(2);
        assertThat(thisMonth(page, "held")).isPositive();
        assertThat(new Http(port).get("/community-standards").body()).contains("href=\"/transparency\"");
    }
}
