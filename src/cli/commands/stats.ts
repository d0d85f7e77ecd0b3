/**
 * `attest stats`: acts and victims by country, act type and month — each act once, its chosen
 * figure; with `--by`, the statistics page's table for one grouping (`--public`: with small-cell
 * suppression, as the page's public view).
 */
import { UsageError } from '../../core/errors.ts';
import { actBreakdown, actTotals, STAT_DIMENSIONS, type StatDimension } from '../../services/stats.ts';
import { actingAs } from '../actingAs.ts';
import { type Command, expectPositionals, writeJson } from '../command.ts';
import { DATA_OPTION } from '../storeOption.ts';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'acts and victims by country, type and month; each act counted once with its chosen figure',
  usage: '[--by type|country|region|month|perpetrator|status [--public]]',
  options: {
    ...DATA_OPTION,
    by: { type: 'string', description: `one grouping: ${STAT_DIMENSIONS.join(', ')}` },
    public: { type: 'boolean', description: 'with --by: suppress small cells, as the public view' },
  },
  async run(args, io) {
    expectPositionals(args, 0, 'stats takes no arguments');
    const by = args.values.by;
    if (by !== undefined) {
      if (typeof by !== 'string' || !(STAT_DIMENSIONS as readonly string[]).includes(by))
        throw new UsageError(`--by is one of ${STAT_DIMENSIONS.join(', ')}`);
      const table = await actingAs(args, io, 'stats.read', (db, actor) =>
        actBreakdown(db, {}, by as StatDimension, {
          // A single-person installation (no accounts yet) is its own administrator.
          role: actor.account?.role ?? 'administrator',
          view: args.values.public ? 'public' : 'internal',
        }),
      );
      if (args.values.json) {
        writeJson(io, table);
        return 0;
      }
      const figure = (value: number | null) => (value === null ? 'suppressed' : String(value));
      if (table.withheld)
        io.stdout.write(`withheld: too few acts to show by ${by} below ${table.threshold}\n`);
      for (const row of table.rows)
        io.stdout.write(
          `${row.key || '(not known)'}${row.country ? ` (${row.country})` : ''}\t${figure(row.acts)} acts\t${victimsText(row)}\n`,
        );
      io.stdout.write(`total\t${figure(table.total.acts)} acts\t${victimsText(table.total)}\n`);
      return 0;
    }
    if (args.values.public) throw new UsageError('--public goes with --by');
    const totals = await actingAs(args, io, 'stats.read', (db) => actTotals(db, {}));
    const json = {
      byCountry: totals.byCountry.map(({ key, acts, victims }) => ({ country: key || null, acts, victims })),
      byType: totals.byType.map(({ key, acts, victims }) => ({ type: key, acts, victims })),
      byMonth: totals.byMonth.map(({ key, acts, victims }) => ({ month: key || null, acts, victims })),
    };
    if (args.values.json) {
      writeJson(io, json);
      return 0;
    }
    for (const row of json.byCountry)
      io.stdout.write(`${row.country ?? '(no country)'}\t${row.acts} acts\t${row.victims} victims\n`);
    return 0;
  },
};

type BreakdownFigures = Pick<
  Awaited<ReturnType<typeof actBreakdown>>['total'],
  'acts' | 'victims' | 'victimsLow' | 'victimsHigh' | 'withoutFigure'
>;

/**
 * Victims as the web page shows them: never a 0 for acts whose sources give no figure, and the
 * range the sources report when it is not one number ("no upper figure" when one is open-ended).
 */
function victimsText(row: BreakdownFigures): string {
  if (row.victims === null) return 'suppressed victims';
  if (row.acts !== null && row.withoutFigure === row.acts) return 'victims not stated';
  const range =
    row.victimsHigh === null
      ? ' (no upper figure)'
      : row.victimsLow !== null && row.victimsLow !== row.victimsHigh
        ? ` (${row.victimsLow}–${row.victimsHigh})`
        : '';
  const unstated = row.withoutFigure ? `; ${row.withoutFigure} act(s) without a figure` : '';
  return `${row.victims} victims${range}${unstated}`;
}
