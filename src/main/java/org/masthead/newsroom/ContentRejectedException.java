package org.masthead.newsroom;

/** A change to content that cannot be made as asked, with a message an editor can act on. */
public class ContentRejectedException extends RuntimeException {

    public ContentRejectedException(String message) {
        super(message);
    }
}
