/**
 * The translations a translator edits by hand: the same keys and placeholders as English in every
 * locale, plural forms named by the locale's own plural categories, and no count that reads wrong
 * (the "negado por 0 declaração oficial").
 */
import { describe, expect, it } from 'vitest';
import { INTL_TAGS, LOCALES } from '../../web/src/i18n/locales.ts';
import { pluralForm } from '../../web/src/i18n/pluralForm.ts';
import { CATALOGUES } from '../support/catalogues.ts';

const placeholders = (message: string) => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort();
const forms = (message: string) =>
  message.includes('|') ? message.split('|').map((part) => part.slice(0, part.indexOf(':')).trim()) : [];

describe('interface catalogues', () => {
  const english = CATALOGUES.en;

  it.each(LOCALES)('%s has exactly the English keys, each with the same placeholders', (locale) => {
    const messages = CATALOGUES[locale];
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    const differing = Object.entries(english)
      .filter(
        ([key, text]) =>
          placeholders(messages[key as keyof typeof messages]).join() !== placeholders(text).join(),
      )
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it.each(LOCALES)(
    '%s names plural forms by its own categories and has one for every whole count',
    (locale) => {
      const rules = new Intl.PluralRules(INTL_TAGS[locale]);
      const categories: string[] = rules.resolvedOptions().pluralCategories;
      const problems: string[] = [];
      for (const [key, message] of Object.entries(CATALOGUES[locale])) {
        const named = forms(message);
        if (named.length === 0) continue;
        const unknown = named.filter((form) => !categories.includes(form) && !/^\d+$/.test(form));
        if (unknown.length > 0) problems.push(`${key}: unknown form ${unknown.join(', ')}`);
        for (let count = 0; count <= 120; count++) {
          const category = rules.select(count);
          if (!named.includes(String(count)) && !named.includes(category))
            problems.push(`${key}: no form for ${count} (${category})`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('Portuguese counts zero in the plural, though pt-BR rules call 0 "one"', () => {
    const rules = new Intl.PluralRules(INTL_TAGS.pt);
    const zeroReadsSingular = Object.entries(CATALOGUES.pt)
      .filter(([, message]) => forms(message).includes('one'))
      .filter(([key, message]) => pluralForm(message, 0, rules) === pluralForm(message, 1, rules) && key)
      .map(([key]) => key);
    expect(zeroReadsSingular).toEqual([]);
    expect(pluralForm(CATALOGUES.pt['incident.denied'], 0, rules)).toBe(
      'negado por {count} declarações oficiais',
    );
  });

  it('a count the locale treats apart gets its own form (Russian: 1, 3, 5, 21)', () => {
    const rules = new Intl.PluralRules(INTL_TAGS.ru);
    const message = CATALOGUES.ru['source.bytes'];
    expect([1, 3, 5, 21].map((count) => pluralForm(message, count, rules))).toEqual([
      '{count} байт',
      '{count} байта',
      '{count} байт',
      '{count} байт',
    ]);
  });
});
