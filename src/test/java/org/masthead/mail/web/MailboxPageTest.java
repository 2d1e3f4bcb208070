package org.masthead.mail.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.mail.LocalMailTest;
import org.masthead.mail.Mail;
import org.masthead.mail.Mailer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The admin mailbox, where a newcomer without a mail server reads the site's mail and follows its links. */
@LocalMailTest
class MailboxPageTest {

    /** An admin signed in with both factors, as staff areas require. */
    static final RequestPostProcessor ADMIN = user("admin@example.com")
            .authorities(
                    new SimpleGrantedAuthority("ROLE_ADMIN"),
                    FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                    FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY));

    @Autowired
    WebApplicationContext context;

    @Autowired
    Mailer mailer;

    @LocalServerPort
    int port;

    MockMvc mvc;
    String reader;
    String link;
    long id;

    @BeforeEach
    void sendAMessage() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        reader = "reader-" + UUID.randomUUID() + "@example.com";
        link = "https://daily.test/account/verify?token=" + UUID.randomUUID() + "&next=/account";
        id = mailer.send(new Mail(
                reader,
                "Confirm <em>your</em> address",
                "Hello <b>Ada</b>,\n\nConfirm your address at " + link + ".\n",
                "<p>Hello <b>Ada</b>,</p><script>alert('mail')</script><p><a href=\"" + link + "\">Confirm</a></p>",
                Mail.Kind.TRANSACTIONAL,
                null));
    }

    @Test
    void mailboxListsTheMessageWithALinkToIt() throws Exception {
        String page = page("/admin/mailbox");

        assertThat(page)
                .contains(reader)
                .contains("<a href=\"/admin/mailbox/" + id + "\">Confirm &lt;em&gt;your&lt;/em&gt; address</a>")
                .doesNotContain("<em>your</em>");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(page("/admin/mailbox?to=" + reader))
                        .as("kept here, not sent: no mail server is configured")
                        .contains("Delivered here")
                        .doesNotContain(">Sent<"));
        assertThat(page("/admin/mailbox/" + id)).contains("Delivered here and to the log");
        assertThat(page("/admin/mailbox?to=" + reader.toUpperCase())).contains(reader);
        assertThat(page("/admin/mailbox?to=nobody@example.com"))
                .doesNotContain(reader)
                .contains("No mail here.");
    }

    @Test
    void messageShowsItsLinksAsLinksAndNeverItsMarkup() throws Exception {
        String page = page("/admin/mailbox/" + id);
        String escapedLink = link.replace("&", "&amp;");

        assertThat(page)
                .contains("<h1>Confirm &lt;em&gt;your&lt;/em&gt; address</h1>")
                .contains("<a href=\"" + escapedLink + "\">" + escapedLink + "</a>.")
                .contains("Hello &lt;b&gt;Ada&lt;/b&gt;,")
                .doesNotContain("<b>Ada</b>")
                .doesNotContain("<script>alert")
                .contains("<iframe sandbox")
                .contains("src=\"/admin/mailbox/" + id + "/html\"");
    }

    @Test
    void htmlPartIsServedOnlyInASandbox() throws Exception {
        MvcResult result =
                mvc.perform(get("/admin/mailbox/" + id + "/html").with(ADMIN)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("text/html");
        assertThat(result.getResponse().getHeaders("Content-Security-Policy"))
                .singleElement()
                .satisfies(policy -> assertThat(policy).startsWith("sandbox;").contains("default-src 'none'"));
        assertThat(result.getResponse().getContentAsString()).contains("<script>alert('mail')</script>");
    }

    @Test
    void unknownMessageIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/admin/mailbox/" + Long.MAX_VALUE).with(ADMIN))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/admin/mailbox/" + Long.MAX_VALUE + "/html").with(ADMIN))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsOpenTheMailbox() throws Exception {
        Http anonymous = new Http(port);
        for (String path : new String[] {"/admin/mailbox", "/admin/mailbox/" + id, "/admin/mailbox/" + id + "/html"}) {
            var response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isIn(302, 401, 403);
            assertThat(response.body()).as(path).doesNotContain(reader);
            assertThat(mvc.perform(get(path).with(user("reader@example.com").roles("READER")))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(403);
        }
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(ADMIN)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
