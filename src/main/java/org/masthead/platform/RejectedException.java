package org.masthead.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * What was sent cannot be taken as it is: 400, with a message per field (the problem's {@code errors}
 * member) that a form can show beside each field.
 */
public final class RejectedException extends RefusedException {

    private final Map<String, String> fieldErrors;

    public RejectedException(String title, String detail) {
        this(title, detail, Map.of());
    }

    public RejectedException(String title, String field, String message) {
        this(title, message, Map.of(field, message));
    }

    public RejectedException(String title, String detail, Map<String, String> fieldErrors) {
        super(HttpStatus.BAD_REQUEST, title, detail, null);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
