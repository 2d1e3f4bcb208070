package org.masthead.payments;

import java.net.URI;

/**
 * A checkout the provider has opened.
 *
 * @param checkoutId the provider's id for it, opaque
 * @param redirectTo where to send the reader's browser to pay: an absolute address at the provider,
 *     or a path on this site for the sandbox
 */
public record CheckoutStarted(String checkoutId, URI redirectTo) {}
