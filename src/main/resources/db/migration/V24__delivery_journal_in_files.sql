-- The delivery journal of the embedded store is now a directory of files beside the database
-- (culprit.journal/): a row's commit here wrote out every page other connections had changed
-- since the last commit. Rows an earlier version left are folded into the outbox when the
-- service starts; nothing writes the table any more.
comment on table delivery_journal is 'outcomes journaled by an earlier version; folded at start, then empty';
