-- The tenants each hub user is assigned to, with the ServiceTitan tenant id (from directory events).
create table user_tenant (
    user_id                uuid   not null references directory_user (user_id) on delete cascade,
    tenant_id              uuid   not null,
    servicetitan_tenant_id bigint not null,
    primary key (user_id, tenant_id)
);

-- The user's direct line as number-service last announced it; line_version orders number events per user.
create table user_line (
    user_id      uuid primary key,
    number       text,
    line_version bigint      not null,
    updated_at   timestamptz not null default now()
);

-- Which ServiceTitan employee a hub user is in each assigned tenant, found by email.
create table st_link (
    user_id                uuid        not null,
    tenant_id              uuid        not null,
    network_id             uuid        not null,
    servicetitan_tenant_id bigint      not null,
    email                  text        not null,
    status                 text        not null check (status in ('PENDING', 'LINKED', 'NOT_FOUND', 'AMBIGUOUS')),
    employee_id            bigint,
    attempts               integer     not null default 0,
    next_attempt_at        timestamptz not null default now(),
    claimed_until          timestamptz,
    last_error             text,
    checked_at             timestamptz,
    primary key (user_id, tenant_id)
);
create index st_link_due on st_link (next_attempt_at) where status = 'PENDING';

-- The Office Phone write queue: one row per (user, tenant), so a newer value replaces an older one still waiting.
create table phone_write (
    user_id                uuid        not null,
    tenant_id              uuid        not null,
    network_id             uuid        not null,
    servicetitan_tenant_id bigint      not null,
    employee_id            bigint      not null,
    desired_phone          text,
    desired_seq            bigint      not null default 1,
    status                 text        not null check (status in ('PENDING', 'DONE', 'FAILED')),
    attempts               integer     not null default 0,
    next_attempt_at        timestamptz not null default now(),
    claimed_until          timestamptz,
    last_attempt_at        timestamptz,
    last_result            text,
    written_phone          text,
    written_at             timestamptz,
    created_at             timestamptz not null default now(),
    primary key (user_id, tenant_id)
);
create index phone_write_due on phone_write (next_attempt_at) where status = 'PENDING';
