package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.StartupSettings.refusal;

import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentsPropertiesTest {

    static final PaymentsProperties.Stripe NO_STRIPE = new PaymentsProperties.Stripe("", "", "https://api.stripe.com");
    static final PaymentsProperties.Sandbox SANDBOX =
            new PaymentsProperties.Sandbox(Duration.ofDays(30), 4, Duration.ofMinutes(1), Duration.ofSeconds(5), "");

    @Test
    void limitsAreConfiguredPerCurrencyAndDefaultOtherwise() {
        PaymentsProperties properties = new PaymentsProperties(
                Map.of("usd", new PaymentsProperties.Limit(50, 500)), Duration.ofMinutes(5), NO_STRIPE, SANDBOX);

        assertThat(properties.limit(Currency.getInstance("USD"))).isEqualTo(new PaymentsProperties.Limit(50, 500));
        assertThat(properties.limit(Currency.getInstance("GBP"))).isEqualTo(PaymentsProperties.Limit.DEFAULT);
    }

    @Test
    void limitsForCurrenciesTheSiteDoesNotTakeOrThatMakeNoSenseStopTheStart() {
        assertThatThrownBy(() -> new PaymentsProperties(
                        Map.of("JPY", new PaymentsProperties.Limit(1, 10)), Duration.ofMinutes(5), NO_STRIPE, SANDBOX))
                .isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> new PaymentsProperties.Limit(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentsProperties.Limit(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stripeIsUsedWithBothItsKeyAndItsWebhookSecretAndTheSandboxWithNeither() {
        assertThat(new PaymentsProperties(null, Duration.ofMinutes(5), NO_STRIPE, SANDBOX).usesStripe())
                .isFalse();
        assertThat(new PaymentsProperties(
                                null,
                                Duration.ofMinutes(5),
                                new PaymentsProperties.Stripe("sk_test_1", "whsec_1", "https://api.stripe.com"),
                                SANDBOX)
                        .usesStripe())
                .isTrue();
    }

    @Test
    void oneStripeSecretWithoutTheOtherStopsTheStartNamingTheMissingOne() {
        assertThatThrownBy(() -> new PaymentsProperties.Stripe("sk_live_onlythis", "", "https://api.stripe.com"))
                .hasMessageContaining("masthead.payments.stripe.webhook-secret (STRIPE_WEBHOOK_SECRET) is not set");
        assertThatThrownBy(() -> new PaymentsProperties.Stripe("sk_live_onlythis", " ", "https://api.stripe.com"))
                .hasMessageContaining("masthead.payments.stripe.webhook-secret (STRIPE_WEBHOOK_SECRET) is not set");
        assertThatThrownBy(() -> new PaymentsProperties.Stripe("", "whsec_onlythis", "https://api.stripe.com"))
                .hasMessageContaining("masthead.payments.stripe.secret-key (STRIPE_SECRET_KEY) is not set");
    }

    @Test
    void aStripeSecretAloneInTheEnvironmentsNamesStopsTheStart() {
        refusal(PaymentsProperties.class, "masthead.payments", "masthead.payments.stripe.secret-key=sk_live_onlythis")
                .hasMessageStartingWith("masthead.payments.stripe.webhook-secret (STRIPE_WEBHOOK_SECRET) is not set but"
                        + " masthead.payments.stripe.secret-key is");
    }

    @Test
    void sandboxPollIntervalsThatAreNotPositiveAreRefusedAtStart() {
        refusal(PaymentsProperties.class, "masthead.payments", "masthead.payments.sandbox.delivery-poll-interval=0s")
                .hasMessageContaining("masthead.payments.sandbox.renewal-poll-interval and .delivery-poll-interval"
                        + " must be positive");
        refusal(PaymentsProperties.class, "masthead.payments", "masthead.payments.sandbox.renewal-poll-interval=-1m")
                .hasMessageContaining("must be positive");
    }
}
