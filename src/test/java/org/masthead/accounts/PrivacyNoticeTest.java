package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.platform.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "How we use your information": a public page that every page and the registration form lead to. */
@MastheadTest
class PrivacyNoticeTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SiteProperties site;

    @Test
    void theNoticeIsAPublicCachedPageThatSaysWhatIsKeptAndForHowLong() {
        HttpResponse<String> page = new Http(port).get("/privacy");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("public"));
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(page.body())
                .contains("<h1>How we use your information</h1>")
                .contains("How we use your information | " + site.name())
                .contains("only as a one-way hash (Argon2id)")
                .contains("We do not store your IP address.")
                .contains("You give your card details on Stripe")
                .contains("<strong>SESSION</strong>")
                .contains("<strong>RETURN</strong>")
                .contains("<strong>masthead_currency</strong>")
                .contains("<strong>Comments you have not posted yet.</strong>")
                .contains("or leave it for a week")
                // The periods the site runs with, from the mail and discovery modules' settings.
                .contains("counts are deleted after <span>30 days</span>")
                .contains("a copy of each e-mail we send for <span>30 days</span>");
    }

    @Test
    void theNoticeLeadsToTheDownloadAndTheDeletionOfYourData() {
        String notice = new Http(port).get("/privacy").body();
        assertThat(notice).contains("href=\"/account/export\"").contains("href=\"/account/delete\"");

        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, accounts.create(true));
        assertThat(reader.get("/account/export").statusCode()).isEqualTo(200);
        assertThat(reader.get("/account/delete").body()).contains("<h1>Delete your account</h1>");
    }

    @Test
    void everyPageFooterAndTheRegistrationFormLinkToTheNotice() {
        Http http = new Http(port);

        assertThat(footerOf(http.get("/").body())).contains("<a href=\"/privacy\">How we use your information</a>");
        assertThat(mainOf(http.get("/register").body())).contains("<a href=\"/privacy\">");
    }

    private static String footerOf(String page) {
        return page.substring(page.indexOf("<footer"));
    }

    private static String mainOf(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }
}
