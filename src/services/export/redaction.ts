/**
 * What a public export removes from every text: personal data found three ways, because each misses
 * what another catches —
 *  1. the PII spans stored with the source at ingest (`suggestions.pii`), used only where the text
 *     still reads the same at that offset (a text edited since has moved them);
 *  2. a fresh `findPii` pass over the text as it is now (edited texts, summaries, claim wording);
 *  3. every occurrence, in any exported text, of a value already known to be personal: each stored
 *     PII mention of any source, and — when the exporting user may read them — the names, aliases
 *     and contacts of protected persons. A name detected once in one source is thereby removed from
 *     every other source, passage and summary too, even where the detector would not recognise it.
 * Counts are kept by kind and by field for the manifest; the removed values are never kept.
 */

import { type KnownValue, knownValueFinder, type RedactionSpan, redactText } from '../../core/redactText.ts';
import type { PiiMention } from '../../core/suggestions.ts';
import { findPii } from '../../extract/pii.ts';
import type { SourceRecord } from '../../store/sources.ts';
import type { PersonFields } from '../persons/sealing.ts';

export interface RedactionCounts {
  total: number;
  byKind: Record<string, number>;
  byField: Record<string, number>;
}

export interface Redactor {
  /**
   * The text with personal data replaced by markers. `field` names where it goes (for the counts);
   * `language` picks the detector's rules ('' = every language's rules); `stored` are the source's
   * own PII spans, for its full text only.
   */
  redact(
    value: string,
    field: string,
    options?: { language?: string | undefined; stored?: readonly PiiMention[] },
  ): string;
  redactNullable(
    value: string | null,
    field: string,
    options?: { language?: string | undefined },
  ): string | null;
  counts(): RedactionCounts;
}

/** The partner export's redactor: texts leave unchanged. */
export const noRedaction: Redactor = {
  redact: (value) => value,
  redactNullable: (value) => value,
  counts: () => ({ total: 0, byKind: {}, byField: {} }),
};

/** Values known to be personal, from every source's stored PII and the protected persons read. */
export function knownPersonalValues(
  sources: readonly SourceRecord[],
  persons: readonly PersonFields[],
): KnownValue[] {
  const values = new Map<string, KnownValue>();
  const add = (text: string, kind: string) => {
    const key = text.trim().toLowerCase();
    if (key.length >= 2 && !values.has(key)) values.set(key, { text, kind });
  };
  for (const source of sources) for (const mention of source.suggestions.pii) add(mention.text, mention.kind);
  for (const person of persons) {
    add(person.name, 'person');
    for (const alias of person.aliases) add(alias, 'person');
    for (const contact of person.contacts) add(contact, 'contact');
  }
  return [...values.values()];
}

export function piiRedactor(known: readonly KnownValue[]): Redactor {
  const findKnown = knownValueFinder(known);
  const byKind: Record<string, number> = {};
  const byField: Record<string, number> = {};
  let total = 0;
  const redact: Redactor['redact'] = (value, field, options = {}) => {
    const spans: RedactionSpan[] = [
      ...(options.stored ?? [])
        .filter((mention) => value.slice(mention.start, mention.end) === mention.text)
        .map((mention) => ({ start: mention.start, end: mention.end, kind: mention.kind })),
      ...findPii(value, options.language ?? '').map((m) => ({ start: m.start, end: m.end, kind: m.kind })),
      ...findKnown(value),
    ];
    if (spans.length === 0) return value;
    const result = redactText(value, spans);
    for (const [kind, n] of Object.entries(result.counts)) {
      byKind[kind] = (byKind[kind] ?? 0) + n;
      byField[field] = (byField[field] ?? 0) + n;
      total += n;
    }
    return result.text;
  };
  return {
    redact,
    redactNullable: (value, field, options) => (value === null ? null : redact(value, field, options)),
    counts: () => ({ total, byKind: { ...byKind }, byField: { ...byField } }),
  };
}
