-- Appeals: a reader asks once, per rejection of a comment or per sanction, for the decision to be looked
-- at again; a moderator other than the one who decided upholds or overturns it.

-- The audit log also keeps the decisions on appeals, which concern a comment (a rejection) or a sanction.
ALTER TABLE moderation_decision ALTER COLUMN comment_id DROP NOT NULL;
ALTER TABLE moderation_decision ADD COLUMN sanction_id BIGINT;
ALTER TABLE moderation_decision ADD COLUMN appeal_id BIGINT;
ALTER TABLE moderation_decision DROP CONSTRAINT moderation_decision_action_check;
ALTER TABLE moderation_decision ADD CONSTRAINT moderation_decision_action_check
    CHECK (action IN ('approve', 'reject', 'uphold', 'overturn'));
ALTER TABLE moderation_decision ADD CONSTRAINT moderation_decision_about
    CHECK (comment_id IS NOT NULL OR sanction_id IS NOT NULL);

-- One appeal per decision: decision_id is a rejection in moderation_decision, sanction_id a sanction.
CREATE TABLE moderation_appeal
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT      NOT NULL,
    decision_id BIGINT UNIQUE REFERENCES moderation_decision (id),
    sanction_id BIGINT UNIQUE REFERENCES moderation_sanction (id),
    text        TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    appealed_at TIMESTAMPTZ NOT NULL,
    decided_by  BIGINT,
    decided_at  TIMESTAMPTZ,
    outcome     TEXT CHECK (outcome IN ('upheld', 'overturned')),
    answer      TEXT        NOT NULL DEFAULT '' CHECK (length(answer) <= 1000),
    CHECK ((decision_id IS NULL) <> (sanction_id IS NULL)),
    CHECK ((outcome IS NULL) = (decided_at IS NULL))
);
CREATE INDEX moderation_appeal_waiting ON moderation_appeal (appealed_at) WHERE decided_at IS NULL;
CREATE INDEX moderation_appeal_by_account ON moderation_appeal (account_id);

-- Every decision a reader may appeal, with its appeal if there is one: the rejections of their comments
-- and their sanctions, in the same columns. decided_by is who made the decision appealed.
CREATE VIEW moderation_appealable AS
SELECT 'rejection'            AS about,
       d.id                   AS subject_id,
       s.author_id            AS reader_id,
       d.comment_id,
       NULL::text             AS kind,
       d.reason               AS reason_code,
       NULL::text             AS rule,
       d.note                 AS why,
       d.decided_at           AS at,
       NULL::timestamptz      AS ends_at,
       NULL::timestamptz      AS lifted_at,
       d.moderator_id         AS decided_by,
       a.id                   AS appeal_id,
       a.text                 AS appeal_text,
       a.appealed_at,
       a.outcome,
       a.answer,
       a.decided_at           AS appeal_decided_at,
       a.decided_by           AS appeal_decided_by
FROM moderation_decision d
         JOIN moderation_screening s ON s.comment_id = d.comment_id
         LEFT JOIN moderation_appeal a ON a.decision_id = d.id
WHERE d.action = 'reject'
UNION ALL
SELECT 'sanction', x.id, x.account_id, NULL, x.kind, '', x.rule, x.reason, x.starts_at, x.ends_at, x.lifted_at,
       x.imposed_by, a.id, a.text, a.appealed_at, a.outcome, a.answer, a.decided_at, a.decided_by
FROM moderation_sanction x
         LEFT JOIN moderation_appeal a ON a.sanction_id = x.id;

-- A reader hears how their appeal was decided.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('reply', 'mention', 'followed_posted', 'recommended', 'picked', 'approved', 'appeal'));
