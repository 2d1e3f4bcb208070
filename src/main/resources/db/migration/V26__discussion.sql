-- The conversation under articles. Articles and accounts belong to other modules: they are referred
-- to by id, without foreign keys, and this module hears of their changes through events.

-- One row per article that has had a comment: the counter that fronts show on cards, kept in step
-- with the comments in the same transaction instead of counted per card.
CREATE TABLE comment_thread
(
    article_id    BIGINT PRIMARY KEY,
    comment_count INT         NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    updated_at    TIMESTAMPTZ NOT NULL
);

-- A comment (parent_id null) or a reply (parent_id: the top-level comment of its thread). Threads are
-- two levels deep on screen; in_reply_to_id keeps which comment a reply answered, which may itself be
-- a reply. The body is stored as written and escaped when shown.
-- status: published, pending (held for moderation), rejected (by a moderator), deleted (by its
-- author; kept as a tombstone while it has replies).
-- reply_count: the published replies that depend on this comment being shown. For a top-level
-- comment, every published reply in its thread; for a reply, the published replies answering it.
-- A deleted comment stays on screen, as a tombstone, while it is above zero.
CREATE TABLE comment
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id      BIGINT      NOT NULL,
    author_id       BIGINT      NOT NULL,
    parent_id       BIGINT REFERENCES comment (id),
    in_reply_to_id  BIGINT REFERENCES comment (id),
    body            TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    status          TEXT        NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'deleted')),
    recommendations INT         NOT NULL DEFAULT 0 CHECK (recommendations >= 0),
    reply_count     INT         NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
    posted_at       TIMESTAMPTZ NOT NULL,
    edited_at       TIMESTAMPTZ,
    -- A form's key: a retried submit finds the comment it already made instead of making another.
    idempotency_key UUID        NOT NULL,
    UNIQUE (author_id, idempotency_key),
    CHECK ((parent_id IS NULL) = (in_reply_to_id IS NULL))
);

-- Keyset pagination of top-level comments in each order, and the replies of each.
CREATE INDEX comment_top_by_time ON comment (article_id, posted_at, id) WHERE parent_id IS NULL;
CREATE INDEX comment_top_by_recommendations ON comment (article_id, recommendations DESC, id) WHERE parent_id IS NULL;
CREATE INDEX comment_replies ON comment (parent_id, posted_at, id) WHERE parent_id IS NOT NULL;
CREATE INDEX comment_answers ON comment (in_reply_to_id) WHERE in_reply_to_id IS NOT NULL;
-- A reader's own comments under an article (for what they may still change), their profile, and
-- the feed of the readers one follows.
CREATE INDEX comment_by_article_author ON comment (article_id, author_id);
CREATE INDEX comment_by_author ON comment (author_id, posted_at DESC, id DESC);

-- Readers named with an @mention: where in the body (in UTF-16 code units, as Java counts), so the
-- name links to the profile of whoever it named when it was written, whatever they are called now.
CREATE TABLE comment_mention
(
    comment_id BIGINT NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL,
    start      INT    NOT NULL CHECK (start >= 0),
    length     INT    NOT NULL CHECK (length > 1),
    PRIMARY KEY (comment_id, start)
);

CREATE TABLE comment_recommendation
(
    comment_id     BIGINT      NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    account_id     BIGINT      NOT NULL,
    recommended_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (comment_id, account_id)
);
CREATE INDEX comment_recommendation_by_account ON comment_recommendation (account_id);

-- Reports wait here for the moderation queues.
CREATE TABLE comment_report
(
    comment_id  BIGINT      NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    reporter_id BIGINT      NOT NULL,
    reason      TEXT        NOT NULL CHECK (reason IN ('spam', 'abuse', 'off-topic', 'personal-information', 'other')),
    detail      TEXT        NOT NULL DEFAULT '' CHECK (length(detail) <= 1000),
    reported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (comment_id, reporter_id)
);

CREATE TABLE reader_follow
(
    follower_id BIGINT      NOT NULL,
    followed_id BIGINT      NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (follower_id, followed_id),
    CHECK (follower_id <> followed_id)
);
CREATE INDEX reader_follow_by_followed ON reader_follow (followed_id, since DESC);
