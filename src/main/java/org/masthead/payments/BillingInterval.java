package org.masthead.payments;

/** How often a subscription is charged. */
public enum BillingInterval {
    MONTH,
    YEAR
}
