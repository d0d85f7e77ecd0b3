-- Ingest's storing CPU (issue 17): a news source's text, suggestions and search vectors are each
-- over the 2 KB at which PostgreSQL compresses a value, and pglz spent about a tenth of the
-- server's CPU per ingested file; lz4 compresses them several times faster (and reads back faster).
-- Only rows written from now on use it; older rows stay pglz and read as before. PGlite is built
-- without lz4, so there the columns keep pglz.
do $$
begin
  alter table sources
    alter column text set compression lz4,
    alter column suggestions set compression lz4,
    alter column search set compression lz4,
    alter column search_lead set compression lz4;
exception when feature_not_supported then
  null;
end
$$;
