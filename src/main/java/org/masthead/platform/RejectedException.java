package org.masthead.platform;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

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

    /**
     * The form a handler was given, or this refusal when Spring could not build it at all: a value of the
     * wrong type in a field no page of ours lets anyone type in (a hidden version, a checkbox, a select),
     * so there is no form to show again with the field marked.
     */
    public static <T> T unlessUnreadable(@Nullable T form, BindingResult errors) {
        // A record that could not be built leaves the binding without a target, whatever the handler got.
        if (form != null && errors.getTarget() != null) {
            return form;
        }
        throw unreadable(
                errors.hasFieldErrors() ? errors.getFieldErrors().getFirst().getField() : "form");
    }

    /**
     * What a reader is told of an address whose query holds a value no link of ours makes (such as a
     * number spelled as a word), typed or pasted into the address bar: no form was sent.
     */
    public static final String ADDRESS_UNREADABLE =
            "The address has a value that is not valid here: check the link, or go back and follow it again.";

    /** An address's query parameter holds what no link of ours puts there. */
    public static RejectedException unreadableInAddress(String field) {
        return new RejectedException("Bad request", field, ADDRESS_UNREADABLE);
    }

    /** A form's field sent what no page of ours sends there. */
    public static RejectedException unreadable(String field) {
        return new RejectedException(
                "Bad request",
                field,
                "This form sent a value that cannot be read here; reload the page and try again.");
    }
}
