-- What the transparency report counts that no table keeps: comments refused by a rule (never stored),
-- reports heard, and comments held after reports. One row per month (in the site's time zone) and thing.
CREATE TABLE moderation_tally
(
    month DATE NOT NULL,
    what  TEXT NOT NULL,
    count INT  NOT NULL CHECK (count >= 0),
    PRIMARY KEY (month, what)
);
-- The report's months, for the tables it counts by time.
CREATE INDEX moderation_sanction_by_time ON moderation_sanction (starts_at);
CREATE INDEX moderation_appeal_by_time ON moderation_appeal (appealed_at);
