package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.MovableClock;
import org.masthead.SecondNode;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.mail.Mailbox;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Rate limits in an application of their own, with limits low enough to reach in a test and a clock
 * the test can move on. Each test comes from client addresses of its own, forwarded as a proxy would
 * (127.0.0.1 is named as a trusted proxy), so no test uses up another's allowance.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "masthead.data-dir=target/test-data/rl-${random.uuid}",
            "masthead.demo-content=false",
            "masthead.trusted-proxies=127.0.0.1",
            "masthead.rate-limits.sign-in-per-ip.capacity=3",
            "masthead.rate-limits.sign-in-per-ip.period=1h",
            "masthead.rate-limits.failed-sign-ins-per-account-and-client.capacity=2",
            "masthead.rate-limits.failed-sign-ins-per-account.capacity=6",
            "masthead.rate-limits.failed-sign-ins-before-notice.capacity=3",
            "masthead.rate-limits.registration-per-ip.capacity=2",
            "masthead.rate-limits.email-link-per-ip.capacity=2"
        })
@ContextConfiguration(initializers = TestMailServer.class)
class RateLimitsTest {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final AtomicInteger ADDRESSES = new AtomicInteger();
    static final MovableClock CLOCK = new MovableClock();

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient db;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Mailbox mailbox;

    @AfterEach
    void resetClock() {
        CLOCK.offset = Duration.ZERO;
    }

    @Test
    void signInOverTheAddressLimitIsRefusedWithRetryAfterAndAHumanMessage() {
        TestAccounts.Credentials reader = accounts.create(true);
        WebSession visitor = visitorFrom(nextAddress());
        for (int i = 0; i < 3; i++) {
            assertThat(location(signIn(visitor, someoneElse(), "a wrong password")))
                    .endsWith("/signin?error");
        }

        HttpResponse<String> refused = signIn(visitor, reader.email(), TestAccounts.PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(retryAfter(refused)).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20));
        assertThat(refused.body()).contains("Too many attempts — please wait 20 minutes and try again.");
        assertThat(visitor.get("/account").statusCode())
                .as("the right password was never checked")
                .isEqualTo(302);
        assertThat(meters.counter("masthead.rate.limit.refusals", "limit", "sign-in-per-ip")
                        .count())
                .isPositive();
        TestAccounts.signIn(visitorFrom(nextAddress()), reader);
    }

    @Test
    void theSignInFormCannotBeReachedPastTheLimitBySpellingItsPathDifferently() {
        TestAccounts.Credentials reader = accounts.create(true);
        WebSession visitor = visitorFrom(nextAddress());
        for (int i = 0; i < 3; i++) {
            signIn(visitor, someoneElse(), "a wrong password");
        }
        visitor.get("/signin");

        HttpResponse<String> encoded =
                visitor.post("/%73ignin", Map.of("email", reader.email(), "password", TestAccounts.PASSWORD));

        assertThat(encoded.statusCode()).isEqualTo(429);
    }

    @Test
    void apiClientsAreToldInProblemJson() {
        WebSession client = visitorFrom(nextAddress()).header("Accept", "application/json");
        for (int i = 0; i < 3; i++) {
            // Without a CSRF token these are refused by security, but they were attempts all the same.
            assertThat(client.postRaw("/signin", Map.of("email", someoneElse(), "password", "guess"))
                            .statusCode())
                    .isEqualTo(403);
        }

        HttpResponse<String> refused = client.postRaw("/signin", Map.of("email", someoneElse(), "password", "guess"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body())
                .contains("\"status\":429")
                .contains("Too many attempts. Please wait 20 minutes and try again.");
        assertThat(retryAfter(refused)).isPositive();
    }

    @Test
    void wrongPasswordsHoldBackTheClientThatSendsThemAndNotTheOwner() {
        TestAccounts.Credentials target = accounts.create(true);
        WebSession owner = visitorFrom(nextAddress());
        TestAccounts.signIn(owner, target);
        String guesser = nextAddress();
        // Any spelling of the address counts.
        signIn(visitorFrom(guesser), target.email().toUpperCase(), "guess one");
        signIn(visitorFrom(guesser), " " + target.email(), "guess two");

        HttpResponse<String> refused = signIn(visitorFrom(guesser), target.email(), TestAccounts.PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        Duration wait = retryAfter(refused);
        assertThat(wait).as("one more try per 15 / 2 minutes").isBetween(Duration.ofMinutes(7), Duration.ofMinutes(8));
        assertThat(refused.body()).contains("please wait 8 minutes");
        assertThat(owner.get("/account").statusCode())
                .as("the owner's session carries on")
                .isEqualTo(200);
        assertThat(location(signIn(visitorFrom(nextAddress()), target.email(), TestAccounts.PASSWORD)))
                .as("the right password from another client still works")
                .endsWith("/account");
    }

    @Test
    void guessingSpreadOverManyAddressesIsSlowedDownButNeverLocksTheOwnerOut() {
        TestAccounts.Credentials target = accounts.create(true);
        for (int i = 0; i < 6; i++) {
            assertThat(location(signIn(visitorFrom(nextAddress()), target.email(), "guess " + i)))
                    .endsWith("/signin?error");
        }
        WebSession owner = visitorFrom(nextAddress());
        owner.get("/signin");

        long started = System.nanoTime();
        HttpResponse<String> signedIn =
                owner.post("/signin", Map.of("email", target.email(), "password", TestAccounts.PASSWORD));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(location(signedIn)).endsWith("/account");
        assertThat(took).as("held back past the ceiling").isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(meters.counter("masthead.rate.limit.slowdowns", "limit", "failed-sign-ins-per-account")
                        .count())
                .isPositive();
    }

    @Test
    void theOwnerIsToldOnceOfARunOfFailedSignIns() throws Exception {
        TestAccounts.Credentials target = accounts.create(true);
        TestAccounts.Credentials bystander = accounts.create(true);
        signIn(visitorFrom(nextAddress()), target.email(), "guess");
        signIn(visitorFrom(nextAddress()), target.email(), "guess");

        signIn(visitorFrom(nextAddress()), target.email(), "guess");
        signIn(visitorFrom(nextAddress()), target.email(), "guess");
        signIn(visitorFrom(nextAddress()), target.email(), "guess");
        signIn(visitorFrom(nextAddress()), bystander.email(), "guess");

        var notice = TestMailServer.awaitMessageTo(target.email());
        assertThat(notice.getSubject()).isEqualTo("Failed attempts to sign in to your account");
        assertThat(TestMailServer.text(notice))
                .contains("tried several times to sign in")
                .contains("/account/forgot-password");
        assertThat(outboxRowsTo(target.email()))
                .as("one notice for the run, not one per failure")
                .isEqualTo(1);
        assertThat(outboxRowsTo(bystander.email())).isZero();
    }

    @Test
    void successfulSignInsDoNotUseUpTheAllowanceForFailures() {
        TestAccounts.Credentials reader = accounts.create(true);

        for (int i = 0; i < 5; i++) {
            TestAccounts.signIn(visitorFrom(nextAddress()), reader);
        }
    }

    @Test
    void registrationOverTheLimitIsRefusedAndOpensNoAccount() {
        WebSession visitor = visitorFrom(nextAddress());
        for (int i = 0; i < 2; i++) {
            assertThat(location(register(visitor, TestContent.unique("reader") + "@example.com")))
                    .endsWith("/register/check-email");
        }
        String email = TestContent.unique("reader") + "@example.com";

        HttpResponse<String> refused = register(visitor, email);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many attempts");
        assertThat(db.sql("SELECT count(*) FROM account WHERE email = :email")
                        .param("email", email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void linksToOneAddressAreLimitedWhoeverAsksForThem() {
        TestAccounts.Credentials reader = accounts.create(true);
        for (int i = 0; i < 3; i++) {
            assertThat(location(requestLink(visitorFrom(nextAddress()), reader.email())))
                    .endsWith("/signin/email-link/sent");
        }

        HttpResponse<String> refused = requestLink(visitorFrom(nextAddress()), reader.email());

        assertThat(refused.statusCode()).isEqualTo(429);
        TestMailServer.awaitMessageTo(reader.email(), 2);
        assertThat(TestMailServer.messagesTo(reader.email())).hasSize(3);
    }

    @Test
    void forwardedAddressesCountOnlyFromATrustedProxy() {
        try (ConfigurableApplicationContext untrusting = startSecondNode()) {
            int port = ((WebServerApplicationContext) untrusting).getWebServer().getPort();
            for (int i = 0; i < 3; i++) {
                WebSession rotating = new WebSession(port).header(FORWARDED_FOR, nextAddress());
                assertThat(signIn(rotating, someoneElse(), "guess").statusCode())
                        .isEqualTo(302);
            }

            WebSession rotating = new WebSession(port).header(FORWARDED_FOR, nextAddress());

            assertThat(signIn(rotating, someoneElse(), "guess").statusCode())
                    .as("a node that trusts no proxy counts every attempt against the peer's own address")
                    .isEqualTo(429);
        }
    }

    @Test
    void whatAClientWritesInFrontOfTheProxysAddressIsNotBelieved() {
        // The proxy appends the address it heard from; a client may put anything before it.
        String client = nextAddress();
        for (int i = 0; i < 3; i++) {
            WebSession spoofing = new WebSession(port).header(FORWARDED_FOR, nextAddress() + ", " + client);
            assertThat(signIn(spoofing, someoneElse(), "guess").statusCode()).isEqualTo(302);
        }

        WebSession spoofing = new WebSession(port).header(FORWARDED_FOR, nextAddress() + ", " + client);

        assertThat(signIn(spoofing, someoneElse(), "guess").statusCode())
                .as("every attempt counts against the address the proxy heard from")
                .isEqualTo(429);
    }

    @Test
    void theSessionCookieIsSecureBehindATrustedHttpsProxy() {
        HttpResponse<String> response =
                visitorFrom(nextAddress()).header("X-Forwarded-Proto", "https").get("/signin");

        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void strangersAskingForLinksToAStaffAddressCannotKeepItsOwnerFromTheSecondFactor() {
        TestAccounts.Credentials editor = accounts.create(true, Role.EDITOR);
        for (int i = 0; i < 3; i++) {
            requestLink(visitorFrom(nextAddress()), editor.email());
        }
        assertThat(requestLink(visitorFrom(nextAddress()), editor.email()).statusCode())
                .as("strangers are still limited")
                .isEqualTo(429);
        WebSession owner = visitorFrom(nextAddress());
        TestAccounts.signIn(owner, editor);

        HttpResponse<String> asked =
                owner.submit("/signin/second-factor", "/signin/email-link", Map.of("username", editor.email()));

        assertThat(location(asked)).endsWith("/signin/email-link/sent");
        TestMailServer.awaitMessageTo(editor.email(), 3);
    }

    @Test
    void aNewsroomBehindOneOfficeAddressGetsEveryStaffMembersSecondFactor() {
        String office = nextAddress();
        for (int i = 0; i < 3; i++) {
            TestAccounts.Credentials editor = accounts.create(true, Role.EDITOR);
            WebSession staff = visitorFrom(office);
            TestAccounts.signIn(staff, editor);

            HttpResponse<String> asked =
                    staff.submit("/signin/second-factor", "/signin/email-link", Map.of("username", editor.email()));

            assertThat(location(asked)).as("staff member " + (i + 1)).endsWith("/signin/email-link/sent");
        }
        for (int i = 0; i < 2; i++) {
            requestLink(visitorFrom(office), accounts.create(true).email());
        }
        assertThat(requestLink(visitorFrom(office), accounts.create(true).email())
                        .statusCode())
                .as("someone not signed in is still limited at that address")
                .isEqualTo(429);
    }

    @Test
    void attemptsOnOneNodeCountOnAnotherSharingTheDatabase() {
        try (ConfigurableApplicationContext nodeB = startSecondNode("--masthead.trusted-proxies=127.0.0.1")) {
            String address = nextAddress();
            WebSession onA = visitorFrom(address);
            WebSession onB = new WebSession(
                            ((WebServerApplicationContext) nodeB).getWebServer().getPort())
                    .header(FORWARDED_FOR, address);

            assertThat(signIn(onA, someoneElse(), "guess").statusCode()).isEqualTo(302);
            assertThat(signIn(onA, someoneElse(), "guess").statusCode()).isEqualTo(302);
            assertThat(signIn(onB, someoneElse(), "guess").statusCode()).isEqualTo(302);

            assertThat(signIn(onB, someoneElse(), "guess").statusCode()).isEqualTo(429);
            assertThat(signIn(onA, someoneElse(), "guess").statusCode()).isEqualTo(429);
        }
    }

    ConfigurableApplicationContext startSecondNode(String... more) {
        List<String> settings = new ArrayList<>(List.of(
                "--masthead.rate-limits.sign-in-per-ip.capacity=3", "--masthead.rate-limits.sign-in-per-ip.period=1h"));
        settings.addAll(List.of(more));
        return SecondNode.start(dataSource, settings.toArray(String[]::new));
    }

    int outboxRowsTo(String address) {
        return mailbox.latest(address, null, 10).size();
    }

    WebSession visitorFrom(String address) {
        return new WebSession(port).header(FORWARDED_FOR, address);
    }

    static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }

    static String someoneElse() {
        return TestContent.unique("nobody") + "@example.com";
    }

    static HttpResponse<String> signIn(WebSession visitor, String email, String password) {
        return visitor.submit("/signin", "/signin", Map.of("email", email, "password", password));
    }

    static HttpResponse<String> requestLink(WebSession visitor, String email) {
        return visitor.submit("/signin", "/signin/email-link", Map.of("username", email));
    }

    static HttpResponse<String> register(WebSession visitor, String email) {
        return visitor.submit(
                "/register",
                "/register",
                Map.of(
                        "email",
                        email,
                        "displayName",
                        TestContent.unique("Reader"),
                        "password",
                        "correct horse battery staple"));
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    static Duration retryAfter(HttpResponse<String> response) {
        return Duration.ofSeconds(
                Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()));
    }
}
