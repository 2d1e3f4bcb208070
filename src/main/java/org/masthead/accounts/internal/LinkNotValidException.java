package org.masthead.accounts.internal;

/** A link from an e-mail that is unknown, used already, expired, or for an account that is closed. */
public class LinkNotValidException extends RuntimeException {

    public LinkNotValidException() {
        super("The link is not valid");
    }
}
