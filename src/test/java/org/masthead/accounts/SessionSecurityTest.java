package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MastheadTest
class SessionSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    TestAccounts.Credentials reader;
    WebSession visitor;

    @BeforeEach
    void setUp() {
        reader = accounts.create(true);
        visitor = new WebSession(port);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    private int sessionLifetimeOf(TestAccounts.Credentials account) {
        return db.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :id")
                .param("id", String.valueOf(account.id()))
                .query(Integer.class)
                .single();
    }

    @Test
    void keepMeSignedInKeepsAReaderSignedInFor30Days() {
        visitor.submit(
                "/signin",
                "/signin",
                Map.of("email", reader.email(), "password", TestAccounts.PASSWORD, "remember-me", "on"));

        assertThat(sessionLifetimeOf(reader)).isEqualTo(30 * 24 * 60 * 60);
    }

    @Test
    void staffSessionsEndAfterThirtyIdleMinutesEvenWhenAskedToBeKept() {
        TestAccounts.Credentials editor = accounts.create(true, Role.EDITOR);

        visitor.submit(
                "/signin",
                "/signin",
                Map.of("email", editor.email(), "password", TestAccounts.PASSWORD, "remember-me", "on"));

        assertThat(sessionLifetimeOf(editor)).isEqualTo(30 * 60);
    }

    @Test
    void formPostWithoutTheCsrfTokenIsForbidden() {
        HttpResponse<String> response =
                visitor.postRaw("/signin", Map.of("email", reader.email(), "password", TestAccounts.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("that form had expired").contains("Nothing was changed");
        assertThat(visitor.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void signingInGivesANewSessionId() {
        visitor.get("/signin");
        String before = visitor.cookie("SESSION");

        TestAccounts.signIn(visitor, reader);

        assertThat(visitor.cookie("SESSION")).isNotNull().isNotEqualTo(before);
    }

    @Test
    void aStolenSessionIsUselessAfterSigningOut() {
        TestAccounts.signIn(visitor, reader);
        String stolen = visitor.cookie("SESSION");
        Http thief = new Http(port);
        assertThat(thief.get("/account", "Cookie", "SESSION=" + stolen).statusCode())
                .isEqualTo(200);

        visitor.get("/account");
        HttpResponse<String> signedOut = visitor.post("/signout", Map.of());

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(thief.get("/account", "Cookie", "SESSION=" + stolen).statusCode())
                .isEqualTo(302);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        Http http = new Http(port);
        HttpResponse<String> response = http.get("/signin");
        // The sign-in page needs a session for its CSRF token.
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();

        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        HttpResponse<String> page = new Http(port).get("/signin");

        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void cachedPublicPagesCarryTheSecurityHeadersToo() {
        Http http = new Http(port);
        http.get("/");

        HttpResponse<String> cached = http.get("/");

        assertThat(cached.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(cached.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(cached.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
    }

    @Test
    void headerFragmentNamesTheSignedInReaderAndIsNeverCached() {
        TestAccounts.signIn(visitor, reader);

        HttpResponse<String> me = visitor.get("/me");

        assertThat(me.body()).contains("\"signedIn\":true").contains(reader.displayName());
        assertThat(me.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(new Http(port).get("/me").body()).contains("\"signedIn\":false");
    }
}
