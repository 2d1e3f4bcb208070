package org.masthead.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route, as every kind of visitor, against one table a reviewer can read. A route that the
 * application has but the table lacks fails the build: access is decided on purpose, never by accident.
 */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** Who is asking, in the order of the table's columns. */
    enum Visitor {
        ANONYMOUS,
        UNVERIFIED,
        READER,
        JOURNALIST,
        EDITOR,
        MODERATOR,
        /** Signed in with a password only: staff areas ask for the second factor. */
        ADMIN,
        ADMIN_TWO_FACTORS
    }

    /** What a visitor gets: the page, a redirect to sign in, or a refusal. */
    static final int OK = 200;

    static final int SIGN_IN = 302;
    static final int DENIED = 403;

    /**
     * One row per route: the mapping as declared, a concrete request for it, and the status each
     * visitor gets, in the order of {@link Visitor}.
     */
    record Row(String mapping, String method, String path, int... statuses) {}

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<Visitor, WebSession> visitors = new LinkedHashMap<>();
    List<Row> table;

    @BeforeAll
    void setUp() {
        Section section = content.section("Access");
        Section sub = content.subSection(section, "Matrix");
        Tag tag = content.tag("Access");
        var author = content.author("Access Author");
        var image = content.image("An image for the access matrix");
        String slug = TestContent.unique("access-story");
        long articleId = content.article(sub)
                .slug(slug)
                .tagged(tag)
                .by(author)
                .image(image)
                .publishedAt(java.time.Instant.parse("2026-11-20T10:00:00Z"));
        String article = "/" + sub.path() + "/2026/nov/20/" + slug;
        String profile = "/profile/" + accounts.create(true).displayName().replace(" ", "%20");
        String discussion = "/discussion/" + articleId;
        // spotless:off
        // Columns: ANONYMOUS, UNVERIFIED, READER, JOURNALIST, EDITOR, MODERATOR, ADMIN, ADMIN_TWO_FACTORS
        table = List.of(
                row("GET /", "GET", "/", all(OK)),
                row("GET /{section}", "GET", "/" + section.path(), all(OK)),
                row("GET /{section}/{subSection}", "GET", "/" + sub.path(), all(OK)),
                row("GET /{section}/{year}/{month}/{day}/{slug}", "GET", "/" + section.path() + "/2026/nov/20/" + slug, all(301)),
                row("GET /{section}/{subSection}/{year}/{month}/{day}/{slug}", "GET", article, all(OK)),
                row("GET /topic/{slug}", "GET", "/topic/" + tag.slug(), all(OK)),
                row("GET /author/{slug}", "GET", "/author/" + author.slug(), all(OK)),
                row("GET /rss", "GET", "/rss", all(OK)),
                row("GET /{section}/rss", "GET", "/" + section.path() + "/rss", all(OK)),
                row("GET /{section}/{subSection}/rss", "GET", "/" + sub.path() + "/rss", all(OK)),
                row("GET /topic/{slug}/rss", "GET", "/topic/" + tag.slug() + "/rss", all(OK)),
                row("GET /author/{slug}/rss", "GET", "/author/" + author.slug() + "/rss", all(OK)),
                row("GET /search", "GET", "/search?q=access", all(OK)),
                row("GET /search/suggestions", "GET", "/search/suggestions?q=access", all(OK)),
                row("GET /views/{articleId}", "GET", "/views/" + articleId, all(204)),
                row("GET /follows/state/{kind}/{slug}", "GET", "/follows/state/topic/" + tag.slug(), all(OK)),
                row("POST /follows/{kind}/{slug}", "POST", "/follows/topic/" + tag.slug(),
                                                                               SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                // Sent without a CSRF token: refused as a forgery, signed in or not.
                row("DELETE /follows/{kind}/{slug}", "DELETE", "/follows/topic/" + tag.slug(), all(DENIED)),
                row("GET /my-news", "GET", "/my-news",                         SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /corrections", "GET", "/corrections", all(OK)),
                row("GET /corrections/rss", "GET", "/corrections/rss", all(OK)),
                row("GET /robots.txt", "GET", "/robots.txt", all(OK)),
                row("GET /favicon.ico", "GET", "/favicon.ico", all(OK)),
                row("GET /apple-touch-icon.png", "GET", "/apple-touch-icon.png", all(OK)),
                row("GET /manifest.json", "GET", "/manifest.json", all(OK)),
                row("GET /.well-known/security.txt", "GET", "/.well-known/security.txt", all(OK)),
                row("GET /sitemap.xml", "GET", "/sitemap.xml", all(OK)),
                row("GET /sitemaps/sections.xml", "GET", "/sitemaps/sections.xml", all(OK)),
                row("GET /sitemaps/news.xml", "GET", "/sitemaps/news.xml", all(OK)),
                row("GET /sitemaps/articles/{month}.xml", "GET", "/sitemaps/articles/2026-11.xml", all(OK)),
                row("GET /media/{id}/{width}.{format}", "GET", "/media/" + image.id() + "/320.webp", all(OK)),
                row("GET /media/{id}/{crop}/{width}.{format}", "GET", "/media/" + image.id() + "/16x9/320.jpg", all(OK)),
                row("GET /signin", "GET", "/signin",                           OK,      SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN),
                row("GET /signin/link", "GET", "/signin/link?token=nothing", all(OK)),
                row("GET /signin/email-link/sent", "GET", "/signin/email-link/sent", all(OK)),
                // Reached only without an address or a token: back to the sign-in page, saying so.
                row("POST /signin/email-link", "POST", "/signin/email-link", all(302)),
                row("POST /signin/link", "POST", "/signin/link", all(302)),
                row("GET /signin/second-factor", "GET", "/signin/second-factor", SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /register", "GET", "/register",                       OK,      SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN),
                row("POST /register", "POST", "/register", all(OK)),
                row("GET /register/check-email", "GET", "/register/check-email", all(OK)),
                row("GET /account/verify", "GET", "/account/verify?token=nothing", all(OK)),
                row("GET /account", "GET", "/account",                         SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /account/verify/resend", "POST", "/account/verify/resend", all(SIGN_IN)),
                row("GET /me", "GET", "/me", all(OK)),
                row("GET /admin", "GET", "/admin",                             SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, OK),
                row("GET /admin/mailbox", "GET", "/admin/mailbox",             SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, OK),
                row("GET /admin/mailbox/{id}", "GET", "/admin/mailbox/999999", SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 404),
                row("GET /admin/mailbox/{id}/html", "GET", "/admin/mailbox/999999/html",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 404),
                row("GET /admin/accounts", "GET", "/admin/accounts",           SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, OK),
                row("GET /admin/accounts/{id}", "GET", "/admin/accounts/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 404),
                // Posted empty: no role named is a bad request; no such account is not found.
                row("POST /admin/accounts/{id}/roles/grant", "POST", "/admin/accounts/999999/roles/grant",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 400),
                row("POST /admin/accounts/{id}/roles/revoke", "POST", "/admin/accounts/999999/roles/revoke",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 400),
                row("POST /admin/accounts/{id}/disable", "POST", "/admin/accounts/999999/disable",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 404),
                row("POST /admin/accounts/{id}/enable", "POST", "/admin/accounts/999999/enable",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 404),
                row("GET /account/forgot-password", "GET", "/account/forgot-password", all(OK)),
                row("POST /account/forgot-password", "POST", "/account/forgot-password", all(OK)),
                row("GET /account/reset-password", "GET", "/account/reset-password?token=nothing", all(OK)),
                row("POST /account/reset-password", "POST", "/account/reset-password", all(OK)),
                row("GET /account/password", "GET", "/account/password",       SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /account/password", "POST", "/account/password",     SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /account/email", "GET", "/account/email",             SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /account/email", "POST", "/account/email",           SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /account/email/confirm", "GET", "/account/email/confirm?token=nothing", all(OK)),
                row("POST /account/email/confirm", "POST", "/account/email/confirm", all(OK)),
                row("GET /account/profile", "GET", "/account/profile",         SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /account/profile", "POST", "/account/profile",       SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /account/export", "GET", "/account/export",           SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /account/delete", "GET", "/account/delete",           SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /account/delete", "POST", "/account/delete",         SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /profile/{name}", "GET", profile, all(OK)),
                row("GET /avatar/{accountId}/{size}.jpg", "GET", "/avatar/999999/128.jpg", all(404)),
                row("GET /unsubscribe", "GET", "/unsubscribe?token=nothing", all(OK)),
                row("POST /unsubscribe", "POST", "/unsubscribe", all(OK)),
                row("GET /discussion/{articleId}", "GET", discussion, all(OK)),
                row("GET /discussion/{articleId}/thread", "GET", discussion + "/thread", all(OK)),
                // The Picks tab: the same route, cached and the same for everyone.
                row("GET /discussion/{articleId}/thread", "GET", discussion + "/thread?sort=picks", all(OK)),
                row("GET /discussion/{articleId}/threads/{threadId}", "GET", discussion + "/threads/999999", all(404)),
                row("GET /discussion/{articleId}/comments", "GET", discussion + "/comments?ids=1,2", all(OK)),
                row("GET /discussion/{articleId}/me", "GET", discussion + "/me", all(OK)),
                row("GET /discussion/readers/{id}/me", "GET", "/discussion/readers/999999/me", all(404)),
                // Posted empty: a JSON endpoint refuses a form as the wrong media type; no such comment is not found.
                row("POST /discussion/{articleId}/comments", "POST", discussion + "/comments",
                                                                               SIGN_IN, 415,     415,     415,     415,     415,     415,     415),
                row("POST /discussion/comments/{id}/edit", "POST", "/discussion/comments/999999/edit",
                                                                               SIGN_IN, 415,     415,     415,     415,     415,     415,     415),
                row("POST /discussion/comments/{id}/report", "POST", "/discussion/comments/999999/report",
                                                                               SIGN_IN, 415,     415,     415,     415,     415,     415,     415),
                row("POST /discussion/comments/{id}/delete", "POST", "/discussion/comments/999999/delete",
                                                                               SIGN_IN, 404,     404,     404,     404,     404,     404,     404),
                row("POST /discussion/comments/{id}/recommend", "POST", "/discussion/comments/999999/recommend",
                                                                               SIGN_IN, 404,     404,     404,     404,     404,     404,     404),
                row("POST /discussion/comments/{id}/unrecommend", "POST", "/discussion/comments/999999/unrecommend",
                                                                               SIGN_IN, 404,     404,     404,     404,     404,     404,     404),
                row("POST /discussion/readers/{id}/follow", "POST", "/discussion/readers/999999/follow",
                                                                               SIGN_IN, 404,     404,     404,     404,     404,     404,     404),
                row("POST /discussion/readers/{id}/unfollow", "POST", "/discussion/readers/999999/unfollow",
                                                                               SIGN_IN, 204,     204,     204,     204,     204,     204,     204),
                // Admins may do what editors do. Posted for an unknown article, so that no row closes the comments
                // the other rows post to.
                row("GET /discussion/{articleId}/settings", "GET", discussion + "/settings",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                row("POST /discussion/{articleId}/settings", "POST", "/discussion/999999/settings",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("GET /following", "GET", "/following",                     SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /comment/{id}", "GET", "/comment/999999", all(404)),
                // A live stream with a bad article id answers at once; a good one would stream until it times out.
                row("GET /live", "GET", "/live?article=0", all(400)),
                row("GET /live/ticket", "GET", "/live/ticket",                SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /notifications", "GET", "/notifications",           SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /notifications/{id}/open", "POST", "/notifications/999999/open",
                                                                               SIGN_IN, 404,     404,     404,     404,     404,     404,     404),
                row("POST /notifications/read", "POST", "/notifications/read", SIGN_IN, 303,     303,     303,     303,     303,     303,     303),
                // Following a story's conversation: whether one does answers anyone; the e-mailed link needs only its token.
                row("GET /notifications/conversations/{articleId}", "GET", "/notifications/conversations/" + articleId, all(OK)),
                row("POST /notifications/conversations/{articleId}", "POST", "/notifications/conversations/" + articleId,
                                                                               SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("DELETE /notifications/conversations/{articleId}", "DELETE", "/notifications/conversations/" + articleId, all(DENIED)),
                row("GET /notifications/conversations/unfollow", "GET", "/notifications/conversations/unfollow?token=nothing", all(OK)),
                row("POST /notifications/conversations/unfollow", "POST", "/notifications/conversations/unfollow", all(OK)),
                row("POST /notifications/{id}/unfollow", "POST", "/notifications/999999/unfollow",
                                                                               SIGN_IN, 404,     404,     404,     404,     404,     404,     404),
                row("GET /notifications/unsubscribe", "GET", "/notifications/unsubscribe?token=nothing", all(OK)),
                row("POST /notifications/unsubscribe", "POST", "/notifications/unsubscribe", all(OK)),
                row("GET /account/notifications", "GET", "/account/notifications",
                                                                               SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                // Posted empty: no choice made, so the form comes back with a message.
                row("POST /account/notifications", "POST", "/account/notifications",
                                                                               SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                // Payments. The webhook is open to all, and refuses whatever is not signed by the provider.
                row("POST /webhooks/payments/{name}", "POST", "/webhooks/payments/sandbox", all(400)),
                // The sandbox's pages open with an unguessable id, as Stripe's do; an unknown one is not found.
                row("GET /payments/sandbox/checkout/{id}", "GET", "/payments/sandbox/checkout/sbx_cs_nothing", all(404)),
                row("POST /payments/sandbox/checkout/{id}", "POST", "/payments/sandbox/checkout/sbx_cs_nothing", all(404)),
                row("GET /payments/sandbox/portal/{session}", "GET", "/payments/sandbox/portal/sbx_bps_nothing", all(404)),
                row("POST /payments/sandbox/portal/{session}/card", "POST", "/payments/sandbox/portal/sbx_bps_nothing/card", all(404)),
                row("POST /payments/sandbox/portal/{session}/subscriptions/{subscription}/cancel", "POST",
                        "/payments/sandbox/portal/sbx_bps_nothing/subscriptions/sbx_sub_nothing/cancel", all(404)),
                row("POST /payments/sandbox/portal/{session}/subscriptions/{subscription}/resume", "POST",
                        "/payments/sandbox/portal/sbx_bps_nothing/subscriptions/sbx_sub_nothing/resume", all(404)),
                row("GET /payments/portal", "GET", "/payments/portal",         SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /payments/portal", "POST", "/payments/portal",       SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /admin/payments", "GET", "/admin/payments",           SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, OK),
                // Posted empty: no number of days is a bad request.
                row("POST /admin/payments/sandbox-clock", "POST", "/admin/payments/sandbox-clock",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 400),
                row("GET /admin/payments/sandbox-clock (served by POST only)", "GET", "/admin/payments/sandbox-clock",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 405),
                row("GET /admin/payments/{id}", "GET", "/admin/payments/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 404),
                row("POST /admin/payments/{id}/refund", "POST", "/admin/payments/999999/refund",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 404),
                // Membership. Reading about Premium is for all; subscribing and managing it need an account.
                row("GET /premium", "GET", "/premium", all(OK)),
                // Posted empty: no plan or currency is refused on the page itself.
                row("POST /premium", "POST", "/premium",                       SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("GET /premium/thanks", "GET", "/premium/thanks", all(OK)),
                // Whether the reader has Premium yet, for the thank-you page: a visitor simply has not.
                row("GET /premium/status", "GET", "/premium/status", all(OK)),
                row("GET /account/membership", "GET", "/account/membership",   SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                // With no subscription to cancel, the reader is sent back to the membership page to read why.
                row("GET /account/membership/cancel", "GET", "/account/membership/cancel",
                                                                               SIGN_IN, 303,     303,     303,     303,     303,     303,     303),
                // With no subscription, the change is refused and the reader sent back to the page to read why.
                row("POST /account/membership/cancel", "POST", "/account/membership/cancel",
                                                                               SIGN_IN, 303,     303,     303,     303,     303,     303,     303),
                row("POST /account/membership/resume", "POST", "/account/membership/resume",
                                                                               SIGN_IN, 303,     303,     303,     303,     303,     303,     303),
                row("POST /account/membership/plan", "POST", "/account/membership/plan",
                                                                               SIGN_IN, 400,     400,     400,     400,     400,     400,     400),
                row("POST /account/membership/payment-method", "POST", "/account/membership/payment-method",
                                                                               SIGN_IN, 303,     303,     303,     303,     303,     303,     303),
                // The Save button's state answers anyone; saving is refused to all without Premium, whoever they are.
                row("GET /reading-list/state", "GET", "/reading-list/state?article=" + articleId, all(OK)),
                row("POST /reading-list/{articleId}", "POST", "/reading-list/" + articleId, all(DENIED)),
                row("DELETE /reading-list/{articleId}", "DELETE", "/reading-list/" + articleId, all(DENIED)),
                row("GET /reading-list", "GET", "/reading-list",               SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /reading-list/{articleId}/read", "POST", "/reading-list/" + articleId + "/read",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
                row("POST /reading-list/{articleId}/remove", "POST", "/reading-list/" + articleId + "/remove",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
                // Offline reading: the worker and its offline page are the same for everyone; what it keeps answers
                // anyone, and is nothing for all but a signed-in Premium member.
                row("GET /sw.js", "GET", "/sw.js", all(OK)),
                row("GET /offline", "GET", "/offline", all(OK)),
                row("GET /reading-list/offline", "GET", "/reading-list/offline", all(OK)),
                // Collections and notes: a member's own, refused to everyone without Premium before their input is read.
                row("POST /reading-list/collections/new", "POST", "/reading-list/collections/new",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
                row("POST /reading-list/collections/{collectionId}/rename", "POST", "/reading-list/collections/999999/rename",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
                row("POST /reading-list/collections/{collectionId}/delete", "POST", "/reading-list/collections/999999/delete",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
                row("POST /reading-list/{articleId}/collections", "POST", "/reading-list/" + articleId + "/collections",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
                row("POST /reading-list/{articleId}/collections/{collectionId}/remove", "POST",
                        "/reading-list/" + articleId + "/collections/999999/remove",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
                row("POST /reading-list/{articleId}/note", "POST", "/reading-list/" + articleId + "/note",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
                row("GET /admin/membership/plans", "GET", "/admin/membership/plans",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, OK),
                // Posted empty: no plan named is a bad request.
                row("POST /admin/membership/plans", "POST", "/admin/membership/plans",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, 400),
                // Anyone may give, a guest with an address for the receipt; posted empty, the form says what is missing.
                row("GET /support", "GET", "/support", all(OK)),
                row("POST /support", "POST", "/support", all(OK)),
                row("GET /support/thanks", "GET", "/support/thanks", all(OK)),
                row("GET /asks/next", "GET", "/asks/next?bucket=1", all(OK)),
                // Posted empty: no amount is a bad request; no such contribution is refused on the page.
                row("POST /account/membership/contributions/{reference}/amount", "POST",
                        "/account/membership/contributions/contribution-nothing/amount",
                                                                               SIGN_IN, 400,     400,     400,     400,     400,     400,     400),
                row("GET /account/membership/contributions/{reference}/cancel", "GET",
                        "/account/membership/contributions/contribution-nothing/cancel",
                                                                               SIGN_IN, 303,     303,     303,     303,     303,     303,     303),
                row("POST /account/membership/contributions/{reference}/cancel", "POST",
                        "/account/membership/contributions/contribution-nothing/cancel",
                                                                               SIGN_IN, 303,     303,     303,     303,     303,     303,     303),
                row("POST /account/membership/contributions/{reference}/resume", "POST",
                        "/account/membership/contributions/contribution-nothing/resume",
                                                                               SIGN_IN, 303,     303,     303,     303,     303,     303,     303),
                // The ask's copy is for editors and admins with both factors.
                row("GET /admin/membership/asks", "GET", "/admin/membership/asks",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                // Posted empty: no variant named is a bad request.
                row("POST /admin/membership/asks", "POST", "/admin/membership/asks",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 400),
                row("GET /admin/membership", "GET", "/admin/membership",   SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, OK),
                row("GET /community-standards", "GET", "/community-standards", all(OK)),
                row("GET /privacy", "GET", "/privacy", all(OK)),
                row("GET /transparency", "GET", "/transparency", all(OK)),
                // A reader's decisions and appeals: their own, signed in. Posted empty: nothing appealed is a bad request.
                row("GET /appeals", "GET", "/appeals",                         SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /appeals", "POST", "/appeals",                       SIGN_IN, 400,     400,     400,     400,     400,     400,     400),
                // Muting: the reader's own list; an unknown reader is 404, unmuting one nobody muted changes nothing.
                row("GET /account/muted", "GET", "/account/muted",             SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK),
                row("POST /account/muted/{id}", "POST", "/account/muted/999999",
                                                                               SIGN_IN, 404,     404,     404,     404,     404,     404,     404),
                row("POST /account/muted/{id}/remove", "POST", "/account/muted/999999/remove",
                                                                               SIGN_IN, 303,     303,     303,     303,     303,     303,     303),
                // The moderation console: moderators and admins with both factors; an unknown comment is 404.
                row("GET /moderation", "GET", "/moderation",                   SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, OK),
                row("GET /moderation/words", "GET", "/moderation/words",       SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, OK),
                // An unknown list is 404.
                row("POST /moderation/words", "POST", "/moderation/words?list=nothing",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                row("POST /moderation/words/remove", "POST", "/moderation/words/remove?list=nothing",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                // An unknown reader is 404 once the sanction itself is sound.
                row("POST /moderation/readers/{id}/sanctions", "POST",
                        "/moderation/readers/999999/sanctions?kind=warn&rule=civil&reason=rude",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                // An unknown sanction is 404 once the reason is given.
                row("POST /moderation/readers/{id}/sanctions/{sanctionId}/withdraw", "POST",
                        "/moderation/readers/999999/sanctions/999999/withdraw?reason=mistaken",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                row("GET /moderation/readers/{id}", "GET", "/moderation/readers/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                row("POST /moderation/readers/{id}/notes", "POST", "/moderation/readers/999999/notes?text=noted",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                row("GET /moderation/appeals", "GET", "/moderation/appeals",   SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, OK),
                row("POST /moderation/appeals/{id}/decide", "POST", "/moderation/appeals/999999/decide?outcome=uphold",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                // Posted empty: nothing chosen is a bad request.
                row("POST /moderation/bulk", "POST", "/moderation/bulk",       SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 400),
                row("POST /moderation/comments/{id}/approve", "POST", "/moderation/comments/999999/approve",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                row("POST /moderation/comments/{id}/keep", "POST", "/moderation/comments/999999/keep",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                row("POST /moderation/comments/{id}/reject", "POST", "/moderation/comments/999999/reject?reason=spam",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, 404),
                // Staff picks: moderators, editors and admins with both factors; an unknown comment is 404.
                row("POST /moderation/comments/{id}/pick", "POST", "/moderation/comments/999999/pick",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, SIGN_IN, 404),
                row("POST /moderation/comments/{id}/unpick", "POST", "/moderation/comments/999999/unpick",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN, SIGN_IN, 404),
                // The newsroom: journalists, editors and admins with both factors; what only editors do is refused to journalists.
                row("GET /newsroom", "GET", "/newsroom",                       SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/articles/new", "GET", "/newsroom/articles/new",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, OK),
                // Posted empty: the editor comes back saying what is missing.
                row("POST /newsroom/articles", "POST", "/newsroom/articles",   SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/articles/{id}", "GET", "/newsroom/articles/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/articles/{id}", "POST", "/newsroom/articles/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                // Posted empty: no version to save from is a bad request.
                row("POST /newsroom/articles/{id}/autosave", "POST", "/newsroom/articles/999999/autosave",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 400),
                row("POST /newsroom/articles/{id}/presence", "POST", "/newsroom/articles/999999/presence",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/articles/{id}/submit", "POST", "/newsroom/articles/999999/submit",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/articles/{id}/publish", "POST", "/newsroom/articles/999999/publish",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/articles/{id}/schedule", "POST", "/newsroom/articles/999999/schedule",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/articles/{id}/unschedule", "POST", "/newsroom/articles/999999/unschedule",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/articles/{id}/corrections", "POST", "/newsroom/articles/999999/corrections",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/articles/{id}/send-back", "POST", "/newsroom/articles/999999/send-back",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/articles/{id}/unpublish", "POST", "/newsroom/articles/999999/unpublish",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("GET /newsroom/articles/{id}/revisions", "GET", "/newsroom/articles/999999/revisions",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/articles/{id}/revisions/{version}/restore", "POST", "/newsroom/articles/999999/revisions/1/restore",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/preview", "POST", "/newsroom/preview",     SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/images", "GET", "/newsroom/images",         SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/images/search", "GET", "/newsroom/images/search?q=harbour",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/images/new", "GET", "/newsroom/images/new", SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, OK),
                // Posted empty: the form comes back saying a picture is needed.
                row("POST /newsroom/images", "POST", "/newsroom/images",       SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 400),
                row("GET /newsroom/images/{id}", "GET", "/newsroom/images/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/images/{id}", "POST", "/newsroom/images/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                row("GET /newsroom/log", "GET", "/newsroom/log",               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                // The wire queue is the newsroom's: anyone who may file a draft may make one from the wire.
                row("GET /newsroom/wires", "GET", "/newsroom/wires",           SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/wires/{id}", "GET", "/newsroom/wires/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/wires/{id}/draft", "POST", "/newsroom/wires/999999/draft",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                // Agencies' programs, with the bearer token only: a session, whoever's, is no credential.
                row("POST /api/wires", "POST", "/api/wires", all(401)),
                // Fronts are for editors and admins; a front nobody has is not found.
                row("GET /newsroom/fronts", "GET", "/newsroom/fronts",         SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/fronts/{front}", "GET", "/newsroom/fronts/home",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                row("POST /newsroom/fronts/{front}/stories", "POST", "/newsroom/fronts/no-such-front/stories",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/fronts/{front}/stories/{articleId}/up", "POST", "/newsroom/fronts/no-such-front/stories/999999/up",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/fronts/{front}/stories/{articleId}/down", "POST", "/newsroom/fronts/no-such-front/stories/999999/down",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/fronts/{front}/stories/{articleId}/layout", "POST", "/newsroom/fronts/no-such-front/stories/999999/layout",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/fronts/{front}/stories/{articleId}/remove", "POST", "/newsroom/fronts/no-such-front/stories/999999/remove",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/fronts/{front}/publish", "POST", "/newsroom/fronts/no-such-front/publish",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/fronts/{front}/discard", "POST", "/newsroom/fronts/no-such-front/discard",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                // Authors, whom bylines name, are added and changed by editors and admins; posted empty, a name is asked for.
                row("GET /newsroom/authors", "GET", "/newsroom/authors",       SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/authors/new", "GET", "/newsroom/authors/new",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                row("POST /newsroom/authors", "POST", "/newsroom/authors",     SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 400),
                row("GET /newsroom/authors/{id}", "GET", "/newsroom/authors/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/authors/{id}", "POST", "/newsroom/authors/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                // Sections, which every article is filed in, are added and changed by editors and admins; posted empty, a name is asked for.
                row("GET /newsroom/sections", "GET", "/newsroom/sections",     SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/sections/new", "GET", "/newsroom/sections/new",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                row("POST /newsroom/sections", "POST", "/newsroom/sections",   SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 400),
                row("GET /newsroom/sections/{id}", "GET", "/newsroom/sections/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                row("POST /newsroom/sections/{id}", "POST", "/newsroom/sections/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, 404),
                // Previews on the site's own pages: a front's draft for editors, an article for whoever may open it.
                row("GET /newsroom/preview/fronts/{front}", "GET", "/newsroom/preview/fronts/home",
                                                                               SIGN_IN, DENIED,  DENIED,  DENIED,  SIGN_IN, DENIED,  SIGN_IN, OK),
                row("GET /newsroom/preview/articles/{id}", "GET", "/newsroom/preview/articles/999999",
                                                                               SIGN_IN, DENIED,  DENIED,  SIGN_IN, SIGN_IN, DENIED,  SIGN_IN, 404),
                row("/error", "GET", "/error", all(404)),
                row("GET /no-such-route/at/all/here", "GET", "/no/such/route/at/all/here", all(404)),
                // Addresses no controller serves are not found, for everyone: never a sign-in page.
                row("GET /ads.txt (nothing serves it)", "GET", "/ads.txt", all(404)),
                row("GET /apple-touch-icon-precomposed.png (nothing serves it)", "GET", "/apple-touch-icon-precomposed.png", all(404)),
                row("GET /wp-admin/setup-config.php (nothing serves it)", "GET", "/wp-admin/setup-config.php", all(404)),
                // A method a path is not served by is 405, for everyone: never a sign-in page or a 403.
                row("GET /webhooks/payments/sandbox (served by POST only)", "GET", "/webhooks/payments/sandbox", all(405)));
        // spotless:on
        visitors.put(Visitor.ANONYMOUS, new WebSession(port));
        signedIn(Visitor.UNVERIFIED, accounts.create(false));
        signedIn(Visitor.READER, accounts.create(true));
        signedIn(Visitor.JOURNALIST, accounts.create(true, Role.JOURNALIST));
        signedIn(Visitor.EDITOR, accounts.create(true, Role.EDITOR));
        signedIn(Visitor.MODERATOR, accounts.create(true, Role.MODERATOR));
        signedIn(Visitor.ADMIN, accounts.create(true, Role.ADMIN));
        WebSession admin = new WebSession(port);
        TestAccounts.signInWithBothFactors(admin, accounts.create(true, Role.ADMIN));
        visitors.put(Visitor.ADMIN_TWO_FACTORS, admin);
    }

    private void signedIn(Visitor visitor, TestAccounts.Credentials account) {
        WebSession session = new WebSession(port);
        TestAccounts.signIn(session, account);
        visitors.put(visitor, session);
    }

    @Test
    void everyVisitorGetsWhatTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : table) {
            Visitor[] columns = Visitor.values();
            for (int i = 0; i < columns.length; i++) {
                WebSession session = visitors.get(columns[i]);
                if (row.method().equals("POST")) {
                    // Pick up a current CSRF token, as a browser would from the page with the form.
                    session.get(columns[i] == Visitor.ANONYMOUS ? "/signin" : "/account");
                }
                HttpResponse<String> response =
                        switch (row.method()) {
                            case "GET" -> session.get(row.path());
                            // Sent without a CSRF token: refused as a forgery, as for a member without the right.
                            case "DELETE" -> session.delete(row.path());
                            default -> session.post(row.path(), Map.of());
                        };
                int expected = row.statuses()[i];
                int actual = response.statusCode();
                boolean signInRedirect = actual == 302
                        && response.headers()
                                .firstValue("Location")
                                .orElse("")
                                .matches(".*/(signin|signin/second-factor|account)(\\?.*)?$");
                if (actual != expected
                        || (expected == SIGN_IN
                                && !signInRedirect
                                && !row.mapping().contains("/{year}"))) {
                    wrong.add("%s as %s: expected %d, got %d %s"
                            .formatted(
                                    row.path(),
                                    columns[i],
                                    expected,
                                    actual,
                                    response.headers().firstValue("Location").orElse("")));
                }
            }
        }
        assertThat(wrong).as("routes whose access differs from the table").isEmpty();
    }

    @Test
    void everyRouteOfTheApplicationIsInTheTable() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().stream()
                    .map(Enum::name)
                    .collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                String plain = withoutConstraints(pattern);
                if (methods.isEmpty()) {
                    routes.add(plain);
                } else {
                    methods.forEach(method -> routes.add(method + " " + plain));
                }
            }
        }
        Set<String> inTable = table.stream().map(Row::mapping).collect(Collectors.toSet());

        assertThat(inTable).as("routes in the access table").containsAll(routes);
    }

    /** "/{year:\\d{4}}/{slug}" becomes "/{year}/{slug}": the table names variables, not their rules. */
    private static String withoutConstraints(String pattern) {
        StringBuilder plain = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    skipping = false;
                }
            } else if (c == ':' && depth == 1) {
                skipping = true;
            }
            if (!skipping || (c == '}' && depth == 0)) {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    private static Row row(String mapping, String method, String path, int... statuses) {
        return new Row(mapping, method, path, statuses);
    }

    private static int[] all(int status) {
        int[] statuses = new int[Visitor.values().length];
        java.util.Arrays.fill(statuses, status);
        return statuses;
    }
}
