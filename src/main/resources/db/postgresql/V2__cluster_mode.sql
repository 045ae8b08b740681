-- Whether the database is shared by a cluster of instances. The first instance started with
-- state.cluster: true writes the row; an instance without it refuses to start while the row is
-- there, since it would neither take part in the cluster's schedule nor expect other senders.
create table culprit_cluster (
    id         integer      primary key,
    enabled_at timestamp with time zone not null,
    enabled_by varchar(200) not null,
    constraint culprit_cluster_one_row check (id = 1)
);
