package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without a configured OpenID Connect client the site signs in exactly as before. */
@MastheadTest
class SignInWithoutProviderTest {

    @LocalServerPort
    int port;

    @Test
    void noProviderButtonsAndNoProviderRoutes() {
        WebSession visitor = new WebSession(port);

        assertThat(visitor.get("/signin").body())
                .doesNotContain("Continue with")
                .doesNotContain("/oauth2/authorization/");
        HttpResponse<String> start = visitor.get("/oauth2/authorization/google");
        assertThat(start.headers().firstValue("Location").orElse("")).doesNotContain("accounts.google.com");
    }
}
