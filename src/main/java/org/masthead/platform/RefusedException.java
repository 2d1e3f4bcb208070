package org.masthead.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request refused for a reason the client can act on; nothing was changed by it. Modules throw one
 * of the subclasses and the one platform advice answers it: RFC 9457 problem details for API clients,
 * the error page for people.
 */
public abstract sealed class RefusedException extends RuntimeException
        permits NotFoundException,
                NotAllowedException,
                ConflictException,
                RejectedException,
                TooManyRequestsException,
                BusyException,
                NotAuthenticatedException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final @Nullable Duration retryAfter;

    RefusedException(HttpStatus status, String title, String detail, @Nullable Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    /** Adds a member to the problem details, such as a link to what would let the request through. */
    public RefusedException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** What the client can act on; never internals. */
    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** How long to wait before trying again, sent as {@code Retry-After}; null when it need not wait. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
