package org.masthead.payments.internal.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Checkout;
import org.masthead.payments.CheckoutStarted;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentRejectedException;
import org.masthead.payments.PaymentsProperties;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.payments.internal.PaymentProvider;
import org.masthead.payments.internal.ProviderEvent;
import org.masthead.payments.internal.WebhookRejectedException;
import tools.jackson.core.JacksonException;

/**
 * The sandbox as a {@link PaymentProvider}: checkouts and the customer portal are pages of this site
 * ({@code /payments/sandbox/…}), and its webhook events come back signed through the same endpoint and
 * processing as Stripe's.
 */
public class SandboxProvider implements PaymentProvider {

    public static final String NAME = "sandbox";

    private final SandboxCheckouts checkouts;
    private final SandboxSubscriptions subscriptions;
    private final SandboxCharges charges;
    private final SandboxPortal portal;
    private final SandboxEvents events;
    private final PaymentsProperties properties;
    private final Clock clock;

    public SandboxProvider(
            SandboxCheckouts checkouts,
            SandboxSubscriptions subscriptions,
            SandboxCharges charges,
            SandboxPortal portal,
            SandboxEvents events,
            PaymentsProperties properties,
            Clock clock) {
        this.checkouts = checkouts;
        this.subscriptions = subscriptions;
        this.charges = charges;
        this.portal = portal;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckoutStarted startCheckout(Checkout checkout) {
        String id = checkouts.open(checkout);
        return new CheckoutStarted(id, URI.create("/payments/sandbox/checkout/" + id));
    }

    @Override
    public URI customerPortal(String customerId, URI returnUrl) {
        return URI.create("/payments/sandbox/portal/" + portal.open(customerId, returnUrl));
    }

    @Override
    public void setCancelAtPeriodEnd(String subscriptionId, boolean cancel) {
        subscriptions.setCancelAtPeriodEnd(subscriptionId, cancel);
    }

    @Override
    public void changePrice(String subscriptionId, Money price, BillingInterval interval) {
        subscriptions.changePrice(subscriptionId, price, interval);
    }

    @Override
    public void refund(String chargeId, Money amount) {
        charges.refund(chargeId, amount);
    }

    @Override
    public String signatureHeader() {
        return SandboxSignature.HEADER;
    }

    @Override
    public ProviderEvent verify(String payload, @Nullable String signature) {
        SandboxSignature.verify(payload, signature, events.secret(), clock.instant(), properties.webhookTolerance());
        SandboxWire.Event event;
        try {
            event = events.read(payload);
        } catch (JacksonException e) {
            throw new WebhookRejectedException("The event cannot be read.");
        }
        try {
            return new ProviderEvent(NAME, event.id(), event.type(), instant(event.created()), fact(event));
        } catch (WebhookRejectedException e) {
            throw e;
        } catch (PaymentRejectedException e) {
            // A currency the site does not take: the message says which, in words.
            throw new WebhookRejectedException(e.getMessage());
        } catch (RuntimeException e) {
            // A field missing where the sandbox always writes one; its Java details help nobody.
            throw new WebhookRejectedException("The event is incomplete.");
        }
    }

    private static ProviderEvent.@Nullable Fact fact(SandboxWire.Event event) {
        return switch (event.type()) {
            case "charge.succeeded" -> {
                SandboxWire.Charge c = charge(event);
                yield new ProviderEvent.ChargeSucceeded(
                        c.id(),
                        Money.of(c.amount(), c.currency()),
                        known(PaymentKind.class, c.kind(), "The charge's kind"),
                        c.customer(),
                        c.subscription(),
                        instant(c.periodEnd()),
                        c.reference(),
                        c.accountId(),
                        c.email());
            }
            case "charge.failed" -> {
                SandboxWire.Charge c = charge(event);
                yield new ProviderEvent.ChargeFailed(
                        c.id(),
                        Money.of(c.amount(), c.currency()),
                        c.failureReason(),
                        c.renewal(),
                        instant(c.nextRetry()),
                        c.customer(),
                        c.subscription(),
                        c.reference(),
                        c.accountId(),
                        c.email());
            }
            case "charge.refunded" -> {
                SandboxWire.Charge c = charge(event);
                yield new ProviderEvent.ChargeRefunded(c.id(), Money.of(c.amountRefunded(), c.currency()));
            }
            case "subscription.updated" -> {
                SandboxWire.Subscription s = event.subscription();
                if (s == null) {
                    throw new WebhookRejectedException("The event has no subscription.");
                }
                yield new ProviderEvent.SubscriptionUpdated(
                        s.id(),
                        s.customer(),
                        known(SubscriptionStatus.class, s.status(), "The subscription's status"),
                        instant(s.currentPeriodEnd()),
                        s.cancelAtPeriodEnd(),
                        Money.of(s.amount(), s.currency()),
                        known(BillingInterval.class, s.interval(), "The subscription's billing interval"),
                        s.reference(),
                        s.accountId(),
                        s.email());
            }
            default -> null;
        };
    }

    private static SandboxWire.Charge charge(SandboxWire.Event event) {
        if (event.charge() == null) {
            throw new WebhookRejectedException("The event has no charge.");
        }
        return event.charge();
    }

    /** The constant of {@code type} named {@code name}, refusing any other name without naming Java types. */
    private static <E extends Enum<E>> @Nullable E known(Class<E> type, @Nullable String name, String what) {
        if (name == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new WebhookRejectedException(what + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                + ".");
    }

    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new WebhookRejectedException(
                    "Times must be written as ISO 8601 instants, such as 2026-01-31T12:00:00Z.");
        }
    }
}
