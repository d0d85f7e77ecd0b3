/**
 * Tesseract's TSV output: one row per page, block, paragraph, line and word, with a confidence
 * (0–100) on each word and -1 on the rows that are not words. Pure.
 */
export interface WordConfidence {
  /** Mean confidence of the recognised words, 0–100; null when no word was recognised. */
  meanConfidence: number | null;
  words: number;
}

const WORD_LEVEL = '5';

export function wordConfidence(tsv: string): WordConfidence {
  let total = 0;
  let words = 0;
  for (const line of tsv.split('\n')) {
    const columns = line.split('\t');
    if (columns[0] !== WORD_LEVEL || columns.length < 12) continue;
    const confidence = Number(columns[10]);
    if (!Number.isFinite(confidence) || confidence < 0 || (columns[11] ?? '').trim() === '') continue;
    total += confidence;
    words++;
  }
  return { meanConfidence: words === 0 ? null : total / words, words };
}

/** The mean over several pages, each weighted by its number of words. */
export function combineConfidence(pages: readonly WordConfidence[]): WordConfidence {
  let total = 0;
  let words = 0;
  for (const page of pages) {
    if (page.meanConfidence === null) continue;
    total += page.meanConfidence * page.words;
    words += page.words;
  }
  return { meanConfidence: words === 0 ? null : total / words, words };
}
