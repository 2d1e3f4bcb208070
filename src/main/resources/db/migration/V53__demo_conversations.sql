-- When the demo readers' conversations were posted (see demo/conversations.txt): once per demo site, by
-- whichever node claims this first. Null on a site that has not had them yet.
ALTER TABLE demo_content ADD COLUMN conversations_at TIMESTAMPTZ;
