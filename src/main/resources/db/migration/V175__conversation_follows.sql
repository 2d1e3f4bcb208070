-- Readers following the conversation under an article: they hear, batched, of new comments in it by
-- others. Readers and articles belong to other modules: referred to by id, without foreign keys.
CREATE TABLE conversation_follow
(
    reader_id   BIGINT      NOT NULL,
    article_id  BIGINT      NOT NULL,
    followed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (reader_id, article_id)
);
-- Who follows this conversation, for each comment posted in it.
CREATE INDEX conversation_follow_by_article ON conversation_follow (article_id);

-- Whether commenting under an article follows its conversation; on unless the reader turned it off.
ALTER TABLE notification_preference ADD COLUMN follow_conversations BOOLEAN NOT NULL DEFAULT TRUE;
