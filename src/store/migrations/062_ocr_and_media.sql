-- How a source's text was obtained when it was not in the file itself: by OCR of a scan, with the
-- language it was read in and Tesseract's mean word confidence, so a reviewer knows to check it
-- against the page. And the technical description of a recording or video (ffprobe), preserved
-- beside the original. Both in tables of their own: a source without either has no row.

create table source_ocr (
  source_id uuid primary key references sources (id) on delete cascade,
  engine text not null,
  language text,
  language_from text not null check (language_from in ('user', 'detected')),
  -- Mean word confidence, 0–100; null when no word was recognised.
  confidence real check (confidence between 0 and 100),
  pages_read integer not null check (pages_read >= 0),
  pages integer not null check (pages >= pages_read)
);

create table source_media (
  source_id uuid primary key references sources (id) on delete cascade,
  container text,
  duration_seconds double precision check (duration_seconds >= 0),
  -- [{ kind: 'audio' | 'video' | …, codec, width?, height?, sampleRate?, channels? }]
  streams jsonb not null default '[]'
);
