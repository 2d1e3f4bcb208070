package org.masthead.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadModuleTest;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.internal.ProviderEvent;
import org.masthead.payments.internal.ProviderEvent.ChargeSucceeded;
import org.masthead.payments.internal.WebhookProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/** What the payments module tells other modules, and when: the module's executable example. */
@MastheadModuleTest
class PaymentsScenarioTest {

    @Autowired
    WebhookProcessor processor;

    @Test
    void aProvidersWordThatAChargeSucceededBecomesOnePaymentSucceeded(Scenario scenario) {
        String reference = TestContent.unique("gift");
        ProviderEvent event = new ProviderEvent(
                "sandbox",
                TestContent.unique("evt"),
                "charge.succeeded",
                Instant.now(),
                new ChargeSucceeded(
                        TestContent.unique("ch"),
                        Money.of(1500, "GBP"),
                        PaymentKind.ONE_OFF,
                        TestContent.unique("cus"),
                        null,
                        null,
                        reference,
                        null,
                        "giver@example.com"));

        scenario.stimulate(() -> processor.process(event))
                .andWaitForEventOfType(PaymentSucceeded.class)
                .matchingMappedValue(PaymentSucceeded::reference, reference)
                .toArriveAndVerify(paid -> {
                    assertThat(paid.amount()).isEqualTo(Money.of(1500, "GBP"));
                    assertThat(paid.kind()).isEqualTo(PaymentKind.ONE_OFF);
                    assertThat(paid.email()).isEqualTo("giver@example.com");
                    assertThat(processor.process(event))
                            .as("the same event again is recognised, and announces nothing more")
                            .isEqualTo(WebhookProcessor.Outcome.DUPLICATE);
                });
    }
}
