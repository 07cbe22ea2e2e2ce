-- Tenants: the network's ServiceTitan accounts.
create table tenant (
    id                     uuid primary key,
    network_id             uuid        not null references network (id),
    name                   text        not null,
    servicetitan_tenant_id bigint      not null check (servicetitan_tenant_id > 0),
    version                bigint      not null default 0,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);
create unique index tenant_name_per_network on tenant (network_id, lower(name));
create unique index tenant_st_id_per_network on tenant (network_id, servicetitan_tenant_id);

-- Roles: named sets of hub permissions and ServiceTitan (per tenant) permissions. Users refer to a role by its key.
create table role (
    id                      uuid primary key,
    network_id              uuid        not null references network (id),
    key                     text        not null,
    name                    text        not null,
    description             text,
    built_in                boolean     not null default false,
    hub_permissions         text[]      not null default '{}',
    servicetitan_permissions text[]     not null default '{}',
    version                 bigint      not null default 0,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now()
);
create unique index role_key_per_network on role (network_id, key);
create unique index role_name_per_network on role (network_id, lower(name));

create index user_role_by_role on user_role (role, user_id);

-- A role a user holds can be switched off for one of their tenants (seed 002).
create table user_role_disabled_tenant (
    user_id   uuid not null,
    role      text not null,
    tenant_id uuid not null references tenant (id),
    -- (user_id, role) is kept within the user's roles by UserService
    primary key (user_id, role, tenant_id)
);

-- Tenants assigned to a user; a tenant someone is assigned to cannot be deleted.
create table user_tenant (
    user_id   uuid not null references app_user (id) on delete cascade,
    tenant_id uuid not null references tenant (id),
    primary key (user_id, tenant_id)
);
create index user_tenant_by_tenant on user_tenant (tenant_id, user_id);

alter table app_user
    add column invite_sent_at  timestamptz,
    add column failed_sign_ins integer not null default 0,
    add column locked_until    timestamptz,
    add column external_id     text,
    add column search_text     text generated always as (lower(first_name || ' ' || last_name || ' ' || email)) stored;

-- Search by any part of name or email (case-insensitive, partial) and list in name order, both from indexes.
create extension if not exists pg_trgm;
create index app_user_search on app_user using gin (search_text gin_trgm_ops);
create index app_user_by_name on app_user (network_id, lower(last_name), lower(first_name), id);

-- Invitation tokens are stored hashed: a leaked table does not let anyone accept an invitation.
create table invitation (
    id          uuid primary key,
    user_id     uuid        not null references app_user (id) on delete cascade,
    token_hash  text        not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    revoked_at  timestamptz
);
create index invitation_by_user on invitation (user_id);

-- One SCIM bearer secret per network (stored hashed), for the customer's identity provider.
create table scim_credential (
    network_id  uuid primary key references network (id),
    secret_hash text        not null unique,
    created_at  timestamptz not null default now()
);

-- A network's external OIDC issuer for single sign-on.
create table sso_issuer (
    network_id uuid primary key references network (id),
    issuer     text        not null unique,
    jwks_uri   text,
    jwks       text,
    audience   text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index app_user_external_id on app_user (network_id, external_id) where external_id is not null;
