package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the edge refuses before anything reads it: bodies over the limit (413), and text with control
 * characters such as NUL, which PostgreSQL refuses (4xx, never 500). Each refused request changes
 * nothing.
 */
@MastheadTest
class RequestInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Larger than the 64 KB a form or JSON body may be. */
    private static final String TOO_LONG = "a".repeat(100 * 1024);

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient db;

    long articleId;
    TestAccounts.Credentials reader;
    WebSession session;
    String[] csrf;

    @BeforeEach
    void setUp() {
        Section section = content.section(TestContent.unique("Input"));
        articleId = content.article(section).headline("Anything to say?").published();
        reader = accounts.create(true);
        session = new WebSession(port);
        TestAccounts.signIn(session, reader);
        JsonNode me =
                JSON.readTree(session.get("/discussion/" + articleId + "/me").body());
        csrf = new String[] {
            me.get("csrf").get("header").asString(), me.get("csrf").get("token").asString()
        };
    }

    @Test
    void aCommentBodyOverTheLimitIsRefusedWith413AndNothingIsStored() {
        byte[] body = comment(TOO_LONG);

        HttpResponse<String> response =
                session.postBody("/discussion/" + articleId + "/comments", "application/json", body, csrf);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":413").contains("larger than we accept");
        assertThat(commentsByReader()).isZero();
    }

    @Test
    void aChunkedCommentBodyOverTheLimitIsRefusedWith413AsItIsReadAndNothingIsStored() {
        byte[] body = comment(TOO_LONG);

        HttpResponse<String> response =
                session.postChunked("/discussion/" + articleId + "/comments", "application/json", body, csrf);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(commentsByReader()).isZero();
    }

    @Test
    void aChunkedCommentWithinTheLimitIsTaken() {
        HttpResponse<String> response = session.postChunked(
                "/discussion/" + articleId + "/comments", "application/json", comment("Streamed, but short."), csrf);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(commentsByReader()).isOne();
    }

    @Test
    void aFormOverTheLimitGetsThePageSayingItIsTooLarge() {
        WebSession visitor = new WebSession(port);
        visitor.get("/support");

        HttpResponse<String> response = visitor.post(
                "/support", Map.of("frequency", "ONE_OFF", "amount", "10.00", "currency", "GBP", "email", TOO_LONG));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than we accept");
    }

    @Test
    void aChunkedFormOverTheLimitIsRefusedAndStartsNoCheckout() {
        long checkouts = count("sandbox_checkout");
        String form = "frequency=ONE_OFF&amount=10.00&currency=GBP&email=" + TOO_LONG;

        HttpResponse<String> response = new WebSession(port)
                .postChunked("/support", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));

        // Tomcat reads a form itself, as far as the article editor's larger limit: such a form is refused
        // unread where the limit is the usual one.
        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(count("sandbox_checkout")).isEqualTo(checkouts);
    }

    @Test
    void aCommentWithANulIsRefusedWith400AndNothingIsStored() {
        HttpResponse<String> response = session.postBody(
                "/discussion/" + articleId + "/comments", "application/json", comment("Hello\u0000 there"), csrf);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("an invisible character that cannot be kept");
        assertThat(commentsByReader()).isZero();
    }

    @Test
    void aBodyThatIsNotWellFormedUtf8IsRefusedEvenWhereJacksonWouldDecodeIt() {
        // C0 BC and C0 BE are overlong forms of < and >; E0 80 AF of /; FF is never UTF-8.
        for (byte[] bad : new byte[][] {
            {(byte) 0xC0, (byte) 0xBC, 's', (byte) 0xC0, (byte) 0xBE},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xFF}
        }) {
            byte[] before = "{\"body\":\"t ".getBytes(StandardCharsets.UTF_8);
            byte[] after =
                    ("\",\"idempotencyKey\":\"" + java.util.UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[before.length + bad.length + after.length];
            System.arraycopy(before, 0, body, 0, before.length);
            System.arraycopy(bad, 0, body, before.length, bad.length);
            System.arraycopy(after, 0, body, before.length + bad.length, after.length);

            HttpResponse<String> response =
                    session.postBody("/discussion/" + articleId + "/comments", "application/json", body, csrf);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("not JSON text in UTF-8");
        }
        assertThat(commentsByReader()).isZero();
    }

    @Test
    void aNumberWhereTextBelongsOrAKeyGivenTwiceIsRefused() {
        String key = java.util.UUID.randomUUID().toString();
        for (String body : new String[] {
            "{\"body\":123,\"idempotencyKey\":\"" + key + "\"}",
            "{\"body\":true,\"idempotencyKey\":\"" + key + "\"}",
            "{\"body\":\"First\",\"body\":\"Second\",\"idempotencyKey\":\"" + key + "\"}"
        }) {
            HttpResponse<String> response = session.postBody(
                    "/discussion/" + articleId + "/comments",
                    "application/json",
                    body.getBytes(StandardCharsets.UTF_8),
                    csrf);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        assertThat(commentsByReader()).isZero();
    }

    @Test
    void tabsAndLineBreaksAreTakenInText() {
        HttpResponse<String> response = session.postBody(
                "/discussion/" + articleId + "/comments",
                "application/json",
                comment("First line,\r\nsecond\tline.\n\nA paragraph."),
                csrf);

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void aNulInTheAddressForASignInLinkIsRefusedAndNoLinkIsSent() {
        long tokens = count("one_time_tokens");
        long mail = count("mail_outbox");
        WebSession visitor = new WebSession(port);
        visitor.get("/signin");

        HttpResponse<String> response =
                visitor.post("/signin/email-link", Map.of("username", reader.email() + "\u0000"));

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(count("one_time_tokens")).isEqualTo(tokens);
        assertThat(count("mail_outbox")).isEqualTo(mail);
    }

    @Test
    void aNulInASignInLinkIsRefused() {
        WebSession visitor = new WebSession(port);

        assertThat(visitor.get("/signin/link?token=%00").statusCode()).isBetween(400, 499);
        visitor.get("/signin");
        assertThat(visitor.post("/signin/link", Map.of("token", "a\u0000b")).statusCode())
                .isBetween(400, 499);
    }

    @Test
    void aNulInTheSupportFormIsRefusedAndNoCheckoutStarts() {
        long checkouts = count("sandbox_checkout");
        WebSession visitor = new WebSession(port);
        visitor.get("/support");

        HttpResponse<String> response = visitor.post(
                "/support",
                Map.of(
                        "frequency",
                        "ONE_OFF",
                        "amount",
                        "10.00",
                        "currency",
                        "GBP",
                        "email",
                        "guest\u0000@example.com"));

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(count("sandbox_checkout")).isEqualTo(checkouts);
    }

    @Test
    void aNulInAnAdminSearchOrPlanNameIsRefusedAndChangesNothing() {
        WebSession admin = new WebSession(port);
        TestAccounts.signInWithBothFactors(admin, accounts.create(true, Role.ADMIN));
        String planName = db.sql("SELECT name FROM membership_plan WHERE billing_interval = 'MONTH'")
                .query(String.class)
                .single();

        assertThat(admin.get("/admin/accounts?q=a%00b").statusCode()).isBetween(400, 499);
        assertThat(admin.get("/admin/payments?email=a%00b").statusCode()).isBetween(400, 499);
        assertThat(admin.get("/admin/payments?reference=a%00b").statusCode()).isBetween(400, 499);
        admin.get("/admin/membership/plans");
        HttpResponse<String> plan = admin.post(
                "/admin/membership/plans",
                Map.of("interval", "MONTH", "name", "Monthly\u0000", "trialDays", "0", "priceGBP", "5.00"));

        assertThat(plan.statusCode()).isBetween(400, 499);
        assertThat(db.sql("SELECT name FROM membership_plan WHERE billing_interval = 'MONTH'")
                        .query(String.class)
                        .single())
                .isEqualTo(planName);
    }

    private static byte[] comment(String text) {
        ObjectNode json = JSON.createObjectNode();
        json.put("body", text);
        json.put("idempotencyKey", java.util.UUID.randomUUID().toString());
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long commentsByReader() {
        return db.sql("SELECT count(*) FROM comment WHERE author_id = :author")
                .param("author", reader.id())
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
