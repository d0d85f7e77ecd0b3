/**
 * The vocabularies of people and casework, in one place: who was involved in an act and how (HURIDOCS
 * Events Standard Formats), what kind of case, how risky, where it stands, and which protected fields
 * a person may consent to share. Pure: the server, the CLI and the web app read the same lists.
 */

/** ESF roles of a person or organisation in an act. */
export const INVOLVEMENT_ROLES = ['victim', 'perpetrator', 'witness', 'source', 'intervening'] as const;
export type InvolvementRole = (typeof INVOLVEMENT_ROLES)[number];

/** ESF "degree of involvement" of a perpetrator. */
export const PERPETRATOR_DEGREES = ['direct', 'command', 'complicit', 'unknown'] as const;
export type PerpetratorDegree = (typeof PERPETRATOR_DEGREES)[number];

/** ESF victim characteristics: what the act left the victim as. */
export const VICTIM_STATUSES = [
  'killed',
  'injured',
  'detained',
  'disappeared',
  'released',
  'threatened',
  'displaced',
  'unknown',
] as const;
export type VictimStatus = (typeof VICTIM_STATUSES)[number];

export const CASE_TYPES = [
  'evacuation',
  'relocation',
  'asylum',
  'humanitarian-parole',
  'medical',
  'legal',
  'psychosocial',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CASE_STATUSES = ['open', 'assessment', 'action-plan', 'in-progress', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The workflow: one step forward at a time; a case may be closed from any step (the person is safe,
 * or out of reach) and a closed case is reopened to `open`, so its history restarts visibly.
 */
export function allowedTransitions(from: CaseStatus): CaseStatus[] {
  if (from === 'closed') return ['open'];
  const next = CASE_STATUSES[CASE_STATUSES.indexOf(from) + 1]!;
  return next === 'closed' ? ['closed'] : [next, 'closed'];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return allowedTransitions(from).includes(to);
}

/** The protected person fields a consent (and so a referral) can name. */
export const SHAREABLE_FIELDS = [
  'name',
  'aliases',
  'contacts',
  'birthDate',
  'note',
  'sex',
  'genderIdentity',
  'nationality',
  'occupation',
  'safety',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What the partner may answer: a referral it received is accepted or declined, later closed. */
export const REFERRAL_REPLIES = ['accepted', 'declined', 'closed'] as const;
export type ReferralReply = (typeof REFERRAL_REPLIES)[number];

/** Parses `name,contacts` into known field names; returns the unknown ones separately. */
export function parseFieldList(list: string): { fields: ShareableField[]; unknown: string[] } {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const known = new Set<string>(SHAREABLE_FIELDS);
  return {
    fields: [...new Set(names.filter((name) => known.has(name)))] as ShareableField[],
    unknown: names.filter((name) => !known.has(name)),
  };
}
