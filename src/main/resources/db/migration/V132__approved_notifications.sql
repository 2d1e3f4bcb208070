-- A reader hears when a moderator approves a comment of theirs that was held for review.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('reply', 'mention', 'followed_posted', 'recommended', 'picked', 'approved'));
