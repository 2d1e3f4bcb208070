package org.masthead.payments.internal.sandbox;

import java.time.Duration;
import java.time.Instant;
import org.masthead.payments.PaymentsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The sandbox's billing clock: every {@code masthead.payments.sandbox.renewal-poll-interval}, on every
 * node, renews the subscriptions whose period has ended, retries past-due ones and ends those set to
 * cancel. Nodes share the work through row locks (see {@link SandboxBilling#renewNext}).
 */
@Component
public class SandboxRenewals implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SandboxRenewals.class);

    private final SandboxBilling billing;
    private final PaymentsProperties properties;

    SandboxRenewals(SandboxBilling billing, PaymentsProperties properties) {
        this.billing = billing;
        this.properties = properties;
    }

    /**
     * Does everything due by {@code now}; returns how many subscriptions it dealt with. Tests and the
     * demo pass a time in the future to see what the billing clock would do by then.
     */
    public int renewDue(Instant now) {
        int handled = 0;
        while (billing.renewNext(now)) {
            handled++;
        }
        return handled;
    }

    /**
     * Moves the sandbox's billing clock on by {@code by} and does at once whatever falls due by the new
     * time; returns how many subscriptions it dealt with.
     */
    public int advance(Duration by) {
        billing.advanceClock(by);
        return renewDue(billing.billingNow());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                () -> {
                    try {
                        renewDue(billing.billingNow());
                    } catch (RuntimeException e) {
                        log.warn("Could not renew sandbox subscriptions; trying again later", e);
                    }
                },
                properties.sandbox().renewalPollInterval());
    }
}
