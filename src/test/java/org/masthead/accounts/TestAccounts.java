package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.masthead.TestMailServer;
import org.masthead.WebSession;
import org.masthead.accounts.internal.AccountRepository;
import org.masthead.accounts.internal.Profiles;
import org.masthead.accounts.internal.Profiles.ProfileChange;
import org.masthead.newsroom.TestContent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Makes accounts for tests directly, and signs visitors in to them through the real sign-in form. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "a test password that is long";

    /** An account a test can sign in to. */
    public record Credentials(long id, String email, String displayName) {}

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Profiles profiles;

    TestAccounts(AccountRepository accounts, PasswordEncoder encoder, Profiles profiles) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.profiles = profiles;
    }

    public Credentials create(boolean verified, Role... roles) {
        String email = TestContent.unique("account") + "@example.com";
        String name = "Reader " + TestContent.unique("n").substring(2);
        long id = accounts.insert(email, name, encoder.encode(PASSWORD), false, Instant.now());
        if (verified) {
            accounts.markVerified(id, Instant.now());
        }
        for (Role role : roles) {
            accounts.grant(id, role);
        }
        return new Credentials(id, email, name);
    }

    /** Gives the account this profile picture, as its owner would upload it on their profile page. */
    public void setPicture(Credentials account, byte[] picture) {
        profiles.update(account.id(), new ProfileChange(account.displayName(), "", false, picture, false));
    }

    /**
     * Signs the visitor in with both factors a staff area needs: the password, then the one-time
     * link e-mailed to the account (read from the test SMTP server).
     */
    public static void signInWithBothFactors(WebSession visitor, Credentials account) {
        signIn(visitor, account);
        int received = TestMailServer.messagesTo(account.email()).size();
        visitor.submit("/signin/second-factor", "/signin/email-link", Map.of("username", account.email()));
        String link =
                TestMailServer.linkIn(TestMailServer.awaitMessageTo(account.email(), received), "/signin/link?token=");
        visitor.get(link);
        HttpResponse<String> response = visitor.post("/signin/link", Map.of("token", TestMailServer.tokenOf(link)));
        assertThat(response.statusCode())
                .as("second factor for %s", account.email())
                .isEqualTo(302);
    }

    /** Signs the visitor in with the password form and checks that it worked. */
    public static void signIn(WebSession visitor, Credentials account) {
        HttpResponse<String> response =
                visitor.submit("/signin", "/signin", Map.of("email", account.email(), "password", PASSWORD));
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .as("signing in as %s", account.email())
                .endsWith("/account");
    }
}
