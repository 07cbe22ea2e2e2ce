alter table queue
    add column tenant_id  uuid,
    add column created_at timestamptz not null default now(),
    add column version    bigint      not null default 0;
create unique index queue_name_per_network on queue (network_id, lower(name));

-- What routing-service knows of each hub user, from directory, seat and number events; each part keeps the version of
-- the event it came from, so events from different topics apply in any order.
create table routing_user (
    user_id           uuid primary key,
    network_id        uuid        not null,
    email             text,
    first_name        text,
    last_name         text,
    status            text,
    directory_version bigint      not null default -1,
    seat_level        text        not null default 'NONE',
    e911              boolean     not null default false,
    seat_version      bigint      not null default -1,
    direct_line       text,
    line_version      bigint      not null default -1,
    updated_at        timestamptz not null default now()
);
create index routing_user_email on routing_user (network_id, lower(email));

alter table voicemail_box
    add column email_notifications boolean not null default true;

-- Up to 10 hub users copied on a box's notifications.
create table voicemail_cc (
    box_user_id uuid not null references voicemail_box (user_id) on delete cascade,
    cc_user_id  uuid not null,
    primary key (box_user_id, cc_user_id)
);
create index voicemail_cc_by_cc on voicemail_cc (cc_user_id);

create table voicemail_message (
    id               uuid primary key,
    box_user_id      uuid        not null references voicemail_box (user_id) on delete cascade,
    network_id       uuid        not null,
    caller           text        not null,
    received_at      timestamptz not null,
    duration_seconds integer     not null,
    audio_ref        text        not null,
    read_at          timestamptz
);
create index voicemail_message_box on voicemail_message (box_user_id, received_at desc);

-- Recording: the network's defaults and per-user overrides (a null column follows the default).
create table recording_default (
    network_id   uuid primary key,
    inbound      text        not null,
    outbound     text        not null,
    announcement text        not null,
    version      bigint      not null default 0,
    updated_at   timestamptz not null default now()
);
create table recording_override (
    user_id      uuid primary key,
    network_id   uuid        not null,
    inbound      text,
    outbound     text,
    announcement text,
    version      bigint      not null default 0,
    updated_at   timestamptz not null default now()
);
