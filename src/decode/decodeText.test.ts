import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../core/errors.ts';
import { decodeText } from './decodeText.ts';

const encode = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));

const russian = 'Задержаны более ста мужчин в Чечне. Правозащитники требуют расследования.';
const portuguese =
  'Cinco ativistas foram presos em Moscou. A detenção ocorreu após a manifestação em São Paulo.';
const french = 'Détenus en Tchétchénie : les témoins décrivent des sévices à la prison.';
const spanish = 'Detenidos en Chechenia, según fuentes: los niños y las víctimas piden protección.';

describe('decodeText: Unicode', () => {
  it.each([
    ['utf-8', [0xef, 0xbb, 0xbf], Buffer.from(russian, 'utf8')],
    ['utf-16le', [0xff, 0xfe], Buffer.from(russian, 'utf16le')],
    ['utf-16be', [0xfe, 0xff], Buffer.from(russian, 'utf16le').swap16()],
  ])('strips the %s byte-order mark and decodes', (encoding, bom, body) => {
    const decoded = decodeText(new Uint8Array([...bom, ...body]), 'a.txt');
    expect(decoded).toEqual({ text: russian, encoding, warnings: [] });
  });

  it('decodes UTF-8 without a BOM', () => {
    expect(decodeText(new Uint8Array(Buffer.from(french, 'utf8')), 'a.txt')).toEqual({
      text: french,
      encoding: 'utf-8',
      warnings: [],
    });
  });

  it.each([
    ['utf-16le', portuguese, false],
    ['utf-16be', portuguese, true],
    ['utf-16le', russian, false],
    ['utf-16be', russian, true],
  ])('recognises %s without a BOM (%s)', (encoding, text, swap) => {
    const body = Buffer.from(text, 'utf16le');
    const decoded = decodeText(new Uint8Array(swap ? body.swap16() : body), 'a.txt');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(text);
  });

  it('keeps a UTF-8 text whose last character was cut off, with a warning', () => {
    const bytes = Buffer.from(`${russian} Чечне`, 'utf8');
    const decoded = decodeText(new Uint8Array(bytes.subarray(0, bytes.length - 1)), 'a.txt');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith(russian)).toBe(true);
    expect(decoded.warnings).toEqual(['1 invalid utf-8 sequence(s) replaced with U+FFFD']);
  });

  it('keeps a real U+FFFD in UTF-16 text, and flags an unpaired surrogate', () => {
    const text = '\ufffd\ufffd\ufffd a';
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), 'a.txt')).toEqual({
      text,
      encoding: 'utf-16le',
      warnings: [],
    });
    const lone = new Uint8Array([0xff, 0xfe, ...Buffer.from('x'.repeat(200), 'utf16le'), 0x00, 0xd8]);
    expect(decodeText(lone, 'a.txt').warnings).toEqual([
      '1 invalid utf-16le sequence(s) replaced with U+FFFD',
    ]);
  });

  it('keeps line endings as they are', () => {
    expect(decodeText(new Uint8Array(Buffer.from('a\r\nb\rc\n')), 'a.txt').text).toBe('a\r\nb\rc\n');
  });
});

describe('decodeText: legacy single-byte encodings', () => {
  it.each([
    ['windows-1251', russian],
    ['koi8-r', russian],
    ['windows-1252', portuguese],
    ['windows-1252', french],
    ['windows-1252', spanish],
    ['windows-1252', '“Detenidos en Chechenia” — según fuentes…'],
  ])('guesses %s: %s', (encoding, text) => {
    const decoded = decodeText(encode(text, encoding), 'a.txt');
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
  });

  it.each([
    ['windows-1250', 'Zatrzymano działaczy w Łodzi, źródła mówią o przemocy i zażaleniach.'],
    ['iso-8859-2', 'Zatrzymano działaczy w Łodzi, źródła mówią o przemocy i zażaleniach.'],
    ['ibm866', 'Задержаны более ста мужчин в Чечне.'],
    ['windows-1251', 'ЗАДЕРЖАНЫ БОЛЕЕ СТА МУЖЧИН'],
    ['windows-1251', 'Украина: «Задержаны» — 15 человек № 3'],
  ])('guesses %s: %s', (encoding, text) => {
    const decoded = decodeText(encode(text, encoding), 'a.txt');
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
  });

  it('decodes Greek (windows-1253 and iso-8859-7 agree on letters)', () => {
    const text = 'Συνελήφθησαν ακτιβιστές στη Μόσχα σύμφωνα με πηγές.';
    expect(decodeText(encode(text, 'windows-1253'), 'a.txt').text).toBe(text);
  });

  it('guesses, and says so, when the declared charset is unknown', () => {
    const decoded = decodeText(encode(russian, 'windows-1251'), 'a.html', 'x-no-such-charset');
    expect(decoded.text).toBe(russian);
    expect(decoded.warnings).toEqual(['declared charset is not supported; encoding guessed']);
  });

  it('stays linear on large inputs', () => {
    const big = encode(`${russian}\n`.repeat(40_000), 'windows-1251');
    const started = performance.now();
    const decoded = decodeText(big, 'big.txt');
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text.length).toBe(big.length);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it.each([
    ['iso-8859-1', portuguese],
    ['iso-8859-15', french],
  ])('decodes %s text correctly', (encoding, text) => {
    const decoded = decodeText(encode(text, encoding), 'a.txt');
    expect(decoded.text).toBe(text);
  });

  it('prefers iso-8859-15 when the euro sign only makes sense there', () => {
    const text = 'Multa de 500 € imposta aos activistas detidos em São Paulo e à associação.';
    const decoded = decodeText(encode(text, 'iso-8859-15'), 'a.txt');
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe('iso-8859-15');
  });

  it('decodes a short Russian phrase', () => {
    expect(decodeText(encode('Задержаны в Чечне', 'windows-1251'), 'a.txt').text).toBe('Задержаны в Чечне');
  });

  it('warns when a guess rests on little evidence', () => {
    const decoded = decodeText(encode('Fim.\u00e9', 'windows-1252'), 'a.txt');
    expect(decoded.warnings).toEqual([`encoding guessed as ${decoded.encoding} with low confidence`]);
  });

  it('honours a declared charset that fits the bytes', () => {
    const decoded = decodeText(encode(russian, 'koi8-r'), 'a.html', 'KOI8-R');
    expect(decoded).toEqual({ text: russian, encoding: 'koi8-r', warnings: [] });
  });

  it('reports a declared iso-8859-1 as windows-1252 when bytes 0x80-0x9F occur (the WHATWG rule)', () => {
    const text = '“Détenus” en Tchétchénie';
    const decoded = decodeText(encode(text, 'windows-1252'), 'a.html', 'iso-8859-1');
    expect(decoded).toEqual({ text, encoding: 'windows-1252', warnings: [] });
  });

  it('overrides a declared charset the bytes contradict, and says so', () => {
    const decoded = decodeText(encode(russian, 'windows-1251'), 'a.html', 'iso-8859-1');
    expect(decoded.text).toBe(russian);
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.warnings).toEqual([
      'declared charset iso-8859-1 does not match the content; decoded as windows-1251',
    ]);
  });

  it('prefers valid UTF-8 over a stale declaration', () => {
    const decoded = decodeText(new Uint8Array(Buffer.from(russian, 'utf8')), 'a.html', 'windows-1251');
    expect(decoded.text).toBe(russian);
    expect(decoded.warnings).toEqual(['declared charset windows-1251 ignored: the content is UTF-8']);
  });
});

describe('decodeText: bad input', () => {
  it('refuses binary content', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i * 37) % 256);
    expect(() => decodeText(bytes, 'x.bin')).toThrow(InvalidInput);
    expect(() => decodeText(bytes, 'x.bin')).toThrow(/^x\.bin: binary content of unknown type/);
  });

  it('refuses a UTF-8 byte-order mark followed by something else, naming the file only', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(russian, 'windows-1251')]);
    expect(() => decodeText(bytes, 'r.txt')).toThrow(
      'r.txt: text cannot be decoded in any supported encoding (invalid utf-8 after a byte-order mark)',
    );
  });
});
