import type { ReactNode } from 'react';
import type { ClaimRecord, Evidence, InterventionRecord } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useVocabularyLabel } from '../vocabulary.tsx';

interface Group {
  key: string;
  heading: string;
  assertions: ClaimRecord[];
  denials: ClaimRecord[];
}

/**
 * Claims grouped by the act they are about, so each denial stands beside what it denies. Claims not
 * tied to one act (or denying the incident as a whole) form the last group.
 */
function groupClaims(evidence: Evidence, actLabel: (type: string) => string, wholeLabel: string): Group[] {
  const actIds = new Set(evidence.acts.map((act) => act.id));
  const groups: Group[] = evidence.acts.map((act) => ({
    key: act.id,
    heading: actLabel(act.type),
    assertions: evidence.assertions.filter((c) => c.actId === act.id),
    denials: evidence.denials.filter(
      (d) => d.denies?.actId === act.id || (d.denies === null && d.actId === act.id),
    ),
  }));
  groups.push({
    key: 'whole',
    heading: wholeLabel,
    assertions: evidence.assertions.filter((c) => c.actId === null || !actIds.has(c.actId)),
    denials: evidence.denials.filter((d) => d.denies === null && (d.actId === null || !actIds.has(d.actId))),
  });
  // Contested claims first: a denial is what a reader most needs to weigh.
  return groups
    .filter((g) => g.assertions.length || g.denials.length)
    .sort((a, b) => Number(b.denials.length > 0) - Number(a.denials.length > 0));
}

function ClaimQuote({
  claim,
  language,
  actions,
}: {
  claim: ClaimRecord;
  language: string | undefined;
  actions?: ((claim: ClaimRecord) => ReactNode) | undefined;
}) {
  return (
    <figure className={`claim stance-${claim.stance}`}>
      <blockquote lang={language}>{claim.passage}</blockquote>
      <figcaption>
        {claim.actor ? <span className="claim-actor">{claim.actor.name} · </span> : null}
        <Link to={`/sources/${claim.source.id}`}>{claim.source.title ?? claim.source.origin}</Link>
      </figcaption>
      {actions ? actions(claim) : null}
    </figure>
  );
}

/** `claimActions` / `interventionActions`: controls shown under each (editing, for those who may). */
export function EvidencePanel({
  evidence,
  claimActions,
  interventionActions,
}: {
  evidence: Evidence;
  claimActions?: (claim: ClaimRecord) => ReactNode;
  interventionActions?: (intervention: InterventionRecord) => ReactNode;
}) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  const languageOf = (sourceId: string) => evidence.sources.find((s) => s.id === sourceId)?.language;
  const groups = groupClaims(evidence, (type) => label('eventTypes', type), t('incident.whole'));
  return (
    <section className="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('incident.evidence')}</h2>
      {/* Counts exactly what is listed below: every denial shown, "official" only when all are. */}
      <p className="evidence-summary" data-testid="evidence-summary">
        {evidence.deniedBy > 0
          ? t('incident.summaryLine', {
              reported: t('incident.reported', { count: evidence.independentSources }),
              denied: t(evidence.deniedOfficially ? 'incident.denied' : 'incident.deniedStatements', {
                count: evidence.deniedBy,
              }),
            })
          : t('incident.reported', { count: evidence.independentSources })}
      </p>
      <p className="meta" data-testid="evidence-reports">
        {t('act.reportsLine', {
          reports: t('act.reports', { count: evidence.reportingSources }),
          independent: t('act.independent', { count: evidence.independentSources }),
        })}
      </p>
      {groups.map((group) => (
        <section key={group.key} className="claim-group" aria-label={group.heading}>
          <h3>{group.heading}</h3>
          <div className="side-by-side">
            <div className="asserts">
              <h4>{t('incident.asserts')}</h4>
              {group.assertions.map((claim) => (
                <ClaimQuote
                  key={claim.id}
                  claim={claim}
                  language={languageOf(claim.source.id)}
                  actions={claimActions}
                />
              ))}
            </div>
            <div className="denies">
              <h4>{t('incident.denies')}</h4>
              {group.denials.length === 0 ? <p className="meta">{t('incident.noDenials')}</p> : null}
              {group.denials.map((claim) => (
                <ClaimQuote
                  key={claim.id}
                  claim={claim}
                  language={languageOf(claim.source.id)}
                  actions={claimActions}
                />
              ))}
            </div>
          </div>
        </section>
      ))}
      <h3>{t('incident.sources')}</h3>
      <ul className="source-list incident-sources">
        {evidence.sources.map((source) => (
          <li key={source.id}>
            <Link to={`/sources/${source.id}`}>{source.title ?? source.id.slice(0, 8)}</Link>{' '}
            <span className="meta">({source.origin})</span>
          </li>
        ))}
      </ul>
      {evidence.interventions.length ? (
        <>
          <h3>{t('review.interventions')}</h3>
          <ul className="source-list">
            {evidence.interventions.map((i) => (
              <li key={i.id}>
                <strong>{label('interventionTypes', i.type)}</strong>
                {i.actor ? ` — ${i.actor.name}` : ''}
                {i.description ? `: ${i.description}` : ''}
                {interventionActions ? interventionActions(i) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
