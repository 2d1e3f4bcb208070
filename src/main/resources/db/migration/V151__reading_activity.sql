-- What readers did with each article, by the hour: readings counted in memory on each node and added
-- here every few seconds, and comments posted. "Most read" and "Most commented" sum the last day.
CREATE TABLE article_activity
(
    article_id BIGINT      NOT NULL,
    hour       TIMESTAMPTZ NOT NULL,
    views      BIGINT      NOT NULL DEFAULT 0,
    comments   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, hour)
);
CREATE INDEX article_activity_hour_idx ON article_activity (hour);

-- Related stories look for shared topics.
CREATE INDEX search_document_tags_idx ON search_document USING GIN (tag_ids);
