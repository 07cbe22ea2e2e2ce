alter table user_row
    add column tenant_ids   uuid[]  not null default '{}',
    add column direct_line  text,
    add column line_version bigint  not null default -1,
    add column bill_to      uuid,
    add column seat_version bigint  not null default 0;

-- The E911 address of a user's line, normalized; an unverified one was saved on the admin's explicit say-so.
create table e911_address (
    user_id     uuid primary key,
    network_id  uuid        not null,
    street      text        not null,
    unit        text,
    city        text        not null,
    state       text        not null,
    country     text        not null,
    postal_code text        not null,
    verified    boolean     not null,
    warning     text,
    updated_at  timestamptz not null default now()
);
