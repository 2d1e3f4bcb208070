-- Who has an article open in the newsroom's editor, as their pages last said: every node reads the same rows.
CREATE TABLE article_presence (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL,
    staff_name TEXT NOT NULL,
    opened_at TIMESTAMPTZ NOT NULL,
    seen_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, account_id)
);
CREATE INDEX article_presence_seen ON article_presence (seen_at);
