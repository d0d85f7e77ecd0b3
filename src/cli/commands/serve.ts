import { UsageError } from '../../core/errors.ts';
import { buildServer } from '../../server/buildServer.ts';
import { createDecodePool } from '../../services/decodeSandbox/decodePool.ts';
import { decodeSettingsFrom } from '../../services/decodeSandbox/decodeSettings.ts';
import type { Command } from '../command.ts';
import { stringOption } from '../command.ts';
import { DATA_OPTION, openCommandStore } from '../storeOption.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the web application and its HTTP API (default http://127.0.0.1:4700).',
  usage: '[--host H] [--port P] [--data DIR]',
  options: {
    ...DATA_OPTION,
    host: { type: 'string', description: 'address to listen on (default 127.0.0.1: this machine only)' },
    port: { type: 'string', description: 'port (default 4700; 0 picks a free one)' },
    'trust-proxy': {
      type: 'boolean',
      description: 'behind a TLS proxy: trust X-Forwarded-* (HSTS, Secure cookies)',
    },
  },
  async run(args, io) {
    const host = stringOption(args, 'host') ?? '127.0.0.1';
    const portText = stringOption(args, 'port') ?? io.env.ATTEST_PORT ?? '4700';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError('--port is a whole number from 0 to 65535');
    const uploadMb = io.env.ATTEST_MAX_FILE_MB ? Number(io.env.ATTEST_MAX_FILE_MB) : undefined;
    if (uploadMb !== undefined && (!Number.isFinite(uploadMb) || uploadMb <= 0)) {
      throw new UsageError('ATTEST_MAX_FILE_MB must be a positive number of megabytes');
    }
    const decodeSettings = decodeSettingsFrom(io.env);

    const store = await openCommandStore(args, io);
    const decoder = createDecodePool(decodeSettings);
    const app = await buildServer({
      store,
      decoder,
      trustProxy: args.values['trust-proxy'] === true,
      ...(uploadMb ? { uploadLimitBytes: Math.floor(uploadMb * 1024 * 1024) } : {}),
    });
    let address: string;
    try {
      address = await app.listen({ host, port });
    } catch (error) {
      await app.close().catch(() => {});
      await decoder.close();
      await store.close();
      throw error;
    }
    io.stderr.write(`attest: serving on ${address.replace('://[::1]', '://localhost')} (Ctrl-C to stop)\n`);

    // Graceful shutdown: stop accepting, let in-flight requests finish, then close the database.
    await new Promise<void>((resolveStop) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolveStop();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await app.close();
    await decoder.close();
    await store.close();
    return 0;
  },
};
