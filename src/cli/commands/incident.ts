/** `attest incident list|show`: incidents with their acts, figures, sources and status, for scripts. */
import { z } from 'zod';
import { UsageError } from '../../core/errors.ts';
import { MAX_LIST_OFFSET } from '../../core/validation.ts';
import { getIncident, listIncidents } from '../../services/incidents/incidents.ts';
import { actingAs } from '../actingAs.ts';
import { type Command, stringOption, writeJson } from '../command.ts';
import { incidentJson } from '../incidentJson.ts';
import { DATA_OPTION } from '../storeOption.ts';

const Uuid = z.uuid();

function wholeNumber(text: string | undefined, name: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new UsageError(`--${name} is a whole number from 0 to ${max}`);
  return value;
}

export const incidentCommand: Command = {
  name: 'incident',
  summary: 'list incidents or show one, with acts, chosen figures, sources and status',
  usage: 'list [--limit N] [--offset N | --after CURSOR] | show INCIDENT_ID',
  options: {
    ...DATA_OPTION,
    limit: { type: 'string', description: 'list: at most N incidents (default 50, at most 200)' },
    offset: { type: 'string', description: `list: skip the first N (at most ${MAX_LIST_OFFSET})` },
    after: { type: 'string', description: 'list: the page after this cursor (the next of a --json page)' },
  },
  async run(args, io) {
    const [sub, id, ...extra] = args.positionals;
    if (sub === 'list') {
      if (id !== undefined) throw new UsageError('incident list takes no argument');
      const limit = Math.max(1, wholeNumber(stringOption(args, 'limit'), 'limit', 50, 200));
      const offsetText = stringOption(args, 'offset');
      if (Number(offsetText) > MAX_LIST_OFFSET)
        throw new UsageError(
          `--offset is at most ${MAX_LIST_OFFSET}: page further with --after, the next of the page before`,
        );
      const offset = wholeNumber(offsetText, 'offset', 0, MAX_LIST_OFFSET);
      const after = stringOption(args, 'after');
      const result = await actingAs(args, io, 'incident.list', async (db) => {
        const page = await listIncidents(db, {}, { limit, offset, after });
        const incidents = [];
        for (const item of page.items) incidents.push(await getIncident(db, item.id));
        return { total: page.total, totalIsLowerBound: page.totalIsLowerBound, next: page.next, incidents };
      });
      if (args.values.json) {
        const { incidents, ...paging } = result;
        writeJson(io, { ...paging, incidents: incidents.map(incidentJson) });
        return 0;
      }
      for (const incident of result.incidents)
        io.stdout.write(`${incident.id}  ${incident.status.padEnd(12)} ${incident.title}\n`);
      return 0;
    }
    if (sub === 'show') {
      if (!id || extra.length > 0) throw new UsageError('incident show takes one incident id');
      if (!Uuid.safeParse(id).success) throw new UsageError(`${id} is not an incident id (a UUID)`);
      const incident = await actingAs(args, io, 'incident.read', (db) => getIncident(db, id));
      const json = incidentJson(incident);
      if (args.values.json) {
        writeJson(io, json);
        return 0;
      }
      io.stdout.write(`${json.title}\nstatus: ${json.status}\n`);
      for (const act of json.acts) {
        const { min, max } = act.victims;
        const range =
          min === null && max === null
            ? 'no figure'
            : min === max
              ? `${min}`
              : max === null
                ? `at least ${min}`
                : `${min ?? 0}–${max}`;
        io.stdout.write(
          `  ${act.type}, ${act.place.name ?? '?'}, ${act.date.from ?? 'undated'}: victims counted ${act.victims.chosen ?? '?'} (sources: ${range}); ${act.reports} report(s), ${act.independent} independent; ${act.status}\n`,
        );
      }
      return 0;
    }
    throw new UsageError('expected a subcommand: list or show');
  },
};
