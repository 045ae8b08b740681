-- Each outcome of a delivery is committed in place, in the outbox, before the next mail is sent.
-- The rows an earlier version left in its delivery journal are applied to the outbox when the
-- store is opened, before this migration runs; the table goes.
drop table delivery_journal;
