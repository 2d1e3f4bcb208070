package org.masthead.accounts.internal;

import java.util.Map;

/** A profile change that cannot be saved, with a message for each form field at fault. */
public class ProfileRejectedException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public ProfileRejectedException(Map<String, String> fieldErrors) {
        super("Profile change rejected: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
