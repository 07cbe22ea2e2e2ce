-- The network's phone-number inventory: every number it bought, whoever holds it.
create table phone_number (
    number             text primary key,          -- E.164
    network_id         uuid        not null,
    usage              text        not null check (usage in ('DIRECT_LINE', 'TRACKING', 'MARKETING')),
    status             text        not null check (status in ('AVAILABLE', 'ASSIGNED', 'RESERVED')),
    user_id            uuid,
    line_role          text check (line_role in ('PRIMARY', 'SECONDARY')),
    area_code          text        not null,
    toll_free          boolean     not null default false,
    use_default_forwarding boolean not null default true,
    forwarding_number  text,
    sms_allowed        boolean     not null default false,
    is_lead            boolean     not null default false,
    campaign           text,
    carrier_order_id   text,
    released_from_user uuid,
    purchased_at       timestamptz not null default now(),
    assigned_at        timestamptz,
    reserved_at        timestamptz,
    version            bigint      not null default 0,
    check ((status = 'ASSIGNED') = (user_id is not null and line_role is not null)),
    check (status <> 'ASSIGNED' or usage = 'DIRECT_LINE')
);
-- A person has one primary number (their direct line) at most.
create unique index phone_number_one_primary on phone_number (user_id) where line_role = 'PRIMARY';
create index phone_number_by_user on phone_number (user_id) where user_id is not null;
create index phone_number_inventory on phone_number (network_id, status, usage, area_code, number);

-- What this service knows of hub users (from directory events), and a counter per user of line changes that
-- consumers use to apply number events in order.
create table known_user (
    user_id           uuid primary key,
    network_id        uuid        not null,
    status            text        not null,
    directory_version bigint      not null,
    line_version      bigint      not null default 0,
    updated_at        timestamptz not null default now()
);

insert into phone_number (number, network_id, usage, status, user_id, line_role, area_code, assigned_at)
select number, network_id, 'DIRECT_LINE', 'ASSIGNED', user_id,
       case kind when 'DIRECT_LINE' then 'PRIMARY' else 'SECONDARY' end, substr(number, 3, 3), assigned_at
  from user_number;
insert into phone_number (number, network_id, usage, status, released_from_user, area_code, reserved_at)
select number, network_id, 'DIRECT_LINE', 'RESERVED', released_from_user, substr(number, 3, 3), released_at
  from reserve_number;
drop table user_number;
drop table reserve_number;
