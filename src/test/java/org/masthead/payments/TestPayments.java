package org.masthead.payments;

import java.time.Instant;
import org.masthead.payments.internal.sandbox.SandboxClock;
import org.masthead.payments.internal.sandbox.SandboxRenewals;
import org.masthead.payments.internal.sandbox.TestSandbox;
import org.springframework.stereotype.Component;

/**
 * The payments module's controls for other modules' tests, so that they need none of its internals:
 * the sandbox's billing clock, and holding back its webhooks.
 */
@Component
public class TestPayments {

    private final SandboxClock clock;
    private final SandboxRenewals renewals;
    private final TestSandbox sandbox;

    TestPayments(SandboxClock clock, SandboxRenewals renewals, TestSandbox sandbox) {
        this.clock = clock;
        this.renewals = renewals;
        this.sandbox = sandbox;
    }

    /**
     * Holds back the sandbox's webhook events, as a slow provider would, until {@link #releaseEvents}.
     * Call that in a {@code finally}: the hold is on the shared database.
     */
    public void holdEvents() {
        sandbox.holdEvents();
    }

    /** Ends {@link #holdEvents} and delivers what was held. */
    public void releaseEvents() {
        sandbox.releaseEvents();
    }

    /** Runs the sandbox's billing as if it were {@code at}: renewals, retries and cancellations due by then. */
    public int renewDue(Instant at) {
        return renewals.renewDue(at);
    }

    /** Puts the sandbox's billing clock back to real time, for tests that moved it on. */
    public void resetSandboxClock() {
        clock.advance(clock.offset().negated());
    }
}
