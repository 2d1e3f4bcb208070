-- Notification mail (replies, mentions, digests) is a kind of its own: the recipient did not ask for
-- it by acting, may turn it off, and so, like marketing mail, it always carries an unsubscribe link.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('TRANSACTIONAL', 'MARKETING', 'NOTIFICATION'));
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_notification_unsubscribe_check
    CHECK (kind <> 'NOTIFICATION' OR unsubscribe_url IS NOT NULL);
