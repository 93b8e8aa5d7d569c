-- The membership read model: one row per fact, holding the participant's state right after it.
-- "As of D" = for each participant, its row of highest version whose effective date is <= D
-- (effective dates never decrease within a stream, so version order is effective-date order).
create table participant_snapshots (
    code            text    not null,
    version         bigint  not null,
    effective_date  date    not null,
    category        text    not null,
    status          text    not null,
    rmo             text,
    participant     jsonb   not null,   -- the ParticipantView the API answers
    primary key (code, version)
);

create index participant_snapshots_by_date on participant_snapshots (effective_date, code, version);
