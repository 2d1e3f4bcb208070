package org.masthead.moderation.internal;

import org.masthead.discussion.Discussion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff picks, as moderators and editors make them: the discussion marks the comment and tells its
 * author; each pick and un-pick that changed something is written to the moderation audit log, in the
 * same transaction.
 */
@Service
public class Picks {

    private final Discussion discussion;
    private final AuditLog audit;

    Picks(Discussion discussion, AuditLog audit) {
        this.discussion = discussion;
        this.audit = audit;
    }

    /** @return false when it was picked already, which changes nothing and logs nothing */
    @Transactional
    public boolean pick(long commentId, long staffId) {
        if (!discussion.pick(commentId)) {
            return false;
        }
        audit.record(AuditLog.Subject.comment(commentId), staffId, "pick", "", "");
        return true;
    }

    /** @return false when it was not picked, which changes nothing and logs nothing */
    @Transactional
    public boolean unpick(long commentId, long staffId) {
        if (!discussion.unpick(commentId)) {
            return false;
        }
        audit.record(AuditLog.Subject.comment(commentId), staffId, "unpick", "", "");
        return true;
    }
}
