/**
 * Crash safety, proven by killing. `attest ingest DIR` and `attest serve` (under uploads from
 * several concurrent clients) are killed with SIGKILL at random points, again and again, on one
 * store. After every kill the store must open (an embedded one takes its lock, so a lock left behind
 * shows), every source row must have its original, hashing right, and nothing already committed or
 * acknowledged may be gone; leftover temporary files and unreferenced originals are counted. At the
 * end one complete run must leave exactly one source per distinct document, reusing the originals
 * the killed runs left behind.
 *
 * Shared by the CI test (test/cli/crashSafety.test.ts: a few kills, a small batch) and the full run
 * (`npm run bench -- crash`: 20 kills per backend and scenario, 2,000 files). Random choices come
 * from a seeded generator, so a failing run can be replayed with its seed.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateNewsTexts } from '../../bench/corpus.ts';
import { seededRandom } from '../../src/analysis/seededRandom.ts';
import type { StoreConfig } from '../../src/store/storeConfig.ts';
import { runCli, spawnCli } from './cli.ts';
import { type RunningServer, signInOverHttp, startServer } from './server.ts';
import { inspectStore, type StoreInspection, scanFiles } from './storeIntegrity.ts';

export type Scenario = 'ingest' | 'serve';

export interface CrashLoopOptions {
  backend: 'pglite' | 'postgres';
  /** A fresh PostgreSQL database (backend postgres); originals still go to the data directory. */
  databaseUrl?: string;
  /** An empty scratch directory for the documents and the data directory. */
  workDir: string;
  /** Distinct documents: files in the ingested directory, or documents the clients upload. */
  documents: number;
  kills: number;
  seed: number;
  /** Concurrent upload clients (serve). */
  clients?: number;
  log?: (line: string) => void;
}

export interface KillRecord {
  round: number;
  /** How the kill point was drawn: a random delay after the start, or a random progress target. */
  trigger: string;
  /** Milliseconds from spawning `attest ingest`, or from the first upload, to the kill. */
  atMs: number;
  /** Where the batch stood at the kill, 0–1: originals on disk (ingest), uploads answered this round (serve). */
  progress: number;
  /** before: the run had written nothing new yet; during; end: 90 % or more of the batch was done. */
  phase: 'before' | 'during' | 'end';
  /** The process finished on its own before the signal (the draw fell after the end). */
  exitedFirst: boolean;
  sources: number;
  temporaryFiles: number;
  unreferencedOriginals: number;
}

export interface CrashLoopReport {
  scenario: Scenario;
  backend: CrashLoopOptions['backend'];
  seed: number;
  documents: number;
  kills: KillRecord[];
  /** Sources after the final, complete run; must equal `documents`. */
  finalSources: number;
  /** Temporary files still present at the end (reported, harmless). */
  finalTemporaryFiles: number;
  /** Every broken promise, named; empty when the store survived every kill. */
  problems: string[];
  seconds: number;
}

interface Document {
  name: string;
  bytes: Buffer;
  sha256: string;
}

/** Distinct news-like documents: the corpus texts, each headed by its own number. */
function generateDocuments(count: number, seed: number): Document[] {
  return generateNewsTexts(count, seed).map((news, index) => {
    const bytes = Buffer.from(`Report ${index + 1} of batch ${seed}\n\n${news.text}\n`, 'utf8');
    const name = `report-${String(index + 1).padStart(5, '0')}-${news.lang}.txt`;
    return { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

const PHASE_END = 0.9;

function phaseOf(progress: number, wroteNothing: boolean): KillRecord['phase'] {
  if (wroteNothing) return 'before';
  return progress >= PHASE_END ? 'end' : 'during';
}

/** Problems found by one inspection; `label` says which kill (or the final run) it follows. */
function problemsIn(inspection: StoreInspection, documents: number, label: string): string[] {
  const found: string[] = [];
  const first = (list: string[]) => `${list.length} (first ${list[0]?.slice(0, 12)}…)`;
  if (inspection.missingOriginals.length > 0)
    found.push(`${label}: source rows without their original: ${first(inspection.missingOriginals)}`);
  if (inspection.corruptOriginals.length > 0)
    found.push(`${label}: originals that no longer match their hash: ${first(inspection.corruptOriginals)}`);
  if (inspection.strayFiles.length > 0)
    found.push(`${label}: unexpected files under files/: ${inspection.strayFiles.slice(0, 3).join(', ')}`);
  if (inspection.sources.size > documents)
    found.push(`${label}: ${inspection.sources.size} sources for ${documents} distinct documents`);
  return found;
}

/** Opens and inspects the store, or names why it does not open. */
async function inspectOrReport(
  config: StoreConfig,
  label: string,
  problems: string[],
): Promise<StoreInspection | null> {
  try {
    return await inspectStore(config);
  } catch (error) {
    problems.push(`${label}: the store does not open: ${error instanceof Error ? error.message : error}`);
    return null;
  }
}

function storeOf(options: CrashLoopOptions): {
  config: StoreConfig;
  env: Record<string, string | undefined>;
} {
  const dataDir = join(options.workDir, 'data');
  return {
    config: { dataDir, databaseUrl: options.databaseUrl },
    env: { ATTEST_DATA: dataDir, DATABASE_URL: options.databaseUrl },
  };
}

/** Sends SIGKILL once `due()` holds (polled), unless the child exits first; resolves when it is gone. */
function killWhen(child: ChildProcess, due: () => boolean): Promise<{ exitedFirst: boolean; atMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    let killedAt: number | null = null;
    const poll = setInterval(() => {
      if (killedAt === null && due()) {
        killedAt = Date.now() - started;
        child.kill('SIGKILL');
      }
    }, 15);
    child.on('exit', () => {
      clearInterval(poll);
      resolve({ exitedFirst: killedAt === null, atMs: killedAt ?? Date.now() - started });
    });
  });
}

/** The delay window of a kill drawn by time: long enough to land in start-up, opening and first files. */
const STARTUP_WINDOW_MS = 2_500;

/**
 * Kills `attest ingest DIR` again and again. Most kills aim at a random number of originals on disk,
 * paced so the kills spread over the whole batch and the last lands as its end nears; one in five
 * is a random delay after the start, landing in start-up, crash recovery or the first files.
 */
export async function crashIngest(options: CrashLoopOptions): Promise<CrashLoopReport> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const documents = generateDocuments(options.documents, options.seed);
  const inbox = join(options.workDir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  for (const document of documents) writeFileSync(join(inbox, document.name), document.bytes);
  const { config, env } = storeOf(options);
  const cliEnv = { ...env, ATTEST_USER: 'officer@example.org' };
  const originalsOnDisk = () => scanFiles(join(config.dataDir, 'files')).originals.size;
  const total = documents.length;
  const problems: string[] = [];
  const kills: KillRecord[] = [];
  let committed = 0;

  for (let round = 1; round <= options.kills; round++) {
    const before = originalsOnDisk();
    const byDelay = random() < 0.2;
    const delayMs = Math.floor(random() * STARTUP_WINDOW_MS);
    const pace = (2 * (total - before)) / (options.kills - round + 1);
    const target = round === options.kills ? total : before + Math.ceil(random() * pace);
    const trigger = byDelay ? `${delayMs} ms after start` : `at ${target} originals`;
    const child = spawnCli(['ingest', inbox], { env: cliEnv });
    child.stdin.end();
    // Drained, so a full pipe never stalls the child before its kill.
    child.stdout.resume();
    child.stderr.resume();
    const spawnedAt = Date.now();
    const { exitedFirst, atMs } = await killWhen(child, () =>
      byDelay ? Date.now() - spawnedAt >= delayMs : originalsOnDisk() >= target,
    );
    const label = `ingest kill ${round} (${trigger})`;
    const after = originalsOnDisk();
    const inspection = await inspectOrReport(config, label, problems);
    if (!inspection) break;
    problems.push(...problemsIn(inspection, total, label));
    if (inspection.sources.size < committed)
      problems.push(`${label}: ${committed - inspection.sources.size} committed sources lost`);
    committed = inspection.sources.size;
    const record: KillRecord = {
      round,
      trigger,
      atMs,
      progress: after / total,
      phase: phaseOf(after / total, after === before && !exitedFirst),
      exitedFirst,
      sources: inspection.sources.size,
      temporaryFiles: inspection.temporaryFiles.length,
      unreferencedOriginals: inspection.unreferencedOriginals.length,
    };
    kills.push(record);
    options.log?.(describeKill('ingest', options.backend, record, total));
  }

  const rerun = await runCli(['ingest', inbox], { env: cliEnv });
  if (rerun.code !== 0)
    problems.push(`the re-run of the ingest exited ${rerun.code}: ${rerun.stderr.slice(-500)}`);
  const final = await inspectOrReport(config, 'after the re-run', problems);
  return finish('ingest', options, started, kills, problems, final);
}

const ADMIN = 'admin@example.org';
const ADMIN_PASSWORD = 'crash loop administrator passphrase';
const OFFICER = 'officer@example.org';
const OFFICER_PASSWORD = 'crash loop officer passphrase';
const CSRF = 'crash-loop-csrf-token-0123456789abcdef';

interface Uploader {
  /** Uploads `document`; resolves with the status, or null when the connection failed. */
  upload(document: Document): Promise<number | null>;
}

async function signedInUploader(server: RunningServer): Promise<Uploader> {
  const session = await signInOverHttp(server.url, OFFICER, OFFICER_PASSWORD);
  return {
    async upload(document) {
      const form = new FormData();
      form.append('file', new Blob([document.bytes], { type: 'text/plain' }), document.name);
      try {
        const response = await fetch(`${server.url}/api/sources`, {
          method: 'POST',
          // As the web app sends it: the session cookie, and the CSRF cookie echoed in the header.
          headers: { cookie: `attest_session=${session}; attest_csrf=${CSRF}`, 'x-csrf-token': CSRF },
          body: form,
        });
        await response.arrayBuffer();
        return response.status;
      } catch {
        return null;
      }
    },
  };
}

/**
 * Uploads `documents` from `clients` concurrent clients; `onAnswer` runs after each answer and may
 * stop the round by killing the server. Returns the statuses of the uploads that were answered.
 */
async function uploadAll(
  uploader: Uploader,
  documents: Document[],
  clients: number,
  onAnswer: (answered: number) => void = () => {},
): Promise<Map<Document, number>> {
  const answers = new Map<Document, number>();
  let next = 0;
  let broken = false;
  const client = async () => {
    while (!broken && next < documents.length) {
      const document = documents[next++]!;
      const status = await uploader.upload(document);
      if (status === null) {
        broken = true;
        return;
      }
      answers.set(document, status);
      onAnswer(answers.size);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return answers;
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * Kills `attest serve` while signed-in clients upload. Each round restarts the server, signs in and
 * re-sends every document in a new order; the server is killed once a random number of uploads
 * (0 to all but one) has been answered, with the others in flight. Every upload answered 2xx before
 * a kill must still be there after it.
 */
export async function crashServe(options: CrashLoopOptions): Promise<CrashLoopReport> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const documents = generateDocuments(options.documents, options.seed);
  const clients = options.clients ?? 4;
  const { config, env } = storeOf(options);
  const adminEnv = { ...env, ATTEST_USER: ADMIN, ATTEST_PASSWORD: ADMIN_PASSWORD };
  const init = await runCli(['init', '--org', 'Crash loop', '--admin', ADMIN], { env: adminEnv });
  const officer = await runCli(['user', 'add', '--email', OFFICER, '--role', 'investigator'], {
    env: { ...adminEnv, ATTEST_NEW_PASSWORD: OFFICER_PASSWORD },
  });
  for (const setup of [init, officer])
    if (setup.code !== 0) throw new Error(`crash loop setup failed: ${setup.stderr}`);

  const problems: string[] = [];
  const kills: KillRecord[] = [];
  const acknowledged = new Set<string>();
  let broken = false;
  for (let round = 1; round <= options.kills && !broken; round++) {
    const label = `serve kill ${round}`;
    let server: RunningServer;
    try {
      server = await startServer(env);
    } catch (error) {
      problems.push(`${label}: the server does not start: ${error instanceof Error ? error.message : error}`);
      broken = true;
      continue;
    }
    const uploader = await signedInUploader(server);
    const target = Math.floor(random() * documents.length);
    const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
    const uploadsStarted = Date.now();
    let atMs = -1;
    const killAt = (answered: number) => {
      if (atMs >= 0 || answered < target) return;
      atMs = Date.now() - uploadsStarted;
      server.child.kill('SIGKILL');
    };
    const uploads = uploadAll(uploader, shuffled(documents, random), clients, killAt);
    killAt(0);
    const answers = await uploads;
    await exited;
    for (const [document, status] of answers) {
      if (isSuccess(status)) acknowledged.add(document.sha256);
      else problems.push(`${label}: ${document.name} answered ${status}`);
    }
    const inspection = await inspectOrReport(config, label, problems);
    if (!inspection) {
      broken = true;
      continue;
    }
    problems.push(...problemsIn(inspection, documents.length, label));
    const lost = [...acknowledged].filter((sha256) => !inspection.sources.has(sha256));
    if (lost.length > 0) problems.push(`${label}: ${lost.length} acknowledged uploads lost`);
    const progress = answers.size / documents.length;
    const record: KillRecord = {
      round,
      trigger: `after ${target} answers`,
      atMs,
      progress,
      phase: phaseOf(progress, answers.size === 0),
      exitedFirst: false,
      sources: inspection.sources.size,
      temporaryFiles: inspection.temporaryFiles.length,
      unreferencedOriginals: inspection.unreferencedOriginals.length,
    };
    kills.push(record);
    options.log?.(describeKill('serve', options.backend, record, documents.length));
  }

  let final: StoreInspection | null = null;
  if (!broken) {
    const server = await startServer(env);
    const answers = await uploadAll(await signedInUploader(server), documents, clients);
    const stopped = await server.stop('SIGTERM');
    const failed = documents.filter((document) => !isSuccess(answers.get(document) ?? 0));
    if (failed.length > 0) problems.push(`the final upload round: ${failed.length} uploads not accepted`);
    if (stopped.code !== 0) problems.push(`the server stopped with ${stopped.code} after the final round`);
    final = await inspectOrReport(config, 'after the final round', problems);
  }
  return finish('serve', options, started, kills, problems, final);
}

function finish(
  scenario: Scenario,
  options: CrashLoopOptions,
  started: number,
  kills: KillRecord[],
  problems: string[],
  final: StoreInspection | null,
): CrashLoopReport {
  if (final) {
    const label = `after the final ${scenario === 'ingest' ? 're-run' : 'round'}`;
    problems.push(...problemsIn(final, options.documents, label));
    if (final.sources.size !== options.documents)
      problems.push(`${label}: ${final.sources.size} sources, expected exactly ${options.documents}`);
    // Every document now has its row, so an original left behind by a kill has been reused.
    if (final.unreferencedOriginals.length > 0)
      problems.push(`${label}: ${final.unreferencedOriginals.length} originals still unreferenced`);
  }
  return {
    scenario,
    backend: options.backend,
    seed: options.seed,
    documents: options.documents,
    kills,
    finalSources: final?.sources.size ?? 0,
    finalTemporaryFiles: final?.temporaryFiles.length ?? 0,
    problems,
    seconds: (Date.now() - started) / 1000,
  };
}

function describeKill(scenario: Scenario, backend: string, kill: KillRecord, total: number): string {
  const where = kill.exitedFirst ? 'finished before the kill' : `killed at ${kill.atMs} ms`;
  return `crash ${scenario} ${backend} #${kill.round} (${kill.trigger}): ${where}, ${kill.phase}, ${Math.round(kill.progress * 100)} %; ${kill.sources}/${total} sources, ${kill.temporaryFiles} tmp, ${kill.unreferencedOriginals} unreferenced`;
}
