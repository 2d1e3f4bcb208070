package org.masthead.newsroom.internal.wire;

/**
 * A delivery that cannot be taken: not of a known format, malformed, too large, hostile or missing what
 * a story needs. The message says why, in words an editor reads beside the quarantined file.
 */
public class WireRejectedException extends RuntimeException {

    public WireRejectedException(String reason) {
        super(reason);
    }

    public WireRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
