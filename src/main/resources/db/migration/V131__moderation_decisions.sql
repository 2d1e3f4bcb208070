-- Moderators' decisions. A comment is claimed by the first moderator whose decision sets decided_at
-- (a conditional update), so that two moderators working the same queue never both decide it.
ALTER TABLE moderation_screening ADD COLUMN decided_by BIGINT;
ALTER TABLE moderation_screening ADD COLUMN decided_at TIMESTAMPTZ;
CREATE INDEX moderation_screening_waiting ON moderation_screening (screened_at) WHERE outcome = 'hold' AND decided_at IS NULL;
CREATE INDEX moderation_screening_recent ON moderation_screening (screened_at DESC);

-- The moderation audit log: who decided what about which comment, when and why.
CREATE TABLE moderation_decision
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id   BIGINT      NOT NULL,
    moderator_id BIGINT      NOT NULL,
    action       TEXT        NOT NULL CHECK (action IN ('approve', 'reject')),
    reason       TEXT        NOT NULL DEFAULT '',
    note         TEXT        NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    decided_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX moderation_decision_by_time ON moderation_decision (decided_at DESC);
CREATE INDEX moderation_decision_by_comment ON moderation_decision (comment_id);
