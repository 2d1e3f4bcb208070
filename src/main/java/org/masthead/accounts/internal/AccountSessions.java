package org.masthead.accounts.internal;

import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SessionEnded;
import org.masthead.accounts.SignedInSessions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The signed-in sessions of an account, on every node: they are rows in the session table. */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final SignedInSessions references;
    private final ApplicationEventPublisher events;

    AccountSessions(
            FindByIndexNameSessionRepository<? extends Session> sessions,
            SignedInSessions references,
            ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.references = references;
        this.events = events;
    }

    /**
     * Signs the account out everywhere but in the session with this id, once the caller's transaction
     * has committed: a sign-in with the old password that slips in before the commit is then still
     * caught, and one after it needs the new password. (Spring Session runs its statements in a
     * transaction of its own, so they still commit from here.)
     */
    void signOutEverywhereBut(long accountId, @Nullable String keptSessionId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signOut(accountId, keptSessionId);
                }
            });
        } else {
            signOut(accountId, keptSessionId);
        }
    }

    private void signOut(long accountId, @Nullable String keptSessionId) {
        // The principal name of a session is the account id (see SignedIn#getUsername).
        sessions.findByPrincipalName(String.valueOf(accountId)).keySet().stream()
                .filter(id -> !id.equals(keptSessionId))
                .forEach(id -> {
                    sessions.deleteById(id);
                    events.publishEvent(new SessionEnded(accountId, references.referenceTo(id)));
                });
    }
}
