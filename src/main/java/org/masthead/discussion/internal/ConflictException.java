package org.masthead.discussion.internal;

/**
 * The request does not fit the comment as it now is: already recommended, already reported, deleted,
 * or past the time it could be changed.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
