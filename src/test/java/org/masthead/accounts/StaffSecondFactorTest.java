package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff area asks for a password and a one-time link from the staff member's e-mail. */
@MastheadTest
class StaffSecondFactorTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    TestAccounts.Credentials admin;
    WebSession visitor;

    @BeforeEach
    void setUp() {
        admin = accounts.create(true, Role.ADMIN);
        visitor = new WebSession(port);
    }

    @Test
    void aLeakedStaffPasswordAloneOpensNoStaffArea() {
        TestAccounts.signIn(visitor, admin);

        HttpResponse<String> mailbox = visitor.get("/admin/mailbox");

        assertThat(mailbox.statusCode()).isEqualTo(302);
        assertThat(mailbox.headers().firstValue("Location").orElseThrow()).contains("/signin/second-factor");
        assertThat(visitor.get("/signin/second-factor").body())
                .contains("One more step for staff areas")
                .contains(admin.email());
    }

    @Test
    void theLinkFromTheStaffMembersEmailCompletesSignInAndReturnsToTheStaffArea() {
        TestAccounts.signIn(visitor, admin);
        visitor.get("/admin/mailbox");
        visitor.submit("/signin/second-factor", "/signin/email-link", Map.of("username", admin.email()));
        String link = TestMailServer.linkIn(TestMailServer.awaitMessageTo(admin.email()), "/signin/link?token=");
        visitor.get(link);

        HttpResponse<String> completed = visitor.post("/signin/link", Map.of("token", TestMailServer.tokenOf(link)));

        assertThat(completed.headers().firstValue("Location").orElseThrow()).contains("/admin/mailbox");
        assertThat(visitor.get("/admin/mailbox").statusCode()).isEqualTo(200);
    }

    @Test
    void aStaffMemberAskingForTheirSecondFactorIsToldWhereTheLinkWent() {
        TestAccounts.signIn(visitor, admin);
        visitor.get("/admin/mailbox");

        HttpResponse<String> asked =
                visitor.submit("/signin/second-factor", "/signin/email-link", Map.of("username", admin.email()));

        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/signin/email-link/sent");
        assertThat(visitor.get("/signin/email-link/sent").body())
                .as("signed in with their password, they have nothing to be kept from")
                .contains("We have sent a link to <strong>" + admin.email() + "</strong>.")
                .doesNotContain("If that address has an account");
        WebSession stranger = new WebSession(port);
        stranger.submit("/signin", "/signin/email-link", Map.of("username", admin.email()));
        assertThat(stranger.get("/signin/email-link/sent").body())
                .as("anyone else is told the same whether or not the address has an account")
                .contains("If that address has an account")
                .doesNotContain(admin.email());
    }

    @Test
    void anEmailLinkAloneIsNotEnoughEither() {
        visitor.submit("/signin", "/signin/email-link", Map.of("username", admin.email()));
        String link = TestMailServer.linkIn(TestMailServer.awaitMessageTo(admin.email()), "/signin/link?token=");
        visitor.get(link);
        visitor.post("/signin/link", Map.of("token", TestMailServer.tokenOf(link)));

        HttpResponse<String> mailbox = visitor.get("/admin/mailbox");

        assertThat(mailbox.statusCode()).isEqualTo(302);
        assertThat(mailbox.headers().firstValue("Location").orElseThrow()).contains("/signin?factor.type=password");
        HttpResponse<String> page = visitor.get("/signin?factor.type=password&factor.reason=missing");
        assertThat(page.statusCode()).as("the password form is offered").isEqualTo(200);
        assertThat(page.body())
                .as("as one more step for the account signed in, as after a passkey, not as a bare sign-in page")
                .contains("One more step for staff areas")
                .contains("Staff areas also need your password")
                .containsPattern("<input type=\"email\" id=\"email\"[^>]*value=\"" + admin.email() + "\"")
                .doesNotContain("Create an account")
                .doesNotContain("E-mail me a sign-in link");
    }

    @Test
    void readersAreRefusedStaffAreasWhateverTheirFactors() {
        TestAccounts.Credentials reader = accounts.create(true);
        TestAccounts.signInWithBothFactors(visitor, reader);

        assertThat(visitor.get("/admin/mailbox").statusCode()).isEqualTo(403);
    }
}
