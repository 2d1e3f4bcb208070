package org.masthead.membership.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;

/** How often a contribution is given. */
public enum Frequency {
    ONE_OFF("one-off", "once", null),
    MONTH("monthly", "a month", BillingInterval.MONTH),
    YEAR("annual", "a year", BillingInterval.YEAR);

    private final String label;
    private final String per;
    private final @Nullable BillingInterval interval;

    Frequency(String label, String per, @Nullable BillingInterval interval) {
        this.label = label;
        this.per = per;
        this.interval = interval;
    }

    /** As in "a monthly contribution". */
    public String label() {
        return label;
    }

    /** As in "£10.00 a month". */
    public String per() {
        return per;
    }

    /** The billing interval of a recurring contribution; empty for a one-off one. */
    public Optional<BillingInterval> interval() {
        return Optional.ofNullable(interval);
    }

    public boolean recurring() {
        return interval != null;
    }
}
