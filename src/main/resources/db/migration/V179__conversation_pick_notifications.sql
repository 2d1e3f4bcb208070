-- conversation_pick: the staff picked a comment in a conversation the reader follows (one per comment).
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('reply', 'mention', 'followed_posted', 'recommended', 'picked', 'approved', 'appeal',
                    'followed_published', 'conversation', 'conversation_pick'));
