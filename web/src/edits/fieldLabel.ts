import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

/** API field names of editable records → the label the forms use for them. */
const LABELS: Record<string, MessageKey> = {
  type: 'field.type',
  victimsMin: 'field.victimsMin',
  victimsMax: 'field.victimsMax',
  victimGroup: 'field.group',
  placeName: 'field.place',
  country: 'field.country',
  dateFrom: 'field.from',
  dateTo: 'field.to',
  datePrecision: 'field.precision',
  perpetrators: 'field.perpetrators',
  incidentId: 'edit.incidentField',
  title: 'field.title',
  summary: 'field.summary',
  tags: 'edit.tags',
  status: 'field.status',
  stance: 'field.stance',
  text: 'field.claimText',
  actorId: 'field.actor',
  actId: 'edit.actField',
  description: 'field.description',
  outcome: 'edit.outcome',
  name: 'personField.name',
  aliases: 'personField.aliases',
  contacts: 'personField.contacts',
  birthDate: 'personField.birthDate',
  sex: 'personField.sex',
  genderIdentity: 'personField.genderIdentity',
  nationality: 'personField.nationality',
  occupation: 'personField.occupation',
  note: 'personField.note',
  safety: 'personField.safety',
  role: 'involvement.role',
  perpetratorDegree: 'involvement.degree',
  victimStatus: 'involvement.victimStatus',
  person: 'edit.personField',
  mergedFrom: 'edit.mergedFrom',
  mergedInto: 'edit.mergedInto',
};

/** Field names in the order the forms show them (unknown names last, as they come). */
export function inFormOrder(names: string[]): string[] {
  const order = Object.keys(LABELS);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...names].sort((a, b) => rank(a) - rank(b));
}

export function useFieldLabel(): (name: string) => string {
  const { t } = useI18n();
  return (name) => {
    const key = LABELS[name];
    return key ? t(key) : name;
  };
}
