package org.masthead.discussion.internal;

/** The reader may not do this: it is someone else's comment, their own, or their address is unconfirmed. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
