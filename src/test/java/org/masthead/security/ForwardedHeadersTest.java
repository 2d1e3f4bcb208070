package org.masthead.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a client, or anything between it and the site, may say about the request in {@code
 * X-Forwarded-*} headers. Tests come from 127.0.0.1, which these tests' configuration does not name as
 * a proxy (nothing is trusted by default); the address links are built from is {@code
 * http://localhost:8080}, the configured base URL.
 */
@MastheadTest
class ForwardedHeadersTest {

    static final String EVIL = "evil.example";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Test
    void signingInNeverSendsTheReaderToAnotherHost() {
        TestAccounts.Credentials reader = accounts.create(true);
        WebSession visitor = new WebSession(port).header("X-Forwarded-Host", EVIL);
        HttpResponse<String> asked = visitor.get("/notifications");
        assertThat(location(asked)).doesNotContain(EVIL);

        HttpResponse<String> signedIn = visitor.submit(
                "/signin", "/signin", Map.of("email", reader.email(), "password", TestAccounts.PASSWORD));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).isEqualTo("/notifications");
    }

    @Test
    void thePaymentProviderSendsTheReaderBackToTheConfiguredAddress() {
        TestAccounts.Credentials account = accounts.create(true);
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        reader.header("X-Forwarded-Host", EVIL).header("X-Forwarded-Proto", "https");
        reader.get("/premium");

        HttpResponse<String> started = reader.post("/premium", Map.of("plan", "MONTH", "currency", "GBP"));
        String checkout = URI.create(location(started)).getPath();
        HttpResponse<String> paid = reader.submit(
                checkout, checkout, Map.of("cardNumber", "4242 4242 4242 4242", "expiry", "12/34", "cvc", "123"));

        assertThat(location(paid)).startsWith("http://localhost:8080/premium/thanks?checkout=");
    }

    @Test
    void aClientCannotClaimToHaveComeOverHttps() {
        HttpResponse<String> response = new Http(port).get("/signin", "X-Forwarded-Proto", "https");

        assertThat(response.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
                .doesNotContain("Secure"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }
}
