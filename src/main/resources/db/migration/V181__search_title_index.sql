-- Ranking reads every article whose title document (headline, topics, standfirst, authors) matches the whole
-- query, found through this index; articles matching in the body alone are read newest first, only as many as
-- a page needs.
CREATE INDEX search_document_title_idx ON search_document USING GIN (title_document);
