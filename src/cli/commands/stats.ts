/** `attest stats`: acts and victims by country, act type and month — each act once, its chosen figure. */
import { actTotals } from '../../services/stats.ts';
import { actingAs } from '../actingAs.ts';
import { type Command, expectPositionals, writeJson } from '../command.ts';
import { DATA_OPTION } from '../storeOption.ts';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'acts and victims by country, type and month; each act counted once with its chosen figure',
  usage: '',
  options: { ...DATA_OPTION },
  async run(args, io) {
    expectPositionals(args, 0, 'stats takes no arguments');
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
