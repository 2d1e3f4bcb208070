/**
 * How payments work inside: the {@link org.masthead.payments.internal.PaymentProvider} port, the
 * {@link org.masthead.payments.internal.WebhookProcessor} that applies every provider's events in one
 * place, and the tables it writes (ledger, subscriptions, processed events, audit). The port lives here
 * rather than in the module's API because no other module needs it: they ask
 * {@link org.masthead.payments.Payments} and listen for the module's events. The adapters are in
 * {@code internal.stripe} and {@code internal.sandbox}.
 */
@NullMarked
package org.masthead.payments.internal;

import org.jspecify.annotations.NullMarked;
