import { useEffect, useRef, useState } from 'react';
import { getIncident, getReview, saveReview } from '../api/client.ts';
import type { Decision, ReviewItem } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { type Highlight, HighlightedText } from '../components/HighlightedText.tsx';
import { ScanBeside, useSourceScan } from '../components/SourceScan.tsx';
import { DraftStatusText } from '../edits/DraftStatusText.tsx';
import { useDraft } from '../edits/useDraft.ts';
import { useUnsavedChangesGuard } from '../edits/useUnsavedChangesGuard.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { IncidentTarget, type Target } from '../review/IncidentTarget.tsx';
import {
  anyAccepted,
  type Choice,
  claimEdit,
  eventEdit,
  initialReviewState,
  interventionEdit,
  type ReviewState,
  type SuggestionList,
  toDecisions,
  undecided,
  withChoice,
} from '../review/reviewState.ts';
import { ClaimCard, EventCard, InterventionCard } from '../review/SuggestionCards.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { queuePath } from './ReviewQueueScreen.tsx';

type Selection = { list: SuggestionList; index: number } | null;

/** What a review draft keeps: every decision and edit so far, and where the records will go. */
interface ReviewDraft {
  state: ReviewState;
  target: Target;
  sameAs: Record<number, string>;
  sameClaim?: Record<number, boolean>;
  sameIntervention?: Record<number, boolean>;
}

/** A draft fits only the suggestions it was made on (the same number in each list). */
function draftFits(draft: ReviewDraft | null, item: ReviewItem): draft is ReviewDraft {
  const lists: SuggestionList[] = ['events', 'claims', 'interventions'];
  return !!draft?.state && lists.every((list) => draft.state[list]?.length === item.suggestions[list].length);
}

const markId = (list: SuggestionList, index: number) => `mark-${list}-${index}`;

/** Every span the suggestions rest on, with the selected one marked apart. */
function highlightsOf(item: ReviewItem, state: ReviewState, selected: Selection): Highlight[] {
  const spans: Highlight[] = [];
  const lists: SuggestionList[] = ['events', 'claims', 'interventions'];
  for (const list of lists) {
    item.suggestions[list].forEach((s, index) => {
      const choice: Choice<unknown> | undefined = state[list][index];
      const isSelected = selected?.list === list && selected.index === index;
      const stance = list === 'claims' && 'stance' in s && s.stance === 'denies' ? ' mark-denies' : '';
      const rejected = choice?.decision === 'reject' ? ' mark-rejected' : '';
      spans.push({
        start: s.start,
        end: s.end,
        id: markId(list, index),
        className: `mark-${list}${stance}${rejected}${isSelected ? ' mark-selected' : ''}`,
      });
    });
  }
  for (const pii of item.suggestions.pii)
    spans.push({ start: pii.start, end: pii.end, className: 'mark-pii' });
  return spans;
}

export function ReviewScreen({ sourceId }: { sourceId: string }) {
  const { t, formatDateTime } = useI18n();
  const { data: item, error } = useLoad(() => getReview(sourceId), [sourceId]);
  const scan = useSourceScan(sourceId);
  // "Also record into…": a reviewed source reviewed again, into another incident.
  const { query } = useLocation();
  const also = query.get('also') === '1' && item?.reviewed != null;
  // The queue's page this source was opened from, to go back to it (see reviewPath).
  const queuePage = query.get('queue') ?? '';
  const open = item?.reviewed === null || also;
  const [state, setState] = useState<ReviewState | null>(null);
  const [selected, setSelected] = useState<Selection>(null);
  const [target, setTarget] = useState<Target>({ mode: 'new', title: '' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<Error | null>(null);
  // When merging, an event may be an act the incident already holds: chosen per event by index.
  const [sameAs, setSameAs] = useState<Record<number, string>>({});
  const mergeId = target.mode === 'merge' ? target.incidentId : null;
  const { data: mergeIncident } = useLoad(
    () => (mergeId ? getIncident(mergeId) : Promise.resolve(null)),
    [mergeId],
  );
  const existingActs = mergeId && mergeIncident?.id === mergeId ? mergeIncident.evidence.acts : [];
  usePageTitle(item ? t('review.title', { title: item.source.title ?? item.source.id.slice(0, 8) }) : null);

  // Attest's proposal for the incident merged into: each suggested event's likely act, with reasons.
  const proposal = mergeId ? (item?.proposals.find((p) => p.incidentId === mergeId) ?? null) : null;
  const [sameClaim, setSameClaim] = useState<Record<number, boolean>>({});
  const [sameIntervention, setSameIntervention] = useState<Record<number, boolean>>({});
  // The incident whose proposal the "same as" choices were last taken from: a restored draft keeps
  // its own choices instead of having them replaced by the proposal.
  const preselectedFor = useRef<string | null | undefined>(undefined);

  const draft = useDraft<ReviewDraft>(`review:${sourceId}`);
  const lastDrafted = useRef<string | null>(null);

  // Decisions resume from the draft, whichever browser made it.
  useEffect(() => {
    if (!item || draft.restored === undefined) return;
    const restored =
      (item.reviewed === null || also) && draftFits(draft.restored, item) ? draft.restored : null;
    // When an incident already records some of these acts, Attest proposes merging into it.
    const best = item.proposals.find((p) => p.events.some((e) => e.confident));
    const initial: ReviewDraft = restored ?? {
      state: initialReviewState(item.suggestions),
      target: best
        ? { mode: 'merge', incidentId: best.incidentId }
        : { mode: 'new', title: item.source.title ?? '' },
      sameAs: {},
      sameClaim: {},
      sameIntervention: {},
    };
    preselectedFor.current = restored
      ? restored.target.mode === 'merge'
        ? restored.target.incidentId
        : null
      : undefined;
    lastDrafted.current = JSON.stringify(initial);
    setState(initial.state);
    setTarget(initial.target);
    setSameAs(initial.sameAs);
    setSameClaim(initial.sameClaim ?? {});
    setSameIntervention(initial.sameIntervention ?? {});
  }, [item, draft.restored, also]);

  // Confident matches are preselected as "same as"; the reviewer can switch each to a new record.
  useEffect(() => {
    const forIncident = proposal?.incidentId ?? null;
    if (preselectedFor.current === forIncident) return;
    preselectedFor.current = forIncident;
    setSameAs(
      Object.fromEntries((proposal?.events ?? []).filter((e) => e.confident).map((e) => [e.index, e.act.id])),
    );
    const confidentIndexes = (list: Array<{ index: number; confident: boolean }>) =>
      Object.fromEntries(list.filter((p) => p.confident).map((p) => [p.index, true]));
    setSameClaim(confidentIndexes(proposal?.claims ?? []));
    setSameIntervention(confidentIndexes(proposal?.interventions ?? []));
  }, [proposal]);
  const statementProposal = (list: 'claims' | 'interventions', index: number) =>
    proposal?.[list].find((p) => p.index === index) ?? null;

  const { update: updateDraft } = draft;
  useEffect(() => {
    // Edits may quote a sealed source: its review is never saved as a draft in the clear.
    if (!state || !open || item?.source.sealed) return;
    const current: ReviewDraft = { state, target, sameAs, sameClaim, sameIntervention };
    const json = JSON.stringify(current);
    if (json === lastDrafted.current) return;
    lastDrafted.current = json;
    updateDraft(current);
  }, [state, target, sameAs, sameClaim, sameIntervention, open, updateDraft, item?.source.sealed]);

  useUnsavedChangesGuard(
    !saving && (draft.status === 'pending' || draft.status === 'failed'),
    t('draft.leave'),
  );

  useEffect(() => {
    if (selected)
      document.getElementById(markId(selected.list, selected.index))?.scrollIntoView({ block: 'center' });
  }, [selected]);

  if (error) return <ErrorMessage error={error} />;
  if (!item || !state) return <p>{t('app.loading')}</p>;

  const decide = (list: SuggestionList, index: number, decision: Decision) =>
    setState((s) => s && withChoice(s, list, index, { decision }));
  const edit = <L extends SuggestionList>(list: L, index: number, form: ReviewState[L][number]['form']) =>
    setState((s) => s && withChoice(s, list, index, { form }));
  const acceptAll = () =>
    setState((s) =>
      s
        ? {
            events: s.events.map((c) => ({ ...c, decision: c.decision ?? 'accept' })),
            claims: s.claims.map((c) => ({ ...c, decision: c.decision ?? 'accept' })),
            interventions: s.interventions.map((c) => ({ ...c, decision: c.decision ?? 'accept' })),
          }
        : s,
    );

  const left = undecided(state);
  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const outcome = await saveReview(sourceId, {
        events: toDecisions(state.events, eventEdit).map((d) =>
          mergeId && sameAs[d.index] && d.decision !== 'reject' ? { ...d, sameAsActId: sameAs[d.index] } : d,
        ),
        claims: toDecisions(state.claims, claimEdit).map((d) => {
          const match = statementProposal('claims', d.index);
          return match && sameClaim[d.index] && d.decision !== 'reject'
            ? { ...d, sameAsClaimId: match.recordId }
            : d;
        }),
        interventions: toDecisions(state.interventions, interventionEdit).map((d) => {
          const match = statementProposal('interventions', d.index);
          return match && sameIntervention[d.index] && d.decision !== 'reject'
            ? { ...d, sameAsInterventionId: match.recordId }
            : d;
        }),
        incident: !anyAccepted(state)
          ? null
          : target.mode === 'merge'
            ? { mode: 'merge', incidentId: target.incidentId }
            : { mode: 'new', ...(target.title.trim() ? { title: target.title.trim() } : {}) },
        ...(also ? { additional: true } : {}),
      });
      // The review is recorded: its draft has served. A failure here only leaves a stale draft.
      await draft.discard().catch(() => undefined);
      navigate(outcome.incidentId ? `/incidents/${outcome.incidentId}` : queuePath(queuePage));
    } catch (reason) {
      setSaveError(reason instanceof Error ? reason : new Error(String(reason)));
      setSaving(false);
    }
  };

  const select = (list: SuggestionList, index: number) => () =>
    setSelected((s) => (s?.list === list && s.index === index ? null : { list, index }));
  const isSelected = (list: SuggestionList, index: number) =>
    selected?.list === list && selected.index === index;
  const title = item.source.title ?? item.source.id.slice(0, 8);

  return (
    <>
      <h1>{t('review.title', { title })}</h1>
      {item.reviewed && also ? (
        <p className="notice" role="status">
          {t('review.alsoIntoExplain')}
        </p>
      ) : null}
      {item.reviewed && !also ? (
        <p className="notice" role="status">
          {t('review.already', { date: formatDateTime(item.reviewed.reviewedAt) })}{' '}
          {item.reviewed.incidentId ? (
            <Link to={`/incidents/${item.reviewed.incidentId}`}>{t('review.openIncident')}</Link>
          ) : null}
        </p>
      ) : null}
      <div className="review-layout">
        {/* Scrolls on its own beside the suggestions on wide screens, so it must take keyboard focus. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region has to be reachable by keyboard. */}
        <section className="panel source-text" aria-labelledby="source-text-heading" tabIndex={0}>
          <h2 id="source-text-heading">{t('review.text')}</h2>
          {item.source.notDecoded ? (
            <p className="warning">{t('source.notDecoded', { reason: item.source.notDecoded })}</p>
          ) : null}
          {item.suggestions.pii.length ? <p className="warning">{t('review.pii')}</p> : null}
          <ScanBeside sourceId={item.source.id} scan={scan}>
            <div className="text-body" lang={item.source.language}>
              <HighlightedText text={item.source.text} highlights={highlightsOf(item, state, selected)} />
            </div>
          </ScanBeside>
        </section>
        <section className="panel suggestions" aria-labelledby="suggestions-heading">
          <div className="section-head">
            <h2 id="suggestions-heading">{t('review.suggestions')}</h2>
            <button type="button" onClick={acceptAll}>
              {t('review.acceptAll')}
            </button>
          </div>
          {item.suggestions.events.length ? <h3>{t('review.events')}</h3> : null}
          <ul className="suggestion-list">
            {item.suggestions.events.map((s, index) => (
              <EventCard
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is the suggestion's identity in the API.
                key={`${s.start}-${index}`}
                suggestion={s}
                choice={state.events[index]!}
                selected={isSelected('events', index)}
                onSelect={select('events', index)}
                onDecide={(d) => decide('events', index, d)}
                onEdit={(form) => edit('events', index, form)}
                existingActs={existingActs}
                sameAs={sameAs[index] ?? ''}
                onSameAs={(actId) => setSameAs((s) => ({ ...s, [index]: actId }))}
                proposal={proposal?.events.find((e) => e.index === index) ?? null}
              />
            ))}
          </ul>
          {item.suggestions.claims.length ? <h3>{t('review.claims')}</h3> : null}
          <ul className="suggestion-list">
            {item.suggestions.claims.map((s, index) => (
              <ClaimCard
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is the suggestion's identity in the API.
                key={`${s.start}-${index}`}
                suggestion={s}
                choice={state.claims[index]!}
                selected={isSelected('claims', index)}
                onSelect={select('claims', index)}
                onDecide={(d) => decide('claims', index, d)}
                onEdit={(form) => edit('claims', index, form)}
                proposal={statementProposal('claims', index)}
                same={sameClaim[index] ?? false}
                onSame={(same) => setSameClaim((s) => ({ ...s, [index]: same }))}
              />
            ))}
          </ul>
          {item.suggestions.interventions.length ? <h3>{t('review.interventions')}</h3> : null}
          <ul className="suggestion-list">
            {item.suggestions.interventions.map((s, index) => (
              <InterventionCard
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is the suggestion's identity in the API.
                key={`${s.start}-${index}`}
                suggestion={s}
                choice={state.interventions[index]!}
                selected={isSelected('interventions', index)}
                onSelect={select('interventions', index)}
                onDecide={(d) => decide('interventions', index, d)}
                onEdit={(form) => edit('interventions', index, form)}
                proposal={statementProposal('interventions', index)}
                same={sameIntervention[index] ?? false}
                onSame={(same) => setSameIntervention((s) => ({ ...s, [index]: same }))}
              />
            ))}
          </ul>
          <IncidentTarget
            candidates={item.candidates}
            proposals={item.proposals}
            value={target}
            onChange={setTarget}
          />
          {left ? <p className="hint">{t('review.undecidedLeft', { count: left })}</p> : null}
          {saveError ? <ErrorMessage error={saveError} /> : null}
          {open ? <DraftStatusText status={draft.status} /> : null}
          <button
            type="button"
            className="primary"
            disabled={saving || left > 0 || !open}
            onClick={() => void save()}
          >
            {t('review.save')}
          </button>
        </section>
      </div>
    </>
  );
}
