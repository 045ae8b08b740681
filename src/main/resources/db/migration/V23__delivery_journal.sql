-- The outcome of a mail just sent, one small row, committed before the next mail is completed
-- on the wire. On the embedded store a commit writes out every page its transaction changed, and
-- an outcome written in place changes seven trees (the outbox row and its index by state, the
-- recipients, the ledger and its indexes): about 36 KB a mail. A journal row changes one. The
-- outcomes are folded into the outbox, its recipients and the ledger many mails to a transaction,
-- at the end of each batch and when the store is opened after a crash; then their rows go.
-- No foreign key: a row lives for one batch, and checking it would read the outbox at every mail.
create table delivery_journal (
    outbox_id   bigint       primary key,
    outcome     varchar(1000000) not null,
    recorded_at timestamp with time zone not null
);
