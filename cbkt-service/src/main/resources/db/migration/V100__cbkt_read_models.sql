-- cbkt-service's own tables. Personal data (name, e-mail) is never stored in clear: enrolments keep
-- the ciphertext found in the events, person_keys the wrapped key that opens it.

-- One row per activity: the latest state, for lists and filters.
create table activities (
    activity_id  text        primary key,
    version      bigint      not null,              -- the activity stream's version (ETag)
    status       text        not null,              -- DRAFT, PUBLISHED, CANCELLED
    type         text        not null,
    start_date   date,
    details      jsonb       not null,              -- ActivityDetails
    schedule     jsonb       not null,              -- Schedule
    capacity     jsonb       not null,              -- Capacity
    created_on   date        not null,
    created_precision text   not null,
    published_on date,
    cancelled_on date,
    cancellation_reason text
);

-- One row per application, kept after withdrawal and erasure so counts and statistics stay intact.
create table enrolments (
    activity_id        text     not null references activities (activity_id),
    application_id     text     not null,           -- A0001, A0002, ... in application order
    decided_version    bigint   not null,           -- the activity stream's version of the outcome event
    person_ref         text     not null,
    sealed_name        text,                        -- ciphertext under the person's key; null once erased
    sealed_email       text,
    institute          text,
    country            text     not null,
    rmo                text     not null,
    funding_requested  boolean  not null,
    country_eligible   boolean  not null,           -- Member State or Associate on the application date
    outcome            text     not null,           -- ACCEPTED, ACCEPTED_WITHOUT_FUNDING, WAITLISTED
    waitlist_reason    text,
    funding_refusal    text,
    standing           text     not null,           -- ACCEPTED, WAITLISTED, WITHDRAWN
    funded             boolean  not null,
    applied_on         date     not null,
    accepted_on        date,                        -- at once, or when promoted
    promoted_on        date,
    withdrawn_on       date,
    withdrawal_reason  text,
    completed_on       date,
    primary key (activity_id, application_id)
);
create index enrolments_person on enrolments (person_ref);
create unique index enrolments_decided on enrolments (activity_id, decided_version);

-- Each person's data key, wrapped by the master key; found by the keyed hash of the e-mail address.
-- Deleting a row is erasing that person's name and e-mail everywhere. Never published.
create table person_keys (
    person_ref   text         primary key,
    email_index  bytea        not null unique,
    wrapped_key  bytea        not null,
    created_at   timestamptz  not null default now()
);

-- Only when CBKT_MASTER_KEY is not configured (local runs, tests): the generated master key.
create table local_master_key (
    id   smallint primary key check (id = 1),
    key  bytea    not null
);

-- From bipm.membership.v1: each fact that changes whether a participant takes part, effective-dated,
-- so "was country C a Member State or Associate on date D" can be answered.
create table membership_facts (
    participant     text     not null,              -- ISO 3166-1 alpha-2 code, or e.g. CARICOM
    version         bigint   not null,              -- the membership stream's version
    effective_date  date     not null,
    status          text     not null,              -- MEMBER_STATE, ASSOCIATE_STATE, ASSOCIATE_ECONOMY, WITHDREW, EXCLUDED
    eligible        boolean  not null,
    primary key (participant, version)
);

-- The States an Associate Economy is made of (CARICOM's members): covered by the Economy's status.
create table economy_constituents (
    economy  text  not null,
    code     text  not null,
    name     text,
    primary key (economy, code)
);
create index economy_constituents_code on economy_constituents (code);
