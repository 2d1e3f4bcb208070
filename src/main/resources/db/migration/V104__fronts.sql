-- Fronts: the home page and each top-level section's page, as their editors curate them. A front is
-- 'home' or a top-level section's id. Each keeps a DRAFT, which editors change freely, and the LIVE
-- slots readers see; publishing the front copies the draft over the live ones. Whatever is not
-- pinned fills by recency. An article that is deleted leaves every front; one that is unpublished
-- stays in the slots but readers' pages show only published articles.
CREATE TABLE front_slot
(
    front      TEXT   NOT NULL CHECK (front = 'home' OR front ~ '^[0-9]+$'),
    version    TEXT   NOT NULL CHECK (version IN ('DRAFT', 'LIVE')),
    position   INT    NOT NULL,
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    layout     TEXT   NOT NULL CHECK (layout IN ('LEAD', 'BIG', 'STANDARD')),
    PRIMARY KEY (front, version, position),
    UNIQUE (front, version, article_id)
);
CREATE INDEX front_slot_article_idx ON front_slot (article_id);

-- The newsroom's log records what editors do to fronts as well as to articles.
ALTER TABLE article_audit
    ALTER COLUMN article_id DROP NOT NULL,
    ADD COLUMN front TEXT,
    ADD CONSTRAINT article_audit_subject_check CHECK (article_id IS NOT NULL OR front IS NOT NULL);
