package org.masthead.moderation;

import java.time.Instant;

/**
 * A moderator withdrew a sanction in force on a reader (one imposed by mistake, say); the reader should
 * hear so. Published in the transaction of the withdrawal, through the event publication registry; the
 * reasons were mailed to the reader with it.
 *
 * @param outcome what it means for the reader, in a sentence to them: that it is lifted, and whatever
 *     else still holds
 */
public record SanctionWithdrawn(long sanctionId, long readerId, String outcome, Instant withdrawnAt) {}
