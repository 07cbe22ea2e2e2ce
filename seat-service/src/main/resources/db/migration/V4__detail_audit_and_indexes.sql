-- What the table filters and searches on, served from indexes.
create extension if not exists pg_trgm;

alter table user_row
    add column secondary_numbers text[] not null default '{}',
    -- [{"role": "dispatcher", "disabledTenantIds": [...]}] from the directory: roles switched off per tenant.
    add column role_assignments  jsonb  not null default '[]',
    -- Name, email and direct line in one lower-cased string: one trigram index answers the search box.
    add column search_text text generated always as (
        lower(first_name || ' ' || last_name || ' ' || email || ' ' || coalesce(direct_line, ''))) stored;

create index user_row_search on user_row using gin (search_text gin_trgm_ops) where status <> 'DEACTIVATED';
create index user_row_by_email on user_row (network_id, lower(email), user_id) where status <> 'DEACTIVATED';
create index user_row_roles on user_row using gin (roles) where status <> 'DEACTIVATED';
create index user_row_seat on user_row (network_id, seat_level, lower(last_name), lower(first_name), user_id)
    where status <> 'DEACTIVATED';
create index user_queue_by_queue on user_queue (queue_id, user_id);

-- Teardown reports belong to one deactivation: a reactivated then again deactivated user starts a fresh round.
alter table teardown_report add column deactivation_version bigint not null default -1;
alter table teardown_report drop constraint teardown_report_pkey;
alter table teardown_report add primary key (user_id, service, deactivation_version);
alter table user_row add column deactivation_version bigint;

-- Role definitions (from directory.roles.v1): the permissions a user's roles grant, for the detail flyout.
create table role_def (
    network_id                uuid    not null,
    role_key                  text    not null,
    name                      text    not null,
    hub_permissions           text[]  not null,
    servicetitan_permissions  text[]  not null,
    deleted                   boolean not null,
    version                   bigint  not null,
    primary key (network_id, role_key)
);

-- Effective recording settings per user (from routing.recording.v1).
create table user_recording (
    user_id      uuid primary key,
    network_id   uuid    not null,
    inbound      text    not null,
    outbound     text    not null,
    announcement text    not null,
    customized   boolean not null,
    version      bigint  not null
);

-- Every ServiceTitan link (not only the problems) and the last Office Phone written there: the sync status.
alter table sync_problem rename to sync_link;
alter table sync_link
    add column employee_id          bigint,
    add column office_phone         text,
    add column office_phone_written timestamptz,
    add column checked_at           timestamptz;

-- Every change to a user in any service, from the events: who, when, what (before → after).
create table audit_entry (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    user_id     uuid        not null,
    network_id  uuid        not null,
    occurred_at timestamptz not null,
    actor       text,
    source      text        not null,
    type        text        not null,
    -- What part of the user the event is about (profile, seat, line, queue:<id>, …): before is the previous state of it.
    aspect      text        not null,
    state       jsonb       not null,
    changes     jsonb       not null
);
create index audit_entry_by_user on audit_entry (user_id, occurred_at desc, id desc);
create index audit_entry_by_aspect on audit_entry (user_id, aspect, id);
