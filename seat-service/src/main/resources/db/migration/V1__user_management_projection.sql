-- The User Management view: one row per user, fed by every service's events.
create table user_row (
    user_id           uuid primary key,
    network_id        uuid        not null,
    email             text        not null,
    first_name        text        not null default '',
    last_name         text        not null default '',
    status            text        not null check (status in ('INVITED', 'ACTIVE', 'DEACTIVATED')),
    roles             text[]      not null default '{}',
    seat_level        text        not null default 'NONE' check (seat_level in ('NONE', 'BASIC', 'ADVANCED')),
    -- Version of the directory user this row reflects: older events are ignored.
    directory_version bigint      not null,
    deactivated_at    timestamptz,
    updated_at        timestamptz not null default now()
);
create index user_row_listing on user_row (network_id, lower(last_name), lower(first_name), user_id)
    where status <> 'DEACTIVATED';

-- What each service reported it tore down for a deactivated user; arrives in any order relative to user_row.
create table teardown_report (
    user_id     uuid        not null,
    service     text        not null,
    network_id  uuid        not null,
    detail      text        not null,
    reported_at timestamptz not null,
    primary key (user_id, service)
);
