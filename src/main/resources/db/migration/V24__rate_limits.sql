-- Rate limit buckets (Bucket4j's PostgreSQL store), shared by every app node. The id is the limit's
-- name and a hash of the key, never a raw client or e-mail address. A row is worth keeping only
-- until its bucket would be full again (expires_at, in epoch milliseconds); a sweep deletes it then.
-- Unlogged: after a database crash the table comes back empty, which only forgives recent attempts,
-- and in return counting a request writes nothing to the WAL.
CREATE UNLOGGED TABLE rate_limit_bucket
(
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
