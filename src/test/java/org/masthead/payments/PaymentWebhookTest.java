package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.internal.Ledger;
import org.masthead.payments.internal.LedgerEntry;
import org.masthead.payments.internal.SubscriptionRecord;
import org.masthead.payments.internal.SubscriptionRecords;
import org.masthead.payments.internal.sandbox.TestSandbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The webhook endpoint's promises, with events posted as the provider would post them: each applied
 * once, never rolled back by an older one, forgeries and replays refused, and a failure mid-way
 * retried safely.
 */
@MastheadTest
class PaymentWebhookTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSandbox sandbox;

    @Autowired
    Ledger ledger;

    @Autowired
    SubscriptionRecords subscriptions;

    @Autowired
    RecordedPaymentEvents events;

    @Autowired
    JdbcClient db;

    @Test
    void aDuplicateEventIsAcknowledgedAndIgnored() {
        String reference = TestContent.unique("dup");
        String payload = SandboxEventJson.chargeSucceeded(
                TestContent.unique("evt"), now(), TestContent.unique("ch"), 1500, "dup@example.com", reference);

        HttpResponse<String> first = sandbox.deliver(port, payload);
        HttpResponse<String> second = sandbox.deliver(port, payload);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"outcome\":\"applied\"");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"outcome\":\"duplicate\"");
        assertThat(entries(reference)).hasSize(1);
        assertThat(events.of(PaymentSucceeded.class, reference)).hasSize(1);
    }

    @Test
    void theSameEventDeliveredManyTimesAtOnceIsAppliedOnce() throws Exception {
        String reference = TestContent.unique("race");
        String payload = SandboxEventJson.chargeSucceeded(
                TestContent.unique("evt"), now(), TestContent.unique("ch"), 1500, "race@example.com", reference);

        List<HttpResponse<String>> responses;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(threads.submit(() -> sandbox.deliver(port, payload)));
            }
            responses = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                responses.add(response.get());
            }
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(responses).filteredOn(r -> r.body().contains("applied")).hasSize(1);
        assertThat(entries(reference)).hasSize(1);
        assertThat(events.of(PaymentSucceeded.class, reference)).hasSize(1);
    }

    @Test
    void anOlderSubscriptionEventArrivingLateDoesNotRollTheSubscriptionBack() {
        String reference = TestContent.unique("order");
        String subscription = TestContent.unique("sbx_sub_order");
        Instant earlier = now().minusSeconds(60);
        Instant later = now();
        String newer = SandboxEventJson.subscriptionUpdated(
                TestContent.unique("evt"),
                later,
                subscription,
                "o@example.com",
                reference,
                "CANCELED",
                later.plus(Duration.ofDays(30)),
                false,
                500);
        String older = SandboxEventJson.subscriptionUpdated(
                TestContent.unique("evt"),
                earlier,
                subscription,
                "o@example.com",
                reference,
                "ACTIVE",
                earlier.plus(Duration.ofDays(30)),
                false,
                500);

        assertThat(sandbox.deliver(port, newer).body()).contains("applied");
        HttpResponse<String> late = sandbox.deliver(port, older);

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("\"outcome\":\"stale\"");
        SubscriptionRecord record = subscriptions.find("sandbox", subscription).orElseThrow();
        assertThat(record.status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(events.of(SubscriptionChanged.class, reference))
                .extracting(SubscriptionChanged::status)
                .containsExactly(SubscriptionStatus.CANCELED);
    }

    @Test
    void aCanceledSubscriptionStaysCanceledWhateverComesAfter() {
        String reference = TestContent.unique("final");
        String subscription = TestContent.unique("sbx_sub_final");
        Instant t = now();
        sandbox.deliver(
                port,
                SandboxEventJson.subscriptionUpdated(
                        TestContent.unique("evt"),
                        t,
                        subscription,
                        "f@example.com",
                        reference,
                        "CANCELED",
                        t,
                        false,
                        500));
        HttpResponse<String> revival = sandbox.deliver(
                port,
                SandboxEventJson.subscriptionUpdated(
                        TestContent.unique("evt"),
                        t.plusSeconds(5),
                        subscription,
                        "f@example.com",
                        reference,
                        "ACTIVE",
                        t.plus(Duration.ofDays(30)),
                        false,
                        500));

        assertThat(revival.body()).contains("stale");
        assertThat(subscriptions.find("sandbox", subscription).orElseThrow().status())
                .isEqualTo(SubscriptionStatus.CANCELED);
    }

    @Test
    void refundsArriveOutOfOrderAndTheLedgerKeepsTheLargestTotal() {
        String reference = TestContent.unique("refund-order");
        String charge = TestContent.unique("sbx_ch_order");
        sandbox.deliver(
                port,
                SandboxEventJson.chargeSucceeded(
                        TestContent.unique("evt"), now(), charge, 2000, "r@example.com", reference));

        sandbox.deliver(port, SandboxEventJson.chargeRefunded(TestContent.unique("evt"), now(), charge, 2000, 1500));
        HttpResponse<String> older = sandbox.deliver(
                port, SandboxEventJson.chargeRefunded(TestContent.unique("evt"), now(), charge, 2000, 500));

        assertThat(older.body()).contains("stale");
        LedgerEntry entry = ledger.charge("sandbox", charge).orElseThrow();
        assertThat(entry.refunded()).isEqualTo(Money.of(1500, "GBP"));
        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.PARTIALLY_REFUNDED);
        assertThat(events.of(ChargeRefunded.class, reference))
                .extracting(ChargeRefunded::totalRefunded)
                .containsExactly(Money.of(1500, "GBP"));
    }

    @Test
    void aForgedSignatureIsRefusedWith400AndChangesNothing() {
        String reference = TestContent.unique("forged");
        String eventId = TestContent.unique("evt");
        String payload = SandboxEventJson.chargeSucceeded(
                eventId, now(), TestContent.unique("ch"), 1500, "f@example.com", reference);

        HttpResponse<String> wrongSecret = sandbox.post(
                port,
                "sandbox",
                payload,
                "Masthead-Signature",
                TestSandbox.signature(payload, "not-the-secret", Instant.now()));
        String signedOriginal = TestSandbox.signature(payload, sandbox.secret(), Instant.now());
        HttpResponse<String> tampered =
                sandbox.post(port, "sandbox", payload.replace("1500", "1"), "Masthead-Signature", signedOriginal);
        HttpResponse<String> unsigned = sandbox.post(port, "sandbox", payload, null, null);

        for (HttpResponse<String> response : List.of(wrongSecret, tampered, unsigned)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":400").doesNotContain("Exception");
        }
        assertThat(entries(reference)).isEmpty();
        assertThat(eventRecorded(eventId)).isFalse();
    }

    @Test
    void aReplayedEventWithAStaleTimestampIsRefusedWith400() {
        String reference = TestContent.unique("replay");
        String eventId = TestContent.unique("evt");
        String payload = SandboxEventJson.chargeSucceeded(
                eventId, now(), TestContent.unique("ch"), 1500, "r@example.com", reference);
        String sixMinutesOld =
                TestSandbox.signature(payload, sandbox.secret(), Instant.now().minus(Duration.ofMinutes(6)));

        HttpResponse<String> response = sandbox.post(port, "sandbox", payload, "Masthead-Signature", sixMinutesOld);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("too old");
        assertThat(entries(reference)).isEmpty();
        assertThat(eventRecorded(eventId)).isFalse();
    }

    @Test
    void aSignedEventWithANegativeAmountIsRefusedWith400AndChangesNothing() {
        String reference = TestContent.unique("negative");
        String eventId = TestContent.unique("evt");
        String payload = SandboxEventJson.chargeSucceeded(
                eventId, now(), TestContent.unique("ch"), -1500, "n@example.com", reference);

        HttpResponse<String> response = sandbox.deliver(port, payload);

        assertRefusedInWords(response, "amount");
        assertThat(entries(reference)).isEmpty();
        assertThat(eventRecorded(eventId)).isFalse();
    }

    @Test
    void aSignedEventWithAnAmountNoPaymentCouldBeIsRefusedWith400AndChangesNothing() {
        String reference = TestContent.unique("huge");
        String eventId = TestContent.unique("evt");
        String payload = SandboxEventJson.chargeSucceeded(
                eventId, now(), TestContent.unique("ch"), 1_000_000_000_000_000_000L, "h@example.com", reference);

        HttpResponse<String> response = sandbox.deliver(port, payload);

        assertRefusedInWords(response, "amount");
        assertThat(entries(reference)).isEmpty();
        assertThat(eventRecorded(eventId)).isFalse();
    }

    @Test
    void aSignedEventWithAnUnknownKindIsRefusedInWordsNotJavaNames() {
        String reference = TestContent.unique("kind");
        String eventId = TestContent.unique("evt");
        String payload = SandboxEventJson.chargeSucceeded(
                        eventId, now(), TestContent.unique("ch"), 1500, "k@example.com", reference)
                .replace("\"kind\":\"ONE_OFF\"", "\"kind\":\"X\"");

        HttpResponse<String> response = sandbox.deliver(port, payload);

        assertRefusedInWords(response, "kind");
        assertThat(response.body()).contains("ONE_OFF, FIRST, RENEWAL").doesNotContain("enum");
        assertThat(entries(reference)).isEmpty();
        assertThat(eventRecorded(eventId)).isFalse();
    }

    @Test
    void aSignedSubscriptionEventWithAnUnknownStatusIsRefusedInWords() {
        String reference = TestContent.unique("status");
        String eventId = TestContent.unique("evt");
        String subscription = TestContent.unique("sbx_sub_status");
        String payload = SandboxEventJson.subscriptionUpdated(
                eventId, now(), subscription, "s@example.com", reference, "PAUSED", now(), false, 500);

        HttpResponse<String> response = sandbox.deliver(port, payload);

        assertRefusedInWords(response, "status");
        assertThat(subscriptions.find("sandbox", subscription)).isEmpty();
        assertThat(eventRecorded(eventId)).isFalse();
    }

    @Test
    void aRefundOfMoreThanTheChargeIsRefusedWith400AndChangesNothing() {
        String reference = TestContent.unique("overrefund");
        String charge = TestContent.unique("sbx_ch_over");
        sandbox.deliver(
                port,
                SandboxEventJson.chargeSucceeded(
                        TestContent.unique("evt"), now(), charge, 2000, "o@example.com", reference));
        String eventId = TestContent.unique("evt");

        HttpResponse<String> response =
                sandbox.deliver(port, SandboxEventJson.chargeRefunded(eventId, now(), charge, 2000, 2500));

        assertRefusedInWords(response, "more than the charge");
        assertThat(ledger.charge("sandbox", charge).orElseThrow().refunded()).isEqualTo(Money.of(0, "GBP"));
        assertThat(events.of(ChargeRefunded.class, reference)).isEmpty();
        assertThat(eventRecorded(eventId)).isFalse();
    }

    @Test
    void anEventTheEndpointRefusesIsNotDeliveredAgain() {
        String eventId = TestContent.unique("evt");
        String payload = SandboxEventJson.chargeSucceeded(
                eventId, now(), TestContent.unique("ch"), -1, "q@example.com", TestContent.unique("queued"));
        db.sql(
                        """
                        INSERT INTO sandbox_event (id, type, payload, created_at)
                        VALUES (:id, 'charge.succeeded', :payload, now())""")
                .param("id", eventId)
                .param("payload", payload)
                .update();

        sandbox.deliverDue();

        Map<String, Object> queued = db.sql("SELECT attempts, failed_at, last_error FROM sandbox_event WHERE id = :id")
                .param("id", eventId)
                .query()
                .singleRow();
        assertThat(queued.get("attempts")).as("deliveries attempted").isEqualTo(1);
        assertThat(queued.get("failed_at")).as("given up").isNotNull();
        assertThat((String) queued.get("last_error")).startsWith("HTTP 400");
    }

    /** A 400 problem whose detail says what is wrong in words, never in Java's. */
    private static void assertRefusedInWords(HttpResponse<String> response, String saying) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body())
                .contains(saying)
                .doesNotContain("Exception")
                .doesNotContain("org.masthead")
                .doesNotContain("java.");
    }

    @Test
    void eventsForAProviderThatIsNotConfiguredAreNotFound() {
        String payload = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}";

        HttpResponse<String> response = sandbox.post(port, "stripe", payload, "Stripe-Signature", "t=1,v1=00");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void aFailureMidProcessingKeepsNothingAndTheRetryAppliesTheEventOnce() {
        String reference = TestContent.unique("crash");
        String eventId = TestContent.unique("evt");
        String payload = SandboxEventJson.chargeSucceeded(
                eventId, now(), TestContent.unique("ch"), 1500, "c@example.com", reference);
        // The ledger write fails for this reference, as if the node died after recording the event id.
        db.sql(
                        """
                        CREATE FUNCTION fail_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'simulated crash'; END $$""")
                .update();
        db.sql("CREATE TRIGGER fail_for_test BEFORE INSERT ON payment_ledger FOR EACH ROW WHEN (NEW.reference = '"
                        + reference + "') EXECUTE FUNCTION fail_for_test()")
                .update();
        HttpResponse<String> failed;
        try {
            failed = sandbox.deliver(port, payload);
        } finally {
            db.sql("DROP TRIGGER fail_for_test ON payment_ledger").update();
            db.sql("DROP FUNCTION fail_for_test()").update();
        }

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(eventRecorded(eventId)).isFalse();
        assertThat(entries(reference)).isEmpty();

        HttpResponse<String> retried = sandbox.deliver(port, payload);
        HttpResponse<String> again = sandbox.deliver(port, payload);

        assertThat(retried.body()).contains("applied");
        assertThat(again.body()).contains("duplicate");
        assertThat(entries(reference)).hasSize(1);
        assertThat(events.of(PaymentSucceeded.class, reference)).hasSize(1);
    }

    private List<LedgerEntry> entries(String reference) {
        return ledger.search(new Ledger.Search(null, reference, null, null), null, 10);
    }

    private boolean eventRecorded(String eventId) {
        return db.sql("SELECT count(*) FROM payment_webhook_event WHERE event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
