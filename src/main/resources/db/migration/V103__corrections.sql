-- Corrections and clarifications an editor adds to a published article: shown on it with their date,
-- and collected on the public corrections page and its feed.
CREATE TABLE article_correction
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    kind       TEXT        NOT NULL CHECK (kind IN ('CORRECTION', 'CLARIFICATION')),
    text       TEXT        NOT NULL,
    added_by   BIGINT,
    added_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX article_correction_article_idx ON article_correction (article_id, added_at);
CREATE INDEX article_correction_added_idx ON article_correction (added_at DESC, id DESC);
