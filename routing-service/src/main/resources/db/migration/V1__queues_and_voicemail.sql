create table queue (
    id         uuid primary key,
    network_id uuid not null,
    name       text not null,
    kind       text not null check (kind in ('CALL_CENTER', 'DEPARTMENT'))
);

create table queue_member (
    queue_id   uuid        not null references queue (id) on delete cascade,
    user_id    uuid        not null,
    network_id uuid        not null,
    joined_at  timestamptz not null default now(),
    primary key (queue_id, user_id)
);
create index queue_member_user on queue_member (user_id);

create table voicemail_box (
    user_id    uuid primary key,
    network_id uuid        not null,
    created_at timestamptz not null default now()
);
