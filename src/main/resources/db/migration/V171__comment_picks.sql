-- Staff picks: comments a moderator or an editor chose to show under the conversation's Picks tab. The
-- discussion owns them (a picked comment is marked wherever it is shown); who picked it is in
-- moderation's audit log. A pick leaves with its comment.
CREATE TABLE comment_pick
(
    comment_id BIGINT PRIMARY KEY REFERENCES comment (id) ON DELETE CASCADE,
    article_id BIGINT      NOT NULL,
    picked_at  TIMESTAMPTZ NOT NULL
);

-- The Picks tab: an article's picks, latest first.
CREATE INDEX comment_pick_by_article ON comment_pick (article_id, picked_at DESC, comment_id DESC);
