package org.masthead.membership.internal;

/** A membership request that cannot be done as asked; the message says why, fit to show the reader. */
public class MembershipRejectedException extends RuntimeException {

    public MembershipRejectedException(String message) {
        super(message);
    }
}
