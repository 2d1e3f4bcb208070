package org.masthead.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What lets a live connection carry a reader's own events without the connection touching their
 * session. Every (re)connection that read the session would count as activity, so an open tab would
 * keep a session alive for ever, and a staff session would never reach its idle limit. Instead a page
 * asks for a ticket once, when it loads (genuine activity), and its live connection presents that:
 * the account's id and an expiry, {@link Signatures signed}. A ticket only ever shows the reader's
 * unread count; once it expires, the connection carries the article's comments alone until the next
 * page load.
 */
@Component
public class LiveTickets {

    static final Duration VALID_FOR = Duration.ofHours(12);
    private static final String PURPOSE = "live-ticket";

    private final Signatures signatures;
    private final Clock clock;

    LiveTickets(Signatures signatures, Clock clock) {
        this.signatures = signatures;
        this.clock = clock;
    }

    public String issue(long accountId) {
        String message = accountId + "." + clock.instant().plus(VALID_FOR).getEpochSecond();
        return message + "." + signatures.sign(PURPOSE, message);
    }

    /** The account the ticket is for, if it is ours and has not expired. */
    public Optional<Long> accountOf(@Nullable String ticket) {
        if (ticket == null) {
            return Optional.empty();
        }
        String[] parts = ticket.split("\\.", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            long accountId = Long.parseLong(parts[0]);
            long expires = Long.parseLong(parts[1]);
            boolean valid = expires > clock.instant().getEpochSecond()
                    && signatures.verify(PURPOSE, parts[0] + "." + parts[1], parts[2]);
            return valid ? Optional.of(accountId) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
