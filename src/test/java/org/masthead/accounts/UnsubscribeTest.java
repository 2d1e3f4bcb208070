package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The unsubscribe link that marketing mail carries. */
@MastheadTest
class UnsubscribeTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    JdbcClient db;

    TestAccounts.Credentials reader;
    String path;

    @BeforeEach
    void aReaderWhoAgreedToMarketingMail() {
        reader = testAccounts.create(true);
        db.sql(
                        "UPDATE account SET marketing_consent = true, marketing_consent_at = now() - interval '1 day' WHERE id = :id")
                .param("id", reader.id())
                .update();
        String url = accounts.marketingUnsubscribeUrl(reader.id());
        assertThat(url).startsWith("http://localhost:8080/unsubscribe?token=");
        path = url.substring("http://localhost:8080".length());
    }

    @Test
    void openingTheLinkAsksForAClickAndChangesNothing() {
        String page = new WebSession(port).get(path).body();

        assertThat(page).contains("Unsubscribe from our e-mails");
        assertThat(consents()).isTrue();
    }

    @Test
    void theClickWithdrawsConsentAndRecordsWhen() {
        WebSession visitor = new WebSession(port);
        visitor.get(path);

        HttpResponse<String> done = visitor.post("/unsubscribe", Map.of("token", token()));

        assertThat(done.body()).contains("You are unsubscribed");
        assertThat(consents()).isFalse();
        assertThat(db.sql("SELECT marketing_consent_at > now() - interval '1 minute' FROM account WHERE id = :id")
                        .param("id", reader.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void mailProgramsCanUnsubscribeWithOneClickWithoutACsrfToken() {
        HttpResponse<String> oneClick = new WebSession(port).postRaw("/unsubscribe", Map.of("token", token()));

        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(consents()).isFalse();
    }

    @Test
    void aMadeUpLinkChangesNothing() {
        HttpResponse<String> response = new WebSession(port).postRaw("/unsubscribe", Map.of("token", "made-up"));

        assertThat(response.body()).contains("That link no longer works");
        assertThat(consents()).isTrue();
    }

    private String token() {
        return TestMailServer.tokenOf(path);
    }

    private boolean consents() {
        return db.sql("SELECT marketing_consent FROM account WHERE id = :id")
                .param("id", reader.id())
                .query(Boolean.class)
                .single();
    }
}
