-- Bulk-generates published articles for the benchmark (bench/run.sh), in one transaction.
--
--   psql -v ON_ERROR_STOP=1 -v articles=20000 -f bench/generate.sql
--
-- Tops the site up to :articles published articles by cloning the existing ones (the demo content): each
-- clone keeps its template's section, body, standfirst, main image (the image row is shared, not copied),
-- authors and tags, and gets a unique slug "<template slug>-bench-<n>" and a publication time spread over
-- the two years before the oldest article so far, so the fronts keep showing the real ones. Running it again
-- only adds what is missing.
--
-- A site with no published articles yet (demo content not available) first gets a few synthetic sections,
-- authors, tags and articles, so the benchmark still works.

\set ON_ERROR_STOP on
\if :{?articles}
\else
\set articles 20000
\endif
SET client_min_messages = warning;

BEGIN;

CREATE TEMP TABLE bench_flags ON COMMIT DROP AS
SELECT NOT EXISTS (SELECT 1 FROM section) AS no_sections;

-- Synthetic catalogue, only where there is none.
INSERT INTO section (parent_id, slug, path, name, description, position)
SELECT NULL, s.slug, s.slug, s.name, 'Synthetic benchmark section', s.position
FROM (VALUES ('world', 'World', 1), ('uk', 'UK', 2), ('business', 'Business', 3), ('sport', 'Sport', 4),
             ('culture', 'Culture', 5), ('opinion', 'Opinion', 6)) AS s(slug, name, position)
WHERE (SELECT no_sections FROM bench_flags);

INSERT INTO section (parent_id, slug, path, name, description, position)
SELECT p.id, s.slug, 'world/' || s.slug, s.name, 'Synthetic benchmark section', s.position
FROM (VALUES ('asia', 'Asia', 1), ('europe', 'Europe', 2), ('americas', 'Americas', 3)) AS s(slug, name, position)
JOIN section p ON p.path = 'world'
WHERE (SELECT no_sections FROM bench_flags);

INSERT INTO author (slug, name, job_title, bio)
SELECT 'bench-author-' || n, 'Bench Author ' || n, 'Correspondent', 'A synthetic author for the benchmark.'
FROM generate_series(1, 8) AS n
WHERE NOT EXISTS (SELECT 1 FROM author);

INSERT INTO tag (slug, name, description)
SELECT 'bench-tag-' || n, 'Bench tag ' || n, 'A synthetic tag for the benchmark.'
FROM generate_series(1, 12) AS n
WHERE NOT EXISTS (SELECT 1 FROM tag);

-- Synthetic template articles, only when nothing is published yet: about 6 KB of HTML each.
CREATE TEMP TABLE bench_new_template ON COMMIT DROP AS
SELECT n, 'bench-template-' || n AS slug
FROM generate_series(1, 24) AS n
WHERE NOT EXISTS (SELECT 1 FROM article WHERE status = 'PUBLISHED');

INSERT INTO article (section_id, slug, headline, standfirst, body_source, body_html, status, published_at,
                     modified_at, created_at, comments_enabled, comments_close_at)
SELECT (SELECT id FROM section ORDER BY id OFFSET (t.n % (SELECT count(*) FROM section)) LIMIT 1),
       t.slug,
       'Synthetic benchmark story number ' || t.n || ' about councils, courts and coastlines',
       'A generated article standing in for the demo content, long enough to look like a real news story.',
       '',
       (SELECT string_agg('<p>Paragraph ' || p || ' of story ' || t.n || '. Officials said on Tuesday that the '
                              || 'plans, first announced last spring, would be reviewed again after residents raised '
                              || 'concerns about cost, timing and the effect on local services. &ldquo;We have listened,'
                              || '&rdquo; a spokesperson said, adding that a decision was expected within weeks and '
                              || 'that further consultation would follow before any work began.</p>', E'\n')
        FROM generate_series(1, 16) AS p),
       'PUBLISHED',
       now() - make_interval(mins => 30 * t.n),
       now() - make_interval(mins => 30 * t.n),
       now() - make_interval(mins => 30 * t.n),
       true,
       now() - make_interval(mins => 30 * t.n) + interval '14 days'
FROM bench_new_template t;

INSERT INTO article_author (article_id, author_id, position)
SELECT a.id, au.id, 0
FROM bench_new_template t
JOIN article a ON a.slug = t.slug
JOIN LATERAL (SELECT id FROM author ORDER BY id OFFSET (t.n % (SELECT count(*) FROM author)) LIMIT 1) au ON true;

INSERT INTO article_tag (article_id, tag_id, position)
SELECT a.id, tg.id, tg.position
FROM bench_new_template t
JOIN article a ON a.slug = t.slug
JOIN LATERAL (SELECT id, row_number() OVER (ORDER BY id) - 1 AS position
              FROM (SELECT id FROM tag ORDER BY id OFFSET (t.n % greatest((SELECT count(*) FROM tag) - 1, 1)) LIMIT 2) two
             ) tg ON true;

-- The templates: published articles that are not themselves clones.
CREATE TEMP TABLE bench_template ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, slug
FROM article
WHERE status = 'PUBLISHED' AND slug !~ '-bench-[0-9]+$';

-- What to add: enough clones to reach :articles published articles, the newest two hours older than the oldest
-- article so far (so the fronts keep showing the real ones), the rest spread back over two years.
CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
WITH need AS (
    SELECT greatest(:articles - (SELECT count(*) FROM article WHERE status = 'PUBLISHED'), 0) AS n,
           (SELECT count(*) FROM bench_template) AS templates,
           (SELECT coalesce(max(id), 0) FROM article) AS base,
           (SELECT coalesce(min(published_at), now()) FROM article WHERE status = 'PUBLISHED') AS oldest_before
)
SELECT t.id AS template_id,
       t.slug || '-bench-' || (need.base + g.n) AS slug,
       need.oldest_before - interval '2 hours'
           - make_interval(secs => (g.n - 1) * (730.0 * 86400 / need.n))
           - make_interval(secs => (g.n * 7919) % 1800) AS published_at
FROM need
CROSS JOIN LATERAL generate_series(1, need.n) AS g(n)
JOIN bench_template t ON t.k = (g.n - 1) % need.templates
WHERE need.templates > 0;

INSERT INTO article (section_id, slug, headline, standfirst, body_source, body_html, main_image_id, status,
                     published_at, modified_at, created_at, comments_enabled, comments_close_at)
SELECT a.section_id, p.slug, a.headline, a.standfirst, a.body_source, a.body_html, a.main_image_id, 'PUBLISHED',
       p.published_at, p.published_at, p.published_at, a.comments_enabled, p.published_at + interval '14 days'
FROM bench_plan p
JOIN article a ON a.id = p.template_id
ON CONFLICT (slug) DO NOTHING;

INSERT INTO article_author (article_id, author_id, position)
SELECT c.id, aa.author_id, aa.position
FROM bench_plan p
JOIN article c ON c.slug = p.slug
JOIN article_author aa ON aa.article_id = p.template_id
ON CONFLICT DO NOTHING;

INSERT INTO article_tag (article_id, tag_id, position)
SELECT c.id, at.tag_id, at.position
FROM bench_plan p
JOIN article c ON c.slug = p.slug
JOIN article_tag at ON at.article_id = p.template_id
ON CONFLICT DO NOTHING;

COMMIT;

ANALYZE section;
ANALYZE author;
ANALYZE tag;
ANALYZE article;
ANALYZE article_author;
ANALYZE article_tag;

SELECT count(*) AS published_articles FROM article WHERE status = 'PUBLISHED';
