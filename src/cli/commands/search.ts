import { UsageError } from '../../core/errors.ts';
import { search } from '../../services/search.ts';
import { type Command, stringOption, writeJson } from '../command.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Full-text search across sources and incidents, in every language (stemmed, accent-insensitive).',
  usage: '[--kind source|incident] [--limit N] <query>',
  options: {
    ...DATA_OPTION,
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
    const result = await withStore(args, io, (store) => search(store.db, { query, kind, limit }));
    if (args.values.json) {
      writeJson(io, {
        total: result.total,
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
    io.stdout.write(`${result.total} match${result.total === 1 ? '' : 'es'}\n`);
    for (const hit of result.hits) {
      let marked = hit.snippet;
      for (const { start, end } of [...hit.highlights].reverse()) {
        marked = `${marked.slice(0, start)}[${marked.slice(start, end)}]${marked.slice(end)}`;
      }
      io.stdout.write(`\n${hit.kind} ${hit.id}  ${hit.title}\n  ${marked.replace(/\s+/g, ' ')}\n`);
    }
    return 0;
  },
};
