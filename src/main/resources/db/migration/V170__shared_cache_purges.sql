-- Purges owed to the caches in front of Masthead (masthead.cache.purge-urls): queued in the transaction that
-- changed the content, sent by whichever node claims them first, deleted once the cache confirms.
CREATE TABLE shared_cache_purge
(
    id              BIGSERIAL PRIMARY KEY,
    -- One of masthead.cache.purge-urls, as configured.
    target          TEXT        NOT NULL,
    -- Surrogate keys, space-separated; '*' for every page.
    keys            TEXT        NOT NULL,
    queued_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT
);

CREATE INDEX shared_cache_purge_due ON shared_cache_purge (next_attempt_at);
