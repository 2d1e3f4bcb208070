package org.masthead.payments.internal.sandbox;

/** No sandbox checkout that can be paid has this id: unknown, tampered with, already paid or expired. */
public class CheckoutNotFoundException extends RuntimeException {

    public CheckoutNotFoundException() {
        super("There is no open checkout with this id.");
    }
}
