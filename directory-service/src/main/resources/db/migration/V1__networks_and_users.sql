create table network (
    id         uuid primary key,
    name       text        not null,
    created_at timestamptz not null default now()
);

create table app_user (
    id             uuid primary key,
    network_id     uuid        not null references network (id),
    email          text        not null,
    first_name     text        not null,
    last_name      text        not null,
    phone          text,
    status         text        not null check (status in ('INVITED', 'ACTIVE', 'DEACTIVATED')),
    password_hash  text,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    deactivated_at timestamptz
);
-- Email is unique within a network, whatever its case.
create unique index app_user_email_per_network on app_user (network_id, lower(email));
create index app_user_email on app_user (lower(email));

create table user_role (
    user_id uuid not null references app_user (id) on delete cascade,
    role    text not null,
    primary key (user_id, role)
);
