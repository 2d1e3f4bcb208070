package org.masthead.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * Signed-in sessions as other modules may know them, so that what a session was given (a live
 * connection's ticket, say) ends with it. A session is named by a reference, never by its id: the id
 * is what the session cookie holds, and would sign in whoever learnt it. When a session ends by
 * signing out, or because its account was signed out everywhere, {@link SessionEnded} is published.
 */
@Service
public class SignedInSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** The reference to the session with this id: a one-way hash, from which the id cannot be had. */
    public String referenceTo(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the account is still signed in in the session referred to. The session is read, not
     * used: asking neither counts as activity nor keeps it alive.
     */
    public boolean isSignedIn(long accountId, String reference) {
        // The principal name of a session is the account id (see SignedIn#getUsername).
        return sessions.findByPrincipalName(String.valueOf(accountId)).entrySet().stream()
                .anyMatch(session -> !session.getValue().isExpired()
                        && MessageDigest.isEqual(
                                referenceTo(session.getKey()).getBytes(StandardCharsets.US_ASCII),
                                reference.getBytes(StandardCharsets.US_ASCII)));
    }
}
