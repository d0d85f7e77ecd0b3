/** An act as stored (GET /api/acts/:id fields) ↔ the review's event form, so both edit it the same way. */
import type { EventForm } from '../review/reviewState.ts';

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

export function actToForm(fields: Record<string, unknown>): EventForm {
  const perpetrators = Array.isArray(fields.perpetrators)
    ? (fields.perpetrators as { name: string }[]).map((p) => p.name).join(', ')
    : '';
  return {
    type: text(fields.type) || 'detention',
    min: text(fields.victimsMin),
    max: text(fields.victimsMax),
    group: text(fields.victimGroup),
    place: text(fields.placeName),
    country: text(fields.country),
    from: text(fields.dateFrom),
    to: text(fields.dateTo),
    precision: text(fields.datePrecision) || 'day',
    perpetrators,
  };
}

export const emptyActForm = (): EventForm => actToForm({});

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const count = (value: string) => (value.trim() === '' ? null : Number.parseInt(value, 10));

/** The form in the stored record's terms, to compare with someone else's version field by field. */
export function formToActFields(form: EventForm): Record<string, unknown> {
  return {
    type: form.type,
    victimsMin: count(form.min),
    victimsMax: count(form.max),
    victimGroup: orNull(form.group),
    placeName: orNull(form.place),
    country: orNull(form.country.toUpperCase()),
    dateFrom: orNull(form.from),
    dateTo: orNull(form.to),
    datePrecision: form.from || form.to ? form.precision : null,
    perpetrators: form.perpetrators
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ name })),
  };
}
