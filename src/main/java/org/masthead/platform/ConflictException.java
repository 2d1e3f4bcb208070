package org.masthead.platform;

import org.springframework.http.HttpStatus;

/** The request does not fit the current state of what it changes (closed, already done, changed meanwhile): 409. */
public final class ConflictException extends RefusedException {

    public ConflictException(String detail) {
        this("Conflict", detail);
    }

    public ConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT, title, detail, null);
    }
}
