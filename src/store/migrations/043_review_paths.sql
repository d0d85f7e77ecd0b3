-- One source may be recorded into several incidents (an article that reports two separate events):
-- each time it is reviewed into another incident is one more review "path" of that source. Existing
-- reviews become path 1 of their source; the primary key still lets exactly one of two reviewers
-- racing on the same path win.
alter table source_reviews add column path integer not null default 1 check (path >= 1);
alter table source_reviews drop constraint source_reviews_pkey;
alter table source_reviews add primary key (source_id, path);
