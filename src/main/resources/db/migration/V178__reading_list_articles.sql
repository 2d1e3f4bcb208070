-- Membership's own copy of what it needs of each saved article to search and sort the reading list
-- (headline, standfirst, when it was published), kept from the newsroom's events (ArticlePublished)
-- and filled at start-up for entries saved before it existed. It never joins the newsroom's tables.
CREATE TABLE reading_list_article
(
    article_id   BIGINT PRIMARY KEY,
    headline     TEXT        NOT NULL,
    standfirst   TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    -- False once the article is taken down: still listed, without a link, until the member removes it.
    published    BOOLEAN     NOT NULL
);
