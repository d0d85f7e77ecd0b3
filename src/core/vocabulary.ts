/**
 * Controlled vocabulary v2 (docs/vocabulary.md, generated from this file). Codes are stable identifiers stored in
 * the database and exchanged in exports; labels are for people. Each event type maps to the closest
 * term of the HURIDOCS Events Standard Formats micro-thesaurus "Types of Acts" (list 4), taken from
 * the OpenEvSys export of the ESF micro-thesauri (HURIDOCS, Dueck/Guzman/Verstappen, 2001;
 * AGPL-3.0; the list is kept in test/fixtures/esf/mt04_types_of_acts.csv and every mapping is
 * checked against it), so records can be exchanged with ESF-based systems. v2 added the last six
 * event types and coded victim groups (victimGroups.ts); every v1 code is kept as it was.
 */
import { z } from 'zod';

export const LOCALES = ['en', 'pt', 'es', 'ru', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export type Labels = Record<Locale, string>;

export const EVENT_TYPES = [
  'killing',
  'torture',
  'detention',
  'disappearance',
  'threat',
  'sexual-violence',
  'forced-disclosure',
  'displacement',
  'persecution',
  'physical-assault',
  'attempted-killing',
  'abduction',
  'raid',
  'censorship',
  'property-destruction',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

export const INTERVENTION_TYPES = [
  'investigation',
  'evacuation',
  'asylum',
  'petition',
  'statement',
  'legal-action',
  'referral',
] as const;
export const InterventionType = z.enum(INTERVENTION_TYPES);
export type InterventionType = z.infer<typeof InterventionType>;

/**
 * How far an incident or an act is established: alleged (one independent report), corroborated
 * (two or more), verified (a person checked it). Ordered from weakest to strongest.
 */
export const INCIDENT_STATUSES = ['alleged', 'corroborated', 'verified'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const CLAIM_STANCES = ['asserts', 'denies'] as const;
export const ClaimStance = z.enum(CLAIM_STANCES);
export type ClaimStance = z.infer<typeof ClaimStance>;

/** A term of the ESF "Types of Acts" micro-thesaurus: its vocab number and English label. */
export interface EsfTerm {
  vocabNumber: string;
  label: string;
}

export const EVENT_TYPE_ESF: Record<EventType, EsfTerm> = {
  killing: { vocabNumber: '01010102000004', label: 'Extra-judicial execution outside any legal proceedings' },
  torture: { vocabNumber: '02011111000004', label: 'Torture' },
  detention: { vocabNumber: '03010200000004', label: 'Detention, imprisonment' },
  disappearance: { vocabNumber: '03010300000004', label: 'Disappearance' },
  threat: { vocabNumber: '02010300000004', label: 'Psychological assault, harassment' },
  'sexual-violence': { vocabNumber: '02010200000004', label: 'Sexual violations' },
  'forced-disclosure': {
    vocabNumber: '04010000000004',
    label: 'Direct actions which violate the right to privacy',
  },
  displacement: { vocabNumber: '05010400000004', label: 'Displacement' },
  persecution: { vocabNumber: '37000000000004', label: 'Violations of the rights of minorities' },
  'physical-assault': {
    vocabNumber: '02010100000004',
    label: 'Physical assaults, including domestic violence',
  },
  'attempted-killing': { vocabNumber: '01010900000004', label: 'Attempted killings' },
  abduction: { vocabNumber: '03010400000004', label: 'Abduction; kidnapping' },
  raid: { vocabNumber: '04010100000004', label: 'Illegal search / raid' },
  censorship: { vocabNumber: '10010100000004', label: 'Censorship' },
  'property-destruction': { vocabNumber: '13010300000004', label: 'Destruction' },
};

export const EVENT_TYPE_LABELS: Record<EventType, Labels> = {
  killing: { en: 'Killing', pt: 'Homicídio', es: 'Homicidio', ru: 'Убийство', fr: 'Meurtre' },
  torture: {
    en: 'Torture or ill-treatment',
    pt: 'Tortura ou maus-tratos',
    es: 'Tortura o malos tratos',
    ru: 'Пытки или жестокое обращение',
    fr: 'Torture ou mauvais traitements',
  },
  detention: {
    en: 'Arbitrary detention',
    pt: 'Detenção arbitrária',
    es: 'Detención arbitraria',
    ru: 'Произвольное задержание',
    fr: 'Détention arbitraire',
  },
  disappearance: {
    en: 'Enforced disappearance',
    pt: 'Desaparecimento forçado',
    es: 'Desaparición forzada',
    ru: 'Насильственное исчезновение',
    fr: 'Disparition forcée',
  },
  threat: {
    en: 'Threats and intimidation',
    pt: 'Ameaças e intimidação',
    es: 'Amenazas e intimidación',
    ru: 'Угрозы и запугивание',
    fr: 'Menaces et intimidation',
  },
  'sexual-violence': {
    en: 'Sexual violence',
    pt: 'Violência sexual',
    es: 'Violencia sexual',
    ru: 'Сексуальное насилие',
    fr: 'Violence sexuelle',
  },
  'forced-disclosure': {
    en: 'Forced disclosure of identities',
    pt: 'Revelação forçada de identidades',
    es: 'Revelación forzada de identidades',
    ru: 'Принуждение к раскрытию личности',
    fr: 'Divulgation forcée d’identités',
  },
  displacement: {
    en: 'Forced displacement',
    pt: 'Deslocamento forçado',
    es: 'Desplazamiento forzado',
    ru: 'Вынужденное перемещение',
    fr: 'Déplacement forcé',
  },
  persecution: {
    en: 'Persecution of a group',
    pt: 'Perseguição de um grupo',
    es: 'Persecución de un grupo',
    ru: 'Преследование группы',
    fr: 'Persécution d’un groupe',
  },
  'physical-assault': {
    en: 'Physical assault or use of force',
    pt: 'Agressão física ou uso da força',
    es: 'Agresión física o uso de la fuerza',
    ru: 'Физическое насилие или применение силы',
    fr: 'Agression physique ou usage de la force',
  },
  'attempted-killing': {
    en: 'Attempted killing',
    pt: 'Tentativa de homicídio',
    es: 'Tentativa de homicidio',
    ru: 'Покушение на убийство',
    fr: 'Tentative de meurtre',
  },
  abduction: {
    en: 'Abduction or kidnapping',
    pt: 'Sequestro ou rapto',
    es: 'Secuestro',
    ru: 'Похищение',
    fr: 'Enlèvement',
  },
  raid: {
    en: 'Raid or illegal search',
    pt: 'Invasão ou busca ilegal',
    es: 'Allanamiento o registro ilegal',
    ru: 'Обыск или облава',
    fr: 'Perquisition ou fouille arbitraire',
  },
  censorship: { en: 'Censorship', pt: 'Censura', es: 'Censura', ru: 'Цензура', fr: 'Censure' },
  'property-destruction': {
    en: 'Destruction of property',
    pt: 'Destruição de bens',
    es: 'Destrucción de bienes',
    ru: 'Уничтожение имущества',
    fr: 'Destruction de biens',
  },
};

export const INTERVENTION_TYPE_LABELS: Record<InterventionType, Labels> = {
  investigation: {
    en: 'Investigation',
    pt: 'Investigação',
    es: 'Investigación',
    ru: 'Расследование',
    fr: 'Enquête',
  },
  evacuation: { en: 'Evacuation', pt: 'Evacuação', es: 'Evacuación', ru: 'Эвакуация', fr: 'Évacuation' },
  asylum: {
    en: 'Asylum or humanitarian parole',
    pt: 'Asilo ou admissão humanitária',
    es: 'Asilo o permiso humanitario',
    ru: 'Убежище или гуманитарный въезд',
    fr: 'Asile ou admission humanitaire',
  },
  petition: { en: 'Petition', pt: 'Petição', es: 'Petición', ru: 'Петиция', fr: 'Pétition' },
  statement: {
    en: 'Public statement',
    pt: 'Declaração pública',
    es: 'Declaración pública',
    ru: 'Публичное заявление',
    fr: 'Déclaration publique',
  },
  'legal-action': {
    en: 'Legal action',
    pt: 'Ação judicial',
    es: 'Acción legal',
    ru: 'Судебный иск',
    fr: 'Action en justice',
  },
  referral: { en: 'Referral', pt: 'Encaminhamento', es: 'Derivación', ru: 'Направление', fr: 'Orientation' },
};

export const CLAIM_STANCE_LABELS: Record<ClaimStance, Labels> = {
  asserts: { en: 'Asserts', pt: 'Afirma', es: 'Afirma', ru: 'Утверждает', fr: 'Affirme' },
  denies: { en: 'Denies', pt: 'Nega', es: 'Niega', ru: 'Отрицает', fr: 'Nie' },
};
