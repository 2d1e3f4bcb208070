package org.masthead.moderation;

import java.time.Instant;

/**
 * A moderator imposed a sanction on a reader (a warning, pre-moderation, a suspension or a ban); the
 * reader should find it among their notifications, whatever they chose about mail. Published in the
 * transaction of the sanction, through the event publication registry; the statement of reasons was
 * mailed to the reader with it.
 *
 * @param decision what it means for the reader, and until when, in sentences to them
 */
public record SanctionImposed(long sanctionId, long readerId, String decision, Instant imposedAt) {}
