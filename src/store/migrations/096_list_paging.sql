-- The incident and source lists at a million rows (issue 17): each of their orders, filtered by
-- language or not, is read off an index, so that a page continued from a cursor
-- (store/keysetPage.ts) starts where the previous one stopped instead of sorting every match.
-- The incident list's default order and its country and status filters have theirs (migrations
-- 020 and 097). Each index ends on the id, the tie-breaker of every order.

-- Incidents: oldest first, last changed first, by title, and the default order within a language.
create index incidents_date_asc_order_idx on incidents (date_from asc nulls last, created_at, id);
create index incidents_updated_order_idx on incidents (updated_at desc, id);
create index incidents_title_order_idx on incidents (lower(title), id);
create index incidents_language_order_idx on incidents (language, date_from desc nulls last, created_at desc, id);
drop index if exists incidents_language_idx;

-- Sources: newest capture first (the default), by publication date, by title, and newest capture
-- first within a language. Sources captured together (one import, one directory) share a capture
-- instant, so the id after it matters.
create index sources_captured_order_idx on sources (captured_at desc, id);
drop index if exists sources_captured_at_idx;
create index sources_published_order_idx on sources (published_on desc nulls last, captured_at desc, id);
create index sources_title_order_idx on sources (lower(coalesce(title, file_name)), id);
create index sources_language_order_idx on sources (language, captured_at desc, id);
