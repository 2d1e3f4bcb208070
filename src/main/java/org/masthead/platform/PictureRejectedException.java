package org.masthead.platform;

/** An uploaded picture we will not use, with the reason in words for whoever sent it. */
public class PictureRejectedException extends RuntimeException {

    public PictureRejectedException(String message) {
        super(message);
    }
}
