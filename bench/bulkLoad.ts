/**
 * Bench-only bulk loader: N sources (and one incident per ten sources, with two acts each) in a
 * few INSERT … SELECT statements that run inside the database. The texts come from a base of
 * generated news texts (bench/corpus.ts) whose search vectors are computed once; every source
 * row then carries its own copy of text and vectors (so storage, TOAST and the GIN index are
 * those of N real rows) with its own hash, date and reference number. Far faster than ingest
 * (measured by the storage suite): 1,000,000 sources load in minutes, not hours.
 */
import type { Db } from '../src/store/db.ts';
import { searchConfigFor } from '../src/store/searchConfig.ts';
import { LEAD_CHARACTERS } from '../src/store/sources.ts';
import { generateNewsTexts } from './corpus.ts';

const BASE_TEXTS = 2_000;
const CHUNK = 50_000;

/** Titles, summaries, places and languages of generated incidents, cycling on `g` (a lateral `t`). */
export const INCIDENT_TEXTS = `lateral (select
          (array['pt','en','es','ru','fr'])[1 + g % 5] as language,
          (array['attest_pt','attest_en','attest_es','attest_ru','attest_fr'])[1 + g % 5] as config,
          (array['Moscou','Grozny','São Paulo','Bogotá','Kyiv','Minsk','Caracas','Manila'])[1 + g % 8] as place,
          (array['RU','RU','BR','CO','UA','BY','VE','PH'])[1 + g % 8] as country,
          (array['Detenção de ativistas','Journalists threatened','Desaparición forzada','Задержание активистов','Militants arrêtés'])[1 + g % 5]
            || ' ' || g as title,
          (array['Cinco ativistas foram presos durante um protesto pacífico.',
                 'Three journalists were threatened by security officials after reporting.',
                 'La familia denunció la desaparición de dos estudiantes.',
                 'Полиция задержала более ста мужчин.',
                 'Des militants ont été arrêtés devant le tribunal.'])[1 + g % 5] as summary) t`;

/** A deterministic UUID from an SQL text expression (md5 shaped as a v4 UUID). */
export const uuid = (expr: string) =>
  `(substr(md5(${expr}), 1, 8) || '-' || substr(md5(${expr}), 9, 4) || '-4' || substr(md5(${expr}), 14, 3) || '-8' || substr(md5(${expr}), 18, 3) || '-' || substr(md5(${expr}), 21, 12))::uuid`;

export interface LoadOptions {
  sources: number;
  /** Incidents per source (default 0.1: one incident per ten sources). */
  incidentRatio?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function bulkLoad(
  db: Db,
  options: LoadOptions,
): Promise<{ sources: number; incidents: number }> {
  const base = generateNewsTexts(BASE_TEXTS, 11);
  await db.exec(
    'create table if not exists bench_base (n int primary key, lang text, cfg regconfig, text text, search tsvector, lead tsvector)',
  );
  await db.exec('truncate bench_base');
  await db.query(
    `insert into bench_base (n, lang, cfg, text, search, lead)
     select r.n, r.lang, r.cfg::regconfig, r.text, to_tsvector(r.cfg::regconfig, r.text),
            to_tsvector(r.cfg::regconfig, left(r.text, ${LEAD_CHARACTERS}))
       from unnest($1::int[], $2::text[], $3::text[], $4::text[]) as r(n, lang, cfg, text)`,
    [
      base.map((_, i) => i),
      base.map((item) => item.lang),
      base.map((item) => searchConfigFor(item.lang)),
      base.map((item) => item.text),
    ],
  );
  for (let lo = 1; lo <= options.sources; lo += CHUNK) {
    const hi = Math.min(options.sources, lo + CHUNK - 1);
    await db.exec(`
      insert into sources (id, sha256, byte_size, media_type, encoding, file_name, title, published_on, language, text,
                           search_config, search, search_lead, captured_by, captured_at, suggestions)
      select ${uuid(`'s' || g`)}, encode(sha256(('bench source ' || g)::bytea), 'hex'), length(b.text) + 12,
             (array['text/plain','text/html','application/pdf'])[1 + g % 3], 'utf-8', 'bench-' || g || '.txt',
             'Report ' || g, date '2012-01-01' + (g % 5000), b.lang, b.text || E'\\nRef ' || g,
             b.cfg, b.search, b.lead, 'bench', timestamptz '2020-01-01' + g * interval '1 minute', '{}'::jsonb
        from generate_series(${lo}, ${hi}) g join bench_base b on b.n = g % ${BASE_TEXTS}`);
    options.onProgress?.(hi, options.sources);
  }
  const incidents = Math.floor(options.sources * (options.incidentRatio ?? 0.1));
  for (let lo = 1; lo <= incidents; lo += CHUNK) {
    const hi = Math.min(incidents, lo + CHUNK - 1);
    await db.exec(`
      insert into incidents (id, title, summary, status, place_name, country, date_from, date_to, date_precision, tags,
                             language, search_config, search, created_by)
      select ${uuid(`'i' || g`)}, t.title, t.summary, (array['alleged','corroborated','verified'])[1 + g % 3], t.place,
             t.country, date '2012-01-01' + (g % 5000), date '2012-01-01' + (g % 5000) + (g % 3), 'day', '{}', t.language,
             t.config::regconfig,
             setweight(to_tsvector(t.config::regconfig, t.title), 'A') || setweight(to_tsvector(t.config::regconfig, t.summary), 'B')
               || setweight(to_tsvector(t.config::regconfig, t.place), 'C'),
             'bench'
        from generate_series(${lo}, ${hi}) g,
        ${INCIDENT_TEXTS};
      insert into acts (id, incident_id, type, victims_min, victims_max, victim_group, place_name, country, date_from,
                        date_precision, perpetrators)
      select ${uuid(`'a' || g || '-' || k`)}, ${uuid(`'i' || g`)},
             (array['detention','threat','disappearance','torture','killing'])[1 + (g + k) % 5], 1 + g % 20, 1 + g % 20,
             'activists', 'Moscow', 'RU', date '2012-01-01' + (g % 5000), 'day', '[{"name":"police","actorId":null}]'
        from generate_series(${lo}, ${hi}) g, generate_series(1, 2) k;
      insert into incident_sources (incident_id, source_id)
      select ${uuid(`'i' || g`)}, ${uuid(`'s' || (1 + (g * 7) % ${options.sources})`)} from generate_series(${lo}, ${hi}) g;`);
  }
  await db.exec('drop table bench_base');
  // Vacuum too: it merges the GIN pending list the bulk insert left, as autovacuum would in time.
  await db.exec('vacuum analyze');
  return { sources: options.sources, incidents };
}
