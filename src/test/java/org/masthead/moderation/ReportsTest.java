package org.masthead.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Readers report a comment for spam, abuse, harassment, being off topic or anything else, with words
 * of their own; {@code reports-to-hold} (3) different readers hold it, and one reader reporting twice
 * counts once.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.moderation.held-first-comments=3")
class ReportsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Moderation moderation;

    @Test
    void threeDifferentReadersHoldACommentWhateverTheirReasonAndOneReaderTwiceCountsOnce() {
        long article = content.article(content.section("Reported")).published();
        TestAccounts.Credentials known = accounts.create(true);
        moderation.trust(known.id(), null);
        long id = Participant.signIn(port, known).posted(article, "Buy cheap watches here.");
        Participant first = Participant.signIn(port, accounts.create(true));

        assertThat(first.report(article, id, "boring", "").statusCode()).isEqualTo(400);
        assertThat(first.report(article, id, "spam", "An advert for watches").statusCode())
                .isEqualTo(204);
        assertThat(first.report(article, id, "abuse", "").statusCode()).isEqualTo(409);
        Participant second = Participant.signIn(port, accounts.create(true));
        assertThat(second.report(article, id, "harassment", "").statusCode()).isEqualTo(204);
        long other = Participant.signIn(port, known).posted(article, "Another comment, reported less.");
        assertThat(first.report(article, other, "off-topic", "").statusCode()).isEqualTo(204);
        assertThat(second.report(article, other, "personal-information", "").statusCode())
                .isEqualTo(204);
        assertThat(thread(article)).contains("Buy cheap watches here.").contains("Another comment, reported less.");

        Participant third = Participant.signIn(port, accounts.create(true));
        assertThat(third.report(article, id, "other", "Looks like a scam to me").statusCode())
                .isEqualTo(204);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !thread(article)
                .contains("Buy cheap watches here."));
    }

    private String thread(long article) {
        return new Http(port).get("/discussion/" + article + "/thread").body();
    }
}
