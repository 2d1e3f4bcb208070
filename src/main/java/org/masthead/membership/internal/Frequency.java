package org.masthead.membership.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;

/** How often a contribution is given. */
public enum Frequency {
    // The article goes by the sound of the label, not its first letter: "a one-off", "an annual".
    ONE_OFF("one-off", "A", "once", null),
    MONTH("monthly", "A", "a month", BillingInterval.MONTH),
    YEAR("annual", "An", "a year", BillingInterval.YEAR);

    private final String label;
    private final String article;
    private final String per;
    private final @Nullable BillingInterval interval;

    Frequency(String label, String article, String per, @Nullable BillingInterval interval) {
        this.label = label;
        this.article = article;
        this.per = per;
        this.interval = interval;
    }

    /** As in "your monthly contribution". */
    public String label() {
        return label;
    }

    /** What the reader pays for, as a checkout names it: "A monthly contribution", "An annual contribution". */
    public String description() {
        return article + " " + label + " contribution";
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
