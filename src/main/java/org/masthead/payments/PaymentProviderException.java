package org.masthead.payments;

/**
 * The payment provider could not be reached or refused the request for its own reasons. Nothing was
 * charged or changed; the caller may try again later.
 */
public class PaymentProviderException extends RuntimeException {

    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    public PaymentProviderException(String message) {
        super(message);
    }
}
