package org.masthead.payments.internal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sandbox provider's controls for tests: its signing secret, its billing clock, and posting
 * webhook requests as it (or a forger) would.
 */
@Component
public class TestSandbox {

    private final SandboxStore store;
    private final SandboxRenewals renewals;
    private final SandboxEvents events;
    private final JdbcClient db;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestSandbox(SandboxStore store, SandboxRenewals renewals, SandboxEvents events, JdbcClient db) {
        this.store = store;
        this.renewals = renewals;
        this.events = events;
        this.db = db;
    }

    public String secret() {
        return store.secret();
    }

    /** Runs the billing clock as if it were {@code at}: renewals, retries and cancellations due by then. */
    public int renewDue(Instant at) {
        return renewals.renewDue(at);
    }

    /** Puts the billing clock back to real time, for tests that moved it on. */
    public void resetClock() {
        store.advanceClock(store.clockOffset().negated());
    }

    /** Delivers whatever webhook events are due now, on this thread. */
    public int deliverDue() {
        return events.deliverDue();
    }

    /**
     * Holds back every webhook event queued from now on, as a provider slow to confirm would, until
     * {@link #releaseEvents}. Call that in a {@code finally}: the hold is on the shared database.
     */
    public void holdEvents() {
        db.sql("ALTER TABLE sandbox_event ALTER COLUMN next_attempt_at SET DEFAULT now() + interval '1 day'")
                .update();
    }

    /** Ends {@link #holdEvents} and delivers what was held, on this thread. */
    public int releaseEvents() {
        db.sql("ALTER TABLE sandbox_event ALTER COLUMN next_attempt_at SET DEFAULT now()")
                .update();
        db.sql("UPDATE sandbox_event SET next_attempt_at = now() WHERE delivered_at IS NULL AND failed_at IS NULL")
                .update();
        return deliverDue();
    }

    /** The header the sandbox would send with this body at this time, signed with this secret. */
    public static String signature(String payload, String secret, Instant at) {
        return SandboxSignature.sign(payload, secret, at);
    }

    /** Posts a body to the webhook endpoint with this signature header (none if null). */
    public HttpResponse<String> post(
            int port, String provider, String payload, @Nullable String headerName, @Nullable String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/webhooks/payments/" + provider))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (headerName != null && signature != null) {
            request.header(headerName, signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a body signed now with the sandbox's own secret, as the sandbox delivers it. */
    public HttpResponse<String> deliver(int port, String payload) {
        return post(port, "sandbox", payload, SandboxSignature.HEADER, signature(payload, secret(), Instant.now()));
    }
}
