package org.masthead.membership.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;

/** How often a contribution is given. */
public enum Frequency {
    ONE_OFF("one-off", null),
    MONTH("monthly", BillingInterval.MONTH),
    YEAR("annual", BillingInterval.YEAR);

    private final String label;
    private final @Nullable BillingInterval interval;

    Frequency(String label, @Nullable BillingInterval interval) {
        this.label = label;
        this.interval = interval;
    }

    public String label() {
        return label;
    }

    /** The billing interval of a recurring contribution; empty for a one-off one. */
    public Optional<BillingInterval> interval() {
        return Optional.ofNullable(interval);
    }

    public boolean recurring() {
        return interval != null;
    }
}
