-- Word searches look through the newest sources first (issue 17, store/search.ts SEARCH_WINDOW).
-- A GIN index on (captured_at, search) finds a word's matches among sources captured since a
-- moment without reading its whole posting list: the capture time is the required key, and the
-- word's posting trees are entered at the stretch of the table those sources occupy. It answers a
-- search without a capture time as the single-column index did, which it replaces. btree_gin
-- (GIN operator classes for plain types) is a trusted extension: the database owner may create it.
create extension if not exists btree_gin;
create index sources_search_newest_idx on sources using gin (captured_at, search);
drop index sources_search_idx;
