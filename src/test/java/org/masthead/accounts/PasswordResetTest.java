package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MastheadTest
class PasswordResetTest {

    static final String NEW_PASSWORD = "an entirely fresh passphrase";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Mailbox mailbox;

    @Autowired
    JdbcClient db;

    TestAccounts.Credentials reader;
    WebSession visitor;

    @BeforeEach
    void setUp() {
        reader = accounts.create(true);
        visitor = new WebSession(port);
    }

    @Test
    void readerChoosesANewPasswordFromTheLinkInTheEmail() throws Exception {
        String link = requestResetLink(reader.email());

        HttpResponse<String> form = visitor.get(link);
        assertThat(form.body()).contains("Choose a new password");
        assertThat(visitor.get(link).body())
                .as("opening the link again, as a mail scanner would, leaves it working")
                .contains("Choose a new password");

        HttpResponse<String> reset = visitor.post(
                "/account/reset-password", Map.of("token", TestMailServer.tokenOf(link), "password", NEW_PASSWORD));

        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(reset.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        assertThat(visitor.get("/signin").body()).contains("Your new password is set");
        assertThat(visitor.get("/signin").body())
                .as("said once, after the reset")
                .doesNotContain("Your new password is set");
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/signin?error");
        assertThat(signIn(reader.email(), NEW_PASSWORD)).endsWith("/account");
        assertThat(TestMailServer.awaitMessageTo(reader.email(), 1).getSubject())
                .isEqualTo("Your password has been changed");
    }

    @Test
    void pagesAnnounceNothingThatDidNotHappen() {
        HttpResponse<String> signIn = visitor.get("/signin");
        HttpResponse<String> crafted = visitor.get("/signin?password-reset&email-changed");
        HttpResponse<String> afterAFailure = visitor.get("/signin?error");
        HttpResponse<String> forgot = visitor.get("/account/forgot-password?sent");

        for (HttpResponse<String> page : List.of(signIn, crafted, afterAFailure)) {
            assertThat(page.body())
                    .contains("Sign in")
                    .doesNotContain("Your new password is set")
                    .doesNotContain("Your e-mail address is changed");
        }
        assertThat(afterAFailure.body()).contains("do not match");
        assertThat(forgot.body()).contains("Forgotten your password?").doesNotContain("we have sent a link");
    }

    @Test
    void resetLinkWorksOnlyOnce() {
        String link = requestResetLink(reader.email());
        visitor.get(link);
        visitor.post(
                "/account/reset-password", Map.of("token", TestMailServer.tokenOf(link), "password", NEW_PASSWORD));

        assertThat(visitor.get(link).body()).contains("That link no longer works");
        HttpResponse<String> again = visitor.post(
                "/account/reset-password",
                Map.of("token", TestMailServer.tokenOf(link), "password", "yet another passphrase"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("That link no longer works");
        assertThat(signIn(reader.email(), NEW_PASSWORD)).endsWith("/account");
    }

    @Test
    void resetLinkStopsWorkingAfterAnHour() {
        String link = requestResetLink(reader.email());
        visitor.get(link);
        db.sql(
                        """
                        UPDATE account_token SET expires_at = now() - interval '1 second'
                        WHERE account_id = :id AND purpose = 'RESET_PASSWORD'""")
                .param("id", reader.id())
                .update();

        assertThat(visitor.get(link).body()).contains("That link no longer works");
        HttpResponse<String> late = visitor.post(
                "/account/reset-password", Map.of("token", TestMailServer.tokenOf(link), "password", NEW_PASSWORD));

        assertThat(late.body()).contains("That link no longer works");
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/account");
    }

    @Test
    void aNewerResetLinkDoesNotStopAnOlderOneButUsingEitherStopsBoth() {
        String first = requestResetLink(reader.email());
        String second = requestResetLink(reader.email());

        assertThat(visitor.get(first).body()).contains("Choose a new password");
        visitor.get(second);
        visitor.post(
                "/account/reset-password", Map.of("token", TestMailServer.tokenOf(second), "password", NEW_PASSWORD));

        assertThat(visitor.get(first).body())
                .contains("That link no longer works")
                .as("the reader used the other link, not this one: the page says that may be why")
                .contains("It, or another reset link we sent you, may have been used already");
    }

    @Test
    void unknownAddressGetsTheSameAnswerAndNoMail() {
        String nobody = TestContent.unique("nobody") + "@example.com";

        HttpResponse<String> known =
                visitor.submit("/account/forgot-password", "/account/forgot-password", Map.of("email", reader.email()));
        HttpResponse<String> unknown =
                visitor.submit("/account/forgot-password", "/account/forgot-password", Map.of("email", nobody));

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(302);
        assertThat(unknown.headers().firstValue("Location"))
                .isEqualTo(known.headers().firstValue("Location"));
        assertThat(visitor.get("/account/forgot-password").body())
                .contains("Check your e-mail")
                .contains("If the address you gave has an account");
        TestMailServer.awaitMessageTo(reader.email());
        // The outbox is written in the request's own transaction: nothing there means nothing will be sent.
        assertThat(mailbox.lastTo(nobody)).isEmpty();
        assertThat(TestMailServer.messagesTo(nobody)).isEmpty();
    }

    @Test
    void disabledAccountGetsNoResetLink() {
        db.sql("UPDATE account SET status = 'DISABLED' WHERE id = :id")
                .param("id", reader.id())
                .update();

        HttpResponse<String> answer =
                visitor.submit("/account/forgot-password", "/account/forgot-password", Map.of("email", reader.email()));

        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/account/forgot-password");
        assertThat(mailbox.lastTo(reader.email())).isEmpty();
    }

    @Test
    void resettingThePasswordSignsOutEverySessionOfTheAccount() {
        WebSession elsewhere = new WebSession(port);
        TestAccounts.signIn(elsewhere, reader);
        String link = requestResetLink(reader.email());

        visitor.get(link);
        visitor.post(
                "/account/reset-password", Map.of("token", TestMailServer.tokenOf(link), "password", NEW_PASSWORD));

        HttpResponse<String> account = elsewhere.get("/account");
        assertThat(account.statusCode()).isEqualTo(302);
        assertThat(account.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
    }

    @Test
    void weakNewPasswordIsRefusedWithAFieldErrorAndTheLinkStillWorks() {
        String link = requestResetLink(reader.email());
        visitor.get(link);

        HttpResponse<String> weak = visitor.post(
                "/account/reset-password", Map.of("token", TestMailServer.tokenOf(link), "password", "short"));
        HttpResponse<String> blank =
                visitor.post("/account/reset-password", Map.of("token", TestMailServer.tokenOf(link), "password", ""));

        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("Use at least 10 characters.").contains("There is a problem");
        assertThat(blank.body()).contains("Choose a new password.");
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/account");
        HttpResponse<String> strong = visitor.post(
                "/account/reset-password", Map.of("token", TestMailServer.tokenOf(link), "password", NEW_PASSWORD));
        assertThat(strong.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
    }

    @Test
    void forgottenPasswordFormExplainsABadAddress() {
        HttpResponse<String> empty =
                visitor.submit("/account/forgot-password", "/account/forgot-password", Map.of("email", ""));
        HttpResponse<String> malformed =
                visitor.submit("/account/forgot-password", "/account/forgot-password", Map.of("email", "nope"));

        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Enter the e-mail address of your account.");
        assertThat(malformed.body()).contains("Enter an e-mail address like name@example.com.");
    }

    @Test
    void signInPageLinksToTheForgottenPasswordPage() {
        assertThat(visitor.get("/signin").body())
                .contains("href=\"/account/forgot-password\"")
                .contains("Forgotten your password?");
    }

    private String requestResetLink(String email) {
        int before = TestMailServer.messagesTo(email).size();
        HttpResponse<String> sent =
                visitor.submit("/account/forgot-password", "/account/forgot-password", Map.of("email", email));
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/account/forgot-password");
        MimeMessage mail = TestMailServer.awaitMessageTo(email, before);
        assertThat(TestMailServer.text(mail)).contains("one hour");
        return TestMailServer.linkIn(mail, "/account/reset-password?token=");
    }

    /** Where signing in with these sends a new visitor: to their account, or back with an error. */
    private String signIn(String email, String password) {
        return new WebSession(port)
                .submit("/signin", "/signin", Map.of("email", email, "password", password))
                .headers()
                .firstValue("Location")
                .orElseThrow();
    }
}
