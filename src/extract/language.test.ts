import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itWithShared, SEED_ARTICLE, sharedText } from '../../test/support/shared.ts';
import { anyText, bigTexts, tenMegabytesOfNews } from '../../test/support/textGenerators.ts';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['pt', 'Cinco ativistas foram presos em Moscou na quinta-feira por tentarem apresentar uma petição.'],
    ['pt', 'O governo russo alega que não há provas de abusos na Chechênia.'],
    ['en', 'Five activists were detained in Moscow on Thursday for trying to deliver a petition.'],
    ['en', 'The Russian government says there is no evidence of abuse in Chechnya.'],
    ['es', 'Cinco activistas fueron detenidos en Moscú el jueves por intentar entregar una petición.'],
    ['es', 'El gobierno ruso afirma que no hay pruebas de abusos en Chechenia.'],
    ['ru', 'Пять активистов были задержаны в Москве в четверг за попытку передать петицию.'],
    ['ru', 'Российское правительство утверждает, что нет доказательств нарушений в Чечне.'],
    ['fr', 'Cinq militants ont été arrêtés à Moscou jeudi pour avoir tenté de remettre une pétition.'],
    ['fr', "Le gouvernement russe affirme qu'il n'y a aucune preuve d'abus en Tchétchénie."],
    ['uk', 'Пʼятьох активістів затримали в Москві в четвер, повідомляє правозахисна організація.'],
    ['it', 'Cinque attivisti sono stati arrestati a Mosca giovedì mentre consegnavano una petizione.'],
    [
      'de',
      'Fünf Aktivisten wurden am Donnerstag in Moskau festgenommen, als sie eine Petition übergeben wollten.',
    ],
    ['ar', 'اعتقلت الشرطة خمسة ناشطين في موسكو يوم الخميس أثناء محاولتهم تقديم عريضة'],
    ['he', 'המשטרה עצרה חמישה פעילים במוסקבה ביום חמישי'],
    ['zh', '星期四，五名活动人士在莫斯科被拘留。'],
  ])('%s: %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  itWithShared(SEED_ARTICLE, 'recognises the seed article as Portuguese', () => {
    const seed = sharedText(SEED_ARTICLE);
    expect(detectLanguage(seed)).toBe('pt');
  });

  it.each(['', ' ', '12345', 'ok', '?!', 'https://example.org/a/b/c'])('is und for %j', (text) => {
    expect(detectLanguage(text)).toBe('und');
  });

  it('ignores URLs and e-mail addresses as evidence', () => {
    const text =
      'https://www.the-news-of-the-day.com/and/the/world [email protected] Cinco ativistas foram presos em Moscou.';
    expect(detectLanguage(text)).toBe('pt');
  });

  it('always returns a 2–3 letter code, whatever the input', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        expect(detectLanguage(text)).toMatch(/^[a-z]{2,3}$/);
      }),
      { numRuns: 300 },
    );
  });

  it('reads only a bounded sample of huge documents', () => {
    for (const text of Object.values(bigTexts())) expect(detectLanguage(text)).toMatch(/^[a-z]{2,3}$/);
  }, 180_000);
});

describe('language at scale', () => {
  // A bound on the whole run comes from the test timeout, not from a timed assertion.
  it('handles ten megabytes of news', () => {
    const text = tenMegabytesOfNews();
    // Five languages in turn: each of them is a fair answer, 'und' is not.
    expect(['pt', 'en', 'es', 'ru', 'fr']).toContain(detectLanguage(text));
  }, 180_000);
});

describe('lower-casing, as stopword scoring relies on it', () => {
  it('never makes a code point shorter', () => {
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (char.toLowerCase().length < char.length) expect.fail(`U+${cp.toString(16)} shortens`);
    }
  });
});
