/**
 * Every locale's interface messages at once, for tests and generated docs that run in Node (the web
 * app itself loads one locale at a time: web/src/i18n/catalogues.ts).
 */
import type { MessageKey, Messages } from '../../web/src/i18n/catalogue.ts';
import en from '../../web/src/i18n/locales/en/index.ts';
import es from '../../web/src/i18n/locales/es/index.ts';
import fr from '../../web/src/i18n/locales/fr/index.ts';
import pt from '../../web/src/i18n/locales/pt/index.ts';
import ru from '../../web/src/i18n/locales/ru/index.ts';
import type { Locale } from '../../web/src/i18n/locales.ts';

export type { MessageKey };

export const CATALOGUES: Record<Locale, Messages> = { en, pt, es, ru, fr };
