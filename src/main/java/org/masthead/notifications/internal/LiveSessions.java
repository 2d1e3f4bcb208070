package org.masthead.notifications.internal;

import org.masthead.accounts.SessionEnded;
import org.masthead.platform.ClusterMessages;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the live connections of a session that has been signed out, on whichever node they are open,
 * or on the GRIP proxy holding them, so that a page left open stops hearing its reader's events at once. The message is a hint: a
 * connection it misses ends within {@code masthead.notifications.live-timeout}, and its ticket is not
 * accepted again (see {@link LiveTickets}).
 */
@Component
class LiveSessions {

    /** Carries the reference of each ended session to every node. */
    static final String CHANNEL = "live_session_ended";

    private final ClusterMessages cluster;
    private final GripPublisher grip;
    private final TransactionTemplate ownTransaction;

    LiveSessions(
            ClusterMessages cluster,
            LiveConnections connections,
            GripPublisher grip,
            PlatformTransactionManager transactions) {
        this.cluster = cluster;
        this.grip = grip;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        cluster.subscribe(CHANNEL, connections::closeSession);
    }

    /**
     * Sent in a transaction of its own: a session is often ended just after another transaction
     * commits, where a notification would join a transaction that never commits again, and be lost.
     */
    @EventListener
    void on(SessionEnded ended) {
        ownTransaction.executeWithoutResult(status -> cluster.send(CHANNEL, ended.sessionReference()));
        grip.closeSession(ended.sessionReference());
    }
}
