package org.masthead.accounts.internal;

/** An uploaded picture we will not use, with the reason in words for the reader. */
public class ImageRejectedException extends RuntimeException {

    public ImageRejectedException(String message) {
        super(message);
    }
}
