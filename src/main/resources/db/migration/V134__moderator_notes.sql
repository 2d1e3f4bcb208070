-- Moderators' private notes on a reader, shown beside the reader's history in the console; never to
-- the reader.
CREATE TABLE moderation_reader_note
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    author_id  BIGINT      NOT NULL,
    text       TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    written_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX moderation_reader_note_by_account ON moderation_reader_note (account_id, written_at DESC);
