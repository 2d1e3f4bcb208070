package org.masthead.discussion.internal;

import java.util.Map;

/** What a reader wrote or chose cannot be taken as it is: each field with what is wrong with it. */
public class CommentRejectedException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public CommentRejectedException(String field, String message) {
        super(message);
        this.fieldErrors = Map.of(field, message);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
