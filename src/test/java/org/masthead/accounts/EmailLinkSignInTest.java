package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MastheadTest
class EmailLinkSignInTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    WebSession visitor;
    TestAccounts.Credentials reader;

    @BeforeEach
    void setUp() {
        visitor = new WebSession(port);
        reader = accounts.create(true);
    }

    private String requestLink(String email) {
        HttpResponse<String> response = visitor.submit("/signin", "/signin/email-link", Map.of("username", email));
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void readerSignsInWithTheLinkFromTheirEmail() {
        assertThat(requestLink(reader.email())).endsWith("/signin/email-link/sent");
        assertThat(visitor.get("/signin/email-link/sent").body())
                .as("with a mail server, the link is only in the mail")
                .contains("Check your e-mail")
                .doesNotContain("application's log");
        String link = TestMailServer.linkIn(TestMailServer.awaitMessageTo(reader.email()), "/signin/link?token=");

        // Opening the link only shows a button: mail scanners that follow links must not spend it.
        assertThat(visitor.get(link).body()).contains("Sign in with your link");
        assertThat(visitor.get(link).statusCode()).isEqualTo(200);
        String token = TestMailServer.tokenOf(link);
        HttpResponse<String> signedIn = visitor.post("/signin/link", Map.of("token", token));

        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(visitor.get("/account").body()).contains(reader.displayName());
    }

    @Test
    void aLinkWorksOnlyOnce() {
        requestLink(reader.email());
        String link = TestMailServer.linkIn(TestMailServer.awaitMessageTo(reader.email()), "/signin/link?token=");
        String token = TestMailServer.tokenOf(link);
        visitor.get(link);
        visitor.post("/signin/link", Map.of("token", token));
        WebSession someoneElse = new WebSession(port);
        someoneElse.get(link);

        HttpResponse<String> again = someoneElse.post("/signin/link", Map.of("token", token));

        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/signin?link-expired");
        assertThat(someoneElse.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws InterruptedException {
        String nobody = "nobody-" + reader.email();

        assertThat(requestLink(nobody)).isEqualTo(requestLink(reader.email()));
        TestMailServer.awaitMessageTo(reader.email());
        Thread.sleep(Duration.ofSeconds(2));
        assertThat(TestMailServer.messagesTo(nobody)).isEmpty();
    }

    @Test
    void aMadeUpTokenSignsNobodyIn() {
        visitor.get("/signin/link?token=made-up");

        HttpResponse<String> response = visitor.post("/signin/link", Map.of("token", "made-up"));

        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/signin?link-expired");
        assertThat(visitor.get("/signin?link-expired").body()).contains("That sign-in link has expired");
    }

    @Test
    void aFormWithoutAnAddressOrATokenComesBackSayingSo() {
        visitor.get("/signin");

        HttpResponse<String> noAddress = visitor.post("/signin/email-link", Map.of("username", ""));
        HttpResponse<String> noToken = visitor.post("/signin/link", Map.of("token", " "));

        assertThat(noAddress.statusCode()).isEqualTo(302);
        assertThat(noAddress.headers().firstValue("Location").orElseThrow())
                .endsWith("/signin?link-address#link-email");
        assertThat(visitor.get("/signin?link-address").body())
                .contains("Enter your e-mail address to get a link.")
                .contains("aria-invalid=\"true\"");
        assertThat(noToken.statusCode()).isEqualTo(302);
        assertThat(noToken.headers().firstValue("Location").orElseThrow()).endsWith("/signin?link-expired");
    }
}
