/**
 * Payments: taking readers' money through a payment provider, and recording what the provider says
 * happened. Other modules (membership) call {@link org.masthead.payments.Payments} to start a checkout,
 * open the customer portal, change or cancel a subscription and refund a charge, and listen for the
 * events it publishes when the provider reports a fact: {@link org.masthead.payments.PaymentSucceeded},
 * {@link org.masthead.payments.PaymentFailed}, {@link org.masthead.payments.SubscriptionChanged} and
 * {@link org.masthead.payments.ChargeRefunded}.
 *
 * <p>Money is {@link org.masthead.payments.Money}: integer minor units and a currency. Prices always
 * come from the server side of a caller; nothing in this module accepts an amount from a reader's
 * browser.
 *
 * <p>The provider is Stripe when {@code masthead.payments.stripe.secret-key} and
 * {@code masthead.payments.stripe.webhook-secret} are set, and otherwise the built-in sandbox, which
 * runs offline with its own checkout page and test cards. Both report through the same signed webhook
 * endpoint and the same processing (see {@code internal.WebhookProcessor}).
 */
@NullMarked
package org.masthead.payments;

import org.jspecify.annotations.NullMarked;
