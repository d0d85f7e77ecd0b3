/**
 * `attest review apply SOURCE_ID --accept-all [--into INCIDENT_ID]`: the review path for scripts
 * importing many reports — every suggestion accepted, merged into recorded acts where the match is
 * confident (services/review/review.ts acceptAllSuggestions). Per-suggestion decisions are the web app's.
 */
import { z } from 'zod';
import { UsageError } from '../../core/errors.ts';
import { acceptAllSuggestions } from '../../services/review/review.ts';
import { actingAs } from '../actingAs.ts';
import { type Command, stringOption, writeJson } from '../command.ts';
import { DATA_OPTION } from '../storeOption.ts';

const Uuid = z.uuid();

export const reviewCommand: Command = {
  name: 'review',
  summary: 'review a source from a script: accept every suggestion, merging where the match is confident',
  usage: 'apply SOURCE_ID --accept-all [--into INCIDENT_ID]',
  options: {
    ...DATA_OPTION,
    'accept-all': { type: 'boolean', description: 'accept every suggestion (required)' },
    into: { type: 'string', description: 'the existing incident to record into (default: proposed or new)' },
  },
  async run(args, io) {
    const [sub, sourceId, ...extra] = args.positionals;
    if (sub !== 'apply') throw new UsageError('expected a subcommand: apply');
    if (!sourceId || extra.length > 0) throw new UsageError('review apply takes one source id');
    if (!Uuid.safeParse(sourceId).success) throw new UsageError(`${sourceId} is not a source id (a UUID)`);
    if (args.values['accept-all'] !== true)
      throw new UsageError('say --accept-all: per-suggestion decisions are made in the web app');
    const into = stringOption(args, 'into') ?? null;
    if (into !== null && !Uuid.safeParse(into).success)
      throw new UsageError(`--into ${into} is not an incident id (a UUID)`);
    const result = await actingAs(args, io, 'review.apply', (db, actor) =>
      acceptAllSuggestions(db, sourceId, actor.userId, into, actor.account),
    );
    const acts = result.actLinks.map(({ id, merged }) => ({ id, merged }));
    if (args.values.json) {
      writeJson(io, { incident: result.incidentId ? { id: result.incidentId } : null, acts });
      return 0;
    }
    if (!result.incidentId) {
      io.stdout.write('reviewed: nothing was suggested, nothing recorded\n');
      return 0;
    }
    const merged = acts.filter((act) => act.merged).length;
    io.stdout.write(
      `incident ${result.incidentId}: ${acts.length - merged} new act(s), ${merged} merged into recorded acts\n`,
    );
    return 0;
  },
};
