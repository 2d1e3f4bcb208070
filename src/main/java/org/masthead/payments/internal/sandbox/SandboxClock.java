package org.masthead.payments.internal.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.PaymentsProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox's two times. The billing clock is real time plus however far admins have moved it on
 * (kept in the database, so every node agrees); periods, trials and retries run on it, at {@code
 * masthead.payments.sandbox.month-length} per month, so renewals can be seen in minutes. Events and
 * charges carry real time, which is what orders them at the receiving end.
 */
@Component
public class SandboxClock {

    private final SandboxStore store;
    private final PaymentsProperties.Sandbox settings;
    private final Clock clock;

    SandboxClock(SandboxStore store, PaymentsProperties properties, Clock clock) {
        this.store = store;
        this.settings = properties.sandbox();
        this.clock = clock;
    }

    /** The time on the billing clock. */
    public Instant billingNow() {
        return now().plus(store.clockOffset());
    }

    /** How far the billing clock runs ahead of real time. */
    public Duration offset() {
        return store.clockOffset();
    }

    /** Moves the billing clock on; what falls due happens when renewals next run. */
    @Transactional
    public void advance(Duration by) {
        store.advanceClock(by);
    }

    /** Real time, cut to the microseconds PostgreSQL keeps, so that events' times read back as written. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** How long one billing period lasts on the billing clock. */
    Duration period(BillingInterval interval) {
        return interval == BillingInterval.YEAR ? settings.monthLength().multipliedBy(12) : settings.monthLength();
    }

    /** How long a trial of this many days lasts on the billing clock. */
    Duration trial(int days) {
        return settings.day().multipliedBy(days);
    }

    /** The wait on the billing clock before a failed renewal is tried again: a tenth of a month. */
    Duration retryWait() {
        return settings.monthLength().dividedBy(10);
    }
}
