-- The other rules that would have held a held comment too (the first to hold it is in step): a new
-- reader's comment with too many links is found under the links filter as well as the new-reader one.
ALTER TABLE moderation_screening ADD COLUMN also_held_by TEXT[] NOT NULL DEFAULT '{}';
