package org.masthead.notifications.internal;

/** What became of a notification's e-mail. */
enum MailState {
    /** Not mailed: a kind that never is, or the reader turned notification mail off. */
    NONE,
    /** Mailed at once. */
    SENT,
    /** Waiting for the reader's daily digest. */
    DIGEST,
    /** Waiting for the reader's next batch mail (see {@link MailBatches}). */
    BATCH;

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
