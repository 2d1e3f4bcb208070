package org.masthead.discussion.internal;

import java.time.Duration;

/** The reader has posted as much as the rate limit allows for now. */
public class TooManyCommentsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyCommentsException(Duration retryAfter) {
        super("You are posting faster than we allow. Please wait a little and try again.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
