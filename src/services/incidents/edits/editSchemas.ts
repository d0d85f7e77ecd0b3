/**
 * What an edit after review may send. The field shapes are the review's (an act is edited as its
 * event was), plus the version the editor saw (a stale one is a conflict, never an overwrite) and an
 * optional reason that goes into the record's history.
 */
import { z } from 'zod';
import { LanguageCode } from '../../../core/codes.ts';
import { Uuid } from '../../../core/validation.ts';
import { EventType } from '../../../core/vocabulary.ts';
import { ClaimEdit, EventEdit, InterventionEdit } from '../../review/decisions.ts';

export const EditedVersion = z.number().int().min(1);
export const Reason = z.string().trim().max(2_000).nullable().optional();

const nonEmpty = (patch: object) => Object.keys(patch).some((key) => key !== 'version' && key !== 'reason');
const NOTHING = 'give at least one field to change';

/** `incidentId` moves the act (with the claims about it) to another incident. */
export const ActPatchSchema = EventEdit.extend({
  incidentId: Uuid.optional(),
  version: EditedVersion,
  reason: Reason,
}).refine(nonEmpty, NOTHING);
export type ActPatch = z.infer<typeof ActPatchSchema>;

export const NewActSchema = EventEdit.extend({ type: EventType, reason: Reason });
export type NewActInput = z.infer<typeof NewActSchema>;

export const DeleteSchema = z.strictObject({ version: EditedVersion, reason: Reason });
export type DeleteInput = z.infer<typeof DeleteSchema>;

export const ClaimPatchSchema = ClaimEdit.omit({ actIndex: true })
  .extend({ version: EditedVersion, reason: Reason })
  .refine(nonEmpty, NOTHING);
export type ClaimPatch = z.infer<typeof ClaimPatchSchema>;

export const InterventionPatchSchema = InterventionEdit.extend({
  version: EditedVersion,
  reason: Reason,
}).refine(nonEmpty, NOTHING);
export type InterventionPatch = z.infer<typeof InterventionPatchSchema>;

export const NewIncidentSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  summary: z.string().max(20_000).default(''),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  language: LanguageCode.default('en'),
});
export type NewIncidentInput = z.infer<typeof NewIncidentSchema>;
