-- A published comment is now recorded in conversation_news by the transaction that posts it, and a round
-- tells everyone it concerns: the reader it replies to, those it mentions, its author's followers, then the
-- conversation's followers. Before, a listener behind the event publication registry told the first three
-- and recorded the comment for the round; another counted it for "most commented". told is now filled in
-- by the round.
ALTER TABLE conversation_news
    ADD COLUMN in_reply_to_author_id BIGINT,
    ADD COLUMN mentioned_ids         BIGINT[] NOT NULL DEFAULT '{}';

-- What those listeners still owed is handed over, not lost: comments to the rounds, counts to the hour.
INSERT INTO conversation_news (comment_id, article_id, author_id, in_reply_to_author_id, mentioned_ids,
                               article_headline, excerpt, told, recorded_at)
SELECT (e ->> 'commentId')::bigint,
       (e ->> 'articleId')::bigint,
       (e ->> 'authorId')::bigint,
       (e ->> 'inReplyToAuthorId')::bigint,
       ARRAY(SELECT jsonb_array_elements_text(coalesce(e -> 'mentionedIds', '[]'::jsonb))::bigint),
       e ->> 'articleHeadline',
       e ->> 'excerpt',
       '{}',
       p.publication_date
FROM event_publication p,
     LATERAL (SELECT p.serialized_event::jsonb AS e) event
WHERE p.completion_date IS NULL
  AND p.event_type = 'org.masthead.discussion.CommentPosted'
  AND p.listener_id LIKE '%.CommentNotifications.on(%'
ON CONFLICT (comment_id) DO NOTHING;

INSERT INTO article_activity (article_id, hour, comments)
SELECT (p.serialized_event::jsonb ->> 'articleId')::bigint, date_trunc('hour', p.publication_date), count(*)
FROM event_publication p
WHERE p.completion_date IS NULL
  AND p.event_type = 'org.masthead.discussion.CommentPosted'
  AND p.listener_id LIKE '%.Trends.on(%'
GROUP BY 1, 2
ON CONFLICT (article_id, hour) DO UPDATE SET comments = article_activity.comments + excluded.comments;

DELETE FROM event_publication
WHERE completion_date IS NULL
  AND event_type = 'org.masthead.discussion.CommentPosted'
  AND (listener_id LIKE '%.CommentNotifications.on(%' OR listener_id LIKE '%.Trends.on(%');
