-- A batch notification counts its distinct actors by asking whether an actor is new to it, not by counting
-- all its sources again: a busy conversation's batch gathers thousands.
CREATE INDEX notification_source_by_notification_actor ON notification_source (notification_id, actor_id);
DROP INDEX notification_source_by_notification;
