package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.accounts.internal.AccountRepository;
import org.masthead.accounts.internal.AccountRepository.AccountRow;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in through an OpenID Connect provider: a real one on a local port (mock-oauth2-server),
 * which signs in whoever the test enqueues, with the claims the test gives. Its own application,
 * since OIDC is configured only here.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "masthead.data-dir=target/test-data/oidc-${random.uuid}",
            "masthead.demo-content=false",
            "masthead.site.base-url=http://localhost:8080"
        })
@ContextConfiguration(initializers = TestMailServer.class)
class OidcSignInTest {

    private static final String CLIENT_ID = "masthead-test";

    /** Started before the application, which reads the provider's discovery document on startup. */
    private static final MockOAuth2Server PROVIDER = startProvider();

    private static MockOAuth2Server startProvider() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.mock.client-id", () -> CLIENT_ID);
        registry.add(prefix + "registration.mock.client-secret", () -> "test-secret");
        registry.add(prefix + "registration.mock.client-name", () -> "Mock ID");
        registry.add(prefix + "registration.mock.scope", () -> "openid,email,profile");
        registry.add(prefix + "provider.mock.issuer-uri", () -> PROVIDER.issuerUrl("default")
                .toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    JdbcClient db;

    @Autowired
    TestContent content;

    private final HttpClient providerClient =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signInPageOffersTheProvider() {
        String page = new WebSession(port).get("/signin").body();

        assertThat(page).contains("Continue with Mock ID").contains("/oauth2/authorization/mock");
    }

    @Test
    void firstSignInMakesAVerifiedAccountAndTheSecondReusesIt() {
        String subject = TestContent.unique("subject");
        String email = TestContent.unique("oidc") + "@example.com";
        WebSession visitor = new WebSession(port);

        HttpResponse<String> response = signIn(visitor, subject, claims(email, true, "Ada Lovelace"));

        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        AccountRow account = accounts.byEmail(email).orElseThrow();
        assertThat(account.verified()).isTrue();
        assertThat(account.passwordHash()).isNull();
        assertThat(account.displayName()).startsWith("Ada Lovelace");
        assertThat(visitor.get("/account").body()).contains(account.displayName());
        assertThat(visitor.get("/me").body()).contains(account.displayName());

        WebSession later = new WebSession(port);
        signIn(later, subject, claims(email, true, "Someone Else Entirely"));

        assertThat(later.get("/me").body()).contains(account.displayName());
        assertThat(identities(subject)).containsExactly(account.id());
    }

    @Test
    void theProviderSendsTheReaderBackToWhereTheyWere() {
        WebSession visitor = new WebSession(port);
        visitor.get("/signin?return=" + java.net.URLEncoder.encode("/world/a-story#comments", StandardCharsets.UTF_8));

        HttpResponse<String> response = signIn(
                visitor,
                TestContent.unique("subject"),
                claims(TestContent.unique("oidc") + "@example.com", true, "Grace Hopper"));

        assertThat(response.headers().firstValue("Location")).hasValue("/world/a-story#comments");
    }

    @Test
    void aVerifiedAddressJoinsTheExistingAccount() {
        TestAccounts.Credentials existing = testAccounts.create(false);
        String subject = TestContent.unique("subject");
        WebSession visitor = new WebSession(port);

        signIn(visitor, subject, claims(existing.email().toUpperCase(), true, "Another Name"));

        assertThat(visitor.get("/me").body()).contains(existing.displayName());
        assertThat(identities(subject)).containsExactly(existing.id());
        // The provider vouched for the address, so it counts as confirmed.
        assertThat(accounts.byId(existing.id()).orElseThrow().verified()).isTrue();
        // The password still works alongside.
        TestAccounts.signIn(new WebSession(port), existing);
    }

    @Test
    void anUnverifiedAddressNeverTakesOverAnAccount() {
        TestAccounts.Credentials existing = testAccounts.create(true);
        String subject = TestContent.unique("subject");
        WebSession visitor = new WebSession(port);

        signIn(visitor, subject, claims(existing.email(), false, "Mallory Example"));

        List<Long> linked = identities(subject);
        assertThat(linked).hasSize(1).doesNotContain(existing.id());
        AccountRow separate = accounts.byId(linked.getFirst()).orElseThrow();
        assertThat(separate.email()).isNotEqualToIgnoringCase(existing.email());
        assertThat(separate.verified()).isFalse();
        assertThat(visitor.get("/me").body()).contains(separate.displayName()).doesNotContain(existing.displayName());
    }

    @Test
    void anUnverifiedFreeAddressIsKeptButNotConfirmed() {
        String subject = TestContent.unique("subject");
        String email = TestContent.unique("oidc") + "@example.com";

        signIn(new WebSession(port), subject, claims(email, false, "Grace Hopper"));

        AccountRow account = accounts.byEmail(email).orElseThrow();
        assertThat(account.verified()).isFalse();
        assertThat(identities(subject)).containsExactly(account.id());
    }

    @Test
    void namesAreMadeValidAndUnique() {
        String email1 = TestContent.unique("oidc") + "@example.com";
        String email2 = TestContent.unique("oidc") + "@example.com";
        String name = "<b>Zoë</b> " + TestContent.unique("q").substring(2) + "!!";

        signIn(new WebSession(port), TestContent.unique("subject"), claims(email1, true, name));
        signIn(new WebSession(port), TestContent.unique("subject"), claims(email2, true, name));

        String first = accounts.byEmail(email1).orElseThrow().displayName();
        String second = accounts.byEmail(email2).orElseThrow().displayName();
        assertThat(first).startsWith("b Zoë b ").doesNotContain("<", ">", "!");
        assertThat(second).isEqualTo(first + " 2");
    }

    @Test
    void aProvidersNameThatIsAWritersBylineIsNumberedLikeATakenOne() {
        String byline = TestContent.unique("Helen Marchetti").replace('-', ' ');
        content.author(byline);
        String email = TestContent.unique("oidc") + "@example.com";

        signIn(new WebSession(port), TestContent.unique("subject"), claims(email, true, byline));

        assertThat(accounts.byEmail(email).orElseThrow().displayName()).isEqualTo(byline + " 2");
    }

    @Test
    void aDisabledAccountIsRefused() {
        String subject = TestContent.unique("subject");
        String email = TestContent.unique("oidc") + "@example.com";
        signIn(new WebSession(port), subject, claims(email, true, "Soon Disabled"));
        long id = accounts.byEmail(email).orElseThrow().id();
        db.sql("UPDATE account SET status = 'DISABLED' WHERE id = :id")
                .param("id", id)
                .update();
        WebSession visitor = new WebSession(port);

        HttpResponse<String> byIdentity = signIn(visitor, subject, claims(email, true, "Soon Disabled"));

        assertThat(byIdentity.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/signin?provider-error"));
        assertThat(visitor.get("/me").body()).contains("\"signedIn\":false");

        // Nor may a new identity reach it through its verified address.
        HttpResponse<String> byAddress =
                signIn(new WebSession(port), TestContent.unique("subject"), claims(email, true, "Soon Disabled"));
        assertThat(byAddress.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/signin?provider-error"));
        assertThat(visitor.get("/signin?provider-error").body()).contains("could not sign you in");
    }

    @Test
    void aProviderSignInIsNeverAStaffFactor() {
        TestAccounts.Credentials admin = testAccounts.create(true, Role.ADMIN);
        WebSession visitor = new WebSession(port);

        signIn(visitor, TestContent.unique("subject"), claims(admin.email(), true, admin.displayName()));

        assertThat(visitor.get("/me").body()).contains(admin.displayName());
        HttpResponse<String> mailbox = visitor.get("/admin/mailbox");
        assertThat(mailbox.statusCode()).isEqualTo(302);
        assertThat(mailbox.headers().firstValue("Location").orElseThrow()).contains("/signin");
    }

    private static Map<String, Object> claims(String email, boolean verified, String name) {
        return Map.of("email", email, "email_verified", verified, "name", name);
    }

    /**
     * Goes through the whole round trip as a browser would: to our start URL, on to the provider
     * (which signs in whoever was enqueued without asking), and back with the code.
     *
     * @return our answer to the provider's redirect back
     */
    private HttpResponse<String> signIn(WebSession visitor, String subject, Map<String, Object> claims) {
        PROVIDER.enqueueCallback(
                new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of(CLIENT_ID), claims, 3600));
        HttpResponse<String> start = visitor.get("/oauth2/authorization/mock");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(PROVIDER.issuerUrl("default").toString());

        HttpResponse<String> atProvider = send(authorize);
        assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
        URI back = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/login/oauth2/code/mock");

        HttpResponse<String> callback = visitor.get(back.getRawPath() + "?" + back.getRawQuery());
        assertThat(callback.statusCode()).isEqualTo(302);
        return callback;
    }

    private HttpResponse<String> send(String url) {
        try {
            return providerClient.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Long> identities(String subject) {
        return db.sql("SELECT account_id FROM external_identity WHERE subject = :subject")
                .param("subject", subject)
                .query(Long.class)
                .list();
    }
}
