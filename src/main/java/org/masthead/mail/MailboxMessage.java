package org.masthead.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox, and what became of it.
 *
 * @param id its id, in the order messages were added
 * @param mail the message as it was handed to the {@link Mailer}
 * @param status whether it is still to be sent, was sent, or was given up
 * @param attempts how many times a sender has tried to send it
 * @param lastError why the last failed attempt failed, if one did
 * @param createdAt when it was added
 * @param nextAttemptAt when a sender will next try it, while it is pending
 * @param sentAt when it was sent
 * @param failedAt when it was given up
 */
public record MailboxMessage(
        long id,
        Mail mail,
        Status status,
        int attempts,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant sentAt,
        @Nullable Instant failedAt) {

    public enum Status {
        /** Not sent yet: waiting for its first attempt, being sent, or waiting to try again. */
        PENDING,
        SENT,
        /** Given up after the last allowed attempt, or because it could never be sent. */
        FAILED
    }
}
