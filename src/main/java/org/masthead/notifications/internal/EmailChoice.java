package org.masthead.notifications.internal;

/** How a reader wants to hear of replies and mentions by e-mail. */
public enum EmailChoice {
    /** One e-mail for each, as it happens: the default. */
    INSTANT,
    /** One e-mail a day gathering them, if there were any. */
    DIGEST,
    /** None. */
    OFF;

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static EmailChoice ofStored(String stored) {
        return valueOf(stored.toUpperCase(java.util.Locale.ROOT));
    }
}
