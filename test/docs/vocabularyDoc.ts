/**
 * docs/vocabulary.md, rendered from the code that defines each vocabulary, so the page cannot drift:
 * `vocabularyDoc.test.ts` compares the page with this rendering (`npx vitest run test/docs/vocabularyDoc.test.ts -u` rewrites it).
 */

import { ACTOR_KINDS, type ActorKind } from '../../src/core/actors.ts';
import {
  CASE_STATUSES,
  CASE_TYPES,
  INVOLVEMENT_ROLES,
  PERPETRATOR_DEGREES,
  REFERRAL_STATUSES,
  RISK_LEVELS,
  VICTIM_STATUSES,
} from '../../src/core/casework.ts';
import { DatePrecision, PiiKind } from '../../src/core/suggestions.ts';
import { V1_VICTIM_GROUPS, VICTIM_GROUP_LABELS, VICTIM_GROUPS } from '../../src/core/victimGroups.ts';
import {
  CLAIM_STANCE_LABELS,
  CLAIM_STANCES,
  type ClaimStance,
  EVENT_TYPE_ESF,
  EVENT_TYPE_LABELS,
  EVENT_TYPES,
  type EventType,
  INCIDENT_STATUSES,
  INTERVENTION_TYPE_LABELS,
  INTERVENTION_TYPES,
  type IncidentStatus,
  type InterventionType,
  type Labels,
  LOCALES,
} from '../../src/core/vocabulary.ts';
import { CATALOGUES, type MessageKey } from '../support/catalogues.ts';

/** What each event type covers: the guidance a reviewer needs to choose one. */
const EVENT_TYPE_SCOPE: Record<EventType, string> = {
  killing: 'killings, extrajudicial executions, deaths in custody or from ill-treatment',
  torture:
    'torture and cruel, inhuman or degrading treatment: beatings in custody, electric shocks, forced medical examinations',
  detention: 'arbitrary arrest and detention, raids with arrests, abduction by state agents, secret prisons',
  disappearance: 'enforced disappearance: whereabouts concealed or denied',
  threat: 'threats, intimidation, harassment, surveillance of a person',
  'sexual-violence': 'rape and other sexual violence',
  'forced-disclosure': "coercion to reveal others' identities, forced outing to family",
  displacement: 'forced displacement, people fleeing a place',
  persecution: 'a campaign against a group where no narrower act is stated',
  'physical-assault':
    'use of force and beatings that injure: firing at or over a crowd, tear gas, rubber bullets, baton or lathi charges, violent dispersal',
  'attempted-killing':
    'an attempt on a life that the victim survived ("tried to kill", "tentativa de homicídio")',
  abduction:
    'kidnapping and hostage-taking by anyone; when the State conceals the fate of the person, `disappearance`',
  raid: 'an illegal search or raid of a home, office or newsroom',
  censorship: 'closing a newspaper, blocking a site, taking a broadcaster off air, banning publication',
  'property-destruction': 'homes or property burned, demolished, looted or destroyed',
};

const INTERVENTION_SCOPE: Record<InterventionType, string> = {
  investigation: 'an inquiry opened or demanded',
  evacuation: 'people moved out of danger',
  asylum: 'asylum, humanitarian parole, resettlement',
  petition: 'a petition delivered or started',
  statement: 'a public condemnation or call',
  'legal-action': 'a complaint, lawsuit or appeal before a court',
  referral: 'a case handed to another organisation or body',
};

const STANCE_SCOPE: Record<ClaimStance, string> = {
  asserts: 'an actor affirms that acts happened',
  denies: 'an actor denies them, or says there is no evidence, no victims, no complaints',
};

const STATUS_SCOPE: Record<IncidentStatus, string> = {
  alleged: 'an act reported by one independent source; the starting status',
  corroborated: 'an act reported by at least two independent sources (other publishers, not near-copies)',
  verified: 'an act confirmed by a person allowed to verify, with a reason',
};

const ACTOR_KIND_SCOPE: Record<ActorKind, string> = {
  media: 'a newspaper, broadcaster or news agency',
  authority: 'a government, ministry, embassy, prosecutor, council',
  ngo: 'a human-rights or other non-governmental organisation',
  'security-force': 'police, army, security service, guards',
  religious: 'clergy or a religious body',
  political: 'a party or politician',
  other: 'anything not recognised; a person corrects it',
};

const PRECISION_SCOPE: Record<DatePrecision, string> = {
  day: 'one day ("on Thursday", "11 May 2017")',
  week: 'a week ("last week")',
  month: 'a month ("in March")',
  quarter: 'a quarter of a year',
  year: 'a year ("in 2016")',
  decade: 'a decade ("in the 1990s")',
};

const PII_SCOPE: Record<PiiKind, string> = {
  email: 'an e-mail address (or a page’s placeholder for one)',
  phone: 'a telephone number',
  person: 'the name of a private individual',
  address: 'a street address',
  'id-number': 'an identity, passport or social-security number',
  url: 'a link that names or locates a person',
};

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const header = (cells: string[]) => [row(cells), row(cells.map(() => '---'))];
const labelsOf = (labels: Labels) => LOCALES.map((locale) => labels[locale]);

function labelledTable(
  codes: readonly string[],
  scope: Record<string, string>,
  labels: (code: string) => Labels,
) {
  return [
    ...header(['code', 'covers', ...LOCALES]),
    ...codes.map((code) => row([`\`${code}\``, scope[code]!, ...labelsOf(labels(code))])),
  ];
}

function plainTable(codes: readonly string[], scope: Record<string, string>) {
  return [...header(['code', 'meaning']), ...codes.map((code) => row([`\`${code}\``, scope[code]!]))];
}

/** Labels the web interface gives `${prefix}.${code}` in each locale. */
const interfaceLabels = (prefix: string) => (code: string) =>
  Object.fromEntries(
    LOCALES.map((locale) => [locale, CATALOGUES[locale][`${prefix}.${code}` as MessageKey]]),
  ) as Labels;

/** A casework vocabulary: codes with their interface labels, no separate scope text. */
function casework(codes: readonly string[], prefix: string) {
  const label = interfaceLabels(prefix);
  return [
    ...header(['code', ...LOCALES]),
    ...codes.map((code) => row([`\`${code}\``, ...labelsOf(label(code))])),
  ];
}

export function renderVocabularyDoc(): string {
  const statusLabel = interfaceLabels('status');
  return [
    '# Controlled vocabulary',
    '',
    '<!-- Generated from the code by test/docs/vocabularyDoc.ts; edit the code, then run',
    '     `npx vitest run test/docs/vocabularyDoc.test.ts -u`. -->',
    '',
    'Codes are stable identifiers: they are stored in the database and appear in the API, in exports',
    'and in `attest extract`. Labels are for people, in the five interface languages',
    `(${LOCALES.join(', ')}). A code is never renamed; a new code is added with its labels in every`,
    'language.',
    '',
    '## Event (act) types',
    '',
    'Defined in `src/core/vocabulary.ts`. Each maps to the closest term of the HURIDOCS Events',
    'Standard Formats micro-thesaurus "Types of Acts" (list 4, from the OpenEvSys export), so records',
    'can be exchanged with systems that use it.',
    '',
    ...labelledTable(EVENT_TYPES, EVENT_TYPE_SCOPE, (code) => EVENT_TYPE_LABELS[code as EventType]),
    '',
    ...header(['code', 'ESF vocab number', 'ESF term (en)']),
    ...EVENT_TYPES.map((type) =>
      row([`\`${type}\``, EVENT_TYPE_ESF[type].vocabNumber, EVENT_TYPE_ESF[type].label]),
    ),
    '',
    '## Intervention types',
    '',
    'Actions taken in response to the acts (`src/core/vocabulary.ts`).',
    '',
    ...labelledTable(
      INTERVENTION_TYPES,
      INTERVENTION_SCOPE,
      (code) => INTERVENTION_TYPE_LABELS[code as InterventionType],
    ),
    '',
    '## Claim stances',
    '',
    'What an actor says about the acts (`src/core/vocabulary.ts`).',
    '',
    ...labelledTable(CLAIM_STANCES, STANCE_SCOPE, (code) => CLAIM_STANCE_LABELS[code as ClaimStance]),
    '',
    '## Statuses (acts and incidents)',
    '',
    'An act earns its status from its evidence; an incident claims no more than its best act unless a',
    'reviewer overrides it with a written reason (audited).',
    '',
    'Defined in `src/core/vocabulary.ts`; labels from the web interface (`web/src/i18n/locales/*/app.ts`).',
    '',
    ...labelledTable(INCIDENT_STATUSES, STATUS_SCOPE, statusLabel),
    '',
    '## Actor kinds',
    '',
    'Defined in `src/core/actors.ts`; a first guess made when a review is applied',
    '(`src/core/actors.ts`), so evidence can count official statements. Codes only: the',
    'interface does not show them yet.',
    '',
    ...plainTable(ACTOR_KINDS, ACTOR_KIND_SCOPE),
    '',
    '## Date precision',
    '',
    'How exactly a date is known (`src/core/suggestions.ts`); `from` and `to` span the whole period.',
    '',
    ...plainTable(DatePrecision.options, PRECISION_SCOPE),
    '',
    '## Protected data kinds',
    '',
    'What extraction marks for protection before anything is shared (`src/core/suggestions.ts`).',
    '',
    ...plainTable(PiiKind.options, PII_SCOPE),
    '',
    '## People and casework',
    '',
    'Defined in `src/core/casework.ts`; labels from the web interface',
    '(`web/src/i18n/locales/*/casework.ts`). Involvement follows the ESF "who did what to whom" model.',
    '',
    '### Involvement roles',
    '',
    ...casework(INVOLVEMENT_ROLES, 'role'),
    '',
    '### Degree of involvement (perpetrators)',
    '',
    ...casework(PERPETRATOR_DEGREES, 'degree'),
    '',
    '### Victim status',
    '',
    ...casework(VICTIM_STATUSES, 'victimStatus'),
    '',
    '### Case types',
    '',
    ...casework(CASE_TYPES, 'caseType'),
    '',
    '### Risk levels',
    '',
    ...casework(RISK_LEVELS, 'risk'),
    '',
    '### Case statuses',
    '',
    'One step forward at a time (open → assessment → action plan → in progress → closed); a case can',
    'be closed from any step and a closed case reopens to `open`.',
    '',
    ...casework(CASE_STATUSES, 'caseStatus'),
    '',
    '### Referral statuses',
    '',
    ...casework(REFERRAL_STATUSES, 'referralStatus'),
    '',
    '## Victim groups',
    '',
    'Codes since vocabulary v2 (`src/core/victimGroups.ts`): extraction proposes one of these, and the',
    "interface shows its label in the reader's language; the source's own words stay in `victims.text`.",
    'A reviewer may still write a group of their own, which is stored and shown as written.',
    '',
    ...header(['code', ...LOCALES]),
    ...VICTIM_GROUPS.map((code) => row([`\`${code}\``, ...labelsOf(VICTIM_GROUP_LABELS[code])])),
    '',
    'v1 wrote groups as English text. Migration 070 rewrote stored ones to these codes:',
    '',
    ...header(['v1 text', 'v2 code']),
    ...Object.entries(V1_VICTIM_GROUPS).map(([text, code]) => row([`\`${text}\``, `\`${code}\``])),
    '',
    'Every other v1 group (`men`, `women`, `activists`, `journalists`, …) was already its own code.',
    '',
  ].join('\n');
}
