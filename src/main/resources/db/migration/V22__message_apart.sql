-- A mail's message is written once, but its outbox row changes at every step (claimed, sent,
-- retried). In the row, each of those changes wrote the whole message out again, at every
-- commit and for every mail of a claimed batch. Kept apart, a change rewrites a small row.
create table outbox_message (
    outbox_id bigint primary key references outbox (id),
    message   bytea  not null
);

insert into outbox_message (outbox_id, message) select id, message from outbox;

alter table outbox drop column message;

-- The ledger is read by time and by address, never row by row: its rows need no key. The key's
-- sequence cost a write of its own every few mails.
alter table sent_ledger drop column id;
