-- Discovery's search index: its own copy of what readers can find, kept from the newsroom's events
-- (ArticlePublished) and checked against the newsroom's published articles at start-up. It never joins
-- the newsroom's tables: article, section, author and tag ids are plain numbers here, without foreign keys.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- English stemming that ignores accents, so that "café" finds "cafe" and "Zoë" finds "Zoe".
CREATE TEXT SEARCH CONFIGURATION masthead_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION masthead_english
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TABLE search_document
(
    article_id   BIGINT PRIMARY KEY,
    -- Its section and every section above it, so that a filter by "world" finds "world/asia" too.
    section_ids  BIGINT[]    NOT NULL,
    author_ids   BIGINT[]    NOT NULL,
    tag_ids      BIGINT[]    NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    headline     TEXT        NOT NULL,
    standfirst   TEXT        NOT NULL,
    -- The body as plain text, for the snippets that show where the words were found.
    body_text    TEXT        NOT NULL,
    -- Headline and topics weigh most (A), then standfirst and authors (B), then the body (D).
    document     TSVECTOR    NOT NULL,
    indexed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX search_document_document_idx ON search_document USING GIN (document);
CREATE INDEX search_document_published_idx ON search_document (published_at DESC, article_id DESC);

-- What the search box suggests while a reader types: headlines, topics and authors, matched by trigrams
-- of their unaccented lower-case form, so that "becket" suggests "Beckett" and "zoe" suggests "Zoë".
CREATE TABLE search_suggestion
(
    kind   TEXT   NOT NULL CHECK (kind IN ('ARTICLE', 'TOPIC', 'AUTHOR')),
    ref_id BIGINT NOT NULL,
    label  TEXT   NOT NULL,
    plain  TEXT   NOT NULL,
    PRIMARY KEY (kind, ref_id)
);
CREATE INDEX search_suggestion_plain_idx ON search_suggestion USING GIN (plain gin_trgm_ops);

-- Words found in headlines, standfirsts, topics and author names, unaccented and lower-case: the
-- vocabulary from which "no results" offers a close spelling.
CREATE TABLE search_word
(
    word TEXT PRIMARY KEY
);
CREATE INDEX search_word_trgm_idx ON search_word USING GIN (word gin_trgm_ops);
