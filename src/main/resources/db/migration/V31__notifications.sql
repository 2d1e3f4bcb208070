-- What readers are told about others' activity around their comments. Accounts, articles and comments
-- belong to other modules: they are referred to by id, without foreign keys.

-- One notification as a reader's list shows it. Replies and mentions are one row per comment; "readers
-- you follow commented" and "your comment was recommended" gather several actors into one unread row
-- (per article, and per comment), which is updated while it stays unread.
-- kind: reply, mention, followed_posted, recommended, picked (picked: when moderation publishes picks).
-- mail: what became of its e-mail: none (a kind that is never mailed, or the reader turned mail off),
-- sent (mailed at once), digest (waiting for the reader's daily digest), digested (went out in one).
CREATE TABLE notification
(
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id     BIGINT      NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('reply', 'mention', 'followed_posted', 'recommended', 'picked')),
    -- The comment to open: the reply, the mention, the latest comment of a followed reader, the
    -- recommended comment.
    comment_id       BIGINT      NOT NULL,
    article_id       BIGINT      NOT NULL,
    article_headline TEXT        NOT NULL,
    -- The latest actor, named first; actor_count counts them all, distinct.
    actor_id         BIGINT      NOT NULL,
    actor_count      INT         NOT NULL DEFAULT 1 CHECK (actor_count >= 1),
    excerpt          TEXT        NOT NULL DEFAULT '',
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    read_at          TIMESTAMPTZ,
    mail             TEXT        NOT NULL DEFAULT 'none' CHECK (mail IN ('none', 'sent', 'digest', 'digested'))
);

-- The list, newest first, a page at a time; and the header's unread count.
CREATE INDEX notification_by_recipient ON notification (recipient_id, updated_at DESC, id DESC);
CREATE INDEX notification_unread ON notification (recipient_id) WHERE read_at IS NULL;
-- The batches: one unread row per reader and article, and per reader and recommended comment.
CREATE UNIQUE INDEX notification_followed_batch ON notification (recipient_id, article_id)
    WHERE kind = 'followed_posted' AND read_at IS NULL;
CREATE UNIQUE INDEX notification_recommended_batch ON notification (recipient_id, comment_id)
    WHERE kind = 'recommended' AND read_at IS NULL;
-- The daily digest's question: what is waiting for this reader?
CREATE INDEX notification_digest ON notification (recipient_id, id) WHERE mail = 'digest';

-- Which event told which reader what: the same comment (or recommendation) handled twice, after a
-- restart or on two nodes at once, finds its row here and changes nothing, and sends no second e-mail.
CREATE TABLE notification_source
(
    recipient_id    BIGINT NOT NULL,
    kind            TEXT   NOT NULL,
    comment_id      BIGINT NOT NULL,
    actor_id        BIGINT NOT NULL,
    notification_id BIGINT REFERENCES notification (id) ON DELETE CASCADE,
    PRIMARY KEY (recipient_id, kind, comment_id, actor_id)
);
CREATE INDEX notification_source_by_notification ON notification_source (notification_id);

-- How a reader wants to hear of replies and mentions by e-mail; no row means at once.
-- next_digest_at: when the daily digest is next due, while the choice is digest.
CREATE TABLE notification_preference
(
    account_id     BIGINT PRIMARY KEY,
    email          TEXT        NOT NULL CHECK (email IN ('instant', 'digest', 'off')),
    next_digest_at TIMESTAMPTZ,
    last_digest_at TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK ((email = 'digest') = (next_digest_at IS NOT NULL))
);
CREATE INDEX notification_preference_digest_due ON notification_preference (next_digest_at)
    WHERE next_digest_at IS NOT NULL;

-- The key that signs unsubscribe links, made once by whichever node starts first.
CREATE TABLE notification_link_key
(
    id         INT PRIMARY KEY CHECK (id = 1),
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
