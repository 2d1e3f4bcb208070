package org.masthead.payments;

/**
 * A payment request that cannot be made as asked: an amount outside the limits, a currency the site
 * does not take, a refund larger than what is left of the charge, an unknown charge or subscription.
 * The message says what is wrong in words fit to show an admin or a reader.
 */
public class PaymentRejectedException extends RuntimeException {

    public PaymentRejectedException(String message) {
        super(message);
    }
}
