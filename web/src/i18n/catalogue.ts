/**
 * Types of the message catalogues. English (locales/en) is the source: its keys are the message
 * keys, and every other locale must give exactly those keys, no fewer and no more, or the web build
 * fails.
 */
import type en from './locales/en/index.ts';

export type MessageKey = keyof typeof en;

/** A translation of an English table: the same keys, each with a string. */
export type Translation<T> = { readonly [K in keyof T]: string };

export type Messages = Translation<typeof en>;
