-- A reader's report asks a moderator to look, whether or not enough readers reported the comment to hold it:
-- reported_at is when the first report since the comment's last decision came in, and a decision clears it.
ALTER TABLE moderation_screening ADD COLUMN reported_at TIMESTAMPTZ;

-- Comments held on reports, and published ones whose reports nobody has looked at yet.
UPDATE moderation_screening SET reported_at = screened_at
WHERE outcome = 'hold' AND step = 'reports' AND decided_at IS NULL;
UPDATE moderation_screening s SET reported_at = r.first
FROM (SELECT comment_id, min(reported_at) AS first FROM comment_report GROUP BY comment_id) r
WHERE s.comment_id = r.comment_id AND s.reported_at IS NULL AND s.decided_at IS NULL;

CREATE INDEX moderation_screening_reported ON moderation_screening (reported_at) WHERE reported_at IS NOT NULL;

-- A moderator who finds a reported comment within the standards keeps it: the reports are closed.
ALTER TABLE moderation_decision DROP CONSTRAINT moderation_decision_action_check;
ALTER TABLE moderation_decision ADD CONSTRAINT moderation_decision_action_check
    CHECK (action IN ('approve', 'reject', 'uphold', 'overturn', 'pick', 'unpick', 'keep'));
