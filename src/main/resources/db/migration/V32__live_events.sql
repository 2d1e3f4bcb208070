-- The last hour or so of what was pushed to open pages (new comments under an article, a reader's
-- unread count), so that a page that reconnects is sent what it missed: everything after the id it
-- saw last, on its topics. Ids are handed out and committed in order (see LiveEvents), and old rows
-- are pruned by a job.
CREATE TABLE live_event
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- article-{id} or account-{id}
    topic      TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    data       TEXT        NOT NULL,
    -- Set for events that must be pushed once, such as a new comment, however often its cause is handled.
    once_key   TEXT UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX live_event_by_topic ON live_event (topic, id);
CREATE INDEX live_event_by_age ON live_event (created_at);
