package org.masthead.accounts.internal;

import java.util.Map;

/** A change to an account that cannot go ahead, with a message for each form field at fault. */
public class AccountChangeRejectedException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public AccountChangeRejectedException(Map<String, String> fieldErrors) {
        super("Account change rejected: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
