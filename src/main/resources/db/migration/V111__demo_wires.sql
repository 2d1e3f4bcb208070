-- When the demo's sample wire copy (demo/wires) was left in the wire folder: once per demo site, by
-- whichever node claims this first. Null on a site that has not had it yet.
ALTER TABLE demo_content ADD COLUMN wires_at TIMESTAMPTZ;
