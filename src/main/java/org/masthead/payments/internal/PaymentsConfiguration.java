package org.masthead.payments.internal;

import java.time.Clock;
import org.masthead.payments.PaymentsProperties;
import org.masthead.payments.internal.sandbox.SandboxCharges;
import org.masthead.payments.internal.sandbox.SandboxCheckouts;
import org.masthead.payments.internal.sandbox.SandboxEvents;
import org.masthead.payments.internal.sandbox.SandboxPortal;
import org.masthead.payments.internal.sandbox.SandboxProvider;
import org.masthead.payments.internal.sandbox.SandboxSubscriptions;
import org.masthead.payments.internal.stripe.StripeProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the payment provider: Stripe when both its secret key and its webhook secret are configured,
 * else the sandbox. Only the chosen one's webhook endpoint accepts events.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentsConfiguration.class);

    @Bean
    PaymentProvider paymentProvider(
            PaymentsProperties properties,
            Clock clock,
            SandboxCheckouts checkouts,
            SandboxSubscriptions subscriptions,
            SandboxCharges charges,
            SandboxPortal portal,
            SandboxEvents events) {
        if (properties.usesStripe()) {
            log.info("Payments go through Stripe at {}", properties.stripe().apiBase());
            return new StripeProvider(properties, clock);
        }
        log.info("Payments go through the sandbox: no money moves; pay with the test card 4242 4242 4242 4242");
        return new SandboxProvider(checkouts, subscriptions, charges, portal, events, properties, clock);
    }
}
