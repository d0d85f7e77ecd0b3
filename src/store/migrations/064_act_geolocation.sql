-- Where an act happened as coordinates, for the exchange formats that map events (ACLED-style
-- tables, Uwazi geolocation properties). Optional: most acts have a place name only. The precision
-- follows ACLED's geo_precision: 1 the exact place, 2 near it or part of a region, 3 only a larger
-- area (a province, a country) is known.
alter table acts add column latitude double precision check (latitude between -90 and 90);
alter table acts add column longitude double precision check (longitude between -180 and 180);
alter table acts add column geo_precision smallint check (geo_precision between 1 and 3);
alter table acts add constraint acts_geolocation_whole
  check ((latitude is null) = (longitude is null) and (latitude is null or geo_precision is not null));
