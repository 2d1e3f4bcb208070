-- Readers muting other readers: the muted reader's comments are collapsed for the reader who muted them
-- only, by the page's script, from the reader's own data (the cached conversation is the same for all).
CREATE TABLE moderation_mute
(
    reader_id BIGINT      NOT NULL,
    muted_id  BIGINT      NOT NULL CHECK (muted_id <> reader_id),
    muted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (reader_id, muted_id)
);
