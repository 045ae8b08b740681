-- One row per result (a mail that came from a log, not a notice, a correction or an answer):
-- the status pages list results from here, newest first by the primary key, and show what the
-- log said from the JSON summary written at intake. Results stored before have no summary: their
-- pages say "not recorded".
create table result_summary (
    outbox_id   bigint           primary key references outbox (id),
    crash_title varchar(4096),
    culprit     varchar(4096),
    summary     varchar(1000000)
);

insert into result_summary (outbox_id)
    select id from outbox where result_key not like 'moderation-notice|%' and result_key not like 'retraction|%';
