-- Decode limits: a source whose file was over a decoding limit (a decompression bomb, a PDF of
-- 200,000 pages, HTML nested millions deep) is still preserved, with no text and the reason here.
alter table sources add column not_decoded_reason text;

-- File names are base names only: earlier versions stored the absolute local path that `attest
-- ingest` was given, which names the machine and often the person, and was shown to every reader.
update sources set file_name = regexp_replace(file_name, '^.*[/\\]', '') where file_name ~ '[/\\]';
