package org.masthead.payments;

import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payments are taken.
 *
 * @param limits the smallest and largest amount one payment may be, per currency code, in minor
 *     units; currencies not named get {@link Limit#DEFAULT} (1.00 to 1,000.00)
 * @param webhookTolerance how old a webhook's signed timestamp may be before the event is refused as
 *     a replay
 * @param stripe the Stripe account; used when its secret key and webhook secret are both set, and refused
 *     at start when only one of them is
 * @param sandbox the built-in sandbox provider, used when Stripe is not configured
 */
@ConfigurationProperties("masthead.payments")
public record PaymentsProperties(
        @Nullable Map<String, Limit> limits,
        @DefaultValue("5m") Duration webhookTolerance,
        @DefaultValue Stripe stripe,
        @DefaultValue Sandbox sandbox) {

    public PaymentsProperties {
        Map<String, Limit> byCode = new HashMap<>();
        if (limits != null) {
            limits.forEach((code, limit) -> byCode.put(Money.currency(code).getCurrencyCode(), limit));
        }
        limits = Map.copyOf(byCode);
        if (!webhookTolerance.isPositive()) {
            throw new IllegalArgumentException("masthead.payments.webhook-tolerance must be positive");
        }
    }

    /** The limits for payments in this currency. */
    public Limit limit(Currency currency) {
        Map<String, Limit> configured = limits == null ? Map.of() : limits;
        return configured.getOrDefault(currency.getCurrencyCode(), Limit.DEFAULT);
    }

    /** Whether Stripe is configured: both its secret key and its webhook signing secret are set. */
    public boolean usesStripe() {
        return !stripe.secretKey().isBlank() && !stripe.webhookSecret().isBlank();
    }

    /**
     * @param min the smallest payment, in minor units, at least 1
     * @param max the largest payment, in minor units
     */
    public record Limit(long min, long max) {

        public static final Limit DEFAULT = new Limit(100, 100_000);

        public Limit {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("A payment limit needs 1 <= min <= max, not " + min + ".." + max);
            }
        }
    }

    /**
     * @param secretKey the API secret key ({@code sk_live_…} or {@code sk_test_…})
     * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_…})
     * @param apiBase where Stripe's API is; tests point it at a local stub
     */
    public record Stripe(
            @DefaultValue("") String secretKey,
            @DefaultValue("") String webhookSecret,
            @DefaultValue("https://api.stripe.com") String apiBase) {

        /**
         * One secret without the other is a deployment going live with a typo: starting would leave the
         * public sandbox checkout, where the test card pays for Premium, on a live site.
         */
        public Stripe {
            if (secretKey.isBlank() != webhookSecret.isBlank()) {
                throw new IllegalArgumentException(
                        secretKey.isBlank()
                                ? "masthead.payments.stripe.secret-key (STRIPE_SECRET_KEY) is not set but"
                                        + " masthead.payments.stripe.webhook-secret is: set both to take payments through"
                                        + " Stripe, or neither for the sandbox"
                                : "masthead.payments.stripe.webhook-secret (STRIPE_WEBHOOK_SECRET) is not set but"
                                        + " masthead.payments.stripe.secret-key is: set both to take payments through"
                                        + " Stripe, or neither for the sandbox");
            }
        }
    }

    /**
     * @param monthLength how long a sandbox "month" lasts: a billing period of a monthly subscription
     *     (a year is twelve of them; a trial day is a thirtieth). Shorten it to see renewals happen.
     * @param renewalAttempts how many times a renewal is tried before the subscription is canceled;
     *     retries come every tenth of a month (three days at the default), so these make the grace period
     * @param renewalPollInterval how often each node looks for sandbox subscriptions due to renew
     * @param deliveryPollInterval how often each node looks for sandbox webhook events to deliver, besides
     *     being woken when one is added
     * @param webhookUrl where the sandbox delivers its events; empty means this application's own
     *     endpoint on the port it listens on
     */
    public record Sandbox(
            @DefaultValue("30d") Duration monthLength,
            @DefaultValue("4") int renewalAttempts,
            @DefaultValue("1m") Duration renewalPollInterval,
            @DefaultValue("5s") Duration deliveryPollInterval,
            @DefaultValue("") String webhookUrl) {

        public Sandbox {
            if (!monthLength.isPositive() || renewalAttempts < 1) {
                throw new IllegalArgumentException(
                        "masthead.payments.sandbox.month-length must be positive and " + "renewal-attempts at least 1");
            }
            if (!renewalPollInterval.isPositive() || !deliveryPollInterval.isPositive()) {
                throw new IllegalArgumentException("masthead.payments.sandbox.renewal-poll-interval and"
                        + " .delivery-poll-interval must be positive, not " + renewalPollInterval + " and "
                        + deliveryPollInterval);
            }
        }

        /** How long a sandbox day lasts: a thirtieth of its month. */
        public Duration day() {
            return monthLength.dividedBy(30);
        }
    }
}
