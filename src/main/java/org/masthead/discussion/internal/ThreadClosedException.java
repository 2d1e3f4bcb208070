package org.masthead.discussion.internal;

/** The article no longer takes comments, or never did. */
public class ThreadClosedException extends RuntimeException {

    public ThreadClosedException() {
        super("Comments on this article are closed.");
    }
}
