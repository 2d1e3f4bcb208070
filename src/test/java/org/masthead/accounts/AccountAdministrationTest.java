package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MastheadTest
class AccountAdministrationTest {

    /** One audit-log row as stored. */
    record Audit(Long actorId, Long subjectId, String action, String detail, Timestamp at) {}

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient db;

    TestAccounts.Credentials admin;
    TestAccounts.Credentials target;
    WebSession adminSession;

    @BeforeEach
    void setUp() {
        admin = accounts.create(true, Role.ADMIN);
        target = accounts.create(true);
        adminSession = new WebSession(port);
        TestAccounts.signInWithBothFactors(adminSession, admin);
    }

    @Test
    void theAccountPageLeadsEachMemberOfStaffToTheAreasTheirRolesOpen() {
        String newsroom = "<a href=\"/newsroom\">";
        String moderation = "<a href=\"/moderation\">";
        String payments = "<a href=\"/admin/payments\">";

        assertThat(accountPage(accounts.create(true)))
                .doesNotContain(newsroom)
                .doesNotContain(moderation)
                .doesNotContain(payments);
        assertThat(accountPage(accounts.create(true, Role.MODERATOR)))
                .contains(moderation)
                .doesNotContain(newsroom)
                .doesNotContain(payments);
        assertThat(accountPage(accounts.create(true, Role.JOURNALIST)))
                .contains(newsroom)
                .doesNotContain(moderation);
        assertThat(adminSession.get("/account").body())
                .contains(newsroom)
                .contains(moderation)
                .contains(payments)
                .contains("<a href=\"/admin/mailbox\">")
                .contains("<a href=\"/admin/accounts\">")
                .contains("<a href=\"/admin/membership\">");
        assertThat(adminSession.get("/admin").body())
                .as("the admin pages have an index of their own")
                .contains("<h1>Administration</h1>")
                .contains(payments)
                .contains("<a href=\"/admin/mailbox\">")
                .contains("<a href=\"/admin/accounts\">")
                .contains("<a href=\"/admin/membership\">");
    }

    private String accountPage(TestAccounts.Credentials account) {
        WebSession session = new WebSession(port);
        TestAccounts.signIn(session, account);
        return session.get("/account").body();
    }

    @Test
    void adminFindsAnAccountByPartOfItsName() {
        String part = target.displayName().substring(3).toUpperCase();

        HttpResponse<String> page = adminSession.get("/admin/accounts?q=" + part.replace(" ", "+"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(target.email()).doesNotContain(admin.email());
        assertThat(adminSession.get("/admin/accounts/" + target.id()).body())
                .contains(target.displayName())
                .contains(target.email());
    }

    @Test
    void grantingEditorGivesTheRoleAndWritesWhoDidWhatToWhomAndWhen() {
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = grant(target, "EDITOR");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/accounts/" + target.id());
        assertThat(roles(target)).contains("EDITOR");
        List<Audit> log = audit(target);
        assertThat(log).hasSize(1);
        Audit row = log.getFirst();
        assertThat(row.actorId()).isEqualTo(admin.id());
        assertThat(row.subjectId()).isEqualTo(target.id());
        assertThat(row.action()).isEqualTo("ROLE_GRANTED");
        assertThat(row.detail()).isEqualTo("EDITOR");
        assertThat(row.at().toInstant()).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(adminSession.get("/admin/accounts/" + target.id()).body())
                .contains("now holds the role Editor.")
                .contains("Granted the role Editor")
                .doesNotContain(">EDITOR<")
                .doesNotContain("ROLE_GRANTED");
    }

    @Test
    void aDeletedAccountShowsItsDeletionAndCanHoldNoRole() {
        WebSession owner = new WebSession(port);
        TestAccounts.signIn(owner, target);
        owner.submit("/account/delete", "/account/delete", Map.of("password", TestAccounts.PASSWORD));
        adminSession.get("/account");

        // As an old form would send it: the account's page no longer offers one.
        HttpResponse<String> refused =
                adminSession.post("/admin/accounts/" + target.id() + "/roles/grant", Map.of("role", "EDITOR"));
        assertThat(refused.statusCode()).isEqualTo(302);

        assertThat(roles(target)).doesNotContain("EDITOR");
        assertThat(adminSession.get("/admin/accounts/" + target.id()).body())
                .contains("This account was deleted: it can hold no role.")
                .contains("Its owner deleted this account")
                .contains("Deleted the account: its personal data is erased")
                .doesNotContain("Grant a role")
                .doesNotContain("Disable this account");
    }

    @Test
    void grantingARoleAlreadyHeldChangesNothingAndSaysSo() {
        grant(target, "EDITOR");

        grant(target, "EDITOR");

        assertThat(audit(target)).hasSize(1);
        assertThat(adminSession.get("/admin/accounts/" + target.id()).body()).contains("already holds");
    }

    @Test
    void revokingTakesTheRoleAwayAndIsLogged() {
        grant(target, "MODERATOR");

        adminSession.submit(
                "/admin/accounts/" + target.id(),
                "/admin/accounts/" + target.id() + "/roles/revoke",
                Map.of("role", "MODERATOR"));

        assertThat(roles(target)).doesNotContain("MODERATOR");
        assertThat(audit(target)).extracting(Audit::action).containsExactly("ROLE_REVOKED", "ROLE_GRANTED");
    }

    @Test
    void revokingARoleNotHeldChangesNothingAndSaysSo() {
        adminSession.submit(
                "/admin/accounts/" + target.id(),
                "/admin/accounts/" + target.id() + "/roles/revoke",
                Map.of("role", "EDITOR"));

        assertThat(audit(target)).isEmpty();
        assertThat(adminSession.get("/admin/accounts/" + target.id()).body()).contains("does not hold");
    }

    @Test
    void anAdminCannotDemoteOrDisableThemselves() {
        String page = "/admin/accounts/" + admin.id();

        adminSession.submit(page, page + "/roles/revoke", Map.of("role", "ADMIN"));
        String afterRevoke = adminSession.get(page).body();
        adminSession.submit(page, page + "/disable", Map.of());
        String afterDisable = adminSession.get(page).body();

        assertThat(afterRevoke).contains("You cannot take away your own Admin role");
        assertThat(afterDisable).contains("You cannot disable your own account");
        assertThat(roles(admin)).contains("ADMIN");
        assertThat(status(admin)).isEqualTo("ACTIVE");
        assertThat(audit(admin)).isEmpty();
        assertThat(adminSession.get("/admin/accounts").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminsOwnPageOffersNoControlThatWouldBeRefused() {
        String page = adminSession.get("/admin/accounts/" + admin.id()).body();
        String others = adminSession.get("/admin/accounts/" + target.id()).body();

        assertThat(page)
                .as("what would always be refused is not offered, and the page says why")
                .doesNotContain("/admin/accounts/" + admin.id() + "/disable")
                .doesNotContain("<option value=\"ADMIN\">Admin</option>")
                .contains("Only another admin can take away your own Admin role.")
                .contains("You cannot disable your own account: another admin can.");
        assertThat(others)
                .contains("/admin/accounts/" + target.id() + "/disable")
                .doesNotContain("You cannot disable your own account");
    }

    @Test
    void disablingSignsTheAccountOutEverywhereAndItCanNoLongerSignIn() {
        WebSession targetSession = new WebSession(port);
        TestAccounts.signIn(targetSession, target);
        assertThat(targetSession.get("/account").statusCode()).isEqualTo(200);

        adminSession.submit("/admin/accounts/" + target.id(), "/admin/accounts/" + target.id() + "/disable", Map.of());

        assertThat(status(target)).isEqualTo("DISABLED");
        assertThat(audit(target)).extracting(Audit::action).containsExactly("ACCOUNT_DISABLED");
        HttpResponse<String> afterwards = targetSession.get("/account");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        assertThat(targetSession.get("/signin").body())
                .as("someone signed out by a change to their account is told so, not shown a bare form")
                .contains("You have been signed out")
                .contains("your account changed");
        assertThat(new WebSession(port).get("/signin").body())
                .as("a visitor who was never signed in is not")
                .doesNotContain("You have been signed out");
        assertThat(signInLocation(target))
                .as("with its password right, the account is told it is disabled")
                .endsWith("/signin?disabled");
        WebSession guesser = new WebSession(port);
        assertThat(guesser.submit("/signin", "/signin", Map.of("email", target.email(), "password", "not the password"))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("with a wrong one, nothing tells a stranger that this address has a disabled account")
                .endsWith("/signin?error");
        WebSession owner = new WebSession(port);
        owner.submit("/signin", "/signin", Map.of("email", target.email(), "password", TestAccounts.PASSWORD));
        assertThat(owner.get("/signin?disabled").body()).contains("This account is disabled");
    }

    @Test
    void reEnablingLetsTheAccountSignInAgain() {
        String page = "/admin/accounts/" + target.id();
        adminSession.submit(page, page + "/disable", Map.of());

        adminSession.submit(page, page + "/enable", Map.of());

        assertThat(status(target)).isEqualTo("ACTIVE");
        assertThat(audit(target)).extracting(Audit::action).containsExactly("ACCOUNT_ENABLED", "ACCOUNT_DISABLED");
        assertThat(signInLocation(target)).endsWith("/account");
    }

    @Test
    void unknownAccountIsNotFoundAndAnUnknownRoleIsABadRequest() {
        assertThat(adminSession.get("/admin/accounts/999999999").statusCode()).isEqualTo(404);
        String page = "/admin/accounts/" + target.id();

        HttpResponse<String> reader = adminSession.submit(page, page + "/roles/grant", Map.of("role", "READER"));
        HttpResponse<String> nonsense = adminSession.submit(page, page + "/roles/grant", Map.of("role", "KING"));

        assertThat(reader.statusCode()).isEqualTo(400);
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(nonsense.body()).contains("<main");
        assertThat(audit(target)).isEmpty();
    }

    @Test
    void nonAdminsAreRefusedEverything() {
        TestAccounts.Credentials editor = accounts.create(true, Role.EDITOR);
        WebSession session = new WebSession(port);
        TestAccounts.signIn(session, editor);
        String page = "/admin/accounts/" + target.id();

        assertThat(session.get("/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(session.get(page).statusCode()).isEqualTo(403);
        session.get("/account");
        assertThat(session.post(page + "/roles/grant", Map.of("role", "ADMIN")).statusCode())
                .isEqualTo(403);
        assertThat(session.post(page + "/roles/revoke", Map.of("role", "EDITOR"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.post(page + "/disable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(session.post(page + "/enable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(roles(target)).doesNotContain("ADMIN");
        assertThat(status(target)).isEqualTo("ACTIVE");
        assertThat(audit(target)).isEmpty();
    }

    private HttpResponse<String> grant(TestAccounts.Credentials account, String role) {
        String page = "/admin/accounts/" + account.id();
        return adminSession.submit(page, page + "/roles/grant", Map.of("role", role));
    }

    /** Where the password form sends this account: its page, or back with an error. */
    private String signInLocation(TestAccounts.Credentials account) {
        WebSession visitor = new WebSession(port);
        return visitor.submit("/signin", "/signin", Map.of("email", account.email(), "password", TestAccounts.PASSWORD))
                .headers()
                .firstValue("Location")
                .orElseThrow();
    }

    private List<String> roles(TestAccounts.Credentials account) {
        return db.sql("SELECT role FROM account_role WHERE account_id = :id")
                .param("id", account.id())
                .query(String.class)
                .list();
    }

    private String status(TestAccounts.Credentials account) {
        return db.sql("SELECT status FROM account WHERE id = :id")
                .param("id", account.id())
                .query(String.class)
                .single();
    }

    private List<Audit> audit(TestAccounts.Credentials account) {
        return db.sql("SELECT actor_id, subject_id, action, detail, at FROM audit_log WHERE subject_id = :id"
                        + " ORDER BY at DESC, id DESC")
                .param("id", account.id())
                .query(Audit.class)
                .list();
    }
}
