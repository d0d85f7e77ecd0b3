/**
 * Where each locale's messages come from. English is bundled (it is also the fallback while nothing
 * else has loaded); every other locale is its own chunk, fetched from this server the first time it
 * is chosen, so a field worker on a slow link downloads one language, not five.
 */
import type { Messages } from './catalogue.ts';
import en from './locales/en/index.ts';
import type { Locale } from './locales.ts';

const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = {
  pt: () => import('./locales/pt/index.ts'),
  es: () => import('./locales/es/index.ts'),
  ru: () => import('./locales/ru/index.ts'),
  fr: () => import('./locales/fr/index.ts'),
};

export const ENGLISH: Messages = en;

const loaded = new Map<Locale, Messages>([['en', en]]);

export async function loadMessages(locale: Locale): Promise<Messages> {
  const known = loaded.get(locale);
  if (known) return known;
  const { default: messages } = await LOADERS[locale as Exclude<Locale, 'en'>]();
  loaded.set(locale, messages);
  return messages;
}
