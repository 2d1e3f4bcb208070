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
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.PaymentsProperties;
import org.masthead.payments.internal.Sql;
import org.masthead.platform.ClusterMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's webhook events: queued in {@code sandbox_event} in the transaction of the change they
 * describe, then delivered by HTTP POST to the webhook endpoint, signed (see {@link SandboxSignature}),
 * exactly as Stripe delivers its own. Any node delivers: it claims an event with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so a node that dies mid-delivery leaves the event to be
 * delivered again when the lease runs out. An event is retried with growing waits until the endpoint
 * answers 2xx; the endpoint ignores copies it has seen.
 */
@Component
public class SandboxEvents implements SchedulingConfigurer, SmartLifecycle {

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
    private final AtomicInteger wakeUps = new AtomicInteger();
    private volatile boolean running;

    SandboxEvents(
            JdbcClient db,
            JsonMapper json,
            SandboxStore store,
            PaymentsProperties properties,
            Environment environment,
            Clock clock,
            ClusterMessages cluster) {
        this.db = db;
        this.json = json;
        this.store = store;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
        this.cluster = cluster;
        cluster.subscribe(WAKE_UP_CHANNEL, payload -> wakeUp());
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
        while (running) {
            Optional<Claimed> claimed = claimNext();
            if (claimed.isEmpty()) {
                break;
            }
            deliver(claimed.get());
            attempted++;
        }
        return attempted;
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
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (event.attempt() >= MAX_ATTEMPTS) {
            log.warn(
                    "Gave up delivering sandbox payment event {} after {} attempts: {}",
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

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                this::deliverDueAndLogTrouble, properties.sandbox().deliveryPollInterval());
    }

    /** Delivers on a thread of its own; wake-ups that arrive meanwhile make it look once more. */
    private void wakeUp() {
        if (running && wakeUps.getAndIncrement() == 0) {
            Thread.ofPlatform().daemon().name("payment-sandbox-events").start(() -> {
                int seen;
                do {
                    seen = wakeUps.get();
                    deliverDueAndLogTrouble();
                } while (!wakeUps.compareAndSet(seen, 0));
            });
        }
    }

    private void deliverDueAndLogTrouble() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            if (running) {
                log.warn("Could not work through the sandbox's payment events; trying again later", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
