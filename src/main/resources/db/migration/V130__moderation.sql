-- Moderation: the record of why each comment was published, held or refused, the word lists its rules
-- match, and sanctions on readers. Comments and accounts belong to other modules: they are referred
-- to by id, without foreign keys.

-- What a moderator told a comment's author (why it was removed), shown to the author only.
ALTER TABLE comment ADD COLUMN moderation_note TEXT;

-- Readers may also report harassment.
ALTER TABLE comment_report DROP CONSTRAINT comment_report_reason_check;
ALTER TABLE comment_report ADD CONSTRAINT comment_report_reason_check
    CHECK (reason IN ('spam', 'abuse', 'harassment', 'off-topic', 'personal-information', 'other'));

-- One row per comment screened (re-screened when its author changes it): which rule decided, what,
-- and why. text_hash is of the normalised text, to find the same text posted again by its author.
CREATE TABLE moderation_screening
(
    comment_id  BIGINT PRIMARY KEY,
    article_id  BIGINT      NOT NULL,
    author_id   BIGINT      NOT NULL,
    outcome     TEXT        NOT NULL CHECK (outcome IN ('publish', 'hold')),
    step        TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    notes       TEXT[]      NOT NULL DEFAULT '{}',
    text_hash   BYTEA       NOT NULL,
    screened_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX moderation_screening_repeats ON moderation_screening (author_id, text_hash, screened_at);

-- Words and phrases the rules look for: banned ones refuse a comment, suspect ones hold it. Matched
-- on their normalised form, which is also what makes two entries the same.
CREATE TABLE moderation_word
(
    list       TEXT        NOT NULL CHECK (list IN ('banned', 'suspect')),
    normalised TEXT        NOT NULL CHECK (length(normalised) BETWEEN 1 AND 100),
    word       TEXT        NOT NULL CHECK (length(word) BETWEEN 1 AND 100),
    added_by   BIGINT,
    added_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (list, normalised)
);

-- Sanctions on a reader: a warning, pre-moderation (every comment held), a suspension until a time,
-- a ban. Each ends on its own at ends_at (never, for a ban or a warning without one) or when lifted.
CREATE TABLE moderation_sanction
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT      NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('warn', 'premoderate', 'suspend', 'ban')),
    rule        TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ,
    imposed_by  BIGINT,
    lifted_at   TIMESTAMPTZ,
    CHECK (ends_at IS NULL OR ends_at > starts_at),
    CHECK (kind <> 'suspend' OR ends_at IS NOT NULL)
);
CREATE INDEX moderation_sanction_by_account ON moderation_sanction (account_id, starts_at DESC);

-- Readers a moderator (or the demo content) vouches for: their comments skip the new reader's wait.
CREATE TABLE moderation_trusted_reader
(
    account_id BIGINT PRIMARY KEY,
    trusted_by BIGINT,
    trusted_at TIMESTAMPTZ NOT NULL
);
