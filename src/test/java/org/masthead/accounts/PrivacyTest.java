package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.internal.AccountDeletions;
import org.masthead.platform.TestPictures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MastheadTest
@RecordApplicationEvents
class PrivacyTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AccountDeletions deletions;

    @Autowired
    Accounts api;

    @Autowired
    JdbcClient db;

    @Autowired
    JsonMapper json;

    TestAccounts.Credentials account;
    WebSession reader;

    @BeforeEach
    void signIn() {
        account = accounts.create(true, Role.JOURNALIST);
        reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
    }

    /** Saves the profile form with these fields and a picture. */
    void saveProfileWithPicture(Map<String, String> fields) {
        reader.get("/account/profile");
        byte[] png = TestPictures.encode(TestPictures.halves(80, 80, BufferedImage.TYPE_INT_RGB), "png");
        assertThat(reader.postFile("/account/profile", fields, "avatar", "me.png", "image/png", png)
                        .statusCode())
                .isEqualTo(302);
    }

    String profilePath() {
        return "/profile/"
                + URLEncoder.encode(account.displayName(), StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }

    @Test
    void readerDownloadsEverythingWeHoldAboutThemAsJsonWithoutThePasswordHash() {
        saveProfileWithPicture(
                Map.of("displayName", account.displayName(), "bio", "Crossword fan.", "marketingConsent", "true"));
        linkProvider("https://id.example.com", "subject-" + account.id());

        HttpResponse<String> export = reader.get("/account/export");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"masthead-data-" + LocalDate.now(ZoneId.of("Europe/London"))
                        + ".json\"");
        assertThat(export.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        String hash = db.sql("SELECT password_hash FROM account WHERE id = :id")
                .param("id", account.id())
                .query(String.class)
                .single();
        assertThat(export.body()).doesNotContain(hash).doesNotContain("argon2");
        JsonNode data = json.readTree(export.body());
        assertThat(data.path("account").path("id").asLong()).isEqualTo(account.id());
        assertThat(data.path("account").path("email").asString()).isEqualTo(account.email());
        assertThat(data.path("account").path("emailConfirmed").asBoolean()).isTrue();
        assertThat(data.path("account").path("roles").toString())
                .contains("READER")
                .contains("JOURNALIST");
        assertThat(data.path("account").path("password").asString()).startsWith("A password is set.");
        assertThat(data.path("account").path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(data.path("profile").path("displayName").asString()).isEqualTo(account.displayName());
        assertThat(data.path("profile").path("bio").asString()).isEqualTo("Crossword fan.");
        assertThat(data.path("profile").path("picture").path("present").asBoolean())
                .isTrue();
        assertThat(data.path("marketingEmail").path("consents").asBoolean()).isTrue();
        assertThat(data.path("marketingEmail").path("choiceMadeAt").asString()).isNotBlank();
        assertThat(data.path("signInProviders").path(0).path("issuer").asString())
                .isEqualTo("https://id.example.com");
    }

    @Test
    void deletingNeedsTheAccountsPassword() {
        HttpResponse<String> page = reader.get("/account/delete");
        assertThat(page.body())
                .contains("This cannot be undone")
                .contains("Your password")
                .as("a Premium member is warned that the reading list goes at once")
                .contains(
                        "your reading list, with its collections and notes, and the topics and authors you follow, are\n"
                                + "      deleted at once, even if Premium is paid to the end of a period");

        HttpResponse<String> noPassword = reader.post("/account/delete", Map.of());
        HttpResponse<String> wrongPassword =
                reader.submit("/account/delete", "/account/delete", Map.of("password", "not my password at all"));

        assertThat(noPassword.statusCode()).isEqualTo(200);
        assertThat(noPassword.body()).contains("Enter your password to confirm.");
        assertThat(wrongPassword.statusCode()).isEqualTo(200);
        assertThat(wrongPassword.body()).contains("That is not your password. Try again.");
        assertThat(reader.get("/account").statusCode()).isEqualTo(200);
        assertThat(api.find(account.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void theSitesOnlyAdminCannotDeleteTheirAccountUntilAnotherAdminExists() {
        TestAccounts.Credentials admin = accounts.create(true, Role.ADMIN);
        WebSession web = new WebSession(port);
        TestAccounts.signInWithBothFactors(web, admin);
        List<Long> others = db.sql(
                        """
                        SELECT a.id FROM account a JOIN account_role r ON r.account_id = a.id
                        WHERE r.role = 'ADMIN' AND a.status = 'ACTIVE' AND a.id <> :id""")
                .param("id", admin.id())
                .query(Long.class)
                .list();
        setStatus(others, "DISABLED");
        try {
            assertThat(web.get("/account/delete").body())
                    .contains("You are the site&#39;s only admin.")
                    .doesNotContain("action=\"/account/delete\"");
            HttpResponse<String> refused =
                    web.submit("/account/profile", "/account/delete", Map.of("password", TestAccounts.PASSWORD));
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("You are the site&#39;s only admin.");
            assertThat(api.find(admin.id()).orElseThrow().active()).isTrue();
        } finally {
            setStatus(others, "ACTIVE");
        }
        long another = accounts.create(true, Role.ADMIN).id();
        assertThat(web.submit("/account/profile", "/account/delete", Map.of("password", TestAccounts.PASSWORD))
                        .body())
                .as("with another admin, the account goes: %s", another)
                .contains("Your account is deleted");
    }

    private void setStatus(List<Long> ids, String status) {
        if (!ids.isEmpty()) {
            db.sql("UPDATE account SET status = :status WHERE id IN (:ids)")
                    .param("status", status)
                    .param("ids", ids)
                    .update();
        }
    }

    @Test
    void deletingErasesPersonalDataAtOnceAndSignsOutEverySession() {
        saveProfileWithPicture(
                Map.of("displayName", account.displayName(), "bio", "Soon gone.", "marketingConsent", "true"));
        linkProvider("https://id.example.com", "subject-" + account.id());
        String picture = "/avatar/" + account.id() + "/128.jpg";
        Http http = new Http(port);
        assertThat(http.get(profilePath()).statusCode()).isEqualTo(200);
        WebSession phone = new WebSession(port);
        TestAccounts.signIn(phone, account);

        HttpResponse<String> goodbye =
                reader.submit("/account/delete", "/account/delete", Map.of("password", TestAccounts.PASSWORD));

        assertThat(goodbye.statusCode()).isEqualTo(200);
        assertThat(goodbye.body()).contains("Your account is deleted");
        assertThat(reader.get("/account").statusCode())
                .as("this browser is signed out")
                .isEqualTo(302);
        assertThat(phone.get("/account").statusCode())
                .as("every other session ends too")
                .isEqualTo(302);
        Map<String, Object> row = db.sql(
                        """
                        SELECT email, email_verified_at, display_name, password_hash, bio, status,
                               marketing_consent, marketing_consent_at
                        FROM account WHERE id = :id""")
                .param("id", account.id())
                .query()
                .singleRow();
        assertThat(row.get("email")).isEqualTo("deleted-" + account.id() + "@invalid");
        assertThat(row.get("email_verified_at")).isNull();
        assertThat(row.get("display_name")).isEqualTo("a former reader");
        assertThat(row.get("password_hash")).isNull();
        assertThat(row.get("bio")).isEqualTo("");
        assertThat(row.get("status")).isEqualTo("DELETED");
        assertThat(row.get("marketing_consent")).isEqualTo(false);
        assertThat(row.get("marketing_consent_at")).isNull();
        assertThat(count("SELECT count(*) FROM account_role WHERE account_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM account_token WHERE account_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM avatar WHERE account_id = :id")).isZero();
        assertThat(count("SELECT count(*) FROM external_identity WHERE account_id = :id"))
                .isZero();
        assertThat(http.get(profilePath()).statusCode()).isEqualTo(404);
        assertThat(http.getBytes(picture).statusCode()).isEqualTo(404);
        AccountSummary summary = api.find(account.id()).orElseThrow();
        assertThat(summary.active()).isFalse();
        assertThat(summary.displayName()).isEqualTo(AccountDeleted.SHOWN_AS);
    }

    @Test
    void deletedAddressAndNameCanRegisterAgain() {
        reader.submit("/account/delete", "/account/delete", Map.of("password", TestAccounts.PASSWORD));

        HttpResponse<String> again = new WebSession(port)
                .submit(
                        "/register",
                        "/register",
                        Map.of(
                                "email",
                                account.email(),
                                "displayName",
                                account.displayName(),
                                "password",
                                "a brand new passphrase"));

        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/register/check-email");
        assertThat(db.sql("SELECT count(*) FROM account WHERE email = :email AND status = 'ACTIVE'")
                        .param("email", account.email())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void otherModulesAreToldOfTheDeletion(ApplicationEvents events) {
        deletions.delete(account.id(), TestAccounts.PASSWORD, null);

        assertThat(events.stream(AccountDeleted.class)).containsExactly(new AccountDeleted(account.id()));
    }

    /** As signing in through an OpenID Connect provider links one. */
    private void linkProvider(String issuer, String subject) {
        db.sql("INSERT INTO external_identity (issuer, subject, account_id) VALUES (:issuer, :subject, :id)")
                .param("issuer", issuer)
                .param("subject", subject)
                .param("id", account.id())
                .update();
    }

    private long count(String sql) {
        return db.sql(sql).param("id", account.id()).query(Long.class).single();
    }
}
