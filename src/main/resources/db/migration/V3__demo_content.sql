-- Demo content is offered once, on a site's first start. A row here says that moment has passed, whether the
-- demo articles were loaded or the site already had content of its own, so that later starts never load them
-- again, even after an editor has deleted every demo article.
CREATE TABLE demo_content
(
    loaded_at     TIMESTAMPTZ NOT NULL,
    -- 0 when the site already had content and nothing was loaded.
    article_count INT         NOT NULL
);
