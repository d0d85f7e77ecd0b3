/**
 * Storage faults as they happen to an organisation: a read-only or full disk, a damaged database.
 * Each gets one clear message naming the place, exit 1, and nothing already stored is lost. The
 * file systems are real (tmpfs mounts), so these tests need root, as CI and the development
 * machines have; elsewhere they are skipped with a notice.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, runCli } from '../support/cli.ts';

function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'attest-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    process.stderr.write(
      '\n*** NOTICE: cannot mount tmpfs here (not root?): the storage fault tests are SKIPPED. ***\n\n',
    );
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const mountable = canMount();

/** A file that decodes to no text (image bytes), so ingest spends its time on storage, not extraction. */
/** A GIF signature and random bytes: media preserved as received (GIF is not read by OCR). */
function imageFile(path: string, megabytes: number): void {
  const gif = Buffer.from('GIF89a', 'latin1');
  writeFileSync(path, Buffer.concat([gif, randomBytes(megabytes * 1024 * 1024)]));
}

const sourcesIn = async (dataDir: string) =>
  jsonOf<{ total: number }>(
    await runCli(['search', '--json', '--kind', 'source', 'Moscow'], { env: { ATTEST_DATA: dataDir } }),
  );

describe.skipIf(!mountable)('storage faults', () => {
  let mountPoint: string;
  let work: string;
  const mount = (options: string) =>
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint]);
  const remount = (options: string) => execFileSync('mount', ['-o', `remount,${options}`, mountPoint]);

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'attest-faults-'));
    mountPoint = join(work, 'disk');
    mkdirSync(mountPoint);
  });
  afterAll(() => {
    try {
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    } catch {}
    rmSync(work, { recursive: true, force: true });
  });

  it('a full disk in the middle of an ingest: each file that did not fit is named, the others stay', async () => {
    mount('size=200m');
    const dataDir = join(mountPoint, 'data');
    const report = join(work, 'report.txt');
    writeFileSync(report, 'Police in Moscow detained five activists on 11 May 2017.\n');
    const first = await runCli(['ingest', '--json', report], { env: { ATTEST_DATA: dataDir } });
    expect(first.code, first.stderr).toBe(0);
    // Leave room for about two of the six images that follow.
    const { blocks, bfree, bsize } = statfsSync(mountPoint);
    const usedMb = Math.ceil(((blocks - bfree) * bsize) / 2 ** 20);
    remount(`size=${usedMb + 5}m`);
    const images = join(work, 'images');
    mkdirSync(images);
    for (let n = 1; n <= 6; n += 1) imageFile(join(images, `photo-${n}.gif`), 2);

    const full = await runCli(['ingest', '--json', images], { env: { ATTEST_DATA: dataDir } });
    expect(full.code).toBe(1);
    const outcome = jsonOf<{
      sources: Array<{ file: string }>;
      errors: Array<{ file: string; error: string }>;
    }>(full);
    expect(outcome.errors.length).toBeGreaterThan(0);
    for (const failure of outcome.errors) {
      expect(failure.error).toMatch(/photo-\d\.gif/);
      expect(failure.error).toMatch(/the disk is full|No space left on device/);
    }
    expect(outcome.sources.length + outcome.errors.length).toBe(6);

    remount('size=300m');
    expect((await sourcesIn(dataDir)).total).toBe(1);
    const again = await runCli(['ingest', '--json', images], { env: { ATTEST_DATA: dataDir } });
    expect(again.code, again.stderr).toBe(0);
    const rerun = jsonOf<{ sources: Array<{ duplicate: boolean }> }>(again);
    expect(rerun.sources.filter((source) => source.duplicate)).toHaveLength(outcome.sources.length);
    expect(rerun.sources).toHaveLength(6);
    execFileSync('umount', [mountPoint]);
  }, 600_000);

  it('a read-only file system: one line naming the directory, and everything is there once it is writable', async () => {
    mount('size=200m');
    const dataDir = join(mountPoint, 'data');
    const report = join(work, 'report.txt');
    writeFileSync(report, 'Police in Moscow detained five activists on 11 May 2017.\n');
    expect((await runCli(['ingest', report], { env: { ATTEST_DATA: dataDir } })).code).toBe(0);
    remount('ro');
    const refused = await runCli(['search', 'Moscow'], { env: { ATTEST_DATA: dataDir } });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain(`cannot use data directory ${dataDir}: read-only file system`);
    remount('rw');
    expect((await sourcesIn(dataDir)).total).toBe(1);
    execFileSync('umount', [mountPoint]);
  }, 600_000);

  it('a damaged database: one line naming it and the way back, and the originals are untouched', async () => {
    const dataDir = join(work, 'damaged');
    const report = join(work, 'report.txt');
    writeFileSync(report, 'Police in Moscow detained five activists on 11 May 2017.\n');
    const stored = jsonOf<{ sources: Array<{ sha256: string }> }>(
      await runCli(['ingest', '--json', report], { env: { ATTEST_DATA: dataDir } }),
    );
    const copy = join(work, 'original-files');
    cpSync(join(dataDir, 'files'), copy, { recursive: true });
    writeFileSync(join(dataDir, 'db', 'global', 'pg_control'), randomBytes(8192));
    const refused = await runCli(['search', 'Moscow'], { env: { ATTEST_DATA: dataDir } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`cannot open the embedded database in ${join(dataDir, 'db')}`);
    expect(refused.stderr).toContain('attest restore');
    const sha = stored.sources[0]!.sha256;
    const path = join(sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(execFileSync('cmp', [join(dataDir, 'files', path), join(copy, path)]).length).toBe(0);
  }, 600_000);
});
