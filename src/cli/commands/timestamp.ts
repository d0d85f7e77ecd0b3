import { UsageError } from '../../core/errors.ts';
import { timestampSettingsFrom } from '../../services/capture/captureSettings.ts';
import { stampPendingOriginals } from '../../services/timestamps/stampOriginals.ts';
import { type Command, writeJson } from '../command.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const timestampCommand: Command = {
  name: 'timestamp',
  summary:
    'Trusted timestamps (RFC 3161): send the SHA-256 of every original not yet stamped to ATTEST_TSA_URL and store the verified tokens.',
  usage: '--pending',
  options: {
    ...DATA_OPTION,
    pending: {
      type: 'boolean',
      description: 'process the queue now: every original waiting for a token, whatever its retry time',
    },
  },
  async run(args, io) {
    if (args.values.pending !== true) throw new UsageError('say --pending to process the queue of originals');
    if (args.positionals.length > 0) throw new UsageError('timestamp takes no arguments');
    const settings = timestampSettingsFrom(io.env);
    if (!settings.tsaUrl)
      throw new UsageError('no time-stamping authority is configured: set ATTEST_TSA_URL to its http(s) URL');
    const report = await withStore(args, io, (store) =>
      stampPendingOriginals(store, settings, {
        everyPending: true,
        onProgress: (done, total) => {
          if (io.stderr.isTTY) io.stderr.write(`\rattest: timestamp ${done}/${total}`);
        },
      }),
    );
    if (io.stderr.isTTY && report.stamped.length + report.failed.length > 0) io.stderr.write('\n');
    if (args.values.json) writeJson(io, report);
    else {
      for (const stamp of report.stamped)
        io.stdout.write(`stamped ${stamp.sha256.slice(0, 12)}  ${stamp.time}  ${stamp.authority}\n`);
      io.stdout.write(`${report.stamped.length} stamped, ${report.pending} still pending\n`);
    }
    for (const failure of report.failed)
      io.stderr.write(`attest: ${failure.sha256.slice(0, 12)}: ${failure.error}\n`);
    return report.failed.length > 0 ? 1 : 0;
  },
};
