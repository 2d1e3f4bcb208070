-- Ranking reads a small vector of the headline, topics, standfirst and authors, kept in the row, instead of
-- the whole document's (about 2 KB, compressed out of line: reading thousands of those per query made a
-- common word cost a fifth of a second). Rows indexed before this get their headline and standfirst here,
-- and their topics and authors when the article is next published.
ALTER TABLE search_document ADD COLUMN title_document TSVECTOR;
UPDATE search_document
SET title_document = setweight(to_tsvector('masthead_english', headline), 'A')
                         || setweight(to_tsvector('masthead_english', standfirst), 'B');
ALTER TABLE search_document ALTER COLUMN title_document SET NOT NULL;
ALTER TABLE search_document ALTER COLUMN title_document SET STORAGE MAIN;
