package org.masthead.platform.internal;

import java.io.IOException;

/**
 * A request body that turned out, while it was read, to be larger than we take: answered 413. An
 * {@link IOException}, since it is thrown from the body's stream to whoever reads it.
 */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
