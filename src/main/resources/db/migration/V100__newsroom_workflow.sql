-- The newsroom's workflow: who filed an article, its version for concurrent editing, what readers
-- never see (SEO fields are shown to search engines, Premium is kept for later), every saved revision
-- and an editorial audit log.

ALTER TABLE article DROP CONSTRAINT article_status_check;
ALTER TABLE article
    ADD CONSTRAINT article_status_check
        CHECK (status IN ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED'));

ALTER TABLE article
    -- The account that filed it; none for copy loaded by other means. Accounts are another module's,
    -- so there is no foreign key: a deleted account leaves the number behind.
    ADD COLUMN created_by      BIGINT,
    -- Bumped by every save of the content: a save based on an older version is refused.
    ADD COLUMN version         INT     NOT NULL DEFAULT 1,
    ADD COLUMN seo_title       TEXT    NOT NULL DEFAULT '',
    ADD COLUMN seo_description TEXT    NOT NULL DEFAULT '',
    ADD COLUMN premium         BOOLEAN NOT NULL DEFAULT false,
    -- What the editor said when sending the draft back; cleared when it is submitted again.
    ADD COLUMN review_note     TEXT    NOT NULL DEFAULT '';

CREATE INDEX article_status_modified_idx ON article (status, modified_at DESC, id DESC);
CREATE INDEX article_created_by_idx ON article (created_by, modified_at DESC, id DESC);

-- The words of an article as each save left them. Placement (section, topics, bylines) is not kept:
-- a revision is what was written.
CREATE TABLE article_revision
(
    article_id      BIGINT      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    version         INT         NOT NULL,
    saved_by        BIGINT,
    saved_at        TIMESTAMPTZ NOT NULL,
    headline        TEXT        NOT NULL,
    standfirst      TEXT        NOT NULL,
    body_source     TEXT        NOT NULL,
    seo_title       TEXT        NOT NULL,
    seo_description TEXT        NOT NULL,
    -- Why this revision exists when it is not an ordinary save, such as a restore.
    note            TEXT        NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, version)
);

INSERT INTO article_revision (article_id, version, saved_by, saved_at, headline, standfirst, body_source, seo_title,
                              seo_description)
SELECT id, version, NULL, modified_at, headline, standfirst, body_source, seo_title, seo_description
FROM article;

-- Who did what to which article, and when.
CREATE TABLE article_audit
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    account_id BIGINT,
    action     TEXT        NOT NULL,
    detail     TEXT        NOT NULL DEFAULT '',
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX article_audit_article_idx ON article_audit (article_id, id DESC);
