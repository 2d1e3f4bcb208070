-- The newsroom's content: sections, authors, tags, images and articles.

CREATE TABLE section
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id   BIGINT REFERENCES section (id),
    slug        TEXT    NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    -- "world" or "world/asia": the section's address, kept with the row so lookups need no recursion.
    path        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    position    INT     NOT NULL DEFAULT 0,
    UNIQUE (parent_id, slug)
);

CREATE TABLE image
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_type TEXT        NOT NULL,
    width        INT         NOT NULL,
    height       INT         NOT NULL,
    alt_text     TEXT        NOT NULL,
    caption      TEXT        NOT NULL DEFAULT '',
    credit       TEXT        NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Each image is kept at a few standard widths so pages can offer srcset without resizing on request.
CREATE TABLE image_rendition
(
    image_id     BIGINT NOT NULL REFERENCES image (id) ON DELETE CASCADE,
    width        INT    NOT NULL,
    height       INT    NOT NULL,
    content_type TEXT   NOT NULL,
    bytes        BYTEA  NOT NULL,
    PRIMARY KEY (image_id, width)
);

CREATE TABLE author
(
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug     TEXT   NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name     TEXT   NOT NULL,
    job_title TEXT  NOT NULL DEFAULT '',
    bio      TEXT   NOT NULL DEFAULT '',
    photo_id BIGINT REFERENCES image (id)
);

CREATE TABLE tag
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE article
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    section_id        BIGINT      NOT NULL REFERENCES section (id),
    slug              TEXT        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    headline          TEXT        NOT NULL,
    standfirst        TEXT        NOT NULL DEFAULT '',
    -- The body as the journalist wrote it (Markdown), and the HTML we render from it.
    body_source       TEXT        NOT NULL DEFAULT '',
    body_html         TEXT        NOT NULL DEFAULT '',
    main_image_id     BIGINT REFERENCES image (id),
    status            TEXT        NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'UNPUBLISHED')),
    -- First publication fixes the dated part of the URL; updated_at is the "Updated" time readers see.
    published_at      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ,
    -- Any change at all, for Last-Modified and cache validation.
    modified_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    comments_enabled  BOOLEAN     NOT NULL DEFAULT true,
    comments_close_at TIMESTAMPTZ,
    CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL)
);
CREATE INDEX article_published_idx ON article (published_at DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX article_section_published_idx ON article (section_id, published_at DESC, id DESC) WHERE status = 'PUBLISHED';

CREATE TABLE article_author
(
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    author_id  BIGINT NOT NULL REFERENCES author (id),
    position   INT    NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_author_author_idx ON article_author (author_id, article_id);

CREATE TABLE article_tag
(
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id     BIGINT NOT NULL REFERENCES tag (id),
    position   INT    NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_tag_idx ON article_tag (tag_id, article_id);

-- Slugs an article used to have, so that old links redirect to where it lives now.
CREATE TABLE article_former_slug
(
    slug       TEXT PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE
);
