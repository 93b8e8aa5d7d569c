-- Country profiles look up CBKT participations and World Metrology Day celebrations by country:
-- index both, in the live tables and in every set a rebuild creates from now on (the function is
-- V100's with the two indexes added).
create or replace function gateway_create_read_model(target text) returns void language plpgsql as $$
begin
    execute format('create schema %I', target);

    -- Every event once (event_id is also the per-table-set de-duplication), newest first by recorded_at.
    execute format($ddl$create table %I.activity (
        event_id       uuid primary key,
        service        text not null,
        type           text not null,
        stream_id      text not null,
        version        bigint not null,
        country        text,
        effective_date date not null,
        recorded_at    timestamptz not null,
        summary        text not null)$ddl$, target);
    execute format('create index on %I.activity (recorded_at desc, event_id)', target);
    execute format('create index on %I.activity (country)', target);

    -- Read-your-writes: the highest version of each stream these tables include.
    execute format($ddl$create table %I.stream_versions (
        service   text not null,
        stream_id text not null,
        version   bigint not null,
        primary key (service, stream_id))$ddl$, target);

    -- One row per membership fact: the participant as it stood from that effective date on.
    execute format($ddl$create table %I.membership_facts (
        code           text not null,
        version        bigint not null,
        effective_date date not null,
        event_type     text not null,
        name           text,
        category       text,
        status         text,
        rmo            text,
        primary key (code, version))$ddl$, target);

    -- One row per liaison fact, as membership.
    execute format($ddl$create table %I.liaison_facts (
        liaison_id     text not null,
        version        bigint not null,
        effective_date date not null,
        event_type     text not null,
        partner        text,
        kind           text,
        subject        text,
        status         text,
        review_due     date,
        primary key (liaison_id, version))$ddl$, target);

    execute format($ddl$create table %I.cbkt_activities (
        activity_id    text primary key,
        title          text,
        activity_type  text,
        year           int)$ddl$, target);

    -- Participations without personal data: where from (country, RMO) and the outcome only.
    execute format($ddl$create table %I.cbkt_applications (
        application_id text primary key,
        activity_id    text not null,
        country        text,
        rmo            text,
        outcome        text not null,
        funded         boolean,
        effective_date date not null)$ddl$, target);
    execute format('create index on %I.cbkt_applications (country)', target);

    execute format($ddl$create table %I.wmd_editions (
        year           int primary key,
        stream_id      text not null,
        theme          text,
        published      boolean not null default false,
        announced      date not null)$ddl$, target);

    execute format($ddl$create table %I.wmd_translations (
        year           int not null,
        language       text not null,
        effective_date date not null,
        primary key (year, language))$ddl$, target);

    execute format($ddl$create table %I.wmd_celebrations (
        year           int not null,
        celebration_id int not null,
        organizer      text,
        country        text,
        city           text,
        online         boolean not null,
        date           date,
        registered     date not null,
        cancelled      date,
        primary key (year, celebration_id))$ddl$, target);
    execute format('create index on %I.wmd_celebrations (country)', target);
end
$$;

create index if not exists cbkt_applications_country_idx on read_model.cbkt_applications (country);
create index if not exists wmd_celebrations_country_idx on read_model.wmd_celebrations (country);
