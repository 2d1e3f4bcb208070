package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the facade refuses before anything reaches a provider: amounts that are not positive or lie
 * outside the limits, currencies the site does not take, and malformed checkout details.
 */
@MastheadTest
class PaymentValidationTest {

    @Autowired
    Payments payments;

    @Test
    void amountsOutsideTheLimitsAreRefused() {
        for (long pence : new long[] {-500, 0, 1, 99, 100_001, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> payments.startCheckout(oneOff(Money.of(pence, "GBP"))))
                    .as("%d pence", pence)
                    .isInstanceOf(PaymentRejectedException.class)
                    .hasMessage("A payment must be from £1.00 to £1,000.00.");
        }
    }

    @Test
    void amountsAtTheLimitsAreTaken() {
        assertThat(payments.startCheckout(oneOff(Money.of(100, "GBP"))).checkoutId())
                .startsWith("sbx_cs_");
        assertThat(payments.startCheckout(oneOff(Money.of(100_000, "EUR"))).checkoutId())
                .startsWith("sbx_cs_");
    }

    @Test
    void aCurrencyTheSiteDoesNotTakeIsRefused() {
        assertThatThrownBy(() -> Money.of(500, "JPY")).isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> Money.of(500, "ZZZ")).isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> Money.parse("5.00", "gbpx")).isInstanceOf(PaymentRejectedException.class);
    }

    @Test
    void aSubscriptionsPriceAndTrialAreCheckedLikeAnyAmount() {
        assertThatThrownBy(() -> payments.startCheckout(subscription(Money.of(50, "USD"), 0)))
                .isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> payments.startCheckout(subscription(Money.of(500, "USD"), -1)))
                .isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> payments.startCheckout(subscription(Money.of(500, "USD"), 10_000)))
                .isInstanceOf(PaymentRejectedException.class);
    }

    @Test
    void malformedCheckoutDetailsAreRefused() {
        Money fiver = Money.of(500, "GBP");
        URI ok = URI.create("https://example.com/ok");
        assertThatThrownBy(() -> payments.startCheckout(
                        new Checkout.OneOff(fiver, "Gift", "not-an-address", null, "ref", ok, ok)))
                .isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() ->
                        payments.startCheckout(new Checkout.OneOff(fiver, " ", "a@example.com", null, "ref", ok, ok)))
                .isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() ->
                        payments.startCheckout(new Checkout.OneOff(fiver, "Gift", "a@example.com", null, "", ok, ok)))
                .isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> payments.startCheckout(new Checkout.OneOff(
                        fiver, "Gift", "a@example.com", null, "ref", URI.create("javascript:alert(1)"), ok)))
                .isInstanceOf(PaymentRejectedException.class);
    }

    @Test
    void subscriptionsAndChargesThatDoNotExistCannotBeChanged() {
        assertThatThrownBy(() -> payments.cancelAtPeriodEnd("sbx_sub_nothing"))
                .isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> payments.changePrice("sbx_sub_nothing", Money.of(500, "GBP"), BillingInterval.MONTH))
                .isInstanceOf(PaymentRejectedException.class);
        assertThatThrownBy(() -> payments.refund("sbx_ch_nothing", null, 1, "test"))
                .isInstanceOf(PaymentRejectedException.class);
    }

    private static Checkout.OneOff oneOff(Money amount) {
        String reference = TestContent.unique("valid");
        URI back = URI.create("http://localhost:8080/back");
        return new Checkout.OneOff(amount, "A contribution", reference + "@example.com", null, reference, back, back);
    }

    private static Checkout.Subscription subscription(Money price, int trialDays) {
        String reference = TestContent.unique("valid-sub");
        URI back = URI.create("http://localhost:8080/back");
        return new Checkout.Subscription(
                price,
                BillingInterval.MONTH,
                trialDays,
                "Premium",
                reference + "@example.com",
                null,
                reference,
                back,
                back);
    }
}
