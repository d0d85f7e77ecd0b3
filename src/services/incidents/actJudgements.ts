/**
 * A person's judgements on one act: the figure to count (instead of the conservative default) and
 * "verified". Both need a written reason, keep who and when on the act, and are audited in the same
 * transaction. Statistics, the map, the timeline and exports count the chosen figure.
 */
import { z } from 'zod';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { actsRepository } from '../../store/acts.ts';
import type { Db } from '../../store/db.ts';
import { incidentsRepository } from '../../store/incidents.ts';
import { appendAudit } from '../audit/audit.ts';
import { checkNotBelowNamedVictims } from '../persons/involvements.ts';
import type { IncidentEditor } from './incidents.ts';

const Reason = z.string().trim().min(3, 'say why, in a few words').max(2_000);

/** `victims: null` goes back to the default: the lowest lower bound the sources report. */
export const ChosenFigureSchema = z.strictObject({
  victims: z.number().int().min(0).max(100_000_000).nullable(),
  reason: Reason,
});
export type ChosenFigureInput = z.infer<typeof ChosenFigureSchema>;

export const ActVerificationSchema = z.strictObject({ verified: z.boolean(), reason: Reason });
export type ActVerificationInput = z.infer<typeof ActVerificationSchema>;

export async function chooseActFigure(
  db: Db,
  editor: IncidentEditor,
  actId: string,
  input: ChosenFigureInput,
): Promise<{ incidentId: string }> {
  return db.transaction(async (tx) => {
    const act = await actsRepository(tx).findById(actId);
    if (!act) throw new NotFound('act', actId);
    await checkNotBelowNamedVictims(tx, actId, input.victims, 'victims');
    await actsRepository(tx).setChosenFigure(actId, input.victims, input.reason, editor.userId);
    await incidentsRepository(tx).touch(act.incidentId);
    await appendAudit(tx, {
      actor: editor.userId,
      action: 'act.choose-figure',
      recordType: 'act',
      recordId: actId,
      details: { from: act.chosen?.victims ?? null, to: input.victims, incidentId: act.incidentId },
    });
    return { incidentId: act.incidentId };
  });
}

export async function verifyAct(
  db: Db,
  editor: IncidentEditor,
  actId: string,
  input: ActVerificationInput,
): Promise<{ incidentId: string }> {
  if (!editor.mayVerify) throw new Forbidden('only a person allowed to verify may verify an act');
  return db.transaction(async (tx) => {
    const act = await actsRepository(tx).findById(actId);
    if (!act) throw new NotFound('act', actId);
    await actsRepository(tx).setVerified(
      actId,
      input.verified ? { by: editor.userId, reason: input.reason } : null,
    );
    await incidentsRepository(tx).touch(act.incidentId);
    await appendAudit(tx, {
      actor: editor.userId,
      action: input.verified ? 'act.verify' : 'act.unverify',
      recordType: 'act',
      recordId: actId,
      details: { incidentId: act.incidentId },
    });
    return { incidentId: act.incidentId };
  });
}
