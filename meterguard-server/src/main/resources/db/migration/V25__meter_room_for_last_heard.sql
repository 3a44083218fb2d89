-- The head-end's last-heard flush (MeterRegistry.flushHeard) updates, in one statement, every meter heard in the last
-- few seconds: meters that push together sit together, so it updates whole pages at once. Every new row version must
-- then fit on its page beside the old ones (which die only when the statement commits) for the update to be HOT; at
-- V3's fillfactor 70 about 70 % were not, and each of those wrote a new row elsewhere and an entry in both of the
-- table's indexes (measured in the end-to-end benchmark: 3.3 WAL records a meter, a quarter of the push's WAL).
-- A meter row is about 84 bytes when registered and 114 once heard; 35 % full leaves room for each row on a page
-- (about 34) to be rewritten at its full size. Pages written from now on get it; rows stored before keep theirs
-- until the table is rewritten (VACUUM FULL meter), which a migration cannot do inside its transaction.
ALTER TABLE meter SET (fillfactor = 35);
