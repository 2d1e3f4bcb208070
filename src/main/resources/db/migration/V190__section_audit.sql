-- The newsroom's log records who added a section and who changed one, as it does for articles and fronts.
ALTER TABLE article_audit
    ADD COLUMN section_id BIGINT REFERENCES section (id),
    DROP CONSTRAINT article_audit_subject_check,
    ADD CONSTRAINT article_audit_subject_check
        CHECK (article_id IS NOT NULL OR front IS NOT NULL OR section_id IS NOT NULL);
