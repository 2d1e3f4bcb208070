-- An unpublished article may name the article that replaces it: its old address then redirects
-- there instead of answering 410 Gone.
ALTER TABLE article
    ADD COLUMN replaced_by BIGINT REFERENCES article (id) ON DELETE SET NULL;
