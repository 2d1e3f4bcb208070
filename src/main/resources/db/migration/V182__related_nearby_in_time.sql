-- Related stories are sought among the articles published nearest in time to an article: this index holds
-- what comparing them needs (topics and title document), so that reading them does not visit the table.
DROP INDEX search_document_published_idx;
CREATE INDEX search_document_published_idx ON search_document (published_at DESC, article_id DESC)
    INCLUDE (tag_ids, title_document);
