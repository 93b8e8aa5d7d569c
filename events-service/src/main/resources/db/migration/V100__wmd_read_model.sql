-- The events-service read model, written in the same transaction as the events it reflects.

-- One row per fact of an edition: the edition as it stood after that fact. "As of D" is the
-- latest row of the edition whose effective date is on or before D.
create table edition_snapshots (
    stream_id       text     not null,
    version         bigint   not null,
    year            integer  not null,
    effective_date  date     not null,
    summary         jsonb    not null,
    primary key (stream_id, version)
);
create index edition_snapshots_as_of on edition_snapshots (year, effective_date, version);

-- Celebrations with their current details and when they were registered and cancelled.
create table celebrations (
    year                 integer  not null,
    celebration_id       integer  not null,
    organizer            text     not null,
    country_code         text     not null,
    city                 text,
    online               boolean  not null,
    celebration_date     date     not null,
    title                text     not null,
    registered_on        date     not null,
    registered_precision text     not null,
    cancelled_on         date,
    cancelled_precision  text,
    cancellation_reason  text,
    primary key (year, celebration_id)
);
create index celebrations_by_date on celebrations (celebration_date);
create index celebrations_by_country on celebrations (year, country_code);
