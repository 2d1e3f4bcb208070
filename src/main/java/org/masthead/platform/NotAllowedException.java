package org.masthead.platform;

import org.springframework.http.HttpStatus;

/** The visitor is known but may not do this: 403. */
public final class NotAllowedException extends RefusedException {

    public NotAllowedException(String detail) {
        this("Not allowed", detail);
    }

    public NotAllowedException(String title, String detail) {
        super(HttpStatus.FORBIDDEN, title, detail, null);
    }
}
