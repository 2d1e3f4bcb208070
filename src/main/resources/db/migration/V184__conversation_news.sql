-- A published comment waits here for the readers who follow its conversation. Every
-- masthead.notifications.conversation-interval a worker claims an article's waiting comments and tells its
-- followers of them at once, one statement for them all, instead of every comment updating every
-- follower's notification: on a busy conversation those updates queued on the same rows.
-- told: the readers the comment already told more specifically (a reply, a mention, a followed reader's
-- comment) and its author, who hear nothing more of it. told_at: when its followers were told; kept for a
-- day so that the same event handled again tells nobody twice.
CREATE TABLE conversation_news
(
    comment_id       BIGINT PRIMARY KEY,
    article_id       BIGINT      NOT NULL,
    author_id        BIGINT      NOT NULL,
    article_headline TEXT        NOT NULL,
    excerpt          TEXT        NOT NULL,
    told             BIGINT[]    NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    told_at          TIMESTAMPTZ
);
CREATE INDEX conversation_news_waiting ON conversation_news (article_id, comment_id) WHERE told_at IS NULL;
CREATE INDEX conversation_news_told ON conversation_news (told_at) WHERE told_at IS NOT NULL;

-- The distinct commenters a conversation notification gathers, so that a round counts only those new to it.
CREATE TABLE notification_actor
(
    notification_id BIGINT NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    actor_id        BIGINT NOT NULL,
    PRIMARY KEY (notification_id, actor_id)
);
INSERT INTO notification_actor (notification_id, actor_id)
SELECT DISTINCT notification_id, actor_id
FROM notification_source
WHERE kind = 'conversation' AND notification_id IS NOT NULL;
