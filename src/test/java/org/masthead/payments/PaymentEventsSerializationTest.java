package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * The module's events survive the event publication registry: what a listening module is owed is
 * stored as JSON until it has handled it, and must read back exactly.
 */
@MastheadTest
class PaymentEventsSerializationTest {

    @Autowired
    EventSerializer serializer;

    @Test
    void everyEventReadsBackFromTheRegistryAsItWasPublished() {
        Instant at = Instant.parse("2026-11-25T10:15:30.123456Z");
        Money fiver = Money.of(500, "GBP");
        List<Object> published = List.of(
                new PaymentSucceeded(
                        "ref-1", PaymentKind.RENEWAL, fiver, "ch_1", "cus_1", "sub_1", at, 42L, "a@example.com", at),
                new PaymentSucceeded(
                        "ref-2",
                        PaymentKind.ONE_OFF,
                        Money.of(1, "EUR"),
                        "ch_2",
                        "cus_2",
                        null,
                        null,
                        null,
                        "b@example.com",
                        at),
                new PaymentFailed("ref-3", "Declined", true, at, fiver, "sub_1", 42L, "a@example.com", at),
                new SubscriptionChanged(
                        "ref-4",
                        "sub_1",
                        "cus_1",
                        SubscriptionStatus.PAST_DUE,
                        at,
                        true,
                        Money.of(4999, "USD"),
                        BillingInterval.YEAR,
                        null,
                        "a@example.com",
                        at),
                new ChargeRefunded("ref-5", "ch_1", Money.of(200, "GBP"), fiver, false, 42L, at));

        for (Object event : published) {
            Object stored = serializer.serialize(event);
            assertThat(serializer.deserialize(stored, event.getClass()))
                    .as(stored.toString())
                    .isEqualTo(event);
        }
    }
}
