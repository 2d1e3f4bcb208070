-- Journalists hear when an editor sends their draft back (with the note as the excerpt) or publishes
-- their story. Each is keyed in notification_source to the desk's record of the decision (its
-- article_audit id, in comment_id), and leads to the editor or the published article (link).
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('reply', 'mention', 'followed_posted', 'recommended', 'picked', 'approved', 'appeal',
                    'followed_published', 'conversation', 'conversation_pick', 'story_sent_back',
                    'story_published'));
