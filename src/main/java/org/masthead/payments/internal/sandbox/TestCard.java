package org.masthead.payments.internal.sandbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sandbox's card numbers, which behave as Stripe's test cards of the same numbers do. Any expiry
 * date in the future and any three digits for the security code go with them.
 */
public enum TestCard {
    /** Always pays. */
    SUCCEEDS("4242424242424242"),
    /** Declined at checkout: nothing is charged, and the reader is told so. */
    DECLINED("4000000000000002"),
    /** Pays at checkout (and at the end of a trial), then fails every renewal. */
    FAILS_ON_RENEWAL("4000000000000341");

    private final String number;

    TestCard(String number) {
        this.number = number;
    }

    public String number() {
        return number;
    }

    /** Groups of four, as printed on a card: {@code 4242 4242 4242 4242}. */
    public String printed() {
        return String.join(
                " ", number.substring(0, 4), number.substring(4, 8), number.substring(8, 12), number.substring(12));
    }

    /** The test card with this number, written with or without spaces or dashes. */
    public static Optional<TestCard> of(String written) {
        String digits = written == null ? "" : written.replaceAll("[\\s-]", "");
        return Arrays.stream(values())
                .filter(card -> card.number.equals(digits))
                .findFirst();
    }
}
