-- A reader hears of a sanction imposed on them in the app, not only by mail: one 'sanction' notification
-- per sanction (the notification's comment_id is 0; notification_source holds the sanction's id).
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('reply', 'mention', 'followed_posted', 'recommended', 'picked', 'approved', 'appeal',
                    'followed_published', 'conversation', 'conversation_pick', 'story_sent_back',
                    'story_published', 'sanction_withdrawn', 'sanction'));
