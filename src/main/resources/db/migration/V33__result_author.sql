-- The address of the author of the commit a result blamed (the culprit, or a fix bisection's fix),
-- written at intake whether or not the recipient policy kept the author as a recipient (deny list,
-- opt-out, allowed domains, redirect): a reply from that address acts as the author's. Null when
-- the result names no commit author. author_recorded tells the results stored since from those
-- stored before, whose author only the reasons of their recipients tell.
alter table result_summary add column culprit_author varchar(320);
alter table result_summary add column author_recorded boolean default false not null;
