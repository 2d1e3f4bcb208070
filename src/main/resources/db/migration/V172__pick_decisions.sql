-- Picking and un-picking a comment are written to the moderation audit log like every decision.
ALTER TABLE moderation_decision DROP CONSTRAINT moderation_decision_action_check;
ALTER TABLE moderation_decision ADD CONSTRAINT moderation_decision_action_check
    CHECK (action IN ('approve', 'reject', 'uphold', 'overturn', 'pick', 'unpick'));
