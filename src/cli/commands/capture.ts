import { Forbidden, UsageError } from '../../core/errors.ts';
import { releaseActor } from '../../services/accounts/actor.ts';
import { BrowserUnavailable, CaptureRefused } from '../../services/capture/captureErrors.ts';
import { type CapturedSource, capturePage } from '../../services/capture/capturePage.ts';
import { captureSettingsFrom, timestampSettingsFrom } from '../../services/capture/captureSettings.ts';
import { allows, describeAccess } from '../../services/policies/index.ts';
import { createDecodePool } from '../../services/sources/decodeSandbox/decodePool.ts';
import { decodeSettingsFrom } from '../../services/sources/decodeSandbox/decodeSettings.ts';
import { stampPendingOriginals } from '../../services/timestamps/stampOriginals.ts';
import { timestampsOfCapture } from '../../services/timestamps/timestampsOf.ts';
import { type Command, expectPositionals, writeJson } from '../command.ts';
import { signInOnceAccountsExist } from '../signIn.ts';
import { DATA_OPTION, operatingSystemUser, withStore } from '../storeOption.ts';

/** Chromium is optional: without it, capture says so and exits with this code (docs/cli.md). */
export const EXIT_BROWSER_UNAVAILABLE = 3;

export const captureCommand: Command = {
  name: 'capture',
  summary:
    'Preserve a web page as one source: its bytes and headers, a full-page screenshot, a PDF and an MHTML archive, each by SHA-256.',
  usage: '<http(s)-URL>',
  options: { ...DATA_OPTION },
  async run(args, io) {
    expectPositionals(args, 1, 'capture takes one URL');
    const url = args.positionals[0]!;
    const settings = captureSettingsFrom(io.env);
    const timestampSettings = timestampSettingsFrom(io.env);
    const decoder = createDecodePool(decodeSettingsFrom(io.env));
    const progress = io.stderr.isTTY
      ? (step: string) => io.stderr.write(`attest: capture: ${step}…\n`)
      : () => {};
    let captured: CapturedSource;
    let timestamps: Awaited<ReturnType<typeof timestampsOfCapture>> | null = null;
    try {
      captured = await withStore(args, io, async (store) => {
        const actor = await signInOnceAccountsExist(store.db, io, 'capture');
        try {
          if (actor && !allows(actor.role, 'source.create'))
            throw new Forbidden(`a ${actor.role} may not capture (${describeAccess('source.create')})`);
          const result = await capturePage(
            store,
            { url, capturedBy: actor?.userId ?? operatingSystemUser() },
            settings,
            { decoder, onStep: progress },
          );
          if (timestampSettings.tsaUrl) {
            // Stamped now when the authority answers; queued for `attest timestamp --pending` when not.
            await stampPendingOriginals(store, timestampSettings).catch(() => undefined);
            timestamps = await timestampsOfCapture(store, result.capture);
          }
          return result;
        } finally {
          if (actor) releaseActor(actor);
        }
      });
    } catch (error) {
      if (error instanceof CaptureRefused) throw new UsageError(error.message);
      if (error instanceof BrowserUnavailable) {
        io.stderr.write(`attest: ${error.message}\n`);
        return EXIT_BROWSER_UNAVAILABLE;
      }
      throw error;
    } finally {
      await decoder.close();
    }
    const { source, capture } = captured;
    if (args.values.json) {
      writeJson(io, {
        source: { ...source, url: capture.finalUrl },
        capture: {
          id: capture.id,
          requestedUrl: capture.requestedUrl,
          finalUrl: capture.finalUrl,
          redirects: capture.redirects,
          httpStatus: capture.httpStatus,
          capturedAt: capture.capturedAt.toISOString(),
          capturedBy: capture.capturedBy,
          browserVersion: capture.browserVersion,
          warnings: capture.warnings,
        },
        files: capture.files,
        ...(timestamps ? { timestamps } : {}),
      });
    } else {
      io.stdout.write(
        `${source.duplicate ? 'captured again' : 'captured'} ${source.sha256.slice(0, 12)}  ${capture.finalUrl}  (HTTP ${capture.httpStatus}, ${source.language})\n`,
      );
      for (const file of capture.files)
        io.stdout.write(`  ${file.role.padEnd(10)} ${file.sha256}  ${file.byteSize} bytes\n`);
    }
    if (capture.httpStatus >= 400)
      io.stderr.write(
        `attest: preserved as answered: HTTP ${capture.httpStatus} (the page may have been removed)\n`,
      );
    for (const warning of capture.warnings) io.stderr.write(`attest: ${warning}\n`);
    if (source.notDecoded) io.stderr.write(`attest: preserved, not decoded: ${source.notDecoded}\n`);
    return 0;
  },
};
