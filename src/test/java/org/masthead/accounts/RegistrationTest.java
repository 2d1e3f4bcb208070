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
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MastheadTest
class RegistrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @Autowired
    TestContent content;

    WebSession visitor;
    String email;
    String name;

    @BeforeEach
    void setUp() {
        visitor = new WebSession(port);
        email = TestContent.unique("reader") + "@example.com";
        name = TestContent.unique("Reader");
    }

    HttpResponse<String> register(String email, String name, String password) {
        return visitor.submit(
                "/register", "/register", Map.of("email", email, "displayName", name, "password", password));
    }

    @Test
    void readerRegistersConfirmsTheAddressFromTheEmailAndSignsIn() {
        HttpResponse<String> registered = register(email, name, PASSWORD);

        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(registered.headers().firstValue("Location").orElseThrow()).endsWith("/register/check-email");
        MimeMessage mail = TestMailServer.awaitMessageTo(email);
        assertThat(TestMailServer.text(mail)).contains(name);
        String link = TestMailServer.linkIn(mail, "/account/verify?token=");
        assertThat(verifiedAt(email)).isNull();

        assertThat(visitor.get(link).body()).contains("Your address is confirmed");
        assertThat(verifiedAt(email)).isNotNull();
        assertThat(visitor.get(link).body())
                .as("opened again, as when a mail scanner opened it first, it still says so")
                .contains("Your address is confirmed");
        assertThat(visitor.get("/account/verify?token=not-a-token").body()).contains("That link no longer works");

        HttpResponse<String> signedIn =
                visitor.submit("/signin", "/signin", Map.of("email", email, "password", PASSWORD));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(visitor.get("/account").body()).contains(name).contains("Confirmed");
    }

    @Test
    void passwordIsStoredAsAnArgon2Hash() {
        register(email, name, PASSWORD);

        String hash = db.sql("SELECT password_hash FROM account WHERE email = :email")
                .param("email", email)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void registeringWithATakenAddressLooksTheSameAndTellsTheOwnerByEmail() throws Exception {
        register(email, name, PASSWORD);
        TestMailServer.awaitMessageTo(email);
        WebSession someoneElse = new WebSession(port);

        HttpResponse<String> again = someoneElse.submit(
                "/register",
                "/register",
                Map.of("email", email.toUpperCase(), "displayName", name + "x", "password", PASSWORD + "!"));

        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/register/check-email");
        MimeMessage notice = TestMailServer.awaitMessageTo(email, 1);
        assertThat(notice.getSubject()).isEqualTo("You already have an account");
        assertThat(accounts(email)).isEqualTo(1);
    }

    @Test
    void shortAndCommonPasswordsAreRefusedWithAFieldError() {
        assertThat(register(email, name, "short").body()).contains("Use at least 10 characters.");
        assertThat(register(email, name, "1234567890").body()).contains("one of the most common passwords");
        assertThat(register(email, name, "Qwertyuiop").body()).contains("one of the most common passwords");
        assertThat(accounts(email)).isZero();
    }

    @Test
    void longPassphrasesAreWelcome() {
        String sixtyFour = "a long passphrase of sixty-four characters, spaces and all, fine";
        assertThat(sixtyFour).hasSize(64);

        assertThat(register(email, name, sixtyFour).statusCode()).isEqualTo(302);
        assertThat(accounts(email)).isEqualTo(1);
    }

    @Test
    void displayNamesAreUniqueWhateverTheirCase() {
        register(email, name, PASSWORD);

        HttpResponse<String> clash = register("other-" + email, name.toUpperCase(), PASSWORD);

        assertThat(clash.statusCode()).isEqualTo(200);
        assertThat(clash.body()).contains("That name is taken");
    }

    @Test
    void aReaderMayNotRegisterUnderAWritersByline() {
        String byline = TestContent.unique("Priya Raman").replace('-', ' ');
        content.author(byline);

        HttpResponse<String> posing = register(email, byline.toUpperCase(), PASSWORD);

        assertThat(posing.statusCode()).isEqualTo(200);
        assertThat(posing.body())
                .contains("That is the byline of one of our writers. Choose another name.")
                .contains("href=\"#displayName\"");
        assertThat(accounts(email)).isZero();
    }

    @Test
    void theErrorsAreListedInTheFormsOrderEachLinkedToItsField() {
        String page = register(email, "ab", "short").body();

        String summary = page.substring(
                page.indexOf("There is a problem"), page.indexOf("</ul>", page.indexOf("There is a problem")));
        assertThat(summary)
                .containsSubsequence(
                        "href=\"#displayName\">Use 3 to 30 characters.",
                        "href=\"#password\">Use at least 10 characters.");
        assertThat(page)
                .containsPattern(
                        "<input type=\"text\"[^>]*maxlength=\"30\"[^>]*id=\"displayName\"|id=\"displayName\"[^>]*maxlength=\"30\"");
        assertThat(page).doesNotContainPattern("type=\"password\"[^>]*maxlength");
    }

    @Test
    void badDisplayNamesAndAddressesGetClearMessages() {
        assertThat(register(email, "ab", PASSWORD).body()).contains("Use 3 to 30 characters.");
        assertThat(register(email, "<script>x</script>", PASSWORD).body())
                .contains("Use letters, digits, spaces")
                .doesNotContain("<script>x");
        assertThat(register(email, "Moderator", PASSWORD).body()).contains("That name is reserved");
        assertThat(register("not-an-address", name, PASSWORD).body()).contains("Enter an e-mail address like");
        for (String undeliverable : List.of("user@[127.0.0.1]", "\"<script>\"@example.com", "a b@example.com")) {
            HttpResponse<String> refused = register(undeliverable, name, PASSWORD);
            assertThat(refused.statusCode())
                    .as("an address no mail could be sent to is the form's problem, not a server error")
                    .isEqualTo(200);
            assertThat(refused.body()).contains("Enter an e-mail address like");
        }
        assertThat(register("", "", "").body())
                .contains("Enter your e-mail address.")
                .contains("There is a problem");
        assertThat(accounts(email)).isZero();
    }

    @Test
    void aCheckboxSentWithAValueNoBrowserSendsIsABadRequestNotAServerError() {
        HttpResponse<String> tampered = visitor.submit(
                "/register",
                "/register",
                Map.of("email", email, "displayName", name, "password", "short", "marketingConsent", "abc"));

        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("reload the page and try again").doesNotContain("java.lang");
        assertThat(accounts(email)).isZero();
    }

    @Test
    void wrongPasswordDoesNotSayWhetherTheAddressExists() {
        register(email, name, PASSWORD);

        HttpResponse<String> wrongPassword =
                visitor.submit("/signin", "/signin", Map.of("email", email, "password", "wrong password!"));
        HttpResponse<String> noSuchAccount =
                visitor.submit("/signin", "/signin", Map.of("email", "nobody-" + email, "password", "wrong password!"));

        assertThat(wrongPassword.headers().firstValue("Location"))
                .isEqualTo(noSuchAccount.headers().firstValue("Location"));
        assertThat(wrongPassword.headers().firstValue("Location").orElseThrow())
                .as("the address typed never goes into an address bar or a log")
                .doesNotContain("@");
        assertThat(visitor.get("/signin?error").body())
                .contains("do not match an account")
                .as("the form keeps the address typed, to try the password again")
                .contains("value=\"nobody-" + email + "\"");
        assertThat(visitor.get("/signin").body()).as("only once").doesNotContain("value=\"nobody-" + email + "\"");
    }

    private Object verifiedAt(String email) {
        return db.sql("SELECT email_verified_at FROM account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .orElse(null);
    }

    private long accounts(String email) {
        return db.sql("SELECT count(*) FROM account WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(Long.class)
                .single();
    }
}
