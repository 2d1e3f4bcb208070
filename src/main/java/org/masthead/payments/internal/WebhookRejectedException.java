package org.masthead.payments.internal;

/**
 * A webhook request that is not a genuine, fresh event from the provider: no signature, a wrong one,
 * a timestamp too old (a replay), or a body that cannot be read. Answered with 400; nothing changes.
 */
public class WebhookRejectedException extends RuntimeException {

    public WebhookRejectedException(String message) {
        super(message);
    }
}
