-- The version of a wire story its draft was made from, so that the draft can say when the agency has sent a
-- newer one. Unknown (NULL) for drafts made before it was kept.
ALTER TABLE wire_item ADD COLUMN drafted_version INT;
