-- Per-minute sales rows are read for the last hour only; SalesMinutesRetention deletes those older than its
-- retention, oldest first, which needs them found by minute rather than by the organisation-first primary key.
-- The index changes nothing for a sale's upsert of an existing minute row (the minute never changes).
create index sales_minutes_by_minute on sales_minutes (minute);
