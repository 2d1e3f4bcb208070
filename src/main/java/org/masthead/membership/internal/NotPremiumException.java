package org.masthead.membership.internal;

/** Only Premium members may do this, such as saving an article to a reading list. */
public class NotPremiumException extends RuntimeException {

    public NotPremiumException() {
        super("Subscribe to Premium to bookmark articles in your reading list.");
    }
}
