package org.masthead.platform;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The client has done this as often as a rate limit allows for now: 429 with {@code Retry-After}. */
public final class TooManyRequestsException extends RefusedException {

    public TooManyRequestsException(String title, String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, title, detail, retryAfter);
    }
}
