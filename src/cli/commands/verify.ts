/** `attest verify`: fixity of the whole store (originals, rows ↔ files, audit chain and anchor). */
import { SingleBar } from 'cli-progress';
import { verifyStore } from '../../services/backup/verifyStore.ts';
import { type Command, expectPositionals, writeJson } from '../command.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const verifyCommand: Command = {
  name: 'verify',
  summary:
    'Re-hash every preserved original against its source row, cross-check rows and files, remove stale temporary files, and verify the audit chain and its anchor.',
  usage: '',
  options: { ...DATA_OPTION },
  async run(args, io) {
    expectPositionals(args, 0, 'verify takes no arguments');
    const bar = io.stderr.isTTY
      ? new SingleBar({ format: 'verify [{bar}] {value}/{total} originals', stream: io.stderr })
      : null;
    const report = await withStore(args, io, (store) =>
      verifyStore(store, (done, total) => {
        if (!bar) return;
        if (done === 1) bar.start(total, 0);
        bar.update(done);
        if (done === total) bar.stop();
      }),
    );
    if (args.values.json) writeJson(io, report);
    else {
      const { audit } = report;
      io.stdout.write(
        `${report.ok ? 'verify ok' : 'verify FAILED'}: ${report.sources} sources, ${report.originals} originals` +
          `; audit ${audit.ok ? `ok, head ${audit.headSeq} ${audit.headHash}` : 'broken'}` +
          `; anchor ${audit.anchor ? `${audit.anchor.seq} ${audit.anchor.hash}` : 'none yet'}\n`,
      );
      if (report.unreferenced.length > 0)
        io.stdout.write(
          `${report.unreferenced.length} originals are named by no source (kept; not a problem)\n`,
        );
      for (const path of report.cleaned) io.stdout.write(`removed stale temporary file files/${path}\n`);
    }
    for (const problem of report.problems) io.stderr.write(`attest: ${problem.message}\n`);
    return report.ok ? 0 : 1;
  },
};
