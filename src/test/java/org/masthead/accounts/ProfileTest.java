package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MastheadTest
class ProfileTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient db;

    @Autowired
    TestContent content;

    TestAccounts.Credentials account;
    WebSession reader;
    Http http;

    @BeforeEach
    void signIn() {
        account = accounts.create(true);
        reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        http = new Http(port);
    }

    HttpResponse<String> save(String displayName, String bio, boolean consent) {
        Map<String, String> fields = new HashMap<>(Map.of("displayName", displayName, "bio", bio));
        if (consent) {
            fields.put("marketingConsent", "true");
        }
        return reader.submit("/account/profile", "/account/profile", fields);
    }

    static String profilePath(String name) {
        return "/profile/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void readerChangesNameAndBioAndSeesThemOnTheirPublicProfile() {
        String name = TestContent.unique("Night Owl").replace('-', ' ');

        HttpResponse<String> saved = save(name, "I read the paper\nevery morning.\n\nMostly the crossword.", false);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/account/profile");
        assertThat(reader.get("/account/profile").body()).contains("Your profile is saved.");
        HttpResponse<String> profile = http.get(profilePath(name));
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body())
                .contains("<h1>" + name + "</h1>")
                .contains("I read the paper<br>every morning.</p>")
                .contains("<p>Mostly the crossword.</p>")
                .contains("Member since");
        assertThat(reader.get("/me").body())
                .as("the header names the reader by their new name")
                .contains(name);
    }

    @Test
    void badNamesAndLongBiosGetFieldErrorsAndChangeNothing() {
        assertThat(save("", "", false).body()).contains("Choose the name other readers will see.");
        assertThat(save("ab", "", false).body()).contains("Use 3 to 30 characters.");
        assertThat(save("Moderator", "", false).body()).contains("That name is reserved");
        HttpResponse<String> longBio = save(account.displayName(), "x".repeat(501), false);
        assertThat(longBio.statusCode()).isEqualTo(200);
        assertThat(longBio.body())
                .contains("Keep your bio to 500 characters or fewer.")
                .contains("field--error");

        assertThat(bio(account.id())).isEmpty();
        assertThat(displayName(account.id())).isEqualTo(account.displayName());

        HttpResponse<String> tampered = reader.submit(
                "/account/profile",
                "/account/profile",
                Map.of("displayName", account.displayName(), "bio", "Changed?", "marketingConsent", "abc"));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body())
                .as("the framework's message names Java types")
                .doesNotContain("java.lang")
                .contains("reload the page and try again");
        assertThat(bio(account.id())).isEmpty();
    }

    @Test
    void anotherReadersNameIsTakenWhateverItsCaseButOnesOwnIsNot() {
        TestAccounts.Credentials other = accounts.create(true);

        HttpResponse<String> clash = save(other.displayName().toUpperCase(), "", false);

        assertThat(clash.statusCode()).isEqualTo(200);
        assertThat(clash.body()).contains("That name is taken. Choose another.");
        assertThat(save(account.displayName().toLowerCase(), "Still me.", false).statusCode())
                .isEqualTo(302);
        assertThat(displayName(account.id())).isEqualTo(account.displayName().toLowerCase());
    }

    @Test
    void aReaderMayNotTakeAWritersBylineButStaffMayTakeAWritersNameAsTheirDisplayName() {
        String byline = TestContent.unique("Helen Marchetti").replace('-', ' ');
        content.author(byline);

        HttpResponse<String> posing = save(byline.toLowerCase(), "", false);

        assertThat(posing.statusCode()).isEqualTo(200);
        assertThat(posing.body()).contains("That is the byline of one of our writers. Choose another name.");
        assertThat(displayName(account.id())).isEqualTo(account.displayName());

        TestAccounts.Credentials journalist = accounts.create(true, Role.JOURNALIST);
        WebSession staff = new WebSession(port);
        TestAccounts.signIn(staff, journalist);
        assertThat(staff.submit(
                                "/account/profile",
                                "/account/profile",
                                Map.of("displayName", byline, "bio", "I write for the paper."))
                        .statusCode())
                .as("staff may take a writer's name (authors are not linked to accounts)")
                .isEqualTo(302);
    }

    @Test
    void marketingConsentIsStoredWithTheTimeTheChoiceChanged() {
        save(account.displayName(), "", true);
        Instant given = consentAt(account.id());
        assertThat(consent(account.id())).isTrue();
        assertThat(given).isNotNull();

        save(account.displayName(), "A new bio.", true);
        assertThat(consentAt(account.id()))
                .as("the same choice again keeps its time")
                .isEqualTo(given);

        save(account.displayName(), "A new bio.", false);
        assertThat(consent(account.id())).isFalse();
        assertThat(consentAt(account.id())).isAfter(given);
    }

    @Test
    void publicProfileShowsTheBioAsTextAndNothingPrivate() {
        save(account.displayName(), "<script>alert('hi')</script> & <b>bold</b>", false);

        HttpResponse<String> profile = http.get(profilePath(account.displayName()));

        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body())
                .contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>alert")
                .doesNotContain(account.email())
                .doesNotContain("@example.com");
        assertThat(bio(account.id())).isEqualTo("<script>alert('hi')</script> & <b>bold</b>");
    }

    @Test
    void profileIsFoundByNameWhateverItsCase() {
        assertThat(http.get(profilePath(account.displayName().toUpperCase())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownAndDisabledReadersHaveNoProfile() {
        assertThat(http.get("/profile/" + TestContent.unique("nobody")).statusCode())
                .isEqualTo(404);

        db.sql("UPDATE account SET status = 'DISABLED' WHERE id = :id")
                .param("id", account.id())
                .update();

        assertThat(http.get(profilePath(account.displayName())).statusCode()).isEqualTo(404);
    }

    @Test
    void publicProfileIsCachedForEveryoneAndRefreshedWhenItChanges() {
        String path = profilePath(account.displayName());
        HttpResponse<String> first = http.get(path);
        assertThat(first.headers().firstValue("Surrogate-Key")).hasValue("account-" + account.id());
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
        assertThat(http.get(path).body()).isEqualTo(first.body());

        save(account.displayName(), "Fresh words.", false);

        assertThat(http.get(path).body()).contains("Fresh words.");
    }

    private String bio(long id) {
        return db.sql("SELECT bio FROM account WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String displayName(long id) {
        return db.sql("SELECT display_name FROM account WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private boolean consent(long id) {
        return db.sql("SELECT marketing_consent FROM account WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private Instant consentAt(long id) {
        return db.sql("SELECT marketing_consent_at FROM account WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(1);
                    return at == null ? null : at.toInstant();
                })
                .single();
    }
}
