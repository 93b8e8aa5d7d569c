-- Country profiles look up CBKT participations and World Metrology Day celebrations by country:
-- index both, in the live tables and in every table set a rebuild creates from now on. V100's
-- function keeps creating the tables; the function the rebuild calls now also adds the indexes.
alter function gateway_create_read_model(text) rename to gateway_create_read_model_tables;

create function gateway_create_read_model(target text) returns void language plpgsql as $$
begin
    perform gateway_create_read_model_tables(target);
    execute format('create index on %I.cbkt_applications (country)', target);
    execute format('create index on %I.wmd_celebrations (country)', target);
end
$$;

create index if not exists cbkt_applications_country_idx on read_model.cbkt_applications (country);
create index if not exists wmd_celebrations_country_idx on read_model.wmd_celebrations (country);
