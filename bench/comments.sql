-- Readers and comments for bench/discussion.sh. Run with psql against the app's database:
--   psql -v article=<id> -v readers=200 -v comments=10000 -f bench/comments.sql
-- Idempotent: it adds only the readers and comments that are missing. The readers share the demo reader's
-- password hash (the demo content must be loaded), so they sign in with its password.
\set ON_ERROR_STOP on

BEGIN;

INSERT INTO account (email, email_verified_at, display_name, password_hash)
SELECT 'bench-reader-' || n || '@masthead.test', now(), 'Bench reader ' || n,
       (SELECT password_hash FROM account WHERE email = 'reader@masthead.test')
FROM generate_series(1, :readers) AS n
WHERE NOT EXISTS (SELECT 1 FROM account WHERE email = 'bench-reader-' || n || '@masthead.test');

DO $$ BEGIN
    IF (SELECT password_hash FROM account WHERE email = 'bench-reader-1@masthead.test') IS NULL THEN
        RAISE EXCEPTION 'the bench readers have no password: is the demo content (reader@masthead.test) loaded?';
    END IF;
END $$;

-- Vouched for, as readers with a history are: a new reader's first comments would wait for a moderator.
INSERT INTO moderation_trusted_reader (account_id, trusted_at)
SELECT id, now() FROM account WHERE email LIKE 'bench-reader-%@masthead.test'
ON CONFLICT DO NOTHING;

-- Open for comments for as long as any run takes.
UPDATE article SET comments_enabled = true, comments_close_at = now() + interval '30 days' WHERE id = :article;

CREATE TEMPORARY TABLE bench_reader AS
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM account WHERE email LIKE 'bench-reader-%@masthead.test';

-- Four in five missing comments are top-level, spread over the two days before now; the rest reply to them.
WITH missing AS (
    SELECT greatest(0, :comments - (SELECT count(*) FROM comment WHERE article_id = :article)) AS n
)
INSERT INTO comment (article_id, author_id, body, status, recommendations, posted_at, idempotency_key)
SELECT :article,
       (SELECT id FROM bench_reader WHERE n = i % (SELECT count(*) FROM bench_reader)),
       'Comment ' || i || E' on the story, as a reader might write it: a first paragraph with a thought.\n\n'
           || 'And a second, longer paragraph that answers another reader, disagrees a little, and ends with a question?',
       'published',
       (i * 7919) % 60,
       now() - interval '2 days' + (i * interval '1 second') * (172000.0 / greatest(1, (SELECT n FROM missing))),
       gen_random_uuid()
FROM generate_series(1, (SELECT n * 4 / 5 FROM missing)) AS i;

CREATE TEMPORARY TABLE bench_top AS
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, posted_at
FROM comment WHERE article_id = :article AND parent_id IS NULL;

WITH missing AS (
    SELECT greatest(0, :comments - (SELECT count(*) FROM comment WHERE article_id = :article)) AS n
)
INSERT INTO comment (article_id, author_id, parent_id, in_reply_to_id, body, status, recommendations, posted_at,
                     idempotency_key)
SELECT :article,
       (SELECT id FROM bench_reader WHERE n = (i * 31) % (SELECT count(*) FROM bench_reader)),
       t.id, t.id,
       'Reply ' || i || ': a shorter answer to the comment above.',
       'published',
       (i * 104729) % 20,
       t.posted_at + interval '1 minute' * (1 + i % 90),
       gen_random_uuid()
FROM generate_series(1, (SELECT n FROM missing)) AS i
JOIN bench_top t ON t.n = (i * 13) % (SELECT count(*) FROM bench_top);

-- The counters the pages read.
UPDATE comment c SET reply_count = r.replies
FROM (SELECT parent_id, count(*) AS replies FROM comment
      WHERE article_id = :article AND parent_id IS NOT NULL AND status = 'published' GROUP BY parent_id) r
WHERE c.id = r.parent_id;

INSERT INTO comment_thread (article_id, comment_count, updated_at)
SELECT :article, count(*), now() FROM comment WHERE article_id = :article AND status = 'published'
ON CONFLICT (article_id) DO UPDATE SET comment_count = excluded.comment_count, updated_at = excluded.updated_at;

COMMIT;

ANALYZE comment;
