-- A moderator may withdraw a sanction in force (one imposed by mistake, say), with a reason: the audit
-- log keeps it as 'withdraw', with the sanction's id and the reason in the note, and the reader hears of
-- it in the app (the notification's comment_id is 0; notification_source holds the sanction's id).
ALTER TABLE moderation_decision DROP CONSTRAINT moderation_decision_action_check;
ALTER TABLE moderation_decision ADD CONSTRAINT moderation_decision_action_check
    CHECK (action IN ('approve', 'reject', 'uphold', 'overturn', 'pick', 'unpick', 'keep', 'withdraw'));

ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('reply', 'mention', 'followed_posted', 'recommended', 'picked', 'approved', 'appeal',
                    'followed_published', 'conversation', 'conversation_pick', 'story_sent_back',
                    'story_published', 'sanction_withdrawn'));
