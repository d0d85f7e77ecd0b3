import { describe, expect, it } from 'vitest';
import { parseOcrLanguage } from './ocrLanguage.ts';
import { combineConfidence, wordConfidence } from './tesseractTsv.ts';

const header =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const row = (level: number, conf: number, text: string) =>
  `${level}\t1\t1\t1\t1\t1\t0\t0\t10\t10\t${conf}\t${text}`;

describe('Tesseract TSV', () => {
  it('averages the confidence of recognised words only', () => {
    const tsv = [
      header,
      row(1, -1, ''),
      row(4, -1, ''),
      row(5, 90, 'Двенадцатого'),
      row(5, 80, 'мая'),
      row(5, 95, ' '),
    ].join('\n');
    expect(wordConfidence(tsv)).toEqual({ meanConfidence: 85, words: 2 });
    expect(wordConfidence(header)).toEqual({ meanConfidence: null, words: 0 });
  });

  it('weighs pages by their words', () => {
    expect(
      combineConfidence([
        { meanConfidence: 90, words: 3 },
        { meanConfidence: null, words: 0 },
        { meanConfidence: 50, words: 1 },
      ]),
    ).toEqual({ meanConfidence: 80, words: 4 });
  });
});

describe('parseOcrLanguage', () => {
  it('takes ISO 639-1 codes and Tesseract pack names, any case, and nothing else', () => {
    expect(['ru', 'RUS', ' por ', 'fr', 'eng', 'es'].map(parseOcrLanguage)).toEqual([
      'ru',
      'ru',
      'pt',
      'fr',
      'en',
      'es',
    ]);
    expect(['de', 'deu', '', 'russian'].map(parseOcrLanguage)).toEqual([null, null, null, null]);
  });
});
