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
  capture: {
    summary: 'preserve a web page: bytes, headers, screenshot, PDF and MHTML, each by SHA-256',
    load: async () => (await import('./capture.ts')).captureCommand,
  },
  timestamp: {
    summary: 'trusted RFC 3161 timestamps: stamp the originals still waiting (--pending)',
    load: async () => (await import('./timestamp.ts')).timestampCommand,
  },
  worker: {
    summary: 'run background jobs from the PostgreSQL queue (ingest, capture, timestamps); --status',
    load: async () => (await import('./worker.ts')).workerCommand,
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
  serve: {
    summary: 'the web application and its HTTP API (default 127.0.0.1:4700)',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  link: {
    summary: 'record linkage: which rows describe the same person',
    load: async () => (await import('./link.ts')).linkCommand,
  },
  init: {
    summary: 'create the organisation, its keys and the first administrator',
    load: async () => (await import('./init.ts')).initCommand,
  },
  import: {
    summary: 'import incidents, acts, protected persons and sources from CSV or XLSX',
    load: async () => (await import('./import.ts')).importCommand,
  },
  person: {
    summary: 'add a protected person record or show one decrypted',
    load: async () => (await import('./person.ts')).personCommand,
  },
  case: {
    summary: 'cases: open, list, show; status, tasks, consents, notes',
    load: async () => (await import('./case.ts')).caseCommand,
  },
  org: {
    summary: 'the organisation’s public key and fingerprint, for partners',
    load: async () => (await import('./org.ts')).orgCommand,
  },
  referral: {
    summary: 'referrals to partner organisations: create, import, reply, status, list',
    load: async () => (await import('./referral.ts')).referralCommand,
  },
  audit: {
    summary: 'verify the hash-chained audit log end to end',
    load: async () => (await import('./audit.ts')).auditCommand,
  },
  verify: {
    summary: 'fixity: re-hash every original, cross-check rows and files, verify the audit chain',
    load: async () => (await import('./verify.ts')).verifyCommand,
  },
  backup: {
    summary: 'online, consistent backup of the database and originals into one archive file',
    load: async () => (await import('./backup.ts')).backupCommand,
  },
  restore: {
    summary: 'restore a backup into a new data directory (or an empty PostgreSQL database)',
    load: async () => (await import('./restore.ts')).restoreCommand,
  },
  user: {
    summary: 'accounts: add a user, change a role, lift a sign-in lock; turn on TOTP for your own',
    load: async () => (await import('./user.ts')).userCommand,
  },
  export: {
    summary: 'dataset export for partners; --public redacts personal data for publication',
    load: async () => (await import('./export.ts')).exportCommand,
  },
  dossier: {
    summary: 'evidence dossier of one incident as a PDF (--zip: with its originals and a manifest)',
    load: async () => (await import('./dossier.ts')).dossierCommand,
  },
  migrate: {
    summary: 'apply pending database migrations (as DATABASE_OWNER_URL when set)',
    load: async () => (await import('./migrate.ts')).migrateCommand,
  },
  review: {
    summary: 'review a source from a script: accept every suggestion, merging where the match is confident',
    load: async () => (await import('./review.ts')).reviewCommand,
  },
  incident: {
    summary: 'list incidents or show one, with acts, chosen figures, sources and status',
    load: async () => (await import('./incident.ts')).incidentCommand,
  },
  stats: {
    summary: 'acts and victims by country, type and month, each act counted once',
    load: async () => (await import('./stats.ts')).statsCommand,
  },
  compartment: {
    summary: 'case compartments: create, add/remove members, rotate keys',
    load: async () => (await import('./compartment.ts')).compartmentCommand,
  },
};
