-- Topics and authors readers follow: "My news" lists what they publish. Readers, topics and authors
-- belong to other modules and are referred to by id, without foreign keys.
CREATE TABLE topic_follow
(
    reader_id   BIGINT      NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('topic', 'author')),
    ref_id      BIGINT      NOT NULL,
    followed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (reader_id, kind, ref_id)
);
-- Who follows a topic or an author, when it publishes.
CREATE INDEX topic_follow_followed_idx ON topic_follow (kind, ref_id);

-- "My news": the newest articles with any of these topics or authors.
CREATE INDEX search_document_authors_idx ON search_document USING GIN (author_ids);
