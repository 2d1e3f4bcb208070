package org.masthead.platform;

import org.springframework.http.HttpStatus;

/**
 * A program did not prove who it is, such as a missing or wrong bearer token: 401, with a {@code
 * WWW-Authenticate} challenge naming the scheme it should use.
 */
public final class NotAuthenticatedException extends RefusedException {

    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} value, such as {@code Bearer realm="wires"} */
    public NotAuthenticatedException(String challenge, String detail) {
        super(HttpStatus.UNAUTHORIZED, "Not authenticated", detail, null);
        this.challenge = challenge;
    }

    public String challenge() {
        return challenge;
    }
}
