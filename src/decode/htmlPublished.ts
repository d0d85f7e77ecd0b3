/**
 * The publication date an HTML page states about itself, so an uploaded article keeps its date
 * when the person capturing it gives none. Read in order of how deliberately publishers set them:
 * Open Graph / article meta, other meta conventions (Dublin Core, `date`, `pubdate`), schema.org
 * JSON-LD `datePublished` and microdata, then the first `<time datetime>`. Only a calendar day is
 * kept (YYYY-MM-DD): the time and zone of a publication do not change what day a report is from.
 */

interface QueryableDocument {
  querySelector(selectors: string): { getAttribute(name: string): string | null } | null;
  querySelectorAll(selectors: string): ArrayLike<{ textContent: string | null }>;
}

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date"]',
];

/** The day a date-time string starts with, when it is a real calendar date. */
export function calendarDayOf(value: string | null | undefined): string | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

function jsonLdDatePublished(value: unknown, depth = 0): string | null {
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = jsonLdDatePublished(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') {
    const day = calendarDayOf(record.datePublished);
    if (day) return day;
  }
  return jsonLdDatePublished(record['@graph'], depth + 1);
}

export function htmlPublicationDate(document: QueryableDocument): string | null {
  for (const selector of META_SELECTORS) {
    const day = calendarDayOf(document.querySelector(selector)?.getAttribute('content'));
    if (day) return day;
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const day = jsonLdDatePublished(JSON.parse(script.textContent ?? ''));
      if (day) return day;
    } catch {
      // A broken JSON-LD block says nothing about the date; the other signs still may.
    }
  }
  const microdata = document.querySelector('[itemprop="datePublished"]');
  const fromMicrodata = calendarDayOf(
    microdata?.getAttribute('datetime') ?? microdata?.getAttribute('content'),
  );
  if (fromMicrodata) return fromMicrodata;
  return calendarDayOf(document.querySelector('time[datetime]')?.getAttribute('datetime'));
}
