-- A Premium member's own named lists inside the reading list. "Saved" is not a row: it is the whole
-- reading list, so it can be neither renamed nor deleted, and every article in a collection is saved.
CREATE TABLE reading_list_collection
(
    id         BIGSERIAL PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
-- Names are the member's to tell apart: one of each, whatever the case.
CREATE UNIQUE INDEX reading_list_collection_name ON reading_list_collection (account_id, lower(name));

CREATE TABLE reading_list_collection_entry
(
    collection_id BIGINT      NOT NULL REFERENCES reading_list_collection (id) ON DELETE CASCADE,
    account_id    BIGINT      NOT NULL,
    article_id    BIGINT      NOT NULL,
    added_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (collection_id, article_id),
    -- Unsaving an article takes it out of every collection.
    FOREIGN KEY (account_id, article_id) REFERENCES reading_list_entry (account_id, article_id) ON DELETE CASCADE
);
-- Which collections each saved article is in, for a page of the list; and the cascade from the entry.
CREATE INDEX reading_list_collection_entry_article ON reading_list_collection_entry (account_id, article_id);
