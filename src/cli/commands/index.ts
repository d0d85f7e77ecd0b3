/**
 * The command registry. Commands load lazily so `attest extract` never pays for the database driver.
 */
import type { Command } from '../command.ts';

export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  ingest: {
    summary: 'preserve files as sources, extract their text and suggestions',
    load: async () => (await import('./ingest.ts')).ingestCommand,
  },
  search: {
    summary: 'full-text search across sources and incidents in every language',
    load: async () => (await import('./search.ts')).searchCommand,
  },
  extract: {
    summary: 'suggest events, claims, interventions and PII for one text (no storage)',
    load: async () => (await import('./extract.ts')).extractCommand,
  },
  estimate: {
    summary: 'multiple systems estimation of the total number of victims',
    load: async () => (await import('./estimate.ts')).estimateCommand,
  },
  link: {
    summary: 'record linkage: which rows describe the same person',
    load: async () => (await import('./link.ts')).linkCommand,
  },
};
