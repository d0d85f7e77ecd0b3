-- Search at scale (issue 17). Browsing without words takes the newest records first: this index
-- hands them over in that order, so the first page of a million sources reads a few index pages
-- instead of sorting every row. Sealed sources are never searched through the index (no text).
create index sources_browse_idx on sources (published_on desc nulls last, id) where compartment_id is null;
