/** The text search configuration (stemmer + unaccent, see 001_foundation.sql) for a language. */
const CONFIG_BY_LANGUAGE: Record<string, string> = {
  pt: 'attest_pt',
  en: 'attest_en',
  es: 'attest_es',
  ru: 'attest_ru',
  fr: 'attest_fr',
};

export const SEARCH_CONFIGS = [...Object.values(CONFIG_BY_LANGUAGE), 'attest_simple'];

export function searchConfigFor(language: string): string {
  return CONFIG_BY_LANGUAGE[language] ?? 'attest_simple';
}
