-- One thread per culprit: the commit a cause result blamed is kept with its mail, indexed, so a
-- new result blaming it again finds the first mail (queued or sent, within message.thread-window)
-- without searching keys. Mails stored before are filled from their key, whose last part is the
-- culprit hash: cause|culprit|<crash title>|<40 hex digits>.
alter table outbox add column culprit varchar(64);

update outbox set culprit = substr(result_key, char_length(result_key) - 39)
    where (result_key like 'cause|culprit|%' or result_key like 'unknown|culprit|%')
      and char_length(result_key) >= 55
      and substr(result_key, char_length(result_key) - 40, 1) = '|';

create index outbox_culprit on outbox (culprit, created_at);
