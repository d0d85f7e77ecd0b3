/** Stopping a long-running command (`attest serve`, `attest worker`) on a signal, never hanging. */
import type { CommandIo } from './command.ts';

/** How long a graceful stop of the server may take before the process exits anyway. */
export const STOP_BUDGET_MS = 10_000;

/**
 * Resolves on the first SIGINT or SIGTERM. From then on the stop has `budgetMs` to finish; a
 * second signal, or the budget running out, ends the process at once: a stop never hangs.
 */
export function stopSignal(io: CommandIo, budgetMs: number): Promise<void> {
  return new Promise<void>((resolveStop) => {
    const first = () => {
      process.off('SIGINT', first);
      process.off('SIGTERM', first);
      io.stderr.write('attest: stopping (a second Ctrl-C stops at once)\n');
      const force = (reason: string) => {
        io.stderr.write(`attest: ${reason}: stopped without waiting\n`);
        process.exit(1);
      };
      process.once('SIGINT', () => force('second signal'));
      process.once('SIGTERM', () => force('second signal'));
      setTimeout(() => force(`still stopping after ${budgetMs / 1000} s`), budgetMs).unref();
      resolveStop();
    };
    process.on('SIGINT', first);
    process.on('SIGTERM', first);
  });
}
