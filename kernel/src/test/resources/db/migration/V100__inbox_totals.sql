create table inbox_totals (
    stream_id text primary key,
    total     integer not null
);
