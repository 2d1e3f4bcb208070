package org.masthead.payments.internal.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.PaymentsProperties;
import org.masthead.platform.ClusterMessages;
import org.masthead.platform.Sql;
import org.masthead.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's webhook events: queued in {@code sandbox_event} in the transaction of the change they
 * describe, then delivered by HTTP POST to the webhook endpoint, signed (see {@link SandboxSignature}),
 * exactly as Stripe delivers its own. Any node delivers (a {@linkplain Workers worker} on each): it claims an event with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so a node that dies mid-delivery leaves the event to be
 * delivered again when the lease runs out. An event is retried with growing waits until the endpoint
 * answers 2xx, unless it answers 400 (it refused the event as it is); the endpoint ignores copies it
 * has seen.
 */
@Component
public class SandboxEvents {

    static final String WAKE_UP_CHANNEL = "payment_sandbox";
    static final Duration LEASE = Duration.ofMinutes(1);
    static final int MAX_ATTEMPTS = 12;

    private static final Logger log = LoggerFactory.getLogger(SandboxEvents.class);

    private final JdbcClient db;
    private final JsonMapper json;
    private final SandboxStore store;
    private final PaymentsProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final ClusterMessages cluster;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxEvents(
            JdbcClient db,
            JsonMapper json,
            SandboxStore store,
            PaymentsProperties properties,
            Environment environment,
            Clock clock,
            ClusterMessages cluster,
            Workers workers) {
        this.db = db;
        this.json = json;
        this.store = store;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
        this.cluster = cluster;
        workers.run(
                "payment-sandbox-events",
                properties.sandbox().deliveryPollInterval(),
                WAKE_UP_CHANNEL,
                this::deliverNext);
    }

    /** Queues an event, in the caller's transaction; every node is woken to deliver it on commit. */
    String add(
            String type,
            Instant created,
            SandboxWire.@Nullable Charge charge,
            SandboxWire.@Nullable Subscription subscription) {
        String id = SandboxStore.newId("evt");
        String payload =
                json.writeValueAsString(new SandboxWire.Event(id, type, created.toString(), charge, subscription));
        db.sql("INSERT INTO sandbox_event (id, type, payload, created_at) VALUES (:id, :type, :payload, :created)")
                .param("id", id)
                .param("type", type)
                .param("payload", payload)
                .param("created", Sql.timestamp(created))
                .update();
        cluster.send(WAKE_UP_CHANNEL, "");
        return id;
    }

    /** The secret events are signed with. */
    String secret() {
        return store.secret();
    }

    SandboxWire.Event read(String payload) {
        return json.readValue(payload, SandboxWire.Event.class);
    }

    /**
     * Delivers every event that is due, one claim at a time; returns how many it attempted. Safe on any
     * number of threads and nodes at once; must not run inside a transaction.
     */
    public int deliverDue() {
        int attempted = 0;
        while (deliverNext()) {
            attempted++;
        }
        return attempted;
    }

    /** Delivers the next event that is due, if there is one; returns whether there was (and not interrupted). */
    private boolean deliverNext() {
        Optional<Claimed> claimed = claimNext();
        claimed.ifPresent(this::deliver);
        return claimed.isPresent() && !Thread.currentThread().isInterrupted();
    }

    private record Claimed(String id, int attempt, String payload) {}

    private Optional<Claimed> claimNext() {
        return db.sql(
                        """
                        UPDATE sandbox_event
                        SET attempts = attempts + 1, next_attempt_at = now() + :lease * interval '1 millisecond'
                        WHERE id = (SELECT id FROM sandbox_event
                                    WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                                    ORDER BY next_attempt_at, created_at
                                    LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, attempts, payload""")
                .param("lease", LEASE.toMillis())
                .query((rs, n) -> new Claimed(rs.getString("id"), rs.getInt("attempts"), rs.getString("payload")))
                .optional();
    }

    private void deliver(Claimed event) {
        String error;
        boolean refused = false;
        try {
            URI target = webhookUrl();
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header(
                            SandboxSignature.HEADER,
                            SandboxSignature.sign(event.payload(), store.secret(), clock.instant()))
                    .POST(HttpRequest.BodyPublishers.ofString(event.payload()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                db.sql("UPDATE sandbox_event SET delivered_at = now(), next_attempt_at = NULL WHERE id = :id")
                        .param("id", event.id())
                        .update();
                return;
            }
            error = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            // The endpoint read the event and refused it as it is: sending it again cannot change that.
            refused = response.statusCode() == 400;
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (refused || event.attempt() >= MAX_ATTEMPTS) {
            log.warn(
                    "Gave up delivering sandbox payment event {} after {} attempt(s): {}",
                    event.id(),
                    event.attempt(),
                    error);
            db.sql(
                            "UPDATE sandbox_event SET failed_at = now(), next_attempt_at = NULL, last_error = :error WHERE id = :id")
                    .param("error", error)
                    .param("id", event.id())
                    .update();
        } else {
            Duration delay = Duration.ofSeconds(Math.min(3600, 5L << Math.min(event.attempt() - 1, 10)));
            log.info(
                    "Could not deliver sandbox payment event {} (attempt {}); again in {}: {}",
                    event.id(),
                    event.attempt(),
                    delay,
                    error);
            db.sql(
                            """
                            UPDATE sandbox_event SET next_attempt_at = now() + :delay * interval '1 millisecond',
                                last_error = :error
                            WHERE id = :id AND attempts = :attempt AND delivered_at IS NULL""")
                    .param("delay", delay.toMillis())
                    .param("error", error)
                    .param("id", event.id())
                    .param("attempt", event.attempt())
                    .update();
        }
    }

    /** The configured webhook address, else this application's own endpoint on the port it listens on. */
    private URI webhookUrl() {
        String configured = properties.sandbox().webhookUrl();
        if (!configured.isBlank()) {
            return URI.create(configured);
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return URI.create("http://127.0.0.1:" + port + "/webhooks/payments/sandbox");
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
