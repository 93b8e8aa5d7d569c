-- The kernel's tables, shipped with every service (Flyway location classpath:db/kernel).
-- Versions V1..V99 belong to the kernel; each service numbers its own migrations from V100.

-- Append-only event store: one row per event, one stream per aggregate.
create table events (
    position        bigserial    primary key,             -- global order of appends in this database
    event_id        uuid         not null unique,
    stream_id       text         not null,
    version         bigint       not null check (version > 0),
    type            text         not null,
    schema_version  integer      not null check (schema_version > 0),
    effective_date  date         not null,                -- when it took effect in the world
    recorded_at     timestamptz  not null,                -- when it was recorded here
    data            jsonb        not null,
    metadata        jsonb        not null,
    -- never two events with one version in a stream: concurrent appends race on this constraint
    constraint events_stream_version_unique unique (stream_id, version)
);

-- Transactional outbox: written in the same transaction as the events it names;
-- the relay deletes a row once Kafka has acknowledged its event.
create table outbox (
    position bigint primary key references events (position)
);

-- Answers to writes that carried an Idempotency-Key: a retry gets the first answer.
create table idempotency_keys (
    idempotency_key text         primary key,
    fingerprint     text         not null,
    receipt         jsonb        not null,
    created_at      timestamptz  not null default now()
);

-- Events a consumer has applied, recorded in the same transaction as their effect.
create table processed_events (
    consumer     text         not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
