-- A deleted reader's appeals are kept for the transparency report's counts, without their words: an
-- appeal's text may be empty once its reader is gone (a new appeal still says why: the app requires it).
ALTER TABLE moderation_appeal DROP CONSTRAINT moderation_appeal_text_check;
ALTER TABLE moderation_appeal ADD CONSTRAINT moderation_appeal_text_check CHECK (length(text) <= 1000);
