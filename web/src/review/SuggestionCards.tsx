import { type ReactNode, useId } from 'react';
import type {
  ActRecord,
  ClaimSuggestion,
  Decision,
  EventSuggestion,
  IncidentProposal,
  InterventionSuggestion,
  StatementProposal,
} from '../api/types.ts';
import { useCountryName } from '../components/CountryName.tsx';
import { DateRangeText } from '../components/DateRangeText.tsx';
import { VictimCountText } from '../components/VictimCountText.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useVocabularyLabel } from '../vocabulary.tsx';
import { ClaimEditor, InterventionEditor } from './ClaimEditor.tsx';
import { DecisionButtons } from './DecisionButtons.tsx';
import { EventEditor } from './EventEditor.tsx';
import type { Choice, ClaimForm, EventForm, InterventionForm } from './reviewState.ts';

interface CardProps<S, F> {
  suggestion: S;
  choice: Choice<F>;
  selected: boolean;
  onSelect: () => void;
  onDecide: (decision: Decision) => void;
  onEdit: (form: F) => void;
}

function SuggestionCard({
  heading,
  details,
  decision,
  selected,
  onSelect,
  onDecide,
  editor,
  extra,
}: {
  heading: string;
  details: ReactNode;
  decision: Decision | null;
  selected: boolean;
  onSelect: () => void;
  onDecide: (decision: Decision) => void;
  editor: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const state = decision === 'reject' ? 'rejected' : decision ? 'accepted' : 'undecided';
  return (
    <li className={`suggestion suggestion-${state}${selected ? ' selected' : ''}`}>
      <div className="suggestion-head">
        <h4>{heading}</h4>
        <button type="button" className="link-button" onClick={onSelect} aria-pressed={selected}>
          {t('review.showInText')}
        </button>
      </div>
      {details}
      <DecisionButtons value={decision} onChange={onDecide} itemLabel={heading} />
      {extra}
      {decision === 'edit' ? editor : null}
    </li>
  );
}

type ProposedMatch = IncidentProposal['events'][number];

interface EventCardProps extends CardProps<EventSuggestion, EventForm> {
  existingActs: ActRecord[];
  sameAs: string;
  onSameAs: (actId: string) => void;
  /** Attest's proposed match in the incident merged into, with its reasons. */
  proposal: ProposedMatch | null;
}

/**
 * "Same as: detention, Moscow, 11 May 2017 — same type, same place, dates overlap, counts compatible"
 * for a confident match (preselected); "Possibly the same as…" for one the reviewer must choose.
 */
function ProposedMatchLine({ proposal }: { proposal: ProposedMatch }) {
  const { t, formatDate } = useI18n();
  const label = useVocabularyLabel();
  const { act } = proposal;
  let when: string | null = null;
  if (act.dateFrom && (!act.dateTo || act.dateFrom === act.dateTo)) when = formatDate(act.dateFrom, 'day');
  else if (act.dateFrom && act.dateTo?.slice(0, 7) === act.dateFrom.slice(0, 7))
    when = formatDate(act.dateFrom, 'month');
  else if (act.dateFrom && act.dateTo)
    when = `${formatDate(act.dateFrom, 'day')} – ${formatDate(act.dateTo, 'day')}`;
  const description = [label('eventTypes', act.type), act.placeName, when].filter(Boolean).join(', ');
  return (
    <p className={`proposed-match${proposal.confident ? ' confident' : ''}`} data-testid="proposed-match">
      {t(proposal.confident ? 'review.proposed' : 'review.possiblySame', {
        act: description,
        reasons: proposal.reasons.map((reason) => t(`match.${reason}`)).join(', '),
      })}
    </p>
  );
}

export function EventCard({
  suggestion,
  choice,
  existingActs,
  sameAs,
  onSameAs,
  proposal,
  ...rest
}: EventCardProps) {
  const { t, locale } = useI18n();
  const label = useVocabularyLabel();
  const countryName = useCountryName();
  const s = suggestion;
  return (
    <SuggestionCard
      heading={label('eventTypes', s.type)}
      decision={choice.decision}
      selected={rest.selected}
      onSelect={rest.onSelect}
      onDecide={rest.onDecide}
      editor={<EventEditor form={choice.form} onChange={rest.onEdit} />}
      extra={
        <>
          {proposal ? <ProposedMatchLine proposal={proposal} /> : null}
          {existingActs.length && (choice.decision === 'accept' || choice.decision === 'edit') ? (
            <SameActChooser acts={existingActs} value={sameAs} onChange={onSameAs} />
          ) : null}
        </>
      }
      details={
        <dl className="facts">
          <dt>{t('field.victims')}</dt>
          <dd>
            {s.victims ? (
              <VictimCountText min={s.victims.min} max={s.victims.max} group={s.victims.group} />
            ) : (
              t('field.unknown')
            )}
          </dd>
          <dt>{t('field.place')}</dt>
          <dd>
            {s.place
              ? `${s.place.name}${s.place.country ? ` (${countryName(s.place.country)})` : ''}`
              : t('field.unknown')}
          </dd>
          <dt>{t('field.date')}</dt>
          <dd>
            {s.date ? (
              <DateRangeText from={s.date.from} to={s.date.to} precision={s.date.precision} />
            ) : (
              t('field.unknown')
            )}
          </dd>
          {s.perpetrators.length ? (
            <>
              <dt>{t('field.perpetrators')}</dt>
              <dd>{s.perpetrators.map((p) => p.name).join(', ')}</dd>
            </>
          ) : null}
          {s.reportedBy.length ? (
            <>
              <dt>{t('field.reportedBy')}</dt>
              <dd>{s.reportedBy.map((p) => p.name).join(', ')}</dd>
            </>
          ) : null}
          <dt>{t('review.confidenceLabel')}</dt>
          <dd>{new Intl.NumberFormat(locale, { style: 'percent' }).format(s.confidence)}</dd>
        </dl>
      }
    />
  );
}

/** A suggested claim or intervention Attest found already recorded: kept as one record when ticked. */
function SameRecordToggle({
  proposal,
  checked,
  onChange,
}: {
  proposal: StatementProposal;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="radio same-record" data-testid="same-record">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>
        {t('review.sameRecord', {
          reasons: proposal.reasons.map((reason) => t(`match.${reason}`)).join(', '),
        })}
      </label>
    </div>
  );
}

interface StatementCardProps<S, F> extends CardProps<S, F> {
  proposal: StatementProposal | null;
  same: boolean;
  onSame: (same: boolean) => void;
}

const sameRecordExtra = (
  decision: Decision | null,
  { proposal, same, onSame }: Pick<StatementCardProps<unknown, unknown>, 'proposal' | 'same' | 'onSame'>,
) =>
  proposal && (decision === 'accept' || decision === 'edit') ? (
    <SameRecordToggle proposal={proposal} checked={same} onChange={onSame} />
  ) : null;

export function ClaimCard({
  suggestion,
  choice,
  proposal,
  same,
  onSame,
  ...rest
}: StatementCardProps<ClaimSuggestion, ClaimForm>) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  const s = suggestion;
  return (
    <SuggestionCard
      heading={`${label('claimStances', s.stance)}${s.actor ? ` — ${s.actor.name}` : ''}`}
      decision={choice.decision}
      selected={rest.selected}
      onSelect={rest.onSelect}
      onDecide={rest.onDecide}
      editor={<ClaimEditor form={choice.form} onChange={rest.onEdit} />}
      extra={sameRecordExtra(choice.decision, { proposal, same, onSame })}
      details={
        <blockquote className={`claim-text stance-${s.stance}`}>{s.text || t('field.unknown')}</blockquote>
      }
    />
  );
}

export function InterventionCard({
  suggestion,
  choice,
  proposal,
  same,
  onSame,
  ...rest
}: StatementCardProps<InterventionSuggestion, InterventionForm>) {
  const label = useVocabularyLabel();
  const s = suggestion;
  return (
    <SuggestionCard
      heading={`${label('interventionTypes', s.type)}${s.actor ? ` — ${s.actor.name}` : ''}`}
      decision={choice.decision}
      selected={rest.selected}
      onSelect={rest.onSelect}
      onDecide={rest.onDecide}
      editor={<InterventionEditor form={choice.form} onChange={rest.onEdit} />}
      extra={sameRecordExtra(choice.decision, { proposal, same, onSame })}
      details={<blockquote className="claim-text">{s.text}</blockquote>}
    />
  );
}

/** Merging: is this event an act the incident already records (then it corroborates it) or a new one? */
function SameActChooser({
  acts,
  value,
  onChange,
}: {
  acts: ActRecord[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  const id = useId();
  return (
    <div className="field same-act">
      <label htmlFor={id}>{t('review.sameAs')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('review.newAct')}</option>
        {acts.map((act) => (
          <option key={act.id} value={act.id}>
            {[label('eventTypes', act.type), act.placeName, act.dateFrom].filter(Boolean).join(' · ')}
          </option>
        ))}
      </select>
    </div>
  );
}
