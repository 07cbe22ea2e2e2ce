-- Owned by the platform library; every service applies it with its own migrations (quarkus.flyway.locations).

-- Events written in the same transaction as the change they describe; the relay publishes them in seq order.
create table outbox_event (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    source       text        not null,
    event_time   timestamptz not null,
    network_id   uuid,
    actor        text,
    -- W3C trace context of the work that wrote the event; sent as the traceparent header.
    traceparent  text,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

-- One row per (consumer, event) already applied: written in the same transaction as the effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    topic        text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
