-- Each published or withdrawn comment adds a row here instead of updating its article's comment_thread
-- counter: every comment under one article would otherwise update that one row, and each posting transaction
-- would wait for the one before it to commit. Counts read the counter plus the changes not yet folded into it;
-- a worker folds them in every few seconds.
CREATE TABLE comment_count_change
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL,
    delta      INT    NOT NULL CHECK (delta IN (-1, 1))
);

CREATE INDEX comment_count_change_article ON comment_count_change (article_id);
