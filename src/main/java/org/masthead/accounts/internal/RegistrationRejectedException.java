package org.masthead.accounts.internal;

import java.util.Map;

/** A registration that cannot go ahead, with a message for each form field at fault. */
public class RegistrationRejectedException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public RegistrationRejectedException(Map<String, String> fieldErrors) {
        super("Registration rejected: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
