package org.masthead.discussion.internal;

/** There is no such article, comment or reader to act on, as far as this reader may see. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
