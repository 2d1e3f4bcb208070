package org.masthead.platform.internal;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * RFC 9457 problem details, as every error is told to a program, by {@link Refusals} and {@link
 * ErrorPages} alike: these members in this order, then those of the refusal itself (such as {@code
 * errors}, a message per field).
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
record Problem(
        String type,
        String title,
        int status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String detail,
        String instance,
        @JsonAnyGetter Map<String, Object> members) {

    static Problem of(int status, String title, @Nullable String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, Map.of());
    }

    Problem with(Map<String, Object> more) {
        return new Problem(type, title, status, detail, instance, more);
    }
}
