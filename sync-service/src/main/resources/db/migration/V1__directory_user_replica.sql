-- Local replica of directory users: what sync-service needs to find each user's ServiceTitan employees.
create table directory_user (
    user_id           uuid primary key,
    network_id        uuid        not null,
    email             text        not null,
    first_name        text        not null default '',
    last_name         text        not null default '',
    status            text        not null,
    directory_version bigint      not null,
    updated_at        timestamptz not null default now()
);
create index directory_user_email on directory_user (network_id, lower(email));
