-- Numbers held by people. The number inventory (purchase, usage, carrier) comes with the Number issue.
create table user_number (
    number      text primary key,
    network_id  uuid        not null,
    user_id     uuid        not null,
    kind        text        not null check (kind in ('DIRECT_LINE', 'SECONDARY')),
    assigned_at timestamptz not null default now()
);
create index user_number_user on user_number (user_id);

-- Numbers released from a person: kept for the network and assignable again.
create table reserve_number (
    number             text primary key,
    network_id         uuid        not null,
    released_from_user uuid,
    released_at        timestamptz not null default now()
);
