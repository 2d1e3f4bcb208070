package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.internal.sandbox.TestSandbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The webhook endpoint is open to anyone: it must refuse what it will not take before reading it, and
 * never answer a signed event it cannot store with a 500.
 */
@MastheadTest
class WebhookInputTest {

    /** Over the 1 MB a webhook may send, and under the 32 MB Tomcat reads and discards to answer. */
    private static final int TOO_LARGE = 2 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    TestSandbox sandbox;

    @Autowired
    JdbcClient db;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aSignedEventOverTheLimitIsRefusedWith413AndNothingIsStored() throws Exception {
        String reference = TestContent.unique("big");
        String payload = padded(event(reference));

        HttpResponse<String> response = client.send(
                signed(payload)
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(entries(reference)).isZero();
    }

    @Test
    void aChunkedSignedEventOverTheLimitIsRefusedWith413AsItIsReadAndNothingIsStored() throws Exception {
        String reference = TestContent.unique("chunked");
        byte[] payload = padded(event(reference)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = client.send(
                signed(new String(payload, StandardCharsets.UTF_8))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(payload)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(entries(reference)).isZero();
    }

    @Test
    void anUnknownProviderIsNotFoundBeforeItsBodyIsRead() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // A body that never ends: the answer can only come before it is read.
            out.write(("POST /webhooks/payments/nobody HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "10\r\n{\"id\":\"evt_1\",  \r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String statusLine = firstLine(socket.getInputStream());

            assertThat(statusLine).startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void aSignedEventWithANulInItsTextIsRefusedWith400AndNothingIsStored() {
        String reference = TestContent.unique("nul");
        for (String field : new String[] {"id", "type", "customer", "email", "reference", "currency"}) {
            String payload = event(reference).replaceFirst("\"" + field + "\":\"", "\"" + field + "\":\"\\\\u0000");

            HttpResponse<String> response = sandbox.deliver(port, payload);

            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(response.body()).as(field).contains("an invisible character that cannot be kept");
        }
        assertThat(entries(reference)).isZero();
    }

    private String event(String reference) {
        return SandboxEventJson.chargeSucceeded(
                TestContent.unique("evt"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                TestContent.unique("ch"),
                1500,
                "input@example.com",
                reference);
    }

    /** The event with spaces after it up to a size over the limit: still JSON, still signed. */
    private static String padded(String payload) {
        return payload + " ".repeat(TOO_LARGE - payload.length());
    }

    private HttpRequest.Builder signed(String payload) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/payments/sandbox"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Masthead-Signature", TestSandbox.signature(payload, sandbox.secret(), Instant.now()));
    }

    private long entries(String reference) {
        return db.sql("SELECT count(*) FROM payment_ledger WHERE reference = :reference")
                .param("reference", reference)
                .query(Long.class)
                .single();
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
