package org.masthead.payments;

/** What a successful payment was for. */
public enum PaymentKind {
    /** A single payment, such as a one-off contribution. */
    ONE_OFF,
    /** The first payment of a subscription (after its trial, if it had one). */
    FIRST,
    /** A later payment of a subscription, for a new period. */
    RENEWAL
}
