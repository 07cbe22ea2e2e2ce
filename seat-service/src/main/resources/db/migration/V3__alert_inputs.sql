-- Queue memberships (from routing events) and ServiceTitan link problems (from sync events): inputs of the alerts.
create table user_queue (
    user_id    uuid not null,
    queue_id   uuid not null,
    network_id uuid not null,
    queue_name text not null,
    primary key (user_id, queue_id)
);

create table sync_problem (
    user_id                uuid   not null,
    tenant_id              uuid   not null,
    network_id             uuid   not null,
    servicetitan_tenant_id bigint not null,
    status                 text   not null,
    primary key (user_id, tenant_id)
);
