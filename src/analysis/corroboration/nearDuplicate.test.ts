import { describe, expect, it } from 'vitest';
import { assessIndependence } from './independence.ts';
import { containment, isNearCopy, shingles } from './nearDuplicate.ts';

const article =
  'Police in Moscow on Thursday detained five LGBT activists who were carrying a petition calling for an ' +
  'investigation into the persecution of gay men in Chechnya, the campaigners lawyer said. The five were ' +
  'stopped outside the Prosecutor General Office as they tried to hand over boxes of signatures.';
const rewritten =
  'Five activists were arrested in Moscow on Thursday while trying to deliver a petition that demands an ' +
  'inquiry into the abuse of gay men in Chechnya. Officers held them near the prosecutors building for ' +
  'several hours before letting them go, a lawyer for the group told reporters.';

describe('near-duplicate texts', () => {
  it('finds a lightly edited copy and an excerpt, not an independent report of the same facts', () => {
    const edited = article.replace('on Thursday', 'this Thursday').replace('boxes of', 'several boxes of');
    expect(isNearCopy(shingles(article), shingles(edited))).toBe(true);
    const excerpt = article.slice(0, article.indexOf(' The five'));
    expect(containment(shingles(excerpt), shingles(`${rewritten} ${excerpt}`))).toBe(1);
    expect(isNearCopy(shingles(article), shingles(rewritten))).toBe(false);
  });

  it('ignores case, accents and punctuation, and never judges texts too short to tell', () => {
    expect(isNearCopy(shingles(article.toUpperCase()), shingles(article.replaceAll(',', '')))).toBe(true);
    expect(shingles('Cinco ativistas foram presos em Moscou').size).toBe(0);
    expect(isNearCopy(shingles('Five detained.'), shingles('Five detained.'))).toBe(false);
  });
});

describe('independence', () => {
  const report = (sourceId: string, publisher: string, text: string, order = sourceId) => ({
    sourceId,
    publisher,
    text,
    order,
  });

  it('counts "3 reports, 2 independent" when one is a copy from another publisher', () => {
    const result = assessIndependence([
      report('a', 'hrf.org', article, '1'),
      report('b', 'news.example', rewritten, '2'),
      report('c', 'mirror.example', article.replace('Thursday', 'Thursday morning'), '3'),
    ]);
    expect(result.reports).toBe(3);
    expect(result.independent).toBe(2);
    expect(Object.fromEntries(result.independentBySource)).toEqual({ a: true, b: true, c: false });
    expect(result.groupOf.get('c')).toBe('a');
  });

  it('counts two articles of one publisher once, and a source linked twice as one report', () => {
    const result = assessIndependence([
      report('a', 'hrf.org', article),
      report('b', 'hrf.org', rewritten),
      report('b', 'hrf.org', rewritten),
    ]);
    expect(result).toMatchObject({ reports: 2, independent: 1 });
  });

  it('joins copies of copies into one group, whatever order they are given in', () => {
    const middle = `${article} ${rewritten}`;
    const reports = [
      report('x', 'p1', article, '1'),
      report('y', 'p2', middle, '2'),
      report('z', 'p3', rewritten, '3'),
    ];
    expect(assessIndependence(reports).independent).toBe(1);
    expect(assessIndependence([...reports].reverse()).independent).toBe(1);
  });
});
