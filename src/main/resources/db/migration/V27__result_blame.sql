-- The commit each stored cause result blamed and the crash it bisected: a new result whose commit
-- was already blamed for another crash raises blamed-before. Results stored before this table
-- existed are not counted.
create table result_blame (
    key_hash   varchar(64)   primary key,
    culprit    varchar(64)   not null,
    crash      varchar(4000),
    created_at timestamp with time zone not null
);

create index result_blame_culprit on result_blame (culprit);
