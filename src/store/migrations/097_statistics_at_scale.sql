-- The incident list and the statistics at a million sources (issue 17).
--
-- A filtered list in date order (the default) reads its page, however deep, off one index instead
-- of walking the whole date order and dropping the incidents of other countries or statuses.
-- They lead with the filtered column, so they also serve the equality lookups the two
-- single-column indexes served.
create index incidents_country_order_idx on incidents (country, date_from desc nulls last, created_at desc, id);
create index incidents_status_order_idx on incidents (status, date_from desc nulls last, created_at desc, id);
drop index incidents_country_idx;
drop index incidents_status_idx;

-- Whether an act names a known actor among its perpetrators: only those acts need the lookup of
-- actors for the breakdown by perpetrator kind (store/stats.ts); the others are 'other' or none.
-- Generated, so every write keeps it exact without a line of application code.
alter table acts add column perpetrators_name_actor boolean not null
  generated always as (jsonb_typeof(perpetrators) = 'array'
    and jsonb_path_exists(perpetrators, '$[*].actorId ? (@ != null)')) stored;
