-- Agency copy taken in from the wire folder or the wire API. One row per story (the agency's guid),
-- holding its latest version for the queue; every version received is kept in wire_version.
CREATE TABLE wire_item
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guid              TEXT        NOT NULL UNIQUE,
    agency            TEXT        NOT NULL,
    version           INT         NOT NULL,
    urgency           SMALLINT CHECK (urgency BETWEEN 1 AND 9),
    headline          TEXT        NOT NULL,
    standfirst        TEXT        NOT NULL DEFAULT '',
    body              TEXT        NOT NULL DEFAULT '',
    byline            TEXT        NOT NULL DEFAULT '',
    format            TEXT        NOT NULL,
    first_received_at TIMESTAMPTZ NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    version_count     INT         NOT NULL DEFAULT 1,
    -- The newsroom draft made from it, if any.
    article_id        BIGINT REFERENCES article (id) ON DELETE SET NULL,
    search            TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('simple', agency || ' ' || headline || ' ' || standfirst || ' ' || body)) STORED
);
CREATE INDEX wire_item_received_idx ON wire_item (received_at DESC, id DESC);
CREATE INDEX wire_item_search_idx ON wire_item USING GIN (search);
CREATE INDEX wire_item_article_idx ON wire_item (article_id) WHERE article_id IS NOT NULL;

-- Every version of a story as it was received. The same words received again (the same hash) are a
-- duplicate and leave no row.
CREATE TABLE wire_version
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id      BIGINT      NOT NULL REFERENCES wire_item (id) ON DELETE CASCADE,
    version      INT         NOT NULL,
    content_hash TEXT        NOT NULL,
    urgency      SMALLINT,
    headline     TEXT        NOT NULL,
    standfirst   TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    byline       TEXT        NOT NULL,
    format       TEXT        NOT NULL,
    -- The file it came in, or "API".
    source       TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (item_id, content_hash)
);
CREATE INDEX wire_version_item_idx ON wire_version (item_id, version DESC, id DESC);

-- Files put aside because they could not be taken, with the reason, for the newsroom to see.
CREATE TABLE wire_quarantine
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name  TEXT        NOT NULL,
    stored_as  TEXT        NOT NULL,
    reason     TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX wire_quarantine_at_idx ON wire_quarantine (at DESC, id DESC);
