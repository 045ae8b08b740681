-- Whether a recipient is a person or a mailing list (lists are exempt from the per-person cap) is
-- kept with the recipient, as the recipients were resolved. Rows stored before knew it only from
-- the reason the bisection's list gave ("mailing list of the changed code, ...").
alter table outbox_recipient add column kind varchar(8) default 'person' not null;

update outbox_recipient set kind = 'list' where lower(reasons) like '%mailing list%';

alter table outbox_recipient add constraint recipient_kind_known check (kind in ('person', 'list'));
