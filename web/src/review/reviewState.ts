/**
 * The reviewer's decisions, one per suggestion, kept as form values until saved. Edited values are
 * strings (what the inputs hold); `toDecision` turns them into the API's typed edit.
 */
import type {
  ClaimEdit,
  ClaimSuggestion,
  Decision,
  DecisionItem,
  EventEdit,
  EventSuggestion,
  InterventionEdit,
  InterventionSuggestion,
  Suggestions,
} from '../api/types.ts';

export type SuggestionList = 'events' | 'claims' | 'interventions';

export interface EventForm {
  type: string;
  min: string;
  max: string;
  group: string;
  place: string;
  country: string;
  from: string;
  to: string;
  precision: string;
  perpetrators: string;
}

export interface ClaimForm {
  stance: 'asserts' | 'denies';
  actor: string;
  text: string;
}

export interface InterventionForm {
  type: string;
  actor: string;
  description: string;
}

export interface Choice<F> {
  decision: Decision | null;
  form: F;
}

export interface ReviewState {
  events: Choice<EventForm>[];
  claims: Choice<ClaimForm>[];
  interventions: Choice<InterventionForm>[];
}

const text = (value: number | string | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

export function eventForm(s: EventSuggestion): EventForm {
  return {
    type: s.type,
    min: text(s.victims?.min),
    max: text(s.victims?.max),
    group: text(s.victims?.group),
    place: text(s.place?.name),
    country: text(s.place?.country),
    from: text(s.date?.from),
    to: text(s.date?.to),
    precision: s.date?.precision ?? 'day',
    perpetrators: s.perpetrators.map((p) => p.name).join(', '),
  };
}

export function initialReviewState(suggestions: Suggestions): ReviewState {
  return {
    events: suggestions.events.map((s) => ({ decision: null, form: eventForm(s) })),
    claims: suggestions.claims.map((s: ClaimSuggestion) => ({
      decision: null,
      form: { stance: s.stance, actor: text(s.actor?.name), text: s.text },
    })),
    interventions: suggestions.interventions.map((s: InterventionSuggestion) => ({
      decision: null,
      form: { type: s.type, actor: text(s.actor?.name), description: s.text },
    })),
  };
}

const count = (value: string): number | null => (value.trim() === '' ? null : Number.parseInt(value, 10));
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function eventEdit(form: EventForm): EventEdit {
  const min = count(form.min);
  const max = count(form.max);
  return {
    type: form.type,
    victims: min === null && max === null && !form.group ? null : { min, max, group: orNull(form.group) },
    place: form.place.trim()
      ? { name: form.place.trim(), country: orNull(form.country.toUpperCase()) }
      : null,
    date:
      form.from || form.to
        ? { from: orNull(form.from), to: orNull(form.to), precision: form.precision }
        : null,
    perpetrators: form.perpetrators
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

export function claimEdit(form: ClaimForm): ClaimEdit {
  return { stance: form.stance, actor: orNull(form.actor), text: form.text };
}

export function interventionEdit(form: InterventionForm): InterventionEdit {
  return { type: form.type, actor: orNull(form.actor), description: form.description };
}

export function toDecisions<F, E>(choices: Choice<F>[], edit: (form: F) => E): DecisionItem<E>[] {
  return choices.map((choice, index) =>
    choice.decision === 'edit'
      ? { index, decision: 'edit', edit: edit(choice.form) }
      : { index, decision: choice.decision ?? 'reject' },
  );
}

export function undecided(state: ReviewState): number {
  return [...state.events, ...state.claims, ...state.interventions].filter((c) => c.decision === null).length;
}

export function anyAccepted(state: ReviewState): boolean {
  return [...state.events, ...state.claims, ...state.interventions].some(
    (c) => c.decision === 'accept' || c.decision === 'edit',
  );
}

type FormOf<L extends SuggestionList> = ReviewState[L][number]['form'];

/** A copy of the state with one choice changed; the switch keeps each list's form type exact. */
export function withChoice<L extends SuggestionList>(
  state: ReviewState,
  list: L,
  index: number,
  change: { decision?: Decision; form?: FormOf<L> },
): ReviewState {
  const replace = <F>(choices: Choice<F>[], form: F | undefined) =>
    choices.map((choice, i) =>
      i === index ? { decision: change.decision ?? choice.decision, form: form ?? choice.form } : choice,
    );
  switch (list) {
    case 'events':
      return { ...state, events: replace(state.events, change.form as EventForm | undefined) };
    case 'claims':
      return { ...state, claims: replace(state.claims, change.form as ClaimForm | undefined) };
    default:
      return {
        ...state,
        interventions: replace(state.interventions, change.form as InterventionForm | undefined),
      };
  }
}
