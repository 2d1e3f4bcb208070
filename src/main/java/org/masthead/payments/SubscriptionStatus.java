package org.masthead.payments;

/** A subscription's state as the provider reports it. */
public enum SubscriptionStatus {
    /** In a free trial: nothing paid yet. */
    TRIALING,
    /** Paid up for the current period. */
    ACTIVE,
    /** A renewal failed; the provider is retrying within the grace period. */
    PAST_DUE,
    /** Ended, whether asked for or after the grace period ran out. It never comes back. */
    CANCELED
}
