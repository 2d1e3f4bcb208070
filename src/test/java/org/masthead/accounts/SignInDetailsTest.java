package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.mail.Mailbox;
import org.masthead.mail.MailboxMessage;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A signed-in reader changes their password or their e-mail address. */
@MastheadTest
class SignInDetailsTest {

    static final String NEW_PASSWORD = "an entirely fresh passphrase";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Mailbox mailbox;

    TestAccounts.Credentials reader;
    WebSession visitor;

    @BeforeEach
    void setUp() {
        reader = accounts.create(true);
        visitor = new WebSession(port);
        TestAccounts.signIn(visitor, reader);
    }

    @Test
    void changingThePasswordSignsOutOtherSessionsButKeepsThisOne() throws Exception {
        WebSession elsewhere = new WebSession(port);
        TestAccounts.signIn(elsewhere, reader);

        HttpResponse<String> changed = changePassword(TestAccounts.PASSWORD, NEW_PASSWORD);

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        HttpResponse<String> here = visitor.get("/account");
        assertThat(here.statusCode()).isEqualTo(200);
        assertThat(here.body()).contains("Your password is changed");
        HttpResponse<String> there = elsewhere.get("/account");
        assertThat(there.statusCode()).isEqualTo(302);
        assertThat(there.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/signin?error");
        assertThat(signIn(reader.email(), NEW_PASSWORD)).endsWith("/account");
        assertThat(TestMailServer.awaitMessageTo(reader.email()).getSubject())
                .isEqualTo("Your password has been changed");
    }

    @Test
    void wrongCurrentPasswordIsRefusedAndChangesNothing() {
        WebSession elsewhere = new WebSession(port);
        TestAccounts.signIn(elsewhere, reader);

        HttpResponse<String> refused = changePassword("not my password at all", NEW_PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("That is not your current password.")
                .contains("There is a problem");
        assertThat(elsewhere.get("/account").statusCode()).isEqualTo(200);
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/account");
    }

    @Test
    void theSamePasswordAgainIsRefusedAndSignsNobodyOut() {
        WebSession elsewhere = new WebSession(port);
        TestAccounts.signIn(elsewhere, reader);

        HttpResponse<String> refused = changePassword(TestAccounts.PASSWORD, TestAccounts.PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Your new password must be different from your current one.");
        assertThat(elsewhere.get("/account").statusCode()).isEqualTo(200);
        assertThat(changePassword("not my password at all", TestAccounts.PASSWORD)
                        .body())
                .as("a guesser is not told that the new password they typed is the current one")
                .contains("That is not your current password.")
                .doesNotContain("must be different");
    }

    @Test
    void guessingTheCurrentPasswordFromASessionLeftSignedInIsHeldBack() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(changePassword("guess number " + attempt, NEW_PASSWORD).body())
                    .contains("That is not your current password.");
        }

        HttpResponse<String> eleventh = changePassword(TestAccounts.PASSWORD, NEW_PASSWORD);

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/account");
    }

    @Test
    void thePasswordFormNamesItsAccountForPasswordManagers() {
        assertThat(visitor.get("/account/password").body())
                .containsPattern("<input type=\"email\" name=\"username\" autocomplete=\"username\" value=\""
                        + java.util.regex.Pattern.quote(reader.email()) + "\" hidden>");
    }

    @Test
    void emptyOrWeakNewPasswordIsRefusedWithEveryProblemAtOnce() {
        HttpResponse<String> empty = changePassword("", "");
        HttpResponse<String> weak = changePassword("", "password1");

        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Enter your current password.").contains("Choose a new password.");
        assertThat(weak.body()).contains("Enter your current password.").contains("Use at least 10 characters.");
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/account");
    }

    @Test
    void passwordsOf64And128CharactersAreAcceptedAndLongerOnesRefused() {
        String sixtyFour = "a long passphrase of sixty-four characters, spaces and all, fine";
        String oneTwentyEight = sixtyFour + sixtyFour.toUpperCase();
        assertThat(sixtyFour).hasSize(64);
        assertThat(oneTwentyEight).hasSize(128);

        assertThat(changePassword(TestAccounts.PASSWORD, sixtyFour).statusCode())
                .isEqualTo(302);
        assertThat(signIn(reader.email(), sixtyFour)).endsWith("/account");
        assertThat(changePassword(sixtyFour, oneTwentyEight).statusCode()).isEqualTo(302);
        assertThat(signIn(reader.email(), oneTwentyEight)).endsWith("/account");

        HttpResponse<String> tooLong = changePassword(oneTwentyEight, oneTwentyEight + "!");

        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("Use at most 128 characters.");
        assertThat(signIn(reader.email(), oneTwentyEight)).endsWith("/account");
    }

    @Test
    void changingTheAddressTakesEffectOnlyWhenTheLinkSentToTheNewOneIsFollowed() throws Exception {
        String newEmail = TestContent.unique("moved") + "@example.com";

        HttpResponse<String> asked = changeEmail(newEmail, TestAccounts.PASSWORD);

        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(visitor.get("/account").body()).contains("We have sent a link to " + newEmail);
        MimeMessage notice = TestMailServer.awaitMessageTo(reader.email());
        assertThat(notice.getSubject()).isEqualTo("A change of e-mail address was requested");
        assertThat(TestMailServer.text(notice)).contains(newEmail);
        MimeMessage confirmation = TestMailServer.awaitMessageTo(newEmail);
        String link = TestMailServer.linkIn(confirmation, "/account/email/confirm?token=");
        assertThat(signIn(newEmail, TestAccounts.PASSWORD)).endsWith("/signin?error");
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/account");

        WebSession onThePhone = new WebSession(port);
        assertThat(onThePhone.get(link).body())
                .contains("Confirm your new address")
                .contains(newEmail);
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD))
                .as("opening the link, as a mail scanner would, changes nothing")
                .endsWith("/account");
        HttpResponse<String> confirmed =
                onThePhone.post("/account/email/confirm", Map.of("token", TestMailServer.tokenOf(link)));

        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        assertThat(onThePhone.get("/signin").body())
                .contains("Your e-mail address is now " + newEmail + ". Sign in with it.");
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/signin?error");
        assertThat(signIn(newEmail, TestAccounts.PASSWORD)).endsWith("/account");
        assertThat(visitor.get("/account").body()).contains(newEmail).contains("Confirmed");
        assertThat(onThePhone.get(link).body()).contains("That link no longer works");
    }

    @Test
    void aConfirmedNewAddressIsUsedAtOnceInEverySessionOfTheAccount() {
        WebSession elsewhere = new WebSession(port);
        TestAccounts.signIn(elsewhere, reader);
        String newEmail = TestContent.unique("moved") + "@example.com";
        changeEmail(newEmail, TestAccounts.PASSWORD);
        String link = TestMailServer.linkIn(TestMailServer.awaitMessageTo(newEmail), "/account/email/confirm?token=");
        elsewhere.get(link);
        elsewhere.post("/account/email/confirm", Map.of("token", TestMailServer.tokenOf(link)));

        for (WebSession session : java.util.List.of(visitor, elsewhere)) {
            assertThat(session.get("/account/password").body())
                    .as("password managers are told the new address")
                    .contains("value=\"" + newEmail + "\"")
                    .doesNotContain(reader.email());
            session.get("/support?currency=GBP");
            HttpResponse<String> started = session.post(
                    "/support",
                    Map.of(
                            "frequency", "ONE_OFF",
                            "amount", "other",
                            "customAmount", "5",
                            "currency", "GBP",
                            "email", ""));
            String checkout = java.net
                    .URI
                    .create(started.headers().firstValue("Location").orElseThrow())
                    .getPath();
            assertThat(session.get(checkout).body())
                    .as("the checkout, and so the receipt, goes to the new address")
                    .contains(newEmail)
                    .doesNotContain(reader.email());
        }
    }

    @Test
    void confirmingANewAddressConfirmsAnUnconfirmedAccount() {
        TestAccounts.Credentials unconfirmed = accounts.create(false);
        WebSession session = new WebSession(port);
        TestAccounts.signIn(session, unconfirmed);
        String newEmail = TestContent.unique("moved") + "@example.com";

        session.submit(
                "/account/email",
                "/account/email",
                Map.of("email", newEmail, "currentPassword", TestAccounts.PASSWORD));
        assertThat(session.get("/account").body()).contains("We have sent a link to " + newEmail);
        String link = TestMailServer.linkIn(TestMailServer.awaitMessageTo(newEmail), "/account/email/confirm?token=");
        session.get(link);
        HttpResponse<String> confirmed =
                session.post("/account/email/confirm", Map.of("token", TestMailServer.tokenOf(link)));

        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(session.get("/account").body())
                .as("confirmed while signed in, the account page says so")
                .contains("Your e-mail address is now " + newEmail + ".")
                .contains("Confirmed");
    }

    @Test
    void askingForAnAddressThatHasAnAccountLooksTheSameTellsItsOwnerAndChangesNothing() {
        TestAccounts.Credentials owner = accounts.create(true);
        String newEmail = TestContent.unique("free") + "@example.com";

        HttpResponse<String> free = changeEmail(newEmail, TestAccounts.PASSWORD);
        String freeNotice = visitor.get("/account").body();
        HttpResponse<String> taken = changeEmail(owner.email().toUpperCase(), TestAccounts.PASSWORD);
        String takenNotice = visitor.get("/account").body();

        assertThat(taken.statusCode()).isEqualTo(free.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location"))
                .isEqualTo(free.headers().firstValue("Location"));
        assertThat(notice(takenNotice).replace(owner.email().toUpperCase(), "ADDRESS"))
                .isEqualTo(notice(freeNotice).replace(newEmail, "ADDRESS"));
        MimeMessage toOwner = TestMailServer.awaitMessageTo(owner.email());
        assertThat(TestMailServer.text(toOwner)).contains("It already has an account");
        assertThat(mailbox.latest(owner.email(), null, 10))
                .extracting(message -> message.mail().subject())
                .containsExactly("Someone tried to use your e-mail address");
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD)).endsWith("/account");
        assertThat(signIn(owner.email(), TestAccounts.PASSWORD)).endsWith("/account");
    }

    @Test
    void wrongPasswordOrTheSameAddressIsRefusedAndSendsNothing() {
        HttpResponse<String> wrongPassword =
                changeEmail(TestContent.unique("moved") + "@example.com", "not my password at all");
        HttpResponse<String> sameAddress = changeEmail(reader.email().toUpperCase(), TestAccounts.PASSWORD);
        HttpResponse<String> malformed = changeEmail("not-an-address", "");
        HttpResponse<String> undeliverable = changeEmail("\"<script>\"@example.com", TestAccounts.PASSWORD);

        assertThat(wrongPassword.statusCode()).isEqualTo(200);
        assertThat(wrongPassword.body()).contains("That is not your current password.");
        assertThat(sameAddress.body()).contains("That is already your address.");
        assertThat(malformed.body())
                .contains("Enter an e-mail address like name@example.com.")
                .contains("Enter your current password.");
        assertThat(undeliverable.statusCode()).isEqualTo(200);
        assertThat(undeliverable.body()).contains("Enter an e-mail address like name@example.com.");
        assertThat(mailbox.lastTo(reader.email())).map(MailboxMessage::id).isEmpty();
    }

    @Test
    void accountPageLinksToBothChanges() {
        assertThat(visitor.get("/account").body())
                .contains("href=\"/account/email\"")
                .contains("href=\"/account/password\"");
    }

    private HttpResponse<String> changePassword(String current, String next) {
        return visitor.submit(
                "/account/password", "/account/password", Map.of("currentPassword", current, "newPassword", next));
    }

    private HttpResponse<String> changeEmail(String email, String currentPassword) {
        return visitor.submit(
                "/account/email", "/account/email", Map.of("email", email, "currentPassword", currentPassword));
    }

    private static String notice(String page) {
        Matcher notice = Pattern.compile("<p class=\"notice\"[^>]*>([^<]*)</p>").matcher(page);
        assertThat(notice.find()).as("a notice on the page").isTrue();
        return notice.group(1);
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
