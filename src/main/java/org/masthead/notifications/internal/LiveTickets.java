package org.masthead.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedInSessions;
import org.springframework.stereotype.Component;

/**
 * What lets a live connection carry a reader's own events without the connection touching their
 * session. Every (re)connection that read the session would count as activity, so an open tab would
 * keep a session alive for ever, and a staff session would never reach its idle limit. Instead a page
 * asks for a ticket once, when it loads (genuine activity), and its live connection presents that:
 * the account's id, a reference to the session that asked, and an expiry, {@link Signatures signed}.
 * A ticket only ever shows the reader's unread count, and only while that session is signed in: it is
 * checked (without being touched) at every connection, and a connection is closed when its session
 * is signed out (see {@link LiveSessions}). Without a valid ticket, a connection carries the
 * article's comments alone.
 */
@Component
public class LiveTickets {

    /** However long its session lasts, a ticket is not accepted after this. */
    static final Duration VALID_FOR = Duration.ofHours(12);

    private static final String PURPOSE = "live-ticket";

    /** Whose events a ticket lets a connection carry, and the session it belongs to. */
    public record Holder(long accountId, String session) {}

    private final Signatures signatures;
    private final SignedInSessions sessions;
    private final Clock clock;

    LiveTickets(Signatures signatures, SignedInSessions sessions, Clock clock) {
        this.signatures = signatures;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** @param sessionId the id of the signed-in session asking; the ticket carries only a reference to it */
    public String issue(long accountId, String sessionId) {
        String message = accountId + "." + clock.instant().plus(VALID_FOR).getEpochSecond() + "."
                + sessions.referenceTo(sessionId);
        return message + "." + signatures.sign(PURPOSE, message);
    }

    /** Who the ticket is for, if it is ours, has not expired, and its session is still signed in. */
    public Optional<Holder> holderOf(@Nullable String ticket) {
        if (ticket == null) {
            return Optional.empty();
        }
        String[] parts = ticket.split("\\.", 4);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            long accountId = Long.parseLong(parts[0]);
            long expires = Long.parseLong(parts[1]);
            String session = parts[2];
            boolean valid = expires > clock.instant().getEpochSecond()
                    && signatures.verify(PURPOSE, parts[0] + "." + parts[1] + "." + session, parts[3])
                    && sessions.isSignedIn(accountId, session);
            return valid ? Optional.of(new Holder(accountId, session)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
