import { UsageError } from '../../core/errors.ts';
import { releaseActor } from '../../services/accounts/actor.ts';
import { search } from '../../services/search.ts';
import { searchSealedSources } from '../../services/sources/sealedSources.ts';
import type { Db } from '../../services/store.ts';
import { type Command, stringOption, writeJson } from '../command.ts';
import { signIn } from '../signIn.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

async function asSignedIn<T>(
  db: Db,
  io: Parameters<typeof signIn>[1],
  work: (actor: Awaited<ReturnType<typeof signIn>>) => Promise<T>,
): Promise<T> {
  const actor = await signIn(db, io);
  try {
    return await work(actor);
  } finally {
    releaseActor(actor);
  }
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'Full-text search across sources and incidents, in every language (stemmed, accent-insensitive).',
  usage: '[--kind source|incident] [--limit N] [--sealed] <query>',
  options: {
    ...DATA_OPTION,
    sealed: {
      type: 'boolean',
      description:
        'also search the sealed sources of your compartments (as ATTEST_USER; opened in memory, audited)',
    },
    kind: { type: 'string', description: 'only sources or only incidents' },
    limit: { type: 'string', description: 'at most N hits (default 20)' },
  },
  async run(args, io) {
    const query = args.positionals.join(' ');
    if (!query.trim()) throw new UsageError('give a query');
    const kind = stringOption(args, 'kind');
    if (kind !== undefined && kind !== 'source' && kind !== 'incident')
      throw new UsageError('--kind is source or incident');
    const limitText = stringOption(args, 'limit');
    const limit = limitText === undefined ? 20 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new UsageError('--limit is a whole number from 1 to 200');
    const withSealed = args.values.sealed === true;
    if (withSealed && kind === 'incident') throw new UsageError('--sealed searches sources, not incidents');
    const { result, sealed } = await withStore(args, io, async (store) => ({
      result: await search(store.db, { query, kind, limit }),
      sealed: withSealed
        ? await asSignedIn(store.db, io, (actor) => searchSealedSources(store.db, actor, query, limit))
        : null,
    }));
    if (args.values.json) {
      writeJson(io, {
        ...(sealed ? { sealed } : {}),
        total: result.total,
        totalIsLowerBound: result.totalIsLowerBound,
        hits: result.hits.map(({ kind, id, title, snippet, highlights }) => ({
          kind,
          id,
          title,
          snippet,
          highlights,
        })),
      });
      return 0;
    }
    // Past the cap the count is a lower bound: "1000+ matches".
    const plus = result.totalIsLowerBound ? '+' : '';
    io.stdout.write(`${result.total}${plus} match${result.total === 1 && !plus ? '' : 'es'}\n`);
    for (const hit of result.hits) {
      let marked = hit.snippet;
      for (const { start, end } of [...hit.highlights].reverse()) {
        marked = `${marked.slice(0, start)}[${marked.slice(start, end)}]${marked.slice(end)}`;
      }
      io.stdout.write(`\n${hit.kind} ${hit.id}  ${hit.title}\n  ${marked.replace(/\s+/g, ' ')}\n`);
    }
    if (sealed) {
      io.stdout.write(
        `\n${sealed.total} sealed source${sealed.total === 1 ? '' : 's'}${sealed.truncated ? ' (only the newest were searched)' : ''}\n`,
      );
      for (const hit of sealed.hits) {
        let marked = hit.snippet;
        for (const { start, end } of [...hit.highlights].reverse())
          marked = `${marked.slice(0, start)}[${marked.slice(start, end)}]${marked.slice(end)}`;
        io.stdout.write(
          `\nsealed ${hit.id}  ${hit.title}  (${hit.compartment})\n  ${marked.replace(/\s+/g, ' ')}\n`,
        );
      }
    }
    return 0;
  },
};
