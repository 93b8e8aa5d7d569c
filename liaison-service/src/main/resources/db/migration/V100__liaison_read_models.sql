-- The liaison service's read models, written in the transaction of every write
-- (LiaisonCommands.project), so they never disagree with the event store.

-- The liaison as it stood after each of its facts. "As of D" = per liaison, the row of the
-- highest version whose effective_date <= D (effective dates never go back within a stream).
create table liaison_snapshots (
    liaison_id      text    not null,
    version         bigint  not null,
    effective_date  date    not null,
    partner         text    not null,
    kind            text    not null,
    status          text    not null,
    review_due      date,
    liaison         jsonb   not null,
    primary key (liaison_id, version)
);
create index liaison_snapshots_effective_date on liaison_snapshots (effective_date);

-- Partner organizations by acronym, with the full name their latest proposal gave.
create table partners (
    acronym    text primary key,
    full_name  text not null
);

-- The rule that spans streams: at most one active (not ended) liaison per partner, kind and
-- subject. A proposal inserts its row, an ending deletes it; a clash is a 409, never a 500.
create table active_liaisons (
    partner      text not null,
    kind         text not null,
    subject_key  text not null,
    liaison_id   text not null unique,
    primary key (partner, kind, subject_key)
);
