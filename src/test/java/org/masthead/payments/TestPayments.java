package org.masthead.payments;

import java.time.Instant;
import org.masthead.payments.internal.sandbox.SandboxClock;
import org.masthead.payments.internal.sandbox.SandboxRenewals;
import org.springframework.stereotype.Component;

/**
 * The payments module's controls for other modules' tests, so that they need none of its internals:
 * the sandbox's billing clock.
 */
@Component
public class TestPayments {

    private final SandboxClock clock;
    private final SandboxRenewals renewals;

    TestPayments(SandboxClock clock, SandboxRenewals renewals) {
        this.clock = clock;
        this.renewals = renewals;
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
