/** The codes records carry: calendar dates, countries and languages, each checked here only. */
import { z } from 'zod';

/** The shape of a date 'YYYY-MM-DD', whether or not the day exists. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date 'YYYY-MM-DD' that exists (no 2017-02-30). */
export const IsoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'not a calendar date');

/** A country as its ISO 3166-1 alpha-2 code, upper case ('BR'). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code');

/** A language as its ISO 639-1 code ('pt'; three letters where a language has no two-letter code). */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'expected an ISO 639-1 code');

/** A compartment's code ('C-0001'): how people name compartments in commands, URLs and forms. */
export const COMPARTMENT_CODE = /^C-\d{4,}$/;
export const CompartmentCode = z.string().regex(COMPARTMENT_CODE, 'expected a compartment code like C-0001');
