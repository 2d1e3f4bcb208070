-- The forum's event logs grow by a row for every comment posted, so autovacuum analyses each of them every
-- time it has grown by a tenth: at 200 comments a second, about once a minute. ANALYZE reads 300 rows per
-- unit of the largest statistics target of a table's columns, 30,000 at the default of 100, and that took a
-- CPU for 0.6 s (live_event) to 0.9 s (notification_actor) on two cores, where posts waited meanwhile. These
-- logs are read only through their indexes, by key, by article or by time, so no plan rests on a detailed
-- picture of their values: 3,000 rows describe them well enough (0.13 s and 0.07 s).
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT a.attrelid::regclass AS log, a.attname AS name
        FROM pg_attribute a
        WHERE a.attrelid IN ('live_event'::regclass, 'moderation_screening'::regclass,
                             'conversation_news'::regclass, 'notification_actor'::regclass)
          AND a.attnum > 0 AND NOT a.attisdropped
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 10', col.log, col.name);
    END LOOP;
END
$$;
