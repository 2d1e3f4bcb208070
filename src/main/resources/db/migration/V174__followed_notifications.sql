-- Readers hear of what they follow: an article published on a topic or by an author they follow
-- (followed_published), and new comments by others in a conversation they follow (conversation, one
-- unread row per article, like followed_posted). Their e-mail is gathered: one mail per reader per
-- batch window, however many notifications it lists.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('reply', 'mention', 'followed_posted', 'recommended', 'picked', 'approved', 'appeal',
                    'followed_published', 'conversation'));

-- followed_published: the author or topic the reader follows, named as it was when the article was
-- published, and the article's address, where the notification leads (it is about no comment:
-- comment_id is 0).
ALTER TABLE notification ADD COLUMN followed_kind TEXT CHECK (followed_kind IN ('topic', 'author'));
ALTER TABLE notification ADD COLUMN followed_name TEXT;
ALTER TABLE notification ADD COLUMN link TEXT;
-- Each reader hears of an article once: the notification is keyed to its cause, reader and article.
CREATE UNIQUE INDEX notification_followed_published ON notification (recipient_id, article_id)
    WHERE kind = 'followed_published';

-- mail: batch, waiting for the reader's next batch mail (sent, once it went).
ALTER TABLE notification DROP CONSTRAINT notification_mail_check;
ALTER TABLE notification ADD CONSTRAINT notification_mail_check
    CHECK (mail IN ('none', 'sent', 'digest', 'digested', 'batch'));
CREATE INDEX notification_batch_waiting ON notification (recipient_id, id) WHERE mail = 'batch';

CREATE UNIQUE INDEX notification_conversation_batch ON notification (recipient_id, article_id)
    WHERE kind = 'conversation' AND read_at IS NULL;

-- When each reader's next batch mail is due: the first notification waiting for it plus the window.
-- The row is claimed (FOR UPDATE SKIP LOCKED) and deleted when the mail goes, by one node.
CREATE TABLE notification_batch
(
    account_id BIGINT PRIMARY KEY,
    due_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_batch_due ON notification_batch (due_at);

-- The articles whose followers have been told: a republication, an update or a correction, or the
-- same event handled again, tells nobody a second time.
CREATE TABLE notification_article
(
    article_id   BIGINT PRIMARY KEY,
    announced_at TIMESTAMPTZ NOT NULL
);
