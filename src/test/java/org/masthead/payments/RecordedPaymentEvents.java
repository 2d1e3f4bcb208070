package org.masthead.payments;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every event the payments module has published and committed, as a listening module would see them.
 * Tests find theirs by reference, since every test shares the application.
 */
@Component
public class RecordedPaymentEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(PaymentSucceeded event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(PaymentFailed event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(SubscriptionChanged event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(ChargeRefunded event) {
        events.add(event);
    }

    /** The events of this type about this reference, in the order they were published. */
    public <T> List<T> of(Class<T> type, String reference) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(event -> reference.equals(referenceOf(event)))
                .toList();
    }

    private static String referenceOf(Object event) {
        return switch (event) {
            case PaymentSucceeded e -> e.reference();
            case PaymentFailed e -> e.reference();
            case SubscriptionChanged e -> e.reference();
            case ChargeRefunded e -> e.reference();
            default -> "";
        };
    }
}
