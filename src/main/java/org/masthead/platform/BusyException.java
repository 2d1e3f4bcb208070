package org.masthead.platform;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** This node cannot take the request now, through no fault of the client's: 503 with {@code Retry-After}. */
public final class BusyException extends RefusedException {

    public BusyException(String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Busy", detail, retryAfter);
    }
}
