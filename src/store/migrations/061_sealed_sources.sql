-- Sealed sources (testimonies, medical reports, intake attachments): the original and everything
-- read from it live under a compartment key. The row keeps only what finds and checks it without
-- revealing it: id, SHA-256 and size of the original, media type, language, dates, who captured it.
-- Title, file name, URL, text and suggestions are in `sealed_meta` / `sealed_content` (envelopes,
-- src/crypto/envelope.ts); `text`, `search`, `search_lead` and `suggestions` hold nothing of it.
-- The original is stored encrypted (src/crypto/secretStream.ts) under the SHA-256 of the encrypted
-- file, `sealed_original`, so no plaintext original sits in the file store.
alter table sources add column compartment_id uuid references compartments (id);
alter table sources add column sealed_meta bytea;
alter table sources add column sealed_content bytea;
alter table sources add column sealed_original text;
alter table sources add column sealed_original_size bigint;
alter table sources add constraint sources_sealed_whole check (
  (compartment_id is null and sealed_meta is null and sealed_content is null and sealed_original is null
     and sealed_original_size is null)
  or (compartment_id is not null and sealed_meta is not null and sealed_content is not null
     and sealed_original is not null and sealed_original_size is not null
     and text = '' and title is null and url is null and search = ''::tsvector));
create index sources_compartment_idx on sources (compartment_id) where compartment_id is not null;
