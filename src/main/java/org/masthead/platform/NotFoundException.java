package org.masthead.platform;

import org.springframework.http.HttpStatus;

/** What the request names does not exist, or not for this visitor: 404. */
public final class NotFoundException extends RefusedException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "Not found", detail, null);
    }
}
