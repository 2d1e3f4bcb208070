package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in, however it is done, takes the reader back to where they were, and only ever on this site. */
@MastheadTest
class ReturnAfterSignInTest {

    static final String STORY = "/world/2026/nov/20/a-story#comments";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Test
    void signingInFromAnArticlesCommentsReturnsToThem() {
        TestAccounts.Credentials reader = accounts.create(true);
        WebSession visitor = new WebSession(port);
        visitor.get("/signin?return=" + encode(STORY));

        HttpResponse<String> signedIn = signIn(visitor, reader);

        assertThat(location(signedIn)).isEqualTo(STORY);
        assertThat(location(signIn(new WebSession(port), reader)))
                .as("another visitor signing in goes to their account")
                .isEqualTo("/account");
    }

    @Test
    void aPageThatNeedsAnAccountIsReturnedToWithoutASessionInBetween() {
        TestAccounts.Credentials reader = accounts.create(true);
        WebSession visitor = new WebSession(port);

        HttpResponse<String> asked = visitor.get("/notifications?page=2");

        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(location(asked)).endsWith("/signin");
        assertThat(asked.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(location(signIn(visitor, reader))).isEqualTo("/notifications?page=2");
    }

    @Test
    void registeringAndConfirmingOnAnotherDeviceReturnsToThePlace() throws Exception {
        String email = TestContent.unique("newcomer") + "@example.com";
        WebSession visitor = new WebSession(port);
        visitor.get("/register?return=" + encode(STORY));
        visitor.post(
                "/register",
                Map.of(
                        "email",
                        email,
                        "displayName",
                        TestContent.unique("Newcomer"),
                        "password",
                        "correct horse battery staple"));
        String link = TestMailServer.linkIn(TestMailServer.awaitMessageTo(email), "/account/verify?token=");
        assertThat(link).contains("&return=" + encode(STORY));

        WebSession phone = new WebSession(port);
        assertThat(phone.get(link).body()).contains("Your address is confirmed");
        HttpResponse<String> signedIn =
                phone.submit("/signin", "/signin", Map.of("email", email, "password", "correct horse battery staple"));

        assertThat(location(signedIn)).isEqualTo(STORY);
    }

    @Test
    void aPageOpenedFromAOneTimeLinkIsNeverReturnedTo() throws Exception {
        String email = TestContent.unique("confirmed") + "@example.com";
        WebSession visitor = new WebSession(port);
        visitor.get("/register?return=" + encode(STORY));
        visitor.post(
                "/register",
                Map.of(
                        "email",
                        email,
                        "displayName",
                        TestContent.unique("Confirmed"),
                        "password",
                        "correct horse battery staple"));
        String link = TestMailServer.linkIn(TestMailServer.awaitMessageTo(email), "/account/verify?token=");
        String verify = link.substring(link.indexOf("/account/verify"));
        assertThat(visitor.get(link).body()).contains("Your address is confirmed");

        // The header's "Sign in" on the confirmation page, as a script that knew no better would make it.
        visitor.get("/signin?return=" + encode(verify));
        HttpResponse<String> signedIn = visitor.submit(
                "/signin", "/signin", Map.of("email", email, "password", "correct horse battery staple"));

        assertThat(location(signedIn))
                .as("back to where the reader registered, not to the spent link's 'That link no longer works'")
                .isEqualTo(STORY);
        TestAccounts.Credentials reader = accounts.create(true);
        for (String oneTime : List.of(
                "/account/verify?token=abc",
                "/account/email/confirm?token=abc",
                "/signin/link?token=abc&return=%2Fworld",
                "/account/reset-password?token=abc",
                "/unsubscribe?token=abc",
                "/notifications/unsubscribe?kind=x&TOKEN=abc",
                "/notifications/conversations/unfollow?token=abc#top",
                "/account/verify%3Ftoken%3Dabc")) {
            WebSession another = new WebSession(port);
            another.get("/signin?return=" + encode(oneTime));

            assertThat(location(signIn(another, reader)))
                    .as("returned to %s", oneTime)
                    .isEqualTo("/account");
        }
    }

    @Test
    void signingOutFromAPublicPageStaysThereAndFromAnAccountPageGoesToTheFrontPage() {
        TestAccounts.Credentials reader = accounts.create(true);
        Map<String, String> wentTo = new LinkedHashMap<>();
        for (String from : List.of(
                "/search?q=said&sort=date&page=2", "/world", "/account", "/reading-list", "/admin", "//evil.example")) {
            WebSession session = new WebSession(port);
            TestAccounts.signIn(session, reader);
            wentTo.put(from, location(session.submit("/account", "/signout", Map.of("return", from))));
        }

        assertThat(wentTo)
                .containsEntry("/search?q=said&sort=date&page=2", "/search?q=said&sort=date&page=2")
                .containsEntry("/world", "/world")
                .containsEntry("/account", "/")
                .containsEntry("/reading-list", "/")
                .containsEntry("/admin", "/")
                .containsEntry("//evil.example", "/");
    }

    @Test
    void anEmailedSignInLinkReturnsToThePlaceOnAnyDevice() throws Exception {
        TestAccounts.Credentials reader = accounts.create(true);
        WebSession visitor = new WebSession(port);
        visitor.get("/signin?return=" + encode(STORY));
        visitor.post("/signin/email-link", Map.of("username", reader.email()));
        String link = TestMailServer.linkIn(TestMailServer.awaitMessageTo(reader.email()), "/signin/link?token=");

        WebSession phone = new WebSession(port);
        phone.get(link);
        HttpResponse<String> signedIn = phone.post("/signin/link", Map.of("token", TestMailServer.tokenOf(link)));

        assertThat(location(signedIn)).isEqualTo(STORY);
    }

    @Test
    void aStaffMemberAskedForTheSecondFactorIsTakenOnToTheStaffPage() throws Exception {
        TestAccounts.Credentials admin = accounts.create(true, Role.ADMIN);
        WebSession staff = new WebSession(port);
        TestAccounts.signIn(staff, admin);
        assertThat(location(staff.get("/admin/mailbox"))).contains("/signin/second-factor");
        int received = TestMailServer.messagesTo(admin.email()).size();

        staff.submit("/signin/second-factor", "/signin/email-link", Map.of("username", admin.email()));
        String link =
                TestMailServer.linkIn(TestMailServer.awaitMessageTo(admin.email(), received), "/signin/link?token=");
        staff.get(link);
        HttpResponse<String> signedIn = staff.post("/signin/link", Map.of("token", TestMailServer.tokenOf(link)));

        assertThat(location(signedIn)).isEqualTo("/admin/mailbox");
    }

    @Test
    void onlyAPathOnThisSiteIsReturnedTo() {
        TestAccounts.Credentials reader = accounts.create(true);
        List<String> elsewhere = List.of(
                "//evil.example",
                "//evil.example/world",
                "/\\evil.example",
                "\\\\evil.example",
                "/\\/evil.example",
                "https://evil.example/",
                "http:evil.example",
                "javascript:alert(1)",
                "evil.example",
                "/%2F%2Fevil.example",
                "/%2fevil.example",
                "/%5Cevil.example",
                "%2F%2Fevil.example",
                "/world%0D%0ASet-Cookie:%20a=b",
                "/world\r\nLocation: https://evil.example",
                "/\tevil.example",
                " //evil.example",
                "/world\u2028",
                "/" + "a".repeat(2000));
        for (String target : elsewhere) {
            WebSession visitor = new WebSession(port);
            visitor.get("/signin?return=" + encode(target));

            assertThat(location(signIn(visitor, reader)))
                    .as("returned to %s", target)
                    .isEqualTo("/account");
        }
    }

    @Test
    void aReturnCookieFromElsewhereIsNotBelieved() {
        TestAccounts.Credentials reader = accounts.create(true);
        WebSession visitor = new WebSession(port)
                .header(
                        "Cookie",
                        "RETURN="
                                + Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString("//evil.example".getBytes(StandardCharsets.UTF_8)));

        assertThat(location(signIn(visitor, reader))).isEqualTo("/account");
    }

    static HttpResponse<String> signIn(WebSession visitor, TestAccounts.Credentials account) {
        return visitor.submit(
                "/signin", "/signin", Map.of("email", account.email(), "password", TestAccounts.PASSWORD));
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
